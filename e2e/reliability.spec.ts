// A window that reloads in the middle of a flood: the page resynchronizes from the engine, the
// counters stay exact, and the engine's session never notices.

import { expect, test } from './fixtures/app';
import { type FloodBoard, startFloodBoard } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

/** "12,345,678 B" as the status bar writes it. */
const bytesText = (n: number) => `${new Intl.NumberFormat('en-US').format(n)} B`;
const MiB = 1024 * 1024;

let board: FloodBoard | undefined;
test.afterEach(async () => {
  await board?.close();
  board = undefined;
});

test('a reload mid-flood resynchronizes: still connected, RX keeps counting and ends exact', async ({
  page,
  webApp,
}) => {
  board = await startFloodBoard();
  const bench = new BenchPage(page);
  const rx = async () => Number((await bench.rx.textContent())?.replace(/\D/g, '') || '0');

  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await expect.poll(rx).toBeGreaterThan(MiB);

  await page.reload();
  await expect(bench.log).toBeVisible();
  // The new page knows nothing but what list() and the batches tell it.
  await expect(bench.state).toContainText('Connected');
  const afterReload = await rx();
  await expect.poll(rx).toBeGreaterThan(afterReload + MiB);

  // Stop the flood, then every byte the board sent must be counted, to the byte.
  await board.stop();
  await expect(bench.rx).toHaveText(bytesText(board.sentBytes()), { timeout: 15_000 });

  // The engine's session went through it all: it still talks to the board.
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');
  await expect(bench.tx).toHaveText('5 B');
  await expect(bench.rx).toHaveText(bytesText(board.sentBytes()));

  // Leave the shared engine as the next spec expects to find it.
  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
});
