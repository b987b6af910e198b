// The payload toolkit from the composer's side: a GBK board's Chinese text under Decode as GBK and
// per-entry Show as, CRC-16/MODBUS appended to a hex request reaching the board byte-exact, and
// macros expanded at send time.

import { test as base, expect } from './fixtures/app';
import {
  type EchoBoard,
  GBK_REPLY_PREFIX,
  type RecordingBoard,
  startGbkBoard,
  startRecordingBoard,
} from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

const test = base.extend<{ gbkBoard: EchoBoard; recordingBoard: RecordingBoard }>({
  gbkBoard: async ({}, use) => {
    const board = await startGbkBoard();
    await use(board);
    await board.close();
  },
  recordingBoard: async ({}, use) => {
    const board = await startRecordingBoard();
    await use(board);
    await board.close();
  },
});

test('a GBK board`s Chinese text shows under Decode as GBK, and one entry can be shown otherwise', async ({
  page,
  webApp,
  gbkBoard,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(gbkBoard.host, gbkBoard.port);
  await expect(bench.state).toContainText('Connected');

  await bench.sendText('你好，板子', 'GBK');
  // 2 bytes a character in GBK: 5 characters.
  await expect(bench.tx).toHaveText('10 B');
  await expect(bench.rx).toHaveText('16 B');

  // Under ASCII the GBK bytes are escapes, never dropped.
  await bench.decodeAs.selectOption({ label: 'ASCII' });
  await expect(bench.logEntries('RX')).toContainText('\\xCA\\xD5\\xB5\\xBD');

  await bench.decodeAs.selectOption({ label: 'GBK' });
  const reply = bench.logEntries('RX').first();
  await expect(reply).toContainText(`${GBK_REPLY_PREFIX}你好，板子`);

  // The reply alone as hex; the log's setting and the other entries stay GBK. From the keyboard:
  // Tab goes from the row's selection box to its Show as.
  await reply.getByRole('checkbox', { name: 'Select entry' }).focus();
  await page.keyboard.press('Tab');
  await expect(reply.getByLabel('Show as', { exact: true })).toBeFocused();
  await reply.getByLabel('Show as', { exact: true }).selectOption({ label: 'Hex' });
  await expect(reply).toContainText('CA D5 B5 BD A3 BA C4 E3 BA C3');
  await expect(bench.logEntries('TX').first()).toContainText('你好，板子');
  await expect(bench.decodeAs).toHaveValue('gbk');

  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
});

test('CRC-16/MODBUS appended to a hex request reaches the board byte-exact', async ({
  page,
  webApp,
  recordingBoard,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(recordingBoard.host, recordingBoard.port);
  await expect(bench.state).toContainText('Connected');

  await bench.encodeAs.selectOption({ label: 'Hex' });
  await bench.checksum.selectOption({ label: 'CRC-16/MODBUS' });
  // Modbus RTU sends its CRC low byte first, and that is the default.
  await expect(bench.byteOrder).toHaveValue('le');
  await bench.message.fill('01 03 00 00 00 0A');
  const preview = await bench.preview();
  await expect(preview).toContainText('8 bytes: 01 03 00 00 00 0A C5 CD');
  await expect(preview.locator('mark')).toHaveText('C5 CD');

  await page.setViewportSize({ width: 1280, height: 860 });
  await page.locator('.composer').screenshot({ path: testInfo.outputPath('composer-checksum.png') });

  await bench.send.click();
  await recordingBoard.waitForBytes(8);
  expect([...recordingBoard.received()]).toEqual([0x01, 0x03, 0x00, 0x00, 0x00, 0x0a, 0xc5, 0xcd]);
  await expect(bench.tx).toHaveText('8 B');

  // Big-endian on request: the same CRC, high byte first.
  await bench.byteOrder.selectOption('be');
  await expect(preview).toContainText('01 03 00 00 00 0A CD C5');
  await bench.send.click();
  await recordingBoard.waitForBytes(16);
  expect([...recordingBoard.received().subarray(8)]).toEqual([
    0x01, 0x03, 0x00, 0x00, 0x00, 0x0a, 0xcd, 0xc5,
  ]);

  await bench.checksum.selectOption({ label: 'None' });
  await bench.disconnect.click();
});

test('macros expand at send time, and a doubled brace stays a brace', async ({
  page,
  webApp,
  recordingBoard,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(recordingBoard.host, recordingBoard.port);
  await expect(bench.state).toContainText('Connected');

  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.lineEnding.selectOption({ label: 'LF' });
  await bench.macros.check();
  await bench.message.fill('{{n}}={counter}');
  await expect(await bench.preview()).toContainText('Macros expand when sent');
  await bench.send.click();
  await bench.send.click();
  await recordingBoard.waitForBytes(12);
  expect(recordingBoard.received().toString('latin1')).toBe('{n}=1\n{n}=2\n');

  await bench.macros.uncheck();
  await bench.lineEnding.selectOption({ label: 'None' });
  await bench.disconnect.click();
});
