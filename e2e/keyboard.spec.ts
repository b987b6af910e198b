// The keyboard shortcuts in browser mode against a loopback W55RP20-style board: Ctrl+Enter sends,
// Ctrl+L clears the log, Ctrl+F finds, Ctrl+N adds a session, Ctrl+1 fires preset 1, and the
// shortcuts sheet opens with Ctrl+/ or F1 and closes with Esc, focus back where it was.
import { expect, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';

test('Ctrl+Enter sends from the message box and from anywhere else in the window', async ({
  page,
  webApp,
  board,
}) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');

  await bench.message.fill('first');
  await bench.message.press('Control+Enter');
  await expect(bench.log).toContainText('TCP Server : first');
  await expect(bench.tx).toHaveText('5 B');

  // The message box handled the first one itself; from elsewhere the window's shortcut clicks Send.
  await bench.message.fill('second');
  await bench.log.focus();
  await page.keyboard.press('Control+Enter');
  await expect(bench.log).toContainText('TCP Server : second');
  await expect(bench.tx).toHaveText('11 B');
});

test('Ctrl+L clears the log, Ctrl+F goes to Find, Ctrl+N adds a session', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');

  await bench.message.press('Control+l');
  await expect(bench.log).not.toContainText('TCP Server : hello');
  // Clearing the view leaves the counters, which count all traffic.
  await expect(bench.rx).toHaveText('18 B');

  await bench.message.press('Control+f');
  await expect(bench.find).toBeFocused();
  await page.keyboard.type('nothing here');
  await expect(bench.find).toHaveValue('nothing here');

  const rows = bench.sessions.getByRole('listitem');
  await expect(rows).toHaveCount(1);
  await page.keyboard.press('Control+n');
  await expect(rows).toHaveCount(2);
  // The new session is the active one: a fresh setup, not connected.
  await expect(bench.connect).toBeVisible();
});

test('Ctrl+1 sends quick-send preset 1, and a missing preset says so', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');

  await bench.message.fill('status?');
  await bench.saveAsPreset.click();
  await bench.presetName.fill('Status');
  await bench.presetName.press('Enter');
  await bench.message.fill('');

  await page.locator('body').press('Control+1');
  await expect(bench.log).toContainText('TCP Server : status?');
  await expect(bench.tx).toHaveText('7 B');

  await page.locator('body').press('Control+2');
  await expect(page.getByText('There is no preset 2.')).toBeVisible();
  await expect(bench.tx).toHaveText('7 B');
});

test('the shortcuts sheet opens with Ctrl+/, F1 or its button and closes with Esc', async ({
  page,
  webApp,
}) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  const sheet = page.getByRole('dialog', { name: 'Keyboard shortcuts' });

  await bench.message.focus();
  await page.keyboard.press('Control+/');
  await expect(sheet).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Ctrl\+N\s+New session/ })).toBeVisible();
  await expect(sheet.getByRole('row', { name: /Ctrl\+1 … Ctrl\+9/ })).toBeVisible();
  await expect(sheet.getByRole('button', { name: 'Close' })).toBeFocused();
  // The sheet is modal: a shortcut behind it does nothing.
  await page.keyboard.press('Control+n');
  await expect(bench.sessions.getByRole('listitem')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(bench.message).toBeFocused();

  await page.keyboard.press('F1');
  await expect(sheet).toBeVisible();
  await sheet.getByRole('button', { name: 'Close' }).click();
  await expect(sheet).toBeHidden();
  await expect(bench.message).toBeFocused();

  const button = page.getByRole('button', { name: 'Shortcuts', exact: true });
  await expect(button).toHaveAttribute('aria-keyshortcuts', 'Control+/ F1');
  await button.click();
  await expect(sheet).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(sheet).toBeHidden();
  await expect(button).toBeFocused();
});
