// The user guides' scenarios, played in browser mode against loopback boards: the QuecPython UDP echo
// and a W55RP20 verified with its expected reply. With UPDATE_DOCS_SCREENSHOTS=1 they refresh docs/images.
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { startUdpEchoBoard, type UdpEchoBoard } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

let udpBoard: UdpEchoBoard | undefined;

test.afterEach(async ({ page }) => {
  // The engine outlives the page: leave no socket open for the next test to adopt.
  await new BenchPage(page).closeAllSessions();
  await udpBoard?.close();
  udpBoard = undefined;
});

async function docsScreenshot(page: Page, name: string): Promise<void> {
  if (process.env.UPDATE_DOCS_SCREENSHOTS !== '1') return;
  const dir = resolve(__dirname, '../docs/images');
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: resolve(dir, name) });
}

test('UDP guide: the QuecPython preset, a text and a hex datagram echoed and judged', async ({
  page,
  webApp,
}) => {
  udpBoard = await startUdpEchoBoard();
  const peer = `${udpBoard.host}:${udpBoard.port}`;
  const bench = new BenchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await bench.openClean(webApp.url);

  await bench.boardPreset.selectOption({ label: 'QuecPython module (UDP echo)' });
  await expect(bench.protocol).toHaveValue('udp');
  await expect(bench.expectedReply).toHaveValue('echo');
  await expect(bench.remotePort).toHaveValue('80');
  const local = await bench.openUdp(0);
  expect(local).toBeGreaterThan(0);
  await expect(bench.logEntries('Expect: the same bytes back')).toHaveCount(1);

  await bench.remoteHost.fill(udpBoard.host);
  await bench.remotePort.fill(String(udpBoard.port));
  await bench.sendText('1234567890');
  await expect(bench.logEntries('RX', peer, '1234567890')).toHaveCount(1);

  await bench.sendText('00 01 02 FE FF', 'Hex');
  await expect(bench.logEntries('RX', peer, '\\0\\x01\\x02\\xFE\\xFF')).toHaveCount(1);
  await expect(bench.exchangeRows('PASS')).toHaveCount(2);
  await expect(bench.exchangeRows('FAIL')).toHaveCount(0);
  await expect(page.getByText('2 passed · 0 failed · 0 timed out')).toBeVisible();
  await expect(bench.tx).toHaveText('15 B');
  await expect(bench.rx).toHaveText('15 B');
  expect(udpBoard.datagrams()).toBe(2);

  await bench.send.scrollIntoViewIfNeeded();
  await docsScreenshot(page, 'udp.png');

  await bench.closeSocket.click();
  await expect(bench.state).toContainText('Closed');
});

test('verification guide: a W55RP20 preset judges every reply PASS, round trips shown', async ({
  page,
  webApp,
  board,
}) => {
  const bench = new BenchPage(page);
  await page.setViewportSize({ width: 1280, height: 800 });
  await bench.openClean(webApp.url);

  await bench.boardPreset.selectOption({ label: 'W55RP20 (MicroPython TCP server)' });
  await expect(bench.protocol).toHaveValue('tcp-client');
  await expect(bench.port).toHaveValue('8087');
  await bench.showExpect();
  await expect(bench.expectedReply).toHaveValue('prefix-echo');
  await expect(bench.expectPrefix).toHaveValue('TCP Server : ');

  await bench.host.fill(board.host);
  await bench.port.fill(String(board.port));
  await bench.connect.click();
  await expect(bench.state).toContainText('Connected');
  await expect(bench.logEntries('Expect: prefix “TCP Server : ” then the same bytes')).toHaveCount(1);

  await bench.sendText('hello');
  await expect(bench.logEntries('RX', 'TCP Server : hello')).toHaveCount(1);
  await bench.sendText('31 32 33', 'Hex');
  await expect(bench.logEntries('RX', 'TCP Server : 123')).toHaveCount(1);
  // Macros apply to text: back to ASCII first.
  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.macros.check();
  await bench.sendText('ping {counter}');
  await expect(bench.logEntries('RX', 'TCP Server : ping 1')).toHaveCount(1);

  const pass = bench.exchangeRows('PASS');
  await expect(pass).toHaveCount(3);
  await expect(pass.first()).toContainText(/first byte [\d.]+ ms · complete [\d.]+ ms/);
  await expect(bench.exchangeRows('FAIL')).toHaveCount(0);
  await expect(bench.exchangeRows('TIMEOUT')).toHaveCount(0);
  await expect(page.getByText('3 passed · 0 failed · 0 timed out')).toBeVisible();
  expect(board.stats().replies).toBe(3);

  await bench.expectPrefix.scrollIntoViewIfNeeded();
  await docsScreenshot(page, 'expect.png');

  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
});
