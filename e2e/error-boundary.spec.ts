// The window survives its own bugs: a region that throws while rendering is replaced by an alert
// naming the failure, the other regions stay usable, the engine's session stays open, and Try again
// or Reload window bring the region back.

import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';

/** The test hook in ErrorBoundary.tsx: a region named here throws on its next render; undefined clears it. */
const setFault = (page: Page, region: string | undefined) =>
  page.evaluate((value) => {
    (window as unknown as Record<string, unknown>).__socketbenchFault = value;
  }, region);

test('a crash in one region leaves the others working and the engine untouched', async ({
  page,
  context,
  webApp,
  board,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');

  // The log throws while rendering: it gives way to an alert that says what failed.
  await setFault(page, 'log');
  const logFailed = page.getByRole('alert', { name: 'The traffic log failed' });
  await expect(logFailed).toContainText('Simulated failure in the traffic log');
  await expect(logFailed.getByRole('button', { name: 'Try again' })).toBeVisible();
  await expect(logFailed.getByRole('button', { name: 'Reload window' })).toBeVisible();
  await expect(bench.log).toHaveCount(0);

  // Everything else still works: the session panel, the composer, the counters.
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('again');
  await expect(bench.tx).toHaveText('10 B');
  await expect(bench.rx).toHaveText('36 B');

  // The engine never noticed: another window finds the session open, with the reply in its log.
  const other = new BenchPage(await context.newPage());
  await other.open(webApp.url);
  const row = other.sessions.getByRole('listitem').filter({ hasText: `${board.host}:${board.port}` });
  await expect(row).toContainText('Connected');
  await expect(row).toContainText('RX 36 B');
  await other.page.close();

  // Fixed, Try again brings the log back, with what arrived while it was down.
  await setFault(page, undefined);
  await logFailed.getByRole('button', { name: 'Try again' }).click();
  await expect(logFailed).toHaveCount(0);
  await expect(bench.log).toContainText('TCP Server : again');
  await bench.sendText('hello');
  await expect(bench.log.getByText('TCP Server : hello')).toHaveCount(2);

  // The session panel fails instead: the log and the composer carry on without it.
  await setFault(page, 'session');
  const panelFailed = page.getByRole('alert', { name: 'The session panel failed' });
  await expect(panelFailed).toContainText('Simulated failure in the session panel');
  await expect(bench.disconnect).toHaveCount(0);
  await bench.sendText('ping');
  await expect(bench.log).toContainText('TCP Server : ping');
  await setFault(page, undefined);
  await panelFailed.getByRole('button', { name: 'Try again' }).click();
  await expect(bench.state).toContainText('Connected');

  // A failure of the whole window: Reload window starts the page afresh, the session still open.
  await setFault(page, 'window');
  const windowFailed = page.getByRole('alert', { name: 'Something in this window failed' });
  await expect(windowFailed).toContainText('Simulated failure in the window');
  await windowFailed.getByRole('button', { name: 'Reload window' }).click();
  await expect(bench.log).toBeVisible();
  await expect(bench.state).toContainText('Connected');
  await expect(bench.rx).toHaveText('71 B');

  // With the log crashed once more, Disconnect still works.
  await setFault(page, 'log');
  await expect(logFailed).toBeVisible();
  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
  await board.waitForNoConnections();
});
