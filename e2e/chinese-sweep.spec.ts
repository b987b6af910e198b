// The whole window in Simplified Chinese, state by state (sessions, traffic, tools, faults): at each
// one no English word may be left once the user's and the boards' own data, numbers, addresses and the
// technical words that stay in Chinese text are taken out (pages/english-left.ts says which).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { translate } from '../shared/i18n/catalog';
import { expect, test } from './fixtures/app';
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
import { expectNoEnglish } from './pages/english-left';
import { closedPort, listen, openUdp, sendAscii, verdictRows } from './pages/sweep-steps';
import { escapeRegExp } from './pages/ui-names';

test.use({ locale: 'zh-CN' });

const clients: Esp8266Client[] = [];
let udpBoard: UdpEchoBoard | undefined;

test.afterEach(async ({ page }) => {
  await new BenchPage(page, 'zh-CN').closeAllSessions();
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
