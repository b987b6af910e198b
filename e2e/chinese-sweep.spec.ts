// The whole window in Simplified Chinese, state by state: at each one every visible text and every
// aria-label, title and placeholder is read, and no English word may be left once the user's and the
// boards' own data, numbers, addresses and the technical words that stay in Chinese text are taken out.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { hostname, networkInterfaces, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Page } from '@playwright/test';
import { translate } from '../shared/i18n/catalog';
import { expect, launchWebApp, makeUserData, removeUserData, test } from './fixtures/app';
import {
  ESP8266_GREETING,
  type Esp8266Client,
  startEsp8266Client,
  startFlakyBoard,
  startUdpEchoBoard,
  type UdpEchoBoard,
  W55RP20_REPLY_PREFIX,
} from './fixtures/boards';
import { BenchPage } from './pages/bench-page';
import { escapeRegExp } from './pages/ui-names';

test.use({ locale: 'zh-CN' });

/** Words that stay as they are in Chinese text: protocols, encodings, checks, units, keys, boards. */
const TECHNICAL = [
  'TCP_NODELAY',
  'TTL',
  'TCP',
  'UDP',
  'IPv4',
  'IPv6',
  'IP',
  'RX',
  'TX',
  'ASCII',
  'UTF-8',
  'GBK',
  'GB18030',
  'Latin-1',
  'UTF-16LE',
  'UTF-16BE',
  'Hex',
  'HEX',
  'hex',
  'Base64',
  'CRC-[\\w/-]+',
  'SUM8',
  'XOR8',
  'MODBUS',
  'CCITT',
  'CRLF',
  'LF',
  'CR',
  'ms',
  'B',
  'KiB',
  'MiB',
  'GiB',
  'p50',
  'p95',
  'p99',
  'JSON',
  'YAML',
  'CSV',
  'JUnit',
  'Markdown',
  'SocketBench',
  'Ctrl',
  'Cmd',
  'Shift',
  'Enter',
  'Esc',
  'F1',
  'W55RP20',
  'ESP8266',
  'K230',
  'QuecPython',
  'MicroPython',
  'CanMV',
  'Unix',
];

/** The case file's own words (YAML keys and values), written the same in every language. */
const CASE_FILE_WORDS = [
  'name:',
  'simulate:',
  'board:',
  'mode:',
  'tcp-client',
  'tcp-server',
  'host:',
  'port:',
  'framing:',
  'raw',
  'steps:',
  'connect',
  'send:',
  'expect:',
  'prefix-echo:',
  'prefix-echo',
  'echo',
  'close',
  'w55rp20',
];
/** What the example placeholders show (a path, a message, a case): a pattern to copy, not words to read. */
const EXAMPLES = [
  '/home/me/board-capture.bin',
  'hello',
  // An auto-reply rule's example patterns and replies: bytes as a board sends them.
  'Hello',
  'PING',
  'AT+',
  '^GET',
  'Hi',
  'OK',
  ...CASE_FILE_WORDS,
];
/** Escapes and macros are typed as they are in any language: \r \n \xNN, {counter} {random:N}. */
const SYNTAX = /\\x[0-9A-Fa-f]{2}|\\xNN|\\[rnt0\\]|\{[a-z]+(?::\w+)?\}/g;
/** A file name's ending, as the app writes it beside a capture or an export (.idx.csv, .bin). */
const FILE_ENDING = /(?<![A-Za-z0-9])\.(?:idx\.csv|bin|csv|txt|md|json|yaml|xml)(?![A-Za-z])/g;

const TECHNICAL_WORDS = new RegExp(`(?<![A-Za-z0-9])(?:${TECHNICAL.join('|')})(?![A-Za-z])`, 'g');
/** Addresses (IPv6 with or without brackets and zone), hex tokens with a digit, numbers, times. */
const IPV6 = /\[?(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?:%[\w.-]+)?\]?/g;
const HEXISH = /(?<![A-Za-z0-9])(?:0x)?[0-9a-fA-F]*\d[0-9a-fA-F]*(?![A-Za-z0-9])/g;
const LATIN_RUN = /[A-Za-z]{3,}/;

/** The machine's own names, which the network panel and a server's address list show as they are. */
const MACHINE_DATA = [hostname(), ...Object.keys(networkInterfaces())];

interface Found {
  where: string;
  text: string;
}

/** Every visible text line and every aria-label, title and placeholder in the page now. */
async function pageStrings(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const found: { where: string; text: string }[] = [];
    for (const line of document.body.innerText.split('\n')) {
      if (line.trim()) found.push({ where: 'text', text: line.trim() });
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) found.push({ where: `${el.tagName.toLowerCase()}[${attr}]`, text: value.trim() });
      }
      // A closed drop-down's choices are text the user reads too.
      if (el instanceof HTMLOptionElement && el.label.trim()) {
        found.push({ where: 'option', text: el.label.trim() });
      }
    }
    return found;
  });
}

/** What is left of `text` once data, technical words, addresses and numbers are taken out. */
function residue(text: string, data: readonly string[]): string {
  let rest = text;
  for (const piece of [...data].sort((a, b) => b.length - a.length)) {
    if (piece) rest = rest.split(piece).join(' ');
  }
  return rest
    .replace(SYNTAX, ' ')
    .replace(FILE_ENDING, ' ')
    .replace(IPV6, ' ')
    .replace(TECHNICAL_WORDS, ' ')
    .replace(HEXISH, ' ');
}

/** Fails, listing each one, if any string of the page still has an English word. */
async function expectNoEnglish(page: Page, state: string, data: readonly string[] = []): Promise<void> {
  const all = [...data, ...MACHINE_DATA];
  const left = new Set<string>();
  for (const { where, text } of await pageStrings(page)) {
    const rest = residue(text, where.endsWith('[placeholder]') ? [...all, ...EXAMPLES] : all);
    if (LATIN_RUN.test(rest)) left.add(`${where}: ${text}`);
  }
  // Soft, so one run lists what is left in every state, not just the first.
  expect.soft([...left], `English left in the window (${state}):\n${[...left].join('\n')}`).toEqual([]);
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Listens as a TCP server on a free port; the port is read from the state's address line. */
async function listen(bench: BenchPage): Promise<number> {
  await bench.protocol.selectOption({ label: bench.label('TCP server') });
  await bench.localAddress.selectOption({ value: '' });
  await bench.port.fill('0');
  await bench.listen.click();
  await expect(bench.state).toContainText(bench.label('Listening'));
  const port = Number(/\]:(\d+)/.exec(await bench.state.innerText())?.[1]);
  expect(port).toBeGreaterThan(0);
  return port;
}

/** Sends `text` as ASCII (an encoding's name is the same in every language). */
async function sendAscii(bench: BenchPage, text: string): Promise<void> {
  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.message.fill(text);
  await bench.send.click();
}

/** Opens a UDP socket on loopback and a free port. */
async function openUdp(bench: BenchPage): Promise<void> {
  await bench.protocol.selectOption({ label: bench.label('UDP') });
  await bench.localAddress.selectOption({ value: '127.0.0.1' });
  await bench.localPort.fill('0');
  await bench.openSocket.click();
  await expect(bench.closeSocket).toBeEnabled();
}

/** Judged exchanges in the log whose verdict reads `verdict` in the page's language. */
const verdictRows = (bench: BenchPage, verdict: 'PASS' | 'FAIL') =>
  bench.log.locator('.row.exchange').filter({
    has: bench.page.locator('.verdict-badge', { hasText: bench.anyOf(verdict) }),
  });

const clients: Esp8266Client[] = [];
let udpBoard: UdpEchoBoard | undefined;

test.afterEach(async ({ page, webApp }) => {
  const bench = new BenchPage(page, 'zh-CN');
  if (!page.url().includes('token=')) await bench.open(webApp.url);
  await bench.closeAllSessions();
  await Promise.all(clients.splice(0).map((c) => c.close()));
  await udpBoard?.close();
  udpBoard = undefined;
});

test('TCP 客户端：通信、期望回复、发送工具、选项、导出和查找都是中文', async ({ page, webApp, board }) => {
  test.setTimeout(60_000);
  const bench = new BenchPage(page, 'zh-CN');
  // The first screen as a first run shows it: the session it starts with, before any is closed.
  await bench.open(webApp.url);
  await expectNoEnglish(page, 'first screen');
  await bench.closeAllSessions();
  await expectNoEnglish(page, 'a new session');

  // The board's replies, also as the byte diff's text column cuts them.
  const boardData = [W55RP20_REPLY_PREFIX.trim(), 'TCP Server', 'Server: hell', 'Server : hel', 'hello'];
  await bench.showOptions();
  await bench.showExpect();
  await bench.expectedReply.selectOption({ label: bench.label('Prefix + same bytes') });
  await bench.expectPrefix.fill(W55RP20_REPLY_PREFIX);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText(bench.anyOf('Connected'));
  await sendAscii(bench, 'hello');
  await expect(verdictRows(bench, 'PASS')).toHaveCount(1);
  await bench.expectPrefix.fill('TCP Server: ');
  // The new rule is in force once the log says so (its prefix is in the line).
  await expect(bench.logEntries('TCP Server: ')).toHaveCount(1);
  await sendAscii(bench, 'hello');
  await expect(verdictRows(bench, 'FAIL')).toHaveCount(1);
  await expectNoEnglish(page, 'connected, PASS and FAIL', [...boardData, 'TCP Server: ']);

  for (const tool of ['Presets', 'Periodic send', 'Send file', 'Auto-reply', 'Soak run'] as const) {
    await bench.tool(tool);
    await expectNoEnglish(page, `sending tool ${tool}`, boardData);
  }

  // Each tool at work: a periodic send that ends, a soak run whose rounds fail, an auto-reply rule.
  await bench.tool('Periodic send');
  await bench.interval.fill('10');
  await bench.count.fill('3');
  await bench.startPeriodic.click();
  await expect(bench.startPeriodic).toBeVisible();
  await expectNoEnglish(page, 'a periodic send done', boardData);
  await bench.tool('Soak run');
  await bench.rounds.fill('3');
  await bench.duration.fill('');
  await bench.interval.fill('0');
  await bench.startSoak.click();
  await expect(bench.startSoak).toBeVisible({ timeout: 15_000 });
  await expectNoEnglish(page, 'a soak run with failed rounds', boardData);
  await bench.tool('Auto-reply');
  await bench.addRule.click();
  await expectNoEnglish(page, 'an auto-reply rule', boardData);
  await bench.openCalculator.click();
  await expect(bench.calculator).toBeVisible();
  await expectNoEnglish(page, 'the checksum calculator', boardData);
  await bench.openCalculator.click();

  await bench.captureToFile.click();
  const capture = join(mkdtempSync(join(tmpdir(), 'sweep-')), 'capture.bin');
  await bench.capturePath.fill(capture);
  // The path the user typed stays on screen from here on.
  boardData.push(capture);
  await expectNoEnglish(page, 'capture section', boardData);
  await bench.startCapture.click();
  await expect(bench.stopCapture).toBeVisible();
  await expectNoEnglish(page, 'capturing', boardData);
  await bench.stopCapture.click();
  await expect(bench.startCapture).toBeVisible();
  await expectNoEnglish(page, 'captured', boardData);
  // The same path again: the engine refuses to overwrite it, and says so.
  await bench.startCapture.click();
  await expect(
    page.getByText(translate('zh-CN', 'error.capture.fileExists', { path: capture, file: capture })),
  ).toBeVisible();
  await expectNoEnglish(page, 'a capture refused', boardData);
  rmSync(dirname(capture), { recursive: true, force: true });

  await bench.exportMenu.click();
  await expectNoEnglish(page, 'export menu', boardData);
  await page.keyboard.press('Escape');

  await page.keyboard.press('ControlOrMeta+f');
  await expect(bench.find).toBeFocused();
  await bench.find.fill('zqxjv');
  await expect(bench.matchCount()).not.toHaveText('');
  await expectNoEnglish(page, 'find with no match', [...boardData, 'zqxjv']);

  await bench.disconnect.click();
  await expect(bench.state).toContainText(bench.anyOf('Disconnected'));
  await expectNoEnglish(page, 'disconnected', boardData);
});

test('拒绝连接的端口、TCP 服务器和客户端、UDP 都是中文', async ({ page, webApp }) => {
  const bench = new BenchPage(page, 'zh-CN');
  await bench.openClean(webApp.url);
  const port = await closedPort();
  await bench.connectTo('127.0.0.1', port);
  await expect(bench.log).toContainText(`127.0.0.1:${port}`);
  await expect(bench.connect).toBeEnabled();
  await expectNoEnglish(page, 'refused port');

  await bench.newSession.click();
  const serverPort = await listen(bench);
  const client = await startEsp8266Client({ host: '127.0.0.1', port: serverPort });
  clients.push(client);
  await expect(bench.client(client.peer)).toBeVisible();
  await expect(bench.log).toContainText(ESP8266_GREETING[1]);
  await sendAscii(bench, 'hello');
  await client.waitFor('hello');
  await expectNoEnglish(page, 'TCP server with a board connected', [...ESP8266_GREETING, 'hello']);

  udpBoard = await startUdpEchoBoard();
  await bench.newSession.click();
  await openUdp(bench);
  await bench.message.fill('ping');
  await expectNoEnglish(page, 'UDP with no remote host', ['ping']);
  await bench.remoteHost.fill(udpBoard.host);
  await bench.remotePort.fill(String(udpBoard.port));
  await bench.send.click();
  await expect(bench.logEntries('ping')).toHaveCount(2);
  await expectNoEnglish(page, 'UDP with traffic', ['ping']);
});

test('服务器的期望回复、端口被占用、UDP 选项、放弃重连都是中文', async ({ page, webApp }) => {
  test.setTimeout(60_000);
  const bench = new BenchPage(page, 'zh-CN');
  await bench.openClean(webApp.url);
  await bench.protocol.selectOption({ label: bench.label('TCP server') });
  await bench.showExpect();
  await expectNoEnglish(page, 'a TCP server with its expect rule');
  const port = await listen(bench);
  await expectNoEnglish(page, 'a TCP server listening');

  // A second server on the same port: the system says it is taken.
  await bench.newSession.click();
  await expect(bench.sessions.getByRole('listitem')).toHaveCount(2);
  await bench.protocol.selectOption({ label: bench.label('TCP server') });
  await bench.localAddress.selectOption({ value: '127.0.0.1' });
  await bench.port.fill(String(port));
  await bench.listen.click();
  await expect(bench.listen).toBeEnabled();
  await expect(bench.log).toContainText(translate('zh-CN', 'error.listen.EADDRINUSE', { port }));
  await expectNoEnglish(page, 'a port in use');

  await bench.newSession.click();
  await bench.protocol.selectOption({ label: bench.label('UDP') });
  await bench.showOptions();
  await expectNoEnglish(page, 'UDP with its options');

  // A client that reconnects, whose board stays down until it gives up.
  const flaky = await startFlakyBoard();
  try {
    await bench.newSession.click();
    await bench.protocol.selectOption({ label: bench.label('TCP client') });
    await bench.host.fill(flaky.host);
    await bench.port.fill(String(flaky.port));
    await bench.showOptions();
    await bench.reconnect.check();
    await bench.firstRetry.fill('100');
    await bench.maxRetry.fill('100');
    await bench.maxTries.fill('2');
    await bench.connect.click();
    await expect(bench.state).toContainText(bench.anyOf('Connected'));
    await flaky.goDown();
    await expect(bench.connect).toBeVisible({ timeout: 10_000 });
    const gaveUp = translate('zh-CN', 'error.reconnect.gaveUp_other', { reason: '', count: 2 }).trim();
    await expect(bench.log).toContainText(gaveUp);
    await expectNoEnglish(page, 'a client that gave up reconnecting');
  } finally {
    await flaky.close();
  }
});

test('输入有误时的说明、预设、发送文件、改名都是中文', async ({ page, webApp, board }) => {
  test.setTimeout(60_000);
  const bench = new BenchPage(page, 'zh-CN');
  await bench.openClean(webApp.url);
  // The form's own reasons: a port out of range, a group that is no multicast address.
  await bench.protocol.selectOption({ label: bench.label('UDP') });
  await bench.localPort.fill('70000');
  await bench.showOptions();
  await page.getByLabel(bench.name('Group'), { exact: true }).fill('192.168.1.10');
  await expect(bench.openSocket).toBeDisabled();
  await expectNoEnglish(page, 'UDP settings with faults', ['192.168.1.10']);

  await bench.protocol.selectOption({ label: bench.label('TCP client') });
  await bench.host.fill(board.host);
  await bench.port.fill(String(board.port));
  // A message that is no hex, a framing delimiter that is no hex, an expected reply that is no hex.
  await bench.encodeAs.selectOption({ label: bench.label('Hex') });
  await bench.message.fill('zz 1');
  await bench.framing.selectOption({ label: bench.label('Delimiter') });
  await bench.delimiterHex.fill('0x');
  await bench.showExpect();
  await bench.expectedReply.selectOption({ label: bench.label('Exact hex') });
  await page
    .locator('details')
    .filter({ has: bench.expectedReply })
    .getByLabel(bench.name('Hex'), { exact: true })
    .fill('4G');
  await expectNoEnglish(page, 'a message, a delimiter and an expected reply that are no hex', [
    'zz 1',
    '0x',
    '4G',
  ]);

  await bench.delimiterHex.fill('0A');
  await bench.expectedReply.selectOption({ value: 'off' });
  await bench.connect.click();
  await expect(bench.state).toContainText(bench.anyOf('Connected'));
  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.message.fill('status');
  await bench.saveAsPreset.click();
  await bench.presetName.fill('Status');
  await bench.presetName.press('Enter');
  await bench.tool('Presets');
  await expectNoEnglish(page, 'a saved preset', ['status', 'Status']);

  await bench.tool('Send file');
  await bench.fileToSend.setInputFiles({
    name: 'config.bin',
    mimeType: 'application/octet-stream',
    buffer: Buffer.alloc(1000, 0x41),
  });
  await bench.chunkSize.fill('64');
  await bench.sendFile.click();
  await expect(bench.fileProgress).toHaveAttribute('value', '1000');
  await expectNoEnglish(page, 'a file sent', ['status', 'Status', 'config.bin', 'TCP Server', 'AAA']);

  // Auto-reply with a pattern that is no regular expression.
  await bench.tool('Auto-reply');
  await bench.addRule.click();
  const ruleName = translate('zh-CN', 'autoReply.rule', { n: 1 });
  const rule = page.getByRole('group', { name: new RegExp(`^${escapeRegExp(ruleName)}`) });
  await rule.getByLabel(bench.name('Match'), { exact: true }).selectOption({ label: bench.label('Regex') });
  await rule.getByLabel(bench.name('Pattern'), { exact: true }).fill('(');
  await expectNoEnglish(page, 'an auto-reply rule that is no regular expression', [
    'status',
    'Status',
    'config.bin',
    'TCP Server',
    'AAA',
  ]);

  const name = await bench.activeSessionName();
  await bench.renameSession(name, '工作台');
  await expectNoEnglish(page, 'a renamed session', ['status', 'Status', 'config.bin', 'TCP Server', 'AAA']);
  await bench.disconnect.click();
});

test('网络面板、测试用例和模拟开发板都是中文', async ({ page, webApp }) => {
  test.setTimeout(60_000);
  const bench = new BenchPage(page, 'zh-CN');
  await bench.openClean(webApp.url);
  await listen(bench);
  await bench.whichIp.click();
  await expect(bench.network).toBeVisible();
  await bench.boardAddress.fill('127.0.0.77');
  await expect(bench.network.getByRole('row', { name: /127\.0\.0\.1/ })).toBeVisible();
  await expectNoEnglish(page, 'network panel, board on loopback');
  await bench.boardAddress.fill('198.51.100.23');
  await expect(bench.network.getByRole('alert')).toBeVisible();
  await expectNoEnglish(page, 'network panel, board on no subnet');
  await bench.whichIp.click();

  const casesButton = page.getByRole('button', { name: bench.name('Test cases'), exact: true });
  await casesButton.click();
  const panel = page.getByRole('region', { name: bench.name('Test cases') });
  const boards = panel.getByRole('region', { name: bench.name('Simulated boards') });
  await expect(panel).toBeVisible();
  await expectNoEnglish(page, 'test cases panel');

  await boards.getByLabel(bench.name('Board'), { exact: true }).selectOption({ label: 'W55RP20' });
  await boards.getByLabel(bench.name('Port'), { exact: true }).fill('0');
  await boards.getByRole('button', { name: bench.name('Start board'), exact: true }).click();
  await expect(boards.getByRole('list', { name: bench.name('Running boards') })).toBeVisible();
  await expectNoEnglish(page, 'a simulated board running');

  // A pass, a wait, a repeat, a failure and the step skipped after it.
  const caseLines = [
    'name: sweep',
    'simulate: w55rp20',
    'board: { mode: tcp-client, host: 192.168.1.123, port: 8087, framing: raw }',
    'steps:',
    '  - connect',
    '  - send: hello',
    '    expect: { prefix-echo: "TCP Server : " }',
    '  - wait: 10',
    '  - repeat: 2',
    '    steps:',
    '      - send: { hex: 31 32 }',
    '        expect: { prefix-echo: "TCP Server : " }',
    '  - send: hello',
    '    expect: { prefix-echo: "TCP Client : " }',
    '  - close',
  ];
  await panel.getByLabel(bench.name('Case'), { exact: true }).fill(caseLines.join('\n'));
  await panel.getByRole('button', { name: bench.name('Run case'), exact: true }).click();
  await expect(panel.locator('.case-summary')).toContainText(bench.anyOf('FAILED'), { timeout: 15_000 });
  const caseData = [
    ...CASE_FILE_WORDS,
    'sweep',
    // The diff's text column shows the first bytes of each reply.
    'TCP Client : hel',
    'TCP Server : hel',
    'TCP Server',
    'TCP Client',
    'hello',
  ];
  await expectNoEnglish(page, 'a case run with PASS and FAIL', caseData);

  // A case that cannot run says why, naming the file, the place and the field as the file does.
  await panel.getByLabel(bench.name('Case'), { exact: true }).fill('name: broken\nsteps: nope\n');
  await panel.getByRole('button', { name: bench.name('Run case'), exact: true }).click();
  await expect(panel.getByRole('alert')).toContainText('case.yaml');
  await expectNoEnglish(page, 'a case that cannot run', [
    ...caseData,
    // Its fields by their names in the file.
    ...['case.yaml', 'broken', 'nope', 'steps', 'board', 'mode', 'host', 'port'],
  ]);
});

test('设置文件损坏、界面某处出错、引擎断开时的说明都是中文', async ({ page, webApp, board }) => {
  // A settings file that cannot be read: moved aside, and the notice names the backup.
  writeFileSync(join(webApp.userData, 'settings-browser.json'), '{"format":"socketbench-settings","ui":{');
  const bench = new BenchPage(page, 'zh-CN');
  await bench.openClean(webApp.url);
  await expect(page.getByRole('alert').filter({ hasText: 'settings-browser.corrupt-' })).toBeVisible();
  const backup = readdirSync(webApp.userData).find((name) => name.startsWith('settings-browser.corrupt-'));
  await expectNoEnglish(page, 'a corrupt settings file', [
    webApp.userData,
    backup ?? '',
    'settings-browser.json',
  ]);

  // A region that fails while rendering gives way to an alert; the thrown error's own words are its details.
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText(bench.anyOf('Connected'));
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>).__socketbenchFault = 'log';
  });
  await sendAscii(bench, 'hello');
  await expect(bench.log).toHaveCount(0);
  await expectNoEnglish(page, 'a region that failed', [
    webApp.userData,
    backup ?? '',
    'Simulated failure in the traffic log',
    '__socketbenchFault',
    'Error',
  ]);
  await page.evaluate(() => {
    (window as unknown as Record<string, unknown>).__socketbenchFault = undefined;
  });
  await bench.disconnect.click();

  // An engine that stops: the banner says so.
  const other = await launchWebApp(makeUserData());
  try {
    await bench.open(other.app.url);
    await bench.closeAllSessions();
    await other.stop();
    await expect(page.getByRole('alert').first()).toBeVisible();
    await expectNoEnglish(page, 'an engine that stopped');
  } finally {
    await other.stop();
    removeUserData(other.app.userData);
    await bench.open(webApp.url);
  }
});

test('没有访问令牌的页面用中文说明', async ({ page, webApp }) => {
  // No token at all: the server refuses the page, in the browser's language.
  await page.goto(webApp.origin);
  await expect(page.locator('body')).toContainText('SocketBench');
  await expectNoEnglish(page, 'the server refusing a page without its token');
  // The token's cookie from an earlier visit loads the page; it says what the address lacks.
  await page.goto(webApp.url);
  await page.goto(webApp.origin);
  await expect(page.getByRole('alert').filter({ hasText: 'token' })).toBeVisible();
  await expectNoEnglish(page, 'a page without its token in the address', ['?token=…']);
});

test('设置、快捷键表都是中文', async ({ page, webApp }) => {
  const bench = new BenchPage(page, 'zh-CN');
  await bench.openClean(webApp.url);
  await page.getByRole('button', { name: bench.name('Settings'), exact: true }).click();
  const dialog = page.getByRole('dialog', { name: bench.name('Settings') });
  await expect(dialog).toBeVisible();
  // The settings file's path is the machine's; each language is named in its own script.
  await expectNoEnglish(page, 'settings dialog', [webApp.userData, 'settings-browser.json', 'English']);
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();

  await bench.message.focus();
  await page.keyboard.press('Control+/');
  const sheet = page.getByRole('dialog', { name: bench.name('Keyboard shortcuts') });
  await expect(sheet).toBeVisible();
  await expectNoEnglish(page, 'shortcuts sheet');
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
});
