// Settings kept in the user-data folder: a named session saved, the app restarted against the same
// folder, the session opened again; a corrupt settings file moved aside with a notice naming the
// backup; the Settings dialog's Theme and Language; export and import of every setting.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, launchWebApp, makeUserData, removeUserData, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';

const SETTINGS_FILE = 'settings-browser.json';

/** What the app has written to its settings file so far ('' before the first save). */
const savedText = (userData: string): string => {
  const file = join(userData, SETTINGS_FILE);
  return existsSync(file) ? readFileSync(file, 'utf8') : '';
};

const settingsButton = (page: Page) => page.getByRole('button', { name: 'Settings', exact: true });
const settingsDialog = (page: Page) => page.getByRole('dialog', { name: 'Settings' });
const savedList = (page: Page) => page.getByRole('list', { name: 'Saved sessions', exact: true });
/** A saved session's button: its name, then where it points. */
const savedButton = (page: Page, name: string) =>
  savedList(page).getByRole('button', { name: new RegExp(`^${name} `) });

/** Serious or critical axe findings, rule and elements, or [] (as the accessibility spec counts them). */
async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test.afterEach(async ({ page }) => {
  if (!page.url().startsWith('http')) return;
  if (await settingsDialog(page).isVisible()) await page.keyboard.press('Escape');
  // The engine outlives the page: leave no session open for the next test to adopt.
  await new BenchPage(page).closeAllSessions();
});

test('a named session is saved, survives a restart of the app and opens again', async ({ page, board }) => {
  const userData = makeUserData();
  let app = await launchWebApp(userData);
  try {
    const bench = new BenchPage(page);
    await bench.openClean(app.app.url);
    await bench.connectTo(board.host, board.port);
    await expect(bench.state).toContainText('Connected');
    await bench.disconnect.click();
    await expect(bench.state).toContainText('Disconnected');

    await page.getByRole('button', { name: 'Save session', exact: true }).click();
    await page.getByLabel('Saved session name', { exact: true }).fill('W55RP20 bench');
    await page.getByLabel('Saved session name', { exact: true }).press('Enter');
    await expect(savedButton(page, 'W55RP20 bench')).toBeVisible();
    expect(await seriousViolations(page)).toEqual([]);
    // The save reaches the file shortly after the change; wait for it, not for a clock.
    await expect.poll(() => savedText(userData)).toContain('W55RP20 bench');

    await app.stop();
    app = await launchWebApp(userData);
    await bench.openClean(app.app.url);
    // The board reached before is offered in Host and Port.
    await expect(page.locator('#socketbench-recent-hosts option')).toHaveAttribute('value', board.host);
    await expect(page.locator('#socketbench-recent-ports option')).toHaveAttribute(
      'value',
      String(board.port),
    );
    await expect(bench.host).toHaveAttribute('list', 'socketbench-recent-hosts');

    await savedButton(page, 'W55RP20 bench').click();
    await expect(bench.sessions.getByRole('listitem', { name: 'W55RP20 bench' })).toBeVisible();
    expect(await bench.activeSessionName()).toBe('W55RP20 bench');
    await expect(bench.host).toHaveValue(board.host);
    await expect(bench.port).toHaveValue(String(board.port));
    await bench.connect.click();
    await expect(bench.state).toContainText('Connected');
    await bench.sendText('again');
    await expect(bench.log).toContainText('TCP Server : again');

    await savedList(page)
      .getByRole('button', { name: 'Delete saved session W55RP20 bench', exact: true })
      .click();
    await expect(savedList(page)).toHaveCount(0);
    await bench.closeAllSessions();
  } finally {
    await app.stop();
    removeUserData(userData);
  }
});

test('a corrupt settings file is kept as a backup, the app starts clean and says so', async ({
  page,
  webApp,
}) => {
  writeFileSync(join(webApp.userData, SETTINGS_FILE), '{"format":"socketbench-settings","version":2,"ui":{');
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const notice = page.getByRole('alert').filter({ hasText: 'The settings file could not be read' });
  await expect(notice).toBeVisible();
  const backup = readdirSync(webApp.userData).find((name) => name.startsWith('settings-browser.corrupt-'));
  expect(backup).toBeDefined();
  await expect(notice).toContainText(`The old file was kept beside it as ${backup}.`);
  expect(await seriousViolations(page)).toEqual([]);
  expect(readFileSync(join(webApp.userData, backup as string), 'utf8')).toContain('"ui":{');
  // Clean settings are on disk at once; the app works with its defaults.
  expect(JSON.parse(savedText(webApp.userData))).toMatchObject({ version: 2, presets: [] });
  await expect(bench.decodeAs).toHaveValue('ascii');
  await notice.getByRole('button', { name: 'Dismiss', exact: true }).click();
  await expect(notice).toHaveCount(0);
  // Told once: a reload finds the clean file.
  await page.reload();
  await expect(bench.sessions).not.toHaveAttribute('aria-busy', 'true');
  await expect(page.getByText('The settings file could not be read')).toHaveCount(0);
});

test('Settings switches the theme (over the OS’s choice) and the language, and keeps both', async ({
  page,
  webApp,
}, testInfo) => {
  const bench = new BenchPage(page);
  await page.emulateMedia({ colorScheme: 'light' });
  await bench.openClean(webApp.url);
  const background = () => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  await expect.poll(background).toBe('rgb(238, 241, 244)');

  await settingsButton(page).click();
  const dialog = settingsDialog(page);
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Theme', { exact: true }).selectOption({ label: 'Dark' });
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect.poll(background).toBe('rgb(15, 18, 21)');
  await page.screenshot({ path: testInfo.outputPath('settings-dark.png') });
  expect(await seriousViolations(page)).toEqual([]);
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(settingsButton(page)).toBeFocused();

  // Light chosen in Settings wins over a dark OS; System follows the OS again.
  await page.emulateMedia({ colorScheme: 'dark' });
  await settingsButton(page).click();
  await dialog.getByLabel('Theme', { exact: true }).selectOption({ label: 'Light' });
  await expect.poll(background).toBe('rgb(238, 241, 244)');
  expect(await seriousViolations(page)).toEqual([]);
  await dialog.getByLabel('Theme', { exact: true }).selectOption({ label: 'System' });
  await expect(page.locator('html')).not.toHaveAttribute('data-theme', /./);
  await expect.poll(background).toBe('rgb(15, 18, 21)');
  await dialog.getByLabel('Theme', { exact: true }).selectOption({ label: 'Dark' });

  await dialog.getByLabel('Language', { exact: true }).selectOption({ label: '简体中文' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect(page.getByRole('dialog', { name: '设置' })).toBeVisible();
  await page.getByRole('dialog', { name: '设置' }).getByRole('button', { name: '关闭', exact: true }).click();
  await expect(page.getByRole('button', { name: '设置', exact: true })).toBeFocused();

  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => savedText(webApp.userData)).toContain('"language": "zh-CN"');
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', 'dark');
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  await expect.poll(background).toBe('rgb(15, 18, 21)');
  await page.getByRole('button', { name: '设置', exact: true }).click();
  await page.getByLabel('语言', { exact: true }).selectOption({ label: '跟随系统' });
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
});

test('every setting exports as one JSON file; an import keeps the good and names what it refused', async ({
  page,
  webApp,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.decodeAs.selectOption('hex');
  await settingsButton(page).click();
  const dialog = settingsDialog(page);
  await expect(dialog.getByText(SETTINGS_FILE)).toBeVisible();
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Export settings', exact: true }).click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported).toMatchObject({ format: 'socketbench-settings', version: 2, ui: { decodeAs: 'hex' } });

  exported.ui.decodeAs = 'utf-8';
  exported.ui.theme = 'neon';
  exported.savedSessions = [{ name: 'K230', setup: { protocol: 'tcp-server', serverPort: '8080' } }];
  await dialog.getByLabel('Import settings', { exact: true }).setInputFiles({
    name: 'bench.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(exported)),
  });
  await expect(dialog.getByRole('alert')).toHaveText(
    'Imported bench.json, except what could not be read: ui.theme.',
  );
  await expect(bench.decodeAs).toHaveValue('utf-8');
  await expect(savedButton(page, 'K230')).toBeVisible();

  await dialog.getByLabel('Import settings', { exact: true }).setInputFiles({
    name: 'presets.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"socketbench-presets","version":1,"presets":[]}'),
  });
  await expect(dialog.getByRole('alert')).toHaveText(
    'presets.json was not imported: it is a presets file; import it with Import presets in the sending tools.',
  );
});
