// Page object for SocketBench: every locator uses the accessible names of DESIGN.md section 6.
import { expect, type Locator, type Page } from '@playwright/test';

export class BenchPage {
  readonly protocol: Locator;
  readonly host: Locator;
  readonly port: Locator;
  readonly connect: Locator;
  readonly disconnect: Locator;
  readonly state: Locator;
  readonly message: Locator;
  readonly encodeAs: Locator;
  readonly lineEnding: Locator;
  readonly send: Locator;
  readonly decodeAs: Locator;
  readonly log: Locator;
  readonly clearLog: Locator;
  readonly rx: Locator;
  readonly tx: Locator;
  // Servers, UDP and several sessions.
  readonly localAddress: Locator;
  readonly localPort: Locator;
  readonly listen: Locator;
  readonly stop: Locator;
  readonly openSocket: Locator;
  readonly closeSocket: Locator;
  readonly clients: Locator;
  readonly sendTo: Locator;
  readonly remoteHost: Locator;
  readonly remotePort: Locator;
  readonly replyToSender: Locator;
  readonly sessions: Locator;
  readonly newSession: Locator;
  readonly whichIp: Locator;
  readonly network: Locator;
  readonly boardAddress: Locator;
  // Payload toolkit: composer, log view, counters, framing, capture.
  readonly escapes: Locator;
  readonly macros: Locator;
  readonly checksum: Locator;
  readonly byteOrder: Locator;
  readonly time: Locator;
  readonly hexDump: Locator;
  readonly showRx: Locator;
  readonly showTx: Locator;
  readonly showSystem: Locator;
  readonly find: Locator;
  readonly findHex: Locator;
  readonly findNext: Locator;
  readonly findPrevious: Locator;
  readonly logData: Locator;
  readonly pause: Locator;
  readonly openCalculator: Locator;
  readonly calculator: Locator;
  readonly exportMenu: Locator;
  readonly resetCounters: Locator;
  readonly rxRate: Locator;
  readonly txRate: Locator;
  readonly framing: Locator;
  readonly delimiterHex: Locator;
  readonly captureToFile: Locator;
  readonly capturePath: Locator;
  readonly startCapture: Locator;
  readonly stopCapture: Locator;
  // Bench automation: board presets, reconnect, expect, sending tools, soak runs.
  readonly boardPreset: Locator;
  readonly reconnect: Locator;
  readonly firstRetry: Locator;
  readonly maxRetry: Locator;
  readonly maxTries: Locator;
  readonly expectedReply: Locator;
  readonly expectPrefix: Locator;
  readonly expectTimeout: Locator;
  readonly sendingTools: Locator;
  readonly saveAsPreset: Locator;
  readonly presetName: Locator;
  readonly importPresets: Locator;
  readonly exportPresets: Locator;
  readonly interval: Locator;
  readonly count: Locator;
  readonly startPeriodic: Locator;
  readonly stopPeriodic: Locator;
  readonly fileToSend: Locator;
  readonly chunkSize: Locator;
  readonly chunkDelay: Locator;
  readonly sendFile: Locator;
  readonly cancelFile: Locator;
  readonly fileProgress: Locator;
  readonly addRule: Locator;
  readonly rounds: Locator;
  readonly duration: Locator;
  readonly startSoak: Locator;
  readonly stopSoak: Locator;
  readonly soakFigures: Locator;

  constructor(readonly page: Page) {
    this.protocol = page.getByLabel('Protocol');
    this.host = page.getByLabel('Host', { exact: true });
    this.port = page.getByLabel('Port', { exact: true });
    this.connect = page.getByRole('button', { name: 'Connect', exact: true });
    this.disconnect = page.getByRole('button', { name: 'Disconnect', exact: true });
    this.state = page.getByRole('status').filter({
      hasText:
        /Connected|Connecting|Reconnecting|Disconnected|Error|Listening|listening|Starting|Open|Closed/,
    });
    this.message = page.getByLabel('Message', { exact: true });
    this.encodeAs = page.getByLabel('Encode as');
    this.lineEnding = page.getByLabel('Line ending');
    this.send = page.getByRole('button', { name: 'Send', exact: true });
    this.decodeAs = page.getByLabel('Decode as');
    this.log = page.getByRole('log', { name: 'Traffic log' });
    this.clearLog = page.getByRole('button', { name: 'Clear log' });
    this.rx = page.getByLabel('RX', { exact: true });
    this.tx = page.getByLabel('TX', { exact: true });
    this.localAddress = page.getByLabel('Local address', { exact: true });
    this.localPort = page.getByLabel('Local port', { exact: true });
    this.listen = page.getByRole('button', { name: 'Listen', exact: true });
    this.stop = page.getByRole('button', { name: 'Stop', exact: true });
    this.openSocket = page.getByRole('button', { name: 'Open', exact: true });
    this.closeSocket = page.getByRole('button', { name: 'Close', exact: true });
    this.clients = page.getByRole('list', { name: 'Clients', exact: true });
    this.sendTo = page.getByLabel('Send to', { exact: true });
    this.remoteHost = page.getByLabel('Remote host', { exact: true });
    this.remotePort = page.getByLabel('Remote port', { exact: true });
    this.replyToSender = page.getByLabel('Reply to last sender', { exact: true });
    this.sessions = page.getByRole('list', { name: 'Sessions', exact: true });
    this.newSession = page.getByRole('button', { name: 'New session', exact: true });
    this.whichIp = page.getByRole('button', { name: 'Which IP?', exact: true });
    this.network = page.getByRole('region', { name: 'Network interfaces', exact: true });
    this.boardAddress = page.getByLabel('Board address', { exact: true });
    this.escapes = page.getByLabel('Escapes', { exact: true });
    this.macros = page.getByLabel('Macros', { exact: true });
    this.checksum = page.getByLabel('Checksum', { exact: true });
    this.byteOrder = page.getByLabel('Byte order', { exact: true });
    this.time = page.getByLabel('Time', { exact: true });
    this.hexDump = page.getByLabel('Hex dump', { exact: true });
    this.showRx = page.getByRole('checkbox', { name: 'Show RX', exact: true });
    this.showTx = page.getByRole('checkbox', { name: 'Show TX', exact: true });
    this.showSystem = page.getByRole('checkbox', { name: 'Show system rows', exact: true });
    this.find = page.getByLabel('Find', { exact: true });
    this.findHex = page.getByLabel('Hex', { exact: true });
    this.findNext = page.getByRole('button', { name: 'Next', exact: true });
    this.findPrevious = page.getByRole('button', { name: 'Previous', exact: true });
    this.logData = page.getByLabel('Log data', { exact: true });
    this.pause = page.getByRole('button', { name: /^(Pause|Resume)$/ });
    this.openCalculator = page.getByRole('button', { name: 'Checksum…', exact: true });
    this.calculator = page.getByRole('region', { name: 'Checksum calculator', exact: true });
    this.exportMenu = page.getByRole('button', { name: 'Export', exact: true });
    this.resetCounters = page.getByRole('button', { name: 'Reset counters', exact: true });
    this.rxRate = page.getByLabel('RX rate', { exact: true });
    this.txRate = page.getByLabel('TX rate', { exact: true });
    this.framing = page.getByLabel('Framing', { exact: true });
    this.delimiterHex = page.getByLabel('Delimiter (hex)', { exact: true });
    this.captureToFile = page.getByText('Capture to file', { exact: true });
    this.capturePath = page.getByLabel('Capture path', { exact: true });
    this.startCapture = page.getByRole('button', { name: 'Start capture', exact: true });
    this.stopCapture = page.getByRole('button', { name: 'Stop capture', exact: true });
    this.boardPreset = page.getByLabel('Board preset', { exact: true });
    this.reconnect = page.getByLabel('Reconnect automatically', { exact: true });
    this.firstRetry = page.getByLabel('First retry (ms)', { exact: true });
    this.maxRetry = page.getByLabel('Max retry (ms)', { exact: true });
    this.maxTries = page.getByLabel('Max tries', { exact: true });
    this.expectedReply = page.getByLabel('Expected reply', { exact: true });
    this.expectPrefix = page.getByLabel('Prefix', { exact: true });
    this.expectTimeout = page.getByLabel('Timeout (ms)', { exact: true });
    this.sendingTools = page.getByRole('tablist', { name: 'Sending tools', exact: true });
    this.saveAsPreset = page.getByRole('button', { name: 'Save as preset', exact: true });
    this.presetName = page.getByLabel('Preset name', { exact: true });
    this.importPresets = page.getByLabel('Import presets', { exact: true });
    this.exportPresets = page.getByRole('button', { name: 'Export presets', exact: true });
    this.interval = page.getByLabel('Interval (ms)', { exact: true });
    this.count = page.getByLabel('Count', { exact: true });
    this.startPeriodic = page.getByRole('button', { name: 'Start periodic', exact: true });
    this.stopPeriodic = page.getByRole('button', { name: 'Stop periodic', exact: true });
    this.fileToSend = page.getByLabel('File to send', { exact: true });
    this.chunkSize = page.getByLabel('Chunk size (bytes)', { exact: true });
    this.chunkDelay = page.getByLabel('Delay between chunks (ms)', { exact: true });
    this.sendFile = page.getByRole('button', { name: 'Send file', exact: true });
    this.cancelFile = page.getByRole('button', { name: 'Cancel', exact: true });
    this.fileProgress = page.getByRole('progressbar', { name: 'File send progress', exact: true });
    this.addRule = page.getByRole('button', { name: 'Add rule', exact: true });
    this.rounds = page.getByLabel('Rounds', { exact: true });
    this.duration = page.getByLabel('Duration (s)', { exact: true });
    this.startSoak = page.getByRole('button', { name: 'Start soak', exact: true });
    this.stopSoak = page.getByRole('button', { name: 'Stop soak', exact: true });
    this.soakFigures = page.getByLabel('Soak figures', { exact: true });
  }

  /** Unfolds the session panel's Expect section (Expected reply, its field, Timeout (ms)). */
  async showExpect(): Promise<void> {
    const section = this.page.locator('details', {
      has: this.page.locator('summary', { hasText: /^Expect\b/ }),
    });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    await expect(this.expectedReply).toBeVisible();
  }

  /** Unfolds the session setup's Options (a TCP client's local address, timeouts, reconnect). */
  async showOptions(): Promise<void> {
    const section = this.page.locator('details', {
      has: this.page.locator('summary', { hasText: /^Options$/ }),
    });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  }

  /** Opens one of the sending tools under the message box (Presets, Periodic send, Send file, Auto-reply, Soak run). */
  async tool(name: 'Presets' | 'Periodic send' | 'Send file' | 'Auto-reply' | 'Soak run'): Promise<Locator> {
    await this.sendingTools.getByRole('tab', { name, exact: true }).click();
    return this.page.getByRole('tabpanel', { name, exact: true });
  }

  /** Auto-reply rule `n` (1-based): its Match, Pattern, Reply, Delay (ms), Enabled and hit count. */
  rule(n: number): Locator {
    return this.page.getByRole('group', { name: new RegExp(`^Rule ${n}\\b`) });
  }

  /** One soak figure's value ("Passed", "RTT p50", "Throughput" …). */
  soakFigure(label: string): Locator {
    return this.soakFigures
      .locator('.figure')
      .filter({ has: this.page.getByText(label, { exact: true }) })
      .locator('dd');
  }

  /** Result rows of judged exchanges in the log (PASS, FAIL or TIMEOUT). */
  exchangeRows(verdict?: 'PASS' | 'FAIL' | 'TIMEOUT'): Locator {
    const rows = this.log.locator('.row.exchange');
    return verdict ? rows.filter({ has: this.page.locator('.verdict-badge', { hasText: verdict }) }) : rows;
  }

  /** The live preview under `Message`: the exact bytes Send would put on the wire. */
  async preview(): Promise<Locator> {
    const id = await this.message.getAttribute('aria-describedby');
    if (!id) throw new Error('the message box names no preview');
    return this.page.locator(`[id="${id}"]`);
  }

  /** Exports the log (Text, CSV, Markdown transcript, Received bytes (.bin)); resolves to the download. */
  async exportLog(format: 'Text' | 'CSV' | 'Markdown transcript' | 'Received bytes (.bin)') {
    await this.exportMenu.click();
    const download = this.page.waitForEvent('download');
    await this.page.getByRole('button', { name: format, exact: true }).click();
    return download;
  }

  /** "3 of 12", "No matches" or '' beside Find. */
  matchCount(): Locator {
    return this.page.locator('.match-count');
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await expect(this.log).toBeVisible();
    // The engine's sessions (left by earlier pages too) are adopted once its list is in.
    await expect(this.sessions).not.toHaveAttribute('aria-busy', 'true');
  }

  /** Opens the app with one fresh session (closing any the engine still had); returns its name. */
  async openClean(url: string): Promise<string> {
    await this.open(url);
    return this.closeAllSessions();
  }

  /** The name of the session shown now. */
  async activeSessionName(): Promise<string> {
    const active = this.sessions
      .getByRole('listitem')
      .filter({ has: this.page.locator('[aria-current="true"]') });
    return (await active.getAttribute('aria-label')) ?? '';
  }

  /** Closes every session (and its connection); returns the name of the fresh one that remains. */
  async closeAllSessions(): Promise<string> {
    const rows = this.sessions.getByRole('listitem');
    const count = await rows.count();
    for (let i = 0; i < count; i++) {
      await rows.first().getByRole('button', { name: 'Close session', exact: true }).click();
    }
    await expect(rows).toHaveCount(1);
    return (await rows.first().getAttribute('aria-label')) ?? '';
  }

  async connectTo(host: string, port: number): Promise<void> {
    await this.protocol.selectOption({ label: 'TCP client' });
    await this.host.fill(host);
    await this.port.fill(String(port));
    await this.connect.click();
  }

  async sendText(
    text: string,
    encodeAs:
      | 'ASCII'
      | 'UTF-8'
      | 'GBK'
      | 'GB18030'
      | 'Latin-1'
      | 'UTF-16LE'
      | 'UTF-16BE'
      | 'Hex'
      | 'Base64' = 'ASCII',
  ): Promise<void> {
    await this.encodeAs.selectOption({ label: encodeAs });
    await this.message.fill(text);
    await this.send.click();
  }

  /** The port the session's state says it is bound to ("Listening on [::]:40123"). */
  async boundPort(): Promise<number> {
    const text = await this.state.innerText();
    const match = /:(\d+)\s*$/m.exec(text.split('\n').find((line) => line.startsWith('on ')) ?? '');
    if (!match?.[1]) throw new Error(`no bound port in the session state: ${text}`);
    return Number(match[1]);
  }

  /** Listens as a TCP server (port 0: a free one) and returns the port actually listened on. */
  async listenOn(port = 0, localAddress = ''): Promise<number> {
    await this.protocol.selectOption({ label: 'TCP server' });
    await this.localAddress.selectOption({ value: localAddress });
    await this.port.fill(String(port));
    await this.listen.click();
    await expect(this.state).toContainText('Listening');
    return this.boundPort();
  }

  /** Opens a UDP socket on loopback (port 0: a free one) and returns its port. */
  async openUdp(localPort = 0, localAddress = '127.0.0.1'): Promise<number> {
    await this.protocol.selectOption({ label: 'UDP' });
    await this.localAddress.selectOption({ value: localAddress });
    await this.localPort.fill(String(localPort));
    await this.openSocket.click();
    await expect(this.state).toContainText('Open');
    return this.boundPort();
  }

  /** A board's row in `Clients`: its accessible name starts with "address:port". */
  client(peer: string): Locator {
    return this.clients.getByRole('listitem', { name: new RegExp(`^${escapeRegExp(peer)}\\b`) });
  }

  session(name: string): Locator {
    return this.sessions.getByRole('listitem', { name, exact: true });
  }

  async switchTo(name: string): Promise<void> {
    await this.session(name).getByRole('button').first().click();
  }

  async renameSession(from: string, to: string): Promise<void> {
    await this.session(from).getByRole('button', { name: 'Rename', exact: true }).click();
    const field = this.sessions.getByLabel('Session name', { exact: true });
    await field.fill(to);
    await field.press('Enter');
    await expect(this.session(to)).toBeVisible();
  }

  /** Log entries whose text contains every one of the given pieces (peer, direction, payload). */
  logEntries(...pieces: string[]): Locator {
    let rows = this.log.locator('.row');
    for (const piece of pieces) rows = rows.filter({ hasText: piece });
    return rows;
  }
}

const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
