// Bench automation in browser mode against loopback boards: a 1,000-round soak run, a periodic send
// that stops, an auto-reply rule answering an ESP8266, PASS and FAIL (with its byte diff) for an
// expect rule, file sends with progress and cancel, reconnect after a reboot, history and presets.
import { readFileSync } from 'node:fs';
import { startSimulatedBoard } from '../electron/core/simulated-boards';
import { expect, test } from './fixtures/app';
import { startEsp8266Client, startFlakyBoard, startRecordingBoard, startSlowReader } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

/** Milliseconds from a figure such as "0.42 ms" or "1,204.50 ms". */
const ms = (text: string): number => Number(text.replace(/[^\d.]/g, ''));

test('a soak run of 1,000 rounds against a simulated W55RP20 passes every round with sane round trips', async ({
  page,
  webApp,
}, testInfo) => {
  test.setTimeout(90_000);
  const board = await startSimulatedBoard('w55rp20');
  const bench = new BenchPage(page);
  try {
    await bench.openClean(webApp.url);
    await bench.boardPreset.selectOption('w55rp20');
    await expect(bench.protocol).toHaveValue('tcp-client');
    await expect(bench.expectedReply).toHaveValue('prefix-echo');
    await expect(bench.expectPrefix).toHaveValue('TCP Server : ');
    await bench.host.fill(board.host);
    await bench.port.fill(String(board.port));
    await bench.connect.click();
    await expect(bench.state).toContainText('Connected');
    await expect(bench.logEntries('Expect: prefix “TCP Server : ” then the same bytes')).toHaveCount(1);

    await bench.macros.check();
    await bench.message.fill('ping {counter}');
    const soak = await bench.tool('Soak run');
    await bench.rounds.fill('1000');
    await bench.duration.fill('');
    await bench.interval.fill('0');
    await bench.startSoak.click();
    await expect(soak.getByText('Done: 1,000 rounds, all passed')).toBeVisible({ timeout: 60_000 });
    await expect(bench.soakFigure('Sent')).toHaveText('1,000');
    await expect(bench.soakFigure('Passed')).toHaveText('1,000');
    await expect(bench.soakFigure('Failed')).toHaveText('0');
    await expect(bench.soakFigure('Timed out')).toHaveText('0');
    await expect(bench.soakFigure('Out of order')).toHaveText('0');
    const p50 = ms(await bench.soakFigure('RTT p50').innerText());
    const max = ms(await bench.soakFigure('RTT max').innerText());
    expect(p50).toBeGreaterThan(0);
    expect(p50).toBeLessThan(100);
    expect(max).toBeGreaterThanOrEqual(p50);
    // The board saw every round's own counter: the last one was 1000.
    await expect(bench.logEntries('TX', 'ping 1000')).toHaveCount(1);
    await expect(bench.logEntries('Soak run: Done: 1,000 rounds, all passed')).toHaveCount(1);
    // A soak run's rounds are its figures: only a round that fails would add a result row.
    await expect(bench.exchangeRows()).toHaveCount(0);
    await page.setViewportSize({ width: 1280, height: 1000 });
    await soak.scrollIntoViewIfNeeded();
    await page.locator('.send-tools').screenshot({ path: testInfo.outputPath('soak-panel.png') });
    await page.screenshot({ path: testInfo.outputPath('soak-window.png') });

    // The summary goes out with the transcript.
    const download = await bench.exportLog('Markdown transcript');
    const path = await download.path();
    const md = readFileSync(path, 'utf8');
    expect(md).toContain('## Soak run: Done: 1,000 rounds, all passed');
    expect(md).toMatch(/- Round trip: min [\d.]+ ms, p50 [\d.]+ ms/);
    await bench.disconnect.click();
    await expect(bench.state).toContainText('Disconnected');
  } finally {
    await board.close();
  }
});

test('a periodic send at 10 ms runs, counts, and stops sending on Stop periodic', async ({
  page,
  webApp,
  board,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.message.fill('tick');
  await bench.tool('Periodic send');
  await bench.interval.fill('10');
  await bench.count.fill('');
  await bench.startPeriodic.click();
  // Late timer slots may be skipped (and said so after the count): the count is what went out.
  const running = page.getByText(/^Sending every 10 ms: [\d,]+ sent/);
  await expect(running).toBeVisible();
  await expect
    .poll(async () => Number(/: ([\d,]+) sent/.exec(await running.innerText())?.[1]?.replace(/,/g, '')))
    .toBeGreaterThanOrEqual(20);
  await bench.stopPeriodic.click();
  const stopped = page.getByText(/^Stopped after [\d,]+ sent/);
  await expect(stopped).toBeVisible();
  await expect(bench.startPeriodic).toBeVisible();
  const sent = Number(/after ([\d,]+) sent/.exec(await stopped.innerText())?.[1]?.replace(/,/g, ''));
  expect(sent).toBeGreaterThanOrEqual(20);

  // Nothing more goes out after the stop: a message sent now is the next thing the board reads.
  await bench.message.fill('last');
  await bench.send.click();
  await expect(bench.logEntries('RX', 'TCP Server : last')).toHaveCount(1);
  expect(board.stats().receivedBytes).toBe(sent * 4 + 4);
  await expect(
    bench.logEntries(`Periodic send: Stopped after ${sent.toLocaleString('en-US')} sent`),
  ).toHaveCount(1);
  await bench.disconnect.click();
});

test('an auto-reply rule on a TCP server answers a connecting ESP8266 and counts its hit', async ({
  page,
  webApp,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.protocol.selectOption({ label: 'TCP server' });
  const rules = await bench.tool('Auto-reply');
  await bench.addRule.click();
  const rule = bench.rule(1);
  await rule.getByLabel('Match', { exact: true }).selectOption({ label: 'Contains' });
  await rule.getByLabel('Pattern', { exact: true }).fill('Hello');
  await rule.getByLabel('Reply', { exact: true }).fill('Hi {counter}\\r\\n');
  const port = await bench.listenOn(0, '127.0.0.1');
  await expect(bench.logEntries('Auto-reply: 1 rule')).toHaveCount(1);
  await expect(rules.getByText(/1 of 1 rules on/)).toBeVisible();

  const esp = await startEsp8266Client({ host: '127.0.0.1', port });
  try {
    await esp.waitFor('Hi 1\r\n');
    await expect(rule).toContainText('1 hit');
    await expect(bench.logEntries('TX', esp.peer, 'Hi 1')).toHaveCount(1);
    // The board echoes the reply; that echo matches nothing, so no second answer goes out.
    await expect(bench.logEntries('RX', esp.peer, 'Hi 1')).toHaveCount(1);
    await expect(rule).toContainText('1 hit');
    await page.locator('.send-tools').screenshot({ path: testInfo.outputPath('auto-reply.png') });
  } finally {
    await esp.close();
  }
  await bench.stop.click();
});

test('an expect rule gives PASS for hello against a W55RP20, and FAIL with the differing byte for a wrong prefix', async ({
  page,
  webApp,
  board,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.showExpect();
  await bench.expectedReply.selectOption({ label: 'Prefix + same bytes' });
  await bench.expectPrefix.fill('TCP Server : ');
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await expect(bench.logEntries('Expect: prefix “TCP Server : ” then the same bytes')).toHaveCount(1);
  await bench.sendText('hello');
  const pass = bench.exchangeRows('PASS');
  await expect(pass).toHaveCount(1);
  await expect(pass).toContainText(/first byte [\d.]+ ms · complete [\d.]+ ms/);

  await bench.expectPrefix.fill('TCP Server: ');
  await expect(bench.logEntries('Expect: prefix “TCP Server: ” then the same bytes')).toHaveCount(1);
  await bench.sendText('hello');
  const fail = bench.exchangeRows('FAIL');
  await expect(fail).toHaveCount(1);
  const diff = fail.getByRole('figure', { name: 'Byte diff' });
  await expect(diff).toContainText("Byte 10: expected 3A ':', got 20 ' '");
  await expect(diff.locator('.cell.first')).toHaveText(['3A', ':', '20', ' ']);
  await expect(page.getByText('1 passed · 1 failed · 0 timed out')).toBeVisible();
  await page.setViewportSize({ width: 1280, height: 800 });
  await fail.screenshot({ path: testInfo.outputPath('exchange-fail-row.png') });
  await page.screenshot({ path: testInfo.outputPath('expect-window.png') });
  await bench.disconnect.click();
});

test('a file goes out in chunks with its progress, and a big one to a slow reader can be cancelled', async ({
  page,
  webApp,
}) => {
  test.setTimeout(60_000);
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const recorder = await startRecordingBoard();
  const small = Buffer.from(Array.from({ length: 1000 }, (_, i) => (i * 7) % 256));
  try {
    await bench.connectTo(recorder.host, recorder.port);
    await expect(bench.state).toContainText('Connected');
    await bench.tool('Send file');
    await bench.fileToSend.setInputFiles({
      name: 'config.bin',
      mimeType: 'application/octet-stream',
      buffer: small,
    });
    await bench.chunkSize.fill('64');
    await bench.chunkDelay.fill('1');
    await expect(page.getByText('1,000 bytes in 16 chunks')).toBeVisible();
    await bench.sendFile.click();
    await expect(page.getByText('Sent config.bin: 1,000 / 1,000 bytes (100%)')).toBeVisible();
    await expect(bench.fileProgress).toHaveAttribute('value', '1000');
    await recorder.waitForBytes(small.length);
    expect(recorder.received().equals(small)).toBe(true);
    await expect(bench.logEntries('File config.bin sent: 1,000 bytes')).toHaveCount(1);
    await bench.disconnect.click();
    await expect(bench.state).toContainText('Disconnected');
  } finally {
    await recorder.close();
  }

  // 16 KiB every 20 ms: a big file backs up behind it.
  const slow = await startSlowReader({ bytesPerRead: 16 * 1024, everyMs: 20 });
  const big = Buffer.alloc(16 * 1024 * 1024, 0x5a);
  try {
    await bench.connectTo(slow.host, slow.port);
    await expect(bench.state).toContainText('Connected');
    await bench.fileToSend.setInputFiles({
      name: 'firmware.bin',
      mimeType: 'application/octet-stream',
      buffer: big,
    });
    await bench.chunkSize.fill('65536');
    await bench.chunkDelay.fill('0');
    await bench.sendFile.click();
    await expect(page.getByText(/^Sending firmware\.bin: [\d,]+ \/ 16,777,216 bytes/)).toBeVisible();
    await bench.cancelFile.click();
    const cancelled = page.getByText(/^Cancelled firmware\.bin: [\d,]+ \/ 16,777,216 bytes/);
    await expect(cancelled).toBeVisible();
    const sent = Number(/: ([\d,]+) \//.exec(await cancelled.innerText())?.[1]?.replace(/,/g, ''));
    expect(sent).toBeLessThan(big.length);
    expect(sent % 65536).toBe(0);
    await expect(
      bench.logEntries(`File send cancelled after ${sent.toLocaleString('en-US')} of 16,777,216 bytes`),
    ).toHaveCount(1);
    await expect(bench.sendFile).toBeEnabled();
    await bench.disconnect.click();
  } finally {
    await slow.close();
  }
});

test('a client with Reconnect automatically comes back when its board reboots', async ({ page, webApp }) => {
  const flaky = await startFlakyBoard();
  const bench = new BenchPage(page);
  try {
    await bench.openClean(webApp.url);
    await bench.host.fill(flaky.host);
    await bench.port.fill(String(flaky.port));
    await bench.showOptions();
    await bench.reconnect.check();
    await bench.firstRetry.fill('200');
    await bench.maxRetry.fill('400');
    await bench.maxTries.fill('0');
    await bench.connect.click();
    await expect(bench.state).toContainText('Connected');
    await flaky.goDown();
    await expect(bench.state).toContainText(/Reconnecting… \(attempt \d+/);
    await expect(bench.disconnect).toBeVisible();
    await expect(bench.logEntries('Reconnecting to')).not.toHaveCount(0);
    await flaky.comeBack();
    await expect(bench.state).toContainText('Connected', { timeout: 10_000 });
    await bench.sendText('back');
    await expect(bench.logEntries('RX', 'TCP Server : back')).toHaveCount(1);
    await bench.disconnect.click();
    await expect(bench.state).toContainText('Disconnected');
  } finally {
    await flaky.close();
  }
});

test('sent messages come back with Arrow Up, with their encoding, after a reload too; presets send with one click', async ({
  page,
  webApp,
  board,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('first');
  await bench.sendText('68 69', 'Hex');
  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.message.fill('draft');
  await bench.message.press('ArrowUp');
  await expect(bench.message).toHaveValue('68 69');
  await expect(bench.encodeAs).toHaveValue('hex');
  await bench.message.press('ArrowUp');
  await expect(bench.message).toHaveValue('first');
  await expect(bench.encodeAs).toHaveValue('ascii');
  await bench.message.press('ArrowDown');
  await bench.message.press('ArrowDown');
  await expect(bench.message).toHaveValue('draft');

  // Presets: save the message under a name, send it by that name, keep it across a reload.
  await bench.message.fill('status?');
  const presets = await bench.tool('Presets');
  await bench.saveAsPreset.click();
  await bench.presetName.fill('Status');
  await bench.presetName.press('Enter');
  await presets.getByRole('button', { name: 'Status', exact: true }).click();
  await expect(bench.logEntries('RX', 'TCP Server : status?')).toHaveCount(1);
  await page.locator('.send-tools').screenshot({ path: testInfo.outputPath('presets.png') });

  // A bad file is refused with the reason, and nothing changes.
  await bench.importPresets.setInputFiles({
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"presets":[{"message":"x"}]}'),
  });
  await expect(presets.getByRole('alert')).toHaveText('broken.json was not imported: Preset 1 has no name.');
  const download = page.waitForEvent('download');
  await bench.exportPresets.click();
  const exported = JSON.parse(readFileSync(await (await download).path(), 'utf8'));
  expect(exported).toMatchObject({
    format: 'socketbench-presets',
    version: 1,
    presets: [{ name: 'Status', message: 'status?' }],
  });

  await page.reload();
  await expect(bench.sessions).not.toHaveAttribute('aria-busy', 'true');
  await bench.message.focus();
  await bench.message.press('ArrowUp');
  await expect(bench.message).toHaveValue('68 69');
  await bench.tool('Presets');
  await expect(page.getByRole('button', { name: 'Status', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Delete preset Status', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Status', exact: true })).toHaveCount(0);
  await bench.closeAllSessions();
});
