// A board that reads 10 KB/s while we send a 100 MB file: progress shows, the window stays
// usable, and the send can be cancelled at a chunk boundary.
import { expect, test } from './fixtures/app';
import { startSlowReader } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

const FILE_BYTES = 100 * 1024 * 1024;
const CHUNK_BYTES = 64 * 1024;

test('a 100 MB file to a board reading 10 KB/s shows progress, leaves the window usable, and cancels', async ({
  page,
  webApp,
}) => {
  test.setTimeout(60_000);
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  // 1 KiB every 100 ms: 10 KB/s.
  const reader = await startSlowReader({ bytesPerRead: 1024, everyMs: 100 });
  try {
    await bench.connectTo(reader.host, reader.port);
    await expect(bench.state).toContainText('Connected');
    await bench.tool('Send file');
    // The file is made in the page: 100 MB need not cross the test protocol.
    await bench.fileToSend.evaluate((input, size) => {
      const files = new DataTransfer();
      files.items.add(new File([new Uint8Array(size)], 'image.bin', { type: 'application/octet-stream' }));
      (input as HTMLInputElement).files = files.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    }, FILE_BYTES);
    await bench.chunkSize.fill(String(CHUNK_BYTES));
    await bench.chunkDelay.fill('0');
    await bench.sendFile.click();
    const sending = page.getByText(/^Sending image\.bin: [\d,]+ \/ 104,857,600 bytes/);
    await expect(sending).toBeVisible();

    // The window answers while the send waits on the board: the log pauses and resumes, and the
    // message box takes typing.
    await bench.pause.click();
    await expect(bench.pause).toHaveAttribute('aria-pressed', 'true');
    await bench.pause.click();
    await expect(bench.pause).toHaveAttribute('aria-pressed', 'false');
    await bench.message.fill('still here');
    await expect(bench.message).toHaveValue('still here');
    await expect(sending).toBeVisible();

    await bench.cancelFile.click();
    const cancelled = page.getByText(/^Cancelled image\.bin: [\d,]+ \/ 104,857,600 bytes/);
    await expect(cancelled).toBeVisible();
    const sent = Number(/: ([\d,]+) \//.exec(await cancelled.innerText())?.[1]?.replace(/,/g, ''));
    expect(sent).toBeGreaterThan(0);
    expect(sent).toBeLessThan(FILE_BYTES);
    expect(sent % CHUNK_BYTES).toBe(0);
    // Every chunk handed over was counted, and nothing after the cancel.
    await expect(bench.tx).toHaveText(`${sent.toLocaleString('en-US')} B`);
    await expect(bench.sendFile).toBeEnabled();
    await bench.disconnect.click();
  } finally {
    await reader.close();
  }
});
