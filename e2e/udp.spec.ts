// A UDP board (seed 003's udp_server): every datagram goes back to its sender. SocketBench opens a
// UDP socket on loopback, sends to the board and sees each echo as one entry with the board's address.

import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures/app';
import { startUdpEchoBoard, type UdpEchoBoard } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

let board: UdpEchoBoard | undefined;

test.afterEach(async ({ page }) => {
  // The engine outlives the page: leave no socket open for the next test to adopt.
  await new BenchPage(page).closeAllSessions();
  await board?.close();
  board = undefined;
});

test('open UDP, send to the echo board and see its echo attributed to the board', async ({
  page,
  webApp,
}) => {
  board = await startUdpEchoBoard();
  const peer = `${board.host}:${board.port}`;
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const port = await bench.openUdp(0);
  expect(port).toBeGreaterThan(0);

  await bench.message.fill('hello board');
  await expect(bench.send).toBeDisabled();
  await expect(page.getByText("Enter the board's address in Remote host.")).toBeVisible();
  await bench.remoteHost.fill(board.host);
  await bench.remotePort.fill(String(board.port));
  await bench.send.click();

  await expect(bench.logEntries('RX', peer, 'hello board')).toHaveCount(1);
  await expect(bench.logEntries('TX', peer, 'hello board')).toHaveCount(1);
  await expect(bench.rx).toHaveText('11 B');
  await expect(bench.tx).toHaveText('11 B');

  // Each datagram is one entry, even when two are sent back to back.
  await bench.sendText('one');
  await bench.sendText('two');
  await expect(bench.logEntries('RX', peer, 'one')).toHaveCount(1);
  await expect(bench.logEntries('RX', peer, 'two')).toHaveCount(1);
  expect(board.datagrams()).toBe(3);

  // Reply to last sender goes back to the board without its address typed.
  await bench.remoteHost.fill('');
  await bench.replyToSender.check();
  await bench.sendText('reply');
  await expect(bench.logEntries('RX', peer, 'reply')).toHaveCount(1);

  await bench.closeSocket.click();
  await expect(bench.state).toContainText('Closed');
  await expect(bench.openSocket).toBeEnabled();
});

test('UDP settings are explained before Open', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.protocol.selectOption({ label: 'UDP' });
  await bench.localPort.fill('70000');
  await expect(bench.openSocket).toBeDisabled();
  await expect(page.getByText(/^Local port must be a whole number from 0 to 65535/)).toBeVisible();
  await bench.localPort.fill('0');
  await page.getByText('Options').click();
  await page.getByLabel('Group', { exact: true }).fill('192.168.1.10');
  await expect(bench.openSocket).toBeDisabled();
  await expect(page.getByText(/^Group must be a multicast address/)).toBeVisible();
  await page.getByLabel('Group', { exact: true }).fill('239.1.2.3');
  await expect(bench.openSocket).toBeEnabled();
});

test('a receive buffer the system grants smaller than asked is said, in the state and the log', async ({
  page,
  webApp,
}) => {
  const asked = 256 * 1024 * 1024;
  // Linux grants twice the size asked, capped at twice net.core.rmem_max.
  const cap = Number(await readFile('/proc/sys/net/core/rmem_max', 'utf8').catch(() => '')) || undefined;
  test.skip(cap === undefined || 2 * cap >= asked, 'this system lets a socket have the 256 MiB asked');
  const granted = (2 * (cap ?? 0)).toLocaleString('en-US');
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  await bench.protocol.selectOption({ label: 'UDP' });
  await page.getByText('Options').click();
  await page.getByLabel('Receive buffer (bytes)', { exact: true }).fill(String(asked));
  await bench.openUdp(0);
  const sentence = `Receive buffer ${granted} bytes, not the 268,435,456 asked`;
  await expect(bench.state).toContainText(sentence);
  await expect(bench.log.getByText(sentence)).toHaveCount(1);
});
