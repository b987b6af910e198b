// The traffic log's toolkit: a dribbled reply framed into one entry (and live framing), find with
// highlights and a hex dump, filter, Log data, the checksum calculator, a Markdown transcript
// download, and a lossless capture of a 256 MiB flood while the log runs.
import { createHash } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { formatHex } from '../shared/codec/hex';
import { test as base, expect } from './fixtures/app';
import {
  type DribbleBoard,
  type HashedFloodBoard,
  startDribbleBoard,
  startHashedFloodBoard,
} from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

const DRIBBLED = 'OK from the board\r\n';
const FLOOD_BYTES = 256 * 1024 * 1024;

const UNFINISHED = 'no end yet';

const test = base.extend<{
  dribbleBoard: DribbleBoard;
  unfinishedBoard: DribbleBoard;
  floodBoard: HashedFloodBoard;
  scratch: string;
}>({
  dribbleBoard: async ({}, use) => {
    const board = await startDribbleBoard({ reply: DRIBBLED });
    await use(board);
    await board.close();
  },
  unfinishedBoard: async ({}, use) => {
    const board = await startDribbleBoard({ reply: UNFINISHED });
    await use(board);
    await board.close();
  },
  floodBoard: async ({}, use) => {
    const board = await startHashedFloodBoard({ bytes: FLOOD_BYTES, autoStart: false });
    await use(board);
    await board.close();
  },
  scratch: async ({}, use) => {
    const dir = mkdtempSync(join(tmpdir(), 'socketbench-e2e-'));
    await use(dir);
    rmSync(dir, { recursive: true, force: true });
  },
});

function sha256Of(path: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = createHash('sha256');
    createReadStream(path)
      .on('data', (chunk) => hash.update(chunk))
      .on('error', reject)
      .on('end', () => resolve(hash.digest('hex')));
  });
}

test('a reply dribbled one byte at a time shows as one entry under delimiter framing', async ({
  page,
  webApp,
  dribbleBoard,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.framing.selectOption({ label: 'Delimiter' });
  await page.getByRole('button', { name: 'CRLF', exact: true }).click();
  await page.getByRole('button', { name: 'LF', exact: true }).click();
  await expect(bench.delimiterHex).toHaveValue('0A');
  await bench.connectTo(dribbleBoard.host, dribbleBoard.port);
  await expect(bench.state).toContainText('Connected');

  await bench.sendText('ping');
  await expect(bench.rx).toHaveText(`${DRIBBLED.length} B`);
  await expect(bench.logEntries('RX')).toHaveCount(1);
  await expect(bench.logEntries('RX', 'OK from the board')).toHaveCount(1);

  // Raw chunks, live: the same reply now shows as the pieces the network delivered.
  await bench.framing.selectOption({ label: 'Raw chunks' });
  await expect(bench.log).toContainText('Framing: raw chunks, for bytes received from now on');
  await bench.sendText('ping');
  await expect(bench.rx).toHaveText(`${2 * DRIBBLED.length} B`);
  expect(await bench.logEntries('RX').count()).toBeGreaterThan(2);

  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
});

test('a frame still waiting for its delimiter shows as pending, then as incomplete when the stream ends', async ({
  page,
  webApp,
  unfinishedBoard,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.framing.selectOption({ label: 'Delimiter' });
  await expect(bench.delimiterHex).toHaveValue('0A');
  await bench.connectTo(unfinishedBoard.host, unfinishedBoard.port);
  await expect(bench.state).toContainText('Connected');

  await bench.sendText('ping');
  await expect(bench.rx).toHaveText(`${UNFINISHED.length} B`);
  await expect(
    page.getByText(`${UNFINISHED.length} bytes pending from 127.0.0.1:${unfinishedBoard.port}`),
  ).toBeVisible();
  await expect(bench.logEntries('RX')).toHaveCount(0);

  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
  const entry = bench.logEntries('RX', UNFINISHED);
  await expect(entry).toHaveCount(1);
  await expect(entry.locator('.issue-badge')).toHaveText('incomplete');
  await expect(page.getByText(/bytes pending/)).toHaveCount(0);
});

test('find marks matches in text and hex, steps through them, and a hex dump shows the bytes', async ({
  page,
  webApp,
  board,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  for (const text of ['hello\\r\\n', 'AT+CIPSTATUS\\r\\n', 'hello again\\r\\n']) await bench.sendText(text);
  await expect(bench.logEntries('RX', 'hello again')).toHaveCount(1);

  // Each message is in its TX entry and in the board's echo: 4 × "hello".
  await bench.find.fill('HELLO');
  await expect(bench.matchCount()).toHaveText('1 of 4');
  await bench.findNext.click();
  await expect(bench.matchCount()).toHaveText('2 of 4');
  await bench.findPrevious.click();
  await bench.findPrevious.click();
  await expect(bench.matchCount()).toHaveText('4 of 4');
  await expect(bench.log.locator('mark.hit')).toHaveCount(4);
  await expect(bench.log.locator('mark.current')).toHaveText('hello');

  // Text as shown runs across escapes; hex finds the bytes.
  await bench.find.fill('\\r\\nhel');
  await expect(bench.matchCount()).toHaveText('No matches');
  await bench.find.fill('again\\r\\n');
  await expect(bench.matchCount()).toHaveText('1 of 2');
  await bench.findHex.check();
  await bench.find.fill('0D 0A');
  await expect(bench.matchCount()).toHaveText('1 of 6');
  await bench.find.fill('0D 0G');
  await expect(bench.find).toHaveAttribute('aria-invalid', 'true');
  await bench.find.fill('43 49 50');

  const echo = bench.logEntries('RX', 'CIPSTATUS');
  // A row's Show as is made for the row the pointer is on, and kept by a row shown its own way.
  const menus = bench.log.getByRole('combobox', { name: 'Show as', exact: true });
  await page.mouse.move(0, 0);
  await expect(menus).toHaveCount(0);
  await echo.hover();
  await expect(menus).toHaveCount(1);
  await echo.getByLabel('Show as', { exact: true }).selectOption({ label: 'Hex dump' });
  await page.mouse.move(0, 0);
  await expect(menus).toHaveCount(1);
  await expect(echo).toContainText('00000000');
  await expect(echo).toContainText('54 43 50 20 53 65 72 76  65 72 20 3A 20 41 54 2B');
  await expect(echo.locator('mark.hit')).toHaveCount(2);

  await bench.time.selectOption({ label: 'Relative to previous' });
  await expect(bench.logEntries('TX').first().locator('.time')).toHaveText(/^\+\d+\.\d{3} s$/);

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.locator('.log-panel').screenshot({ path: testInfo.outputPath('log-search-hexdump.png') });

  await bench.hexDump.check();
  await expect(bench.logEntries('TX', 'hello again')).toContainText(
    '68 65 6C 6C 6F 20 61 67  61 69 6E 0D 0A',
  );
  await page.locator('.log-panel').screenshot({ path: testInfo.outputPath('log-hexdump-all.png') });
  await bench.disconnect.click();
});

test('filter, Log data off, the checksum calculator and Reset counters', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');

  await bench.sendText('31 32 33 34 35 36 37 38 39', 'Hex');
  await expect(bench.logEntries('RX', 'TCP Server : 123456789')).toHaveCount(1);

  await bench.showTx.uncheck();
  await expect(bench.logEntries('TX')).toHaveCount(0);
  await bench.showSystem.uncheck();
  await expect(bench.log.locator('.row')).toHaveCount(1);
  await bench.showTx.check();
  await bench.showSystem.check();

  // The calculator over the TX entry's bytes: the CRC catalogue's check values of "123456789".
  await bench.logEntries('TX').first().getByLabel('Select entry', { exact: true }).check();
  await bench.openCalculator.click();
  await expect(bench.calculator).toContainText('1 entry selected, 9 bytes');
  const modbus = bench.calculator.getByRole('row', { name: /CRC-16\/MODBUS/ });
  await expect(modbus).toContainText('0x4B37');
  await expect(modbus).toContainText('4B 37');
  await expect(modbus).toContainText('37 4B');
  await expect(bench.calculator.getByRole('row', { name: /CRC-32/ })).toContainText('0xCBF43926');

  // Log data off: counters go on, entries do not.
  await bench.logData.uncheck();
  await expect(bench.log).toContainText('Log data is off');
  await bench.sendText('quiet');
  await expect(bench.tx).toHaveText('14 B');
  await expect(bench.rx).toHaveText('40 B');
  await expect(bench.logEntries('quiet')).toHaveCount(0);
  await bench.logData.check();
  await expect(bench.log).toContainText(
    'Log data is on again (2 data entries, 23 bytes were counted but not logged)',
  );

  // The rates show the last second's bytes, and fall back to zero once the traffic stops.
  await bench.sendText('rate');
  await expect(bench.rxRate).toHaveText(/^[1-9][\d.,]* (B|KiB)\/s$/);
  await expect(bench.rxRate).toHaveText('0 B/s', { timeout: 3000 });
  await bench.resetCounters.click();
  await expect(bench.rx).toHaveText('0 B');
  await expect(bench.tx).toHaveText('0 B');
  await bench.disconnect.click();
});

test('an exported Markdown transcript downloads and holds the exchange', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');

  const download = await bench.exportLog('Markdown transcript');
  expect(download.suggestedFilename()).toMatch(/^socketbench-.+\.md$/);
  const path = await download.path();
  const md = readFileSync(path, 'utf8');
  expect(md).toContain('# SocketBench transcript:');
  expect(md).toContain('| Time | Dir | Peer | Hex | Text |');
  const peer = `127.0.0.1:${board.port}`;
  expect(md).toMatch(
    new RegExp(`\\| TX \\| ${peer.replaceAll('.', '\\.')} \\| \`68 65 6C 6C 6F\` \\| \`hello\` \\|`),
  );
  expect(md).toContain('| `TCP Server : hello` |');

  const bin = await bench.exportLog('Received bytes (.bin)');
  expect(readFileSync(await bin.path(), 'latin1')).toBe('TCP Server : hello');
  await bench.disconnect.click();
});

test('a capture of a 256 MiB flood holds exactly the bytes sent, while the log runs', async ({
  page,
  webApp,
  floodBoard,
  scratch,
}) => {
  test.setTimeout(180_000);
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(floodBoard.host, floodBoard.port);
  await expect(bench.state).toContainText('Connected');

  const file = join(scratch, 'flood.bin');
  await bench.captureToFile.click();
  await bench.capturePath.fill(file);
  await bench.startCapture.click();
  await expect(bench.stopCapture).toBeVisible();
  await expect(page.getByText(/^Capturing 0 bytes in 0 records to/)).toBeVisible();

  floodBoard.start();
  const sent = await floodBoard.streamed();
  await expect(bench.rx).toHaveText('268,435,456 B', { timeout: 120_000 });
  await expect(bench.log).toBeVisible();
  await expect(bench.log.locator('.row').first()).toBeVisible();

  await bench.stopCapture.click();
  await expect(page.getByText(/^Captured 268,435,456 bytes in [\d,]+ records to/)).toBeVisible();
  expect(statSync(file).size).toBe(sent.bytes);
  expect(await sha256Of(file)).toBe(sent.sha256);
  expect(statSync(`${file}.idx.csv`).size).toBeGreaterThan(0);
  await bench.disconnect.click();
});

test('a closed row lays out its first four lines only; Show all opens the rest and Show less closes it', async ({
  page,
  webApp,
  board,
}) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  // A first line long enough to reach the row's right edge, where its tools are.
  const lines = Array.from({ length: 10 }, (_, i) => `line${i + 1}`);
  lines[0] = `line1 ${'wide '.repeat(40)}`;
  const hex = formatHex(Buffer.from(lines.join('\n'), 'latin1'));
  await bench.sendText(hex, 'Hex');
  const reply = bench.log.locator('.row.data.rx', { hasText: 'TCP Server : line1' });
  await expect(reply).toContainText('line4');
  // Not merely hidden: the lines below the fourth are not in the page until the row is opened.
  await expect(reply).not.toContainText('line5');
  // Show all stays put as the row is reached and its Show as menu is made beside it.
  const showAll = reply.getByRole('button', { name: 'Show all' });
  await page.mouse.move(0, 0);
  const away = await showAll.boundingBox();
  await reply.hover({ position: { x: 40, y: 5 } });
  await expect(reply.getByLabel('Show as', { exact: true })).toBeVisible();
  expect(await showAll.boundingBox()).toEqual(away);
  await showAll.click();
  await expect(reply).toContainText('line10');
  // Show less stays in view on the opened row, so it takes room of its own instead of lying over the text.
  const covered = await reply.evaluate((row) => {
    const button = row.querySelector('.row-open')?.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(row.querySelector('.payload') as Node);
    const hit = (r: DOMRect) =>
      button &&
      r.right > button.left &&
      r.left < button.right &&
      r.bottom > button.top &&
      r.top < button.bottom;
    return [...range.getClientRects()].filter(hit).length;
  });
  expect(covered).toBe(0);
  await reply.getByRole('button', { name: 'Show less' }).click();
  await expect(reply).not.toContainText('line5');
  await expect(reply).toContainText('line4');
});
