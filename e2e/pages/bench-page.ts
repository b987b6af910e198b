// Page object for SocketBench: every locator uses the accessible names of DESIGN.md section 6.
import { expect, type Locator, type Page } from '@playwright/test';
import type { Language } from '../../shared/i18n/catalog';
import { escapeRegExp, uiName, uiNames } from './ui-names';

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

  constructor(
    readonly page: Page,
    readonly language: Language = 'en',
  ) {
    const n = (english: string): string | RegExp => uiName(english, language);
    this.protocol = page.getByLabel(n('Protocol'));
    this.host = page.getByLabel(n('Host'), { exact: true });
    this.port = page.getByLabel(n('Port'), { exact: true });
    this.connect = page.getByRole('button', { name: n('Connect'), exact: true });
    this.disconnect = page.getByRole('button', { name: n('Disconnect'), exact: true });
    this.state = page.getByRole('status').filter({
      hasText:
        language === 'en'
          ? /Connected|Connecting|Reconnecting|Disconnected|Error|Listening|listening|Starting|Open|Closed/
          : new RegExp(
              ['Connected', 'Disconnected', 'Listening', 'Not listening']
                .flatMap((word) => uiNames(word, language))
                .map(escapeRegExp)
                .join('|'),
            ),
    });
    this.message = page.getByLabel(n('Message'), { exact: true });
    this.encodeAs = page.getByLabel(n('Encode as'));
    this.lineEnding = page.getByLabel(n('Line ending'));
    this.send = page.getByRole('button', { name: n('Send'), exact: true });
    this.decodeAs = page.getByLabel(n('Decode as'));
    this.log = page.getByRole('log', { name: n('Traffic log') });
    this.clearLog = page.getByRole('button', { name: n('Clear log') });
    this.rx = page.getByLabel(n('RX'), { exact: true });
    this.tx = page.getByLabel(n('TX'), { exact: true });
    this.localAddress = page.getByLabel(n('Local address'), { exact: true });
    this.localPort = page.getByLabel(n('Local port'), { exact: true });
    this.listen = page.getByRole('button', { name: n('Listen'), exact: true });
    this.stop = page.getByRole('button', { name: n('Stop'), exact: true });
    this.openSocket = page.getByRole('button', { name: n('Open'), exact: true });
    this.closeSocket = page.getByRole('button', { name: n('Close'), exact: true });
    this.clients = page.getByRole('list', { name: n('Clients'), exact: true });
    this.sendTo = page.getByLabel(n('Send to'), { exact: true });
    this.remoteHost = page.getByLabel(n('Remote host'), { exact: true });
    this.remotePort = page.getByLabel(n('Remote port'), { exact: true });
    this.replyToSender = page.getByLabel(n('Reply to last sender'), { exact: true });
    this.sessions = page.getByRole('list', { name: n('Sessions'), exact: true });
    this.newSession = page.getByRole('button', { name: n('New session'), exact: true });
    this.whichIp = page.getByRole('button', { name: n('Which IP?'), exact: true });
    this.network = page.getByRole('region', { name: n('Network interfaces'), exact: true });
    this.boardAddress = page.getByLabel(n('Board address'), { exact: true });
    this.escapes = page.getByLabel(n('Escapes'), { exact: true });
    this.macros = page.getByLabel(n('Macros'), { exact: true });
    this.checksum = page.getByLabel(n('Checksum'), { exact: true });
    this.byteOrder = page.getByLabel(n('Byte order'), { exact: true });
    this.time = page.getByLabel(n('Time'), { exact: true });
    this.hexDump = page.getByLabel(n('Hex dump'), { exact: true });
    this.showRx = page.getByRole('checkbox', { name: n('Show RX'), exact: true });
    this.showTx = page.getByRole('checkbox', { name: n('Show TX'), exact: true });
    this.showSystem = page.getByRole('checkbox', { name: n('Show system rows'), exact: true });
    this.find = page.getByLabel(n('Find'), { exact: true });
    this.findHex = page.getByLabel(n('Hex'), { exact: true });
    this.findNext = page.getByRole('button', { name: n('Next'), exact: true });
    this.findPrevious = page.getByRole('button', { name: n('Previous'), exact: true });
    this.logData = page.getByLabel(n('Log data'), { exact: true });
    this.pause = page.getByRole('button', { name: /^(Pause|Resume)$/ });
    this.openCalculator = page.getByRole('button', { name: n('Checksum…'), exact: true });
    this.calculator = page.getByRole('region', { name: n('Checksum calculator'), exact: true });
    this.exportMenu = page.getByRole('button', { name: n('Export'), exact: true });
    this.resetCounters = page.getByRole('button', { name: n('Reset counters'), exact: true });
    this.rxRate = page.getByLabel(n('RX rate'), { exact: true });
    this.txRate = page.getByLabel(n('TX rate'), { exact: true });
    this.framing = page.getByLabel(n('Framing'), { exact: true });
    this.delimiterHex = page.getByLabel(n('Delimiter (hex)'), { exact: true });
    this.captureToFile = page.getByText(n('Capture to file'), { exact: true });
    this.capturePath = page.getByLabel(n('Capture path'), { exact: true });
    this.startCapture = page.getByRole('button', { name: n('Start capture'), exact: true });
    this.stopCapture = page.getByRole('button', { name: n('Stop capture'), exact: true });
    this.boardPreset = page.getByLabel(n('Board preset'), { exact: true });
    this.reconnect = page.getByLabel(n('Reconnect automatically'), { exact: true });
    this.firstRetry = page.getByLabel(n('First retry (ms)'), { exact: true });
    this.maxRetry = page.getByLabel(n('Max retry (ms)'), { exact: true });
    this.maxTries = page.getByLabel(n('Max tries'), { exact: true });
    this.expectedReply = page.getByLabel(n('Expected reply'), { exact: true });
    this.expectPrefix = page.getByLabel(n('Prefix'), { exact: true });
    this.expectTimeout = page.getByLabel(n('Timeout (ms)'), { exact: true });
    this.sendingTools = page.getByRole('tablist', { name: n('Sending tools'), exact: true });
    this.saveAsPreset = page.getByRole('button', { name: n('Save as preset'), exact: true });
    this.presetName = page.getByLabel(n('Preset name'), { exact: true });
    this.importPresets = page.getByLabel(n('Import presets'), { exact: true });
    this.exportPresets = page.getByRole('button', { name: n('Export presets'), exact: true });
    this.interval = page.getByLabel(n('Interval (ms)'), { exact: true });
    this.count = page.getByLabel(n('Count'), { exact: true });
    this.startPeriodic = page.getByRole('button', { name: n('Start periodic'), exact: true });
    this.stopPeriodic = page.getByRole('button', { name: n('Stop periodic'), exact: true });
    this.fileToSend = page.getByLabel(n('File to send'), { exact: true });
    this.chunkSize = page.getByLabel(n('Chunk size (bytes)'), { exact: true });
    this.chunkDelay = page.getByLabel(n('Delay between chunks (ms)'), { exact: true });
    this.sendFile = page.getByRole('button', { name: n('Send file'), exact: true });
    this.cancelFile = page.getByRole('button', { name: n('Cancel'), exact: true });
    this.fileProgress = page.getByRole('progressbar', { name: n('File send progress'), exact: true });
    this.addRule = page.getByRole('button', { name: n('Add rule'), exact: true });
    this.rounds = page.getByLabel(n('Rounds'), { exact: true });
    this.duration = page.getByLabel(n('Duration (s)'), { exact: true });
    this.startSoak = page.getByRole('button', { name: n('Start soak'), exact: true });
    this.stopSoak = page.getByRole('button', { name: n('Stop soak'), exact: true });
    this.soakFigures = page.getByLabel(n('Soak figures'), { exact: true });
  }

  /** A control's accessible name in the page's language (a pattern if it has two translations). */
  name(english: string): string | RegExp {
    return uiName(english, this.language);
  }

  /** A text in the page's language, where exactly one is needed (an option's label, a state word). */
  label(english: string): string {
    const names = uiNames(english, this.language);
    if (names.length !== 1)
      throw new Error(`"${english}" has ${names.length} translations: ${names.join(', ')}`);
    return names[0] as string;
  }

  /** Matches text containing any translation of `english` (for state words with two forms). */
  anyOf(english: string): RegExp {
    return new RegExp(uiNames(english, this.language).map(escapeRegExp).join('|'));
  }

  /** Unfolds the session panel's Expect section (Expected reply, its field, Timeout (ms)). */
  async showExpect(): Promise<void> {
    const section = this.page.locator('details', {
      has: this.page.locator('summary', { hasText: new RegExp(`^${escapeRegExp(this.label('Expect'))}`) }),
    });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
    await expect(this.expectedReply).toBeVisible();
  }

  /** Unfolds the session setup's Options (a TCP client's local address, timeouts, reconnect). */
  async showOptions(): Promise<void> {
    const section = this.page.locator('details', {
      has: this.page.locator('summary', { hasText: new RegExp(`^${escapeRegExp(this.label('Options'))}$`) }),
    });
    if ((await section.getAttribute('open')) === null) await section.locator('summary').click();
  }

  /** Opens one of the sending tools under the message box (Presets, Periodic send, Send file, Auto-reply, Soak run). */
  async tool(name: 'Presets' | 'Periodic send' | 'Send file' | 'Auto-reply' | 'Soak run'): Promise<Locator> {
    await this.sendingTools.getByRole('tab', { name: this.name(name), exact: true }).click();
    return this.page.getByRole('tabpanel', { name: this.name(name), exact: true });
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
    await this.page.getByRole('button', { name: this.name(format), exact: true }).click();
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
      await rows
        .first()
        .getByRole('button', { name: this.name('Close session'), exact: true })
        .click();
    }
    await expect(rows).toHaveCount(1);
    return (await rows.first().getAttribute('aria-label')) ?? '';
  }

  async connectTo(host: string, port: number): Promise<void> {
    await this.protocol.selectOption({ label: this.label('TCP client') });
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
    await this.encodeAs.selectOption({ label: this.label(encodeAs) });
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
    await this.protocol.selectOption({ label: this.label('TCP server') });
    await this.localAddress.selectOption({ value: localAddress });
    await this.port.fill(String(port));
    await this.listen.click();
    await expect(this.state).toContainText(this.label('Listening'));
    return this.boundPort();
  }

  /** Opens a UDP socket on loopback (port 0: a free one) and returns its port. */
  async openUdp(localPort = 0, localAddress = '127.0.0.1'): Promise<number> {
    await this.protocol.selectOption({ label: this.label('UDP') });
    await this.localAddress.selectOption({ value: localAddress });
    await this.localPort.fill(String(localPort));
    await this.openSocket.click();
    await expect(this.state).toContainText(this.label('Open'));
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
    await this.session(from)
      .getByRole('button', { name: this.name('Rename'), exact: true })
      .click();
    const field = this.sessions.getByLabel(this.name('Session name'), { exact: true });
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
