// The foundation scenario in Simplified Chinese: the browser says its language is zh-CN, and the
// app follows it with no setting touched. Every control is found by its Chinese name (from the
// catalogue, so a control left in English fails here), and the board's bytes stay as they are.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';
import { closedPort } from './pages/sweep-steps';

test.use({ locale: 'zh-CN' });

test('连接开发板，发送 hello，看到它的回复', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page, 'zh-CN');
  await bench.open(webApp.url);
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await bench.closeAllSessions();

  await bench.protocol.selectOption({ label: bench.label('TCP client') });
  await bench.host.fill(board.host);
  await bench.port.fill(String(board.port));
  await bench.connect.click();
  await expect(bench.state).toContainText(bench.anyOf('Connected'));

  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.message.fill('hello');
  await bench.send.click();
  await expect(bench.log).toContainText('TCP Server : hello');
  await expect(bench.tx).toHaveText('5 B');
  await expect(bench.rx).toHaveText('18 B');

  await bench.encodeAs.selectOption({ label: bench.label('Hex') });
  await bench.message.fill('31 32 33');
  await bench.send.click();
  await expect(bench.log).toContainText('TCP Server : 123');

  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    const dir = resolve(__dirname, '../docs/images');
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.locator('.sidebar').evaluate((el) => el.scrollTo(0, 0));
    await page.screenshot({ path: resolve(dir, 'zh-CN.png') });
  }

  await bench.decodeAs.selectOption({ label: bench.label('Hex') });
  await expect(bench.log).toContainText('54 43 50 20 53 65 72 76 65 72 20 3A 20 31 32 33');

  // None of the window's own words is left in English.
  for (const english of ['Connect', 'Disconnect', 'Send', 'Clear log', 'Message', 'Traffic log']) {
    await expect(page.getByText(english, { exact: true })).toHaveCount(0);
  }

  await bench.disconnect.click();
  await expect(bench.state).toContainText(bench.anyOf('Disconnected'));
});

test('拒绝连接的端口用中文说明', async ({ page, webApp }) => {
  const bench = new BenchPage(page, 'zh-CN');
  await bench.open(webApp.url);
  await bench.closeAllSessions();
  const port = await closedPort();
  await bench.protocol.selectOption({ label: bench.label('TCP client') });
  await bench.host.fill('127.0.0.1');
  await bench.port.fill(String(port));
  await bench.connect.click();
  await expect(bench.log).toContainText(`127.0.0.1:${port}`);
  await expect(bench.log).not.toContainText('Nothing is listening');
  // The sentence is Chinese: at least a few CJK characters next to the address.
  await expect(bench.log).toContainText(/[\u4e00-\u9fff]{4,}/);
});
