// The foundation scenario (seed 000): a W55RP20 board runs a TCP server that answers
// "TCP Server : " + message; SocketBench connects as a TCP client in browser mode.

import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';
import { closedPort } from './pages/sweep-steps';

test('connect to the board, send hello and see its reply', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');

  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');
  await expect(bench.tx).toHaveText('5 B');
  await expect(bench.rx).toHaveText('18 B');

  await bench.sendText('31 32 33', 'Hex');
  await expect(bench.log).toContainText('TCP Server : 123');
  await expect(bench.tx).toHaveText('8 B');
  await expect(bench.rx).toHaveText('34 B');

  await bench.decodeAs.selectOption({ label: 'Hex' });
  await expect(bench.log).toContainText('54 43 50 20 53 65 72 76 65 72 20 3A 20 68 65 6C 6C 6F');
  await expect(bench.log).toContainText('54 43 50 20 53 65 72 76 65 72 20 3A 20 31 32 33');
  await expect(bench.log).not.toContainText('TCP Server : hello');

  await bench.decodeAs.selectOption({ label: 'ASCII' });
  await expect(bench.log).toContainText('TCP Server : hello');

  if (process.env.UPDATE_DOCS_SCREENSHOTS === '1') {
    const dir = resolve(__dirname, '../docs/images');
    mkdirSync(dir, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: resolve(dir, 'tcp-client.png') });
  }

  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');
  await expect(bench.connect).toBeEnabled();
});

test('Ctrl+Enter sends the message', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.message.fill('ping');
  await bench.message.press('Control+Enter');
  await expect(bench.log).toContainText('TCP Server : ping');
});

test('a refused port shows what to check', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  const port = await closedPort();
  await bench.connectTo('127.0.0.1', port);
  const sentence = `Nothing is listening at 127.0.0.1:${port}`;
  await expect(bench.state).toContainText('Error');
  await expect(bench.state).toContainText(sentence);
  await expect(bench.log).toContainText(sentence);
});

test('an invalid hex string is explained and not sent', async ({ page, webApp, board }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');

  await bench.encodeAs.selectOption({ label: 'Hex' });
  await bench.message.fill('31 3g');
  await expect(page.getByRole('alert')).toContainText('position 5');
  await expect(bench.send).toBeDisabled();
  await bench.message.press('Control+Enter');

  await bench.message.fill('31 323');
  await expect(page.getByRole('alert')).toContainText('Odd number of hex digits');
  await bench.message.press('Control+Enter');

  // A valid send afterwards proves the connection was usable: only its 2 bytes went out.
  await bench.message.fill('41 42');
  await bench.send.click();
  await expect(bench.log).toContainText('TCP Server : AB');
  await expect(bench.tx).toHaveText('2 B');
});

test('Connect explains a bad port or an empty host', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  await bench.host.fill('127.0.0.1');
  await bench.port.fill('70000');
  await expect(bench.connect).toBeDisabled();
  await expect(page.getByText('Port must be a whole number from 1 to 65535.')).toBeVisible();

  // Both faults at once are both explained.
  await bench.host.fill('');
  await expect(page.getByText('Port must be a whole number from 1 to 65535.')).toBeVisible();
  await expect(page.getByText("Enter the board's IP address or host name.")).toBeVisible();

  await bench.port.fill('8087');
  await expect(bench.connect).toBeDisabled();
  await expect(page.getByText("Enter the board's IP address or host name.")).toBeVisible();

  await bench.host.fill('127.0.0.1');
  await expect(bench.connect).toBeEnabled();
});

test('browser mode refuses requests without the token', async ({ page, webApp, request }) => {
  const bare = await request.get(`${webApp.origin}/`);
  expect(bare.status()).toBe(403);
  const wrong = await request.get(`${webApp.origin}/?token=not-the-token`);
  expect(wrong.status()).toBe(403);

  // A page on our own origin but without the token cannot open the engine's WebSocket.
  await page.goto(`${webApp.origin}/`);
  const opened = await page.evaluate(
    async (wsUrl) => {
      return await new Promise<boolean>((done) => {
        const ws = new WebSocket(wsUrl);
        ws.onopen = () => done(true);
        ws.onerror = () => done(false);
        ws.onclose = () => done(false);
      });
    },
    `${webApp.origin.replace('http', 'ws')}/rpc`,
  );
  expect(opened).toBe(false);
});
