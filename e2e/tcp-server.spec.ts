// The board is the client (seeds 002 and 003): SocketBench listens, ESP8266-like boards connect, send
// "Hello" and "This is my IP." and echo what they receive; several at once, each addressed alone or all together.

import { once } from 'node:events';
import { mkdirSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { resolve } from 'node:path';
import { expect, test } from './fixtures/app';
import { type Esp8266Client, startEsp8266Client } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

const boards: Esp8266Client[] = [];
async function esp8266(port: number): Promise<Esp8266Client> {
  const board = await startEsp8266Client({ host: '127.0.0.1', port });
  boards.push(board);
  return board;
}

/** A fresh page listening, with two ESP8266-like boards connected and listed. */
async function listenWithTwoBoards(bench: BenchPage, url: string): Promise<[Esp8266Client, Esp8266Client]> {
  await bench.openClean(url);
  const port = await bench.listenOn(0);
  const first = await esp8266(port);
  const second = await esp8266(port);
  await expect(bench.clients.getByRole('listitem')).toHaveCount(2);
  return [first, second];
}

test.afterEach(async ({ page }) => {
  // The engine outlives the page: leave no server listening for the next test to adopt.
  await new BenchPage(page).closeAllSessions();
  await Promise.all(boards.splice(0).map((b) => b.close()));
});

test('listen, let an ESP8266 connect, see its greeting, send to it and see its echo', async ({
  page,
  webApp,
}) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const port = await bench.listenOn(0);
  await expect(bench.state).toContainText('Waiting for a board to connect…');

  const board = await esp8266(port);
  await expect(bench.client(board.peer)).toBeVisible();
  await expect(bench.state).toContainText('1 client connected');
  await expect(bench.log).toContainText(`Client ${board.peer} connected`);
  await expect(bench.log).toContainText('Hello');
  await expect(bench.log).toContainText('This is my IP.');
  await expect(bench.logEntries('RX', board.peer, 'Hello').first()).toBeVisible();
  await expect(bench.rx).toHaveText('19 B');

  await bench.sendText('ping from the PC');
  await board.waitFor('ping from the PC');
  await expect(bench.logEntries('TX', board.peer, 'ping from the PC')).toHaveCount(1);
  await expect(bench.logEntries('RX', board.peer, 'ping from the PC')).toHaveCount(1);
  await expect(bench.tx).toHaveText('16 B');
  await expect(bench.rx).toHaveText('35 B');
  await expect(bench.client(board.peer)).toContainText('RX 35 B');
  await expect(bench.client(board.peer)).toContainText('TX 16 B');

  // Stop closes every board's connection cleanly.
  await bench.stop.click();
  await board.closed();
  await expect(bench.state).toContainText('Not listening');
  await expect(bench.clients.getByRole('listitem')).toHaveCount(0);
  await expect(bench.listen).toBeEnabled();
});

test('two boards: All clients reaches both, one chosen client only that one', async ({
  page,
  webApp,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.renameSession(await bench.openClean(webApp.url), 'ESP8266 boards');
  const port = await bench.listenOn(0);
  const first = await esp8266(port);
  const second = await esp8266(port);
  await expect(bench.clients.getByRole('listitem')).toHaveCount(2);
  await expect(bench.state).toContainText('2 clients connected');

  await expect(bench.sendTo).toHaveValue('');
  await bench.sendText('to everyone');
  await Promise.all([first.waitFor('to everyone'), second.waitFor('to everyone')]);
  await expect(bench.logEntries('RX', first.peer, 'to everyone')).toHaveCount(1);
  await expect(bench.logEntries('RX', second.peer, 'to everyone')).toHaveCount(1);

  await bench.sendTo.selectOption({ label: first.peer });
  await bench.sendText('only the first');
  await first.waitFor('only the first');
  await expect(bench.logEntries('RX', first.peer, 'only the first')).toHaveCount(1);
  // TCP keeps order: had the second board been sent "only the first", it would hold it before this.
  await bench.sendTo.selectOption({ label: 'All clients' });
  await bench.sendText('sync');
  await second.waitFor('sync');
  expect(second.received().toString('latin1')).not.toContain('only the first');
  await expect(bench.logEntries(second.peer, 'only the first')).toHaveCount(0);

  await expect(bench.logEntries('RX', 'sync')).toHaveCount(2);
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('tcp-server.png') });
  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    const dir = resolve(__dirname, '../docs/images');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: resolve(dir, 'tcp-server.png') });
  }

  // One board disconnected from the list: the other stays.
  await bench
    .client(first.peer)
    .getByRole('button', { name: `Disconnect ${first.peer}` })
    .click();
  await first.closed();
  await expect(bench.client(first.peer)).toHaveCount(0);
  await expect(bench.client(second.peer)).toBeVisible();
  await expect(bench.log).toContainText(`Client ${first.peer} disconnected`);
});

test('a board chosen with its Send to button in Clients, and chosen again for all', async ({
  page,
  webApp,
}) => {
  const bench = new BenchPage(page);
  const [first, second] = await listenWithTwoBoards(bench, webApp.url);
  const choose = bench.client(second.peer).getByRole('button', { name: `Send to ${second.peer}` });
  await expect(choose).toHaveAttribute('aria-pressed', 'false');
  await choose.click();
  await expect(choose).toHaveAttribute('aria-pressed', 'true');
  await expect(bench.sendTo).toHaveValue(second.peer);
  await bench.sendText('just the second');
  await second.waitFor('just the second');
  // Pressed again: All clients.
  await choose.click();
  await expect(choose).toHaveAttribute('aria-pressed', 'false');
  await expect(bench.sendTo).toHaveValue('');
  await bench.sendText('both now');
  await first.waitFor('both now');
  expect(first.received().toString('latin1')).not.toContain('just the second');
});

test('Send to names the newest hundred clients and counts the rest', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const port = await bench.listenOn(0);
  const sockets: Socket[] = [];
  try {
    for (let i = 0; i < 105; i++) {
      const socket = connect({ host: '127.0.0.1', port });
      await once(socket, 'connect');
      sockets.push(socket);
    }
    await expect(bench.state).toContainText('105 clients connected');
    const options = bench.sendTo.locator('option');
    await expect(options).toHaveCount(102);
    await expect(options.first()).toHaveText('All clients');
    const peerOf = (s: Socket) => `127.0.0.1:${s.localPort}`;
    await expect(options.nth(1)).toHaveText(peerOf(sockets[5] as Socket));
    await expect(options.nth(100)).toHaveText(peerOf(sockets[104] as Socket));
    await expect(options.last()).toHaveText('… 5 more: choose one with Send to in Clients');
    await expect(options.last()).toBeDisabled();
  } finally {
    for (const s of sockets) s.destroy();
  }
});

test('a chosen client that left keeps Send disabled with the reason', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  const [leaving, staying] = await listenWithTwoBoards(bench, webApp.url);
  await bench.sendTo.selectOption({ label: leaving.peer });
  await leaving.close();
  await expect(bench.client(leaving.peer)).toHaveCount(0);
  await bench.message.fill('anyone?');
  await expect(bench.send).toBeDisabled();
  await expect(
    page.getByText(`${leaving.peer} has disconnected: choose another client in Send to.`),
  ).toBeVisible();
  await bench.sendTo.selectOption({ label: staying.peer });
  await bench.send.click();
  await staying.waitFor('anyone?');
});

test('a port already in use says so and what to do', async ({ page, webApp }) => {
  const holder: Server = createServer();
  await new Promise<void>((done) => holder.listen({ host: '127.0.0.1', port: 0 }, done));
  const address = holder.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  try {
    const bench = new BenchPage(page);
    await bench.openClean(webApp.url);
    await bench.protocol.selectOption({ label: 'TCP server' });
    await bench.localAddress.selectOption({ value: '127.0.0.1' });
    await bench.port.fill(String(address.port));
    await bench.listen.click();
    const sentence = `Port ${address.port} is already in use on this PC`;
    await expect(bench.state).toContainText('Error');
    await expect(bench.state).toContainText(sentence);
    await expect(bench.log).toContainText(sentence);
    await expect(bench.listen).toBeEnabled();
  } finally {
    await new Promise<void>((done) => holder.close(() => done()));
  }
});

test('Which IP? marks the interface on the board subnet and warns when none is', async ({
  page,
  webApp,
}, testInfo) => {
  const bench = new BenchPage(page);
  await bench.openClean(webApp.url);
  const port = await bench.listenOn(0);
  await bench.whichIp.click();
  await expect(bench.network).toBeVisible();
  await expect(bench.network.getByRole('row', { name: /127\.0\.0\.1/ })).toBeVisible();

  await bench.boardAddress.fill('127.0.0.77');
  const loopback = bench.network.getByRole('row', { name: /127\.0\.0\.1/ });
  await expect(loopback).toContainText('same subnet as the board');
  await expect(bench.network).toContainText(
    `Type 127.0.0.1 into the board as the server address, port ${port}.`,
  );
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.screenshot({ path: testInfo.outputPath('network-interfaces.png') });

  // TEST-NET-2: documentation only, so no interface of any PC is on it (and nothing is sent there).
  await bench.boardAddress.fill('198.51.100.23');
  await expect(bench.network.getByRole('alert')).toHaveText(
    "No interface of this PC is on the same subnet as 198.51.100.23: the board cannot reach this PC, and this PC may not reach the board. Check the cable/Wi-Fi and the PC's IP settings.",
  );
  await expect(bench.network).not.toContainText('same subnet as the board');
});
