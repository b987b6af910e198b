// Accessibility: axe-core over the main screens in each state a user reaches (idle, connected with
// traffic, a server with clients, UDP, every sending tool, the panels). No serious or critical
// violation is allowed; each failure names the rule and the elements.
import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { type Esp8266Client, startEsp8266Client } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id} (${v.impact}): ${v.help}\n  ${v.nodes.map((n) => n.target.join(' ')).join('\n  ')}`);
}

/**
 * Presses Tab (or Shift+Tab) until the focused element is `target`, as a keyboard user would; fails if
 * it is not reachable within `limit` presses.
 */
async function tabTo(page: Page, target: Locator, limit = 60): Promise<void> {
  for (let i = 0; i < limit; i += 1) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`not reachable with Tab: ${target.toString()}`);
}

// Each axe pass reads the whole page (a second or more on a loaded 2-core machine), and the first
// test makes seven of them.
test.describe.configure({ timeout: 120_000 });

const boards: Esp8266Client[] = [];

test.afterEach(async ({ page }) => {
  await new BenchPage(page).closeAllSessions();
  await Promise.all(boards.splice(0).map((b) => b.close()));
});

test('the first screen and a TCP client with traffic', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  expect(await seriousViolations(page)).toEqual([]);

  await bench.connectTo(board.host, board.port);
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');
  await bench.showOptions();
  await bench.showExpect();
  expect(await seriousViolations(page)).toEqual([]);

  for (const name of ['Presets', 'Periodic send', 'Send file', 'Auto-reply', 'Soak run'] as const) {
    await bench.tool(name);
    expect(await seriousViolations(page), name).toEqual([]);
  }
});

test('a TCP server with a board connected, UDP, and the side panels', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const port = await bench.listenOn(0);
  const board = await startEsp8266Client({ host: '127.0.0.1', port });
  boards.push(board);
  await expect(bench.client(board.peer)).toBeVisible();
  await expect(bench.log).toContainText('This is my IP.');
  expect(await seriousViolations(page)).toEqual([]);

  await bench.whichIp.click();
  await expect(bench.network).toBeVisible();
  await page.getByRole('button', { name: 'Test cases', exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);

  await page.getByRole('button', { name: 'Shortcuts', exact: true }).click();
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(sheet).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();

  await page.getByRole('button', { name: 'Settings', exact: true }).click();
  const settings = page.getByRole('dialog', { name: 'Settings' });
  await expect(settings).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(settings).toBeHidden();

  await bench.newSession.click();
  await bench.openUdp(0);
  expect(await seriousViolations(page)).toEqual([]);
});

test('the dark theme has no contrast or other serious violation', async ({ page, webApp, board }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');
  expect(await seriousViolations(page)).toEqual([]);
});

test('the foundation scenario with the keyboard alone', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await page.locator('body').focus();

  await tabTo(page, bench.host);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(board.host);
  await tabTo(page, bench.port);
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.type(String(board.port));
  await tabTo(page, bench.connect);
  await page.keyboard.press('Enter');
  await expect(bench.state).toContainText('Connected');

  await tabTo(page, bench.message);
  await page.keyboard.type('hello');
  await tabTo(page, bench.send);
  await page.keyboard.press('Enter');
  await expect(bench.log).toContainText('TCP Server : hello');

  // Decode as, a native select, changes with the arrow keys.
  await tabTo(page, bench.decodeAs);
  await page.keyboard.press('ArrowDown');
  await expect(bench.decodeAs).not.toHaveValue('ascii');

  await tabTo(page, bench.disconnect);
  await page.keyboard.press('Enter');
  await expect(bench.state).toContainText('Disconnected');
});
