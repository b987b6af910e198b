// The window's panels and its rarer moments in Simplified Chinese: the network panel, test cases and
// simulated boards, a corrupt settings file, a region that failed, an engine that stopped, a page
// without its token, the Settings dialog and the shortcuts sheet (the checks: pages/english-left.ts).
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, launchWebApp, makeUserData, removeUserData, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';
import { CASE_FILE_WORDS, expectNoEnglish } from './pages/english-left';
import { listen, sendAscii } from './pages/sweep-steps';

test.use({ locale: 'zh-CN' });

test.afterEach(async ({ page, webApp }) => {
  const bench = new BenchPage(page, 'zh-CN');
  // Some moments leave the page on another address; the engine's sessions are closed from the app's.
  if (page.url() !== webApp.url) await bench.open(webApp.url);
  await bench.closeAllSessions();
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
    // The thrown error as JavaScript writes it: a bug's own words, shown under Details.
    'Error: Simulated failure in the traffic log (__socketbenchFault)',
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
