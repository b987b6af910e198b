// Several sessions side by side: a client to the W55RP20 board and a server for an ESP8266, each with
// its own settings, log and counters; switch, rename, close.

import { expect, test } from './fixtures/app';
import { type Esp8266Client, startEsp8266Client } from './fixtures/boards';
import { BenchPage } from './pages/bench-page';

let esp: Esp8266Client | undefined;

test.afterEach(async ({ page }) => {
  // The engine outlives the page: leave no session open for the next test to adopt.
  await new BenchPage(page).closeAllSessions();
  await esp?.close();
  esp = undefined;
});

test('a client and a server keep separate logs and counters when switching', async ({
  page,
  webApp,
  board,
}) => {
  const bench = new BenchPage(page);
  const first = await bench.openClean(webApp.url);
  await bench.renameSession(first, 'W55RP20');
  await bench.connectTo(board.host, board.port);
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');
  await expect(bench.rx).toHaveText('18 B');

  await bench.newSession.click();
  await expect(bench.sessions.getByRole('listitem')).toHaveCount(2);
  await expect(bench.log).not.toContainText('TCP Server : hello');
  await expect(bench.rx).toHaveText('0 B');
  await expect(bench.host).toHaveValue('');
  await bench.renameSession(await bench.activeSessionName(), 'ESP8266');
  const port = await bench.listenOn(0);
  esp = await startEsp8266Client({ host: '127.0.0.1', port });
  await expect(bench.log).toContainText('This is my IP.');
  await expect(bench.rx).toHaveText('19 B');
  await expect(bench.log).not.toContainText('TCP Server');

  // The sidebar shows both at once, each with its own state and counters.
  await expect(bench.session('W55RP20')).toContainText('Connected');
  await expect(bench.session('W55RP20')).toContainText('RX 18 B');
  await expect(bench.session('ESP8266')).toContainText('Listening · 1 client');
  await expect(bench.session('ESP8266')).toContainText('RX 19 B');

  await bench.switchTo('W55RP20');
  await expect(bench.protocol).toHaveValue('tcp-client');
  await expect(bench.host).toHaveValue(board.host);
  await expect(bench.state).toContainText('Connected');
  await expect(bench.log).toContainText('TCP Server : hello');
  await expect(bench.log).not.toContainText('This is my IP.');
  await expect(bench.rx).toHaveText('18 B');
  // Traffic to the session in the background still lands in its own log.
  await bench.sendText('again');
  await expect(bench.log).toContainText('TCP Server : again');

  await bench.switchTo('ESP8266');
  await expect(bench.state).toContainText('Listening');
  await expect(bench.log).toContainText('Hello');
  await expect(bench.log).not.toContainText('TCP Server');
  await expect(bench.rx).toHaveText('19 B');
  await bench.sendText('echo me');
  await esp.waitFor('echo me');
  await expect(bench.logEntries('RX', esp.peer, 'echo me')).toHaveCount(1);

  // Escape leaves a rename without changing the name.
  await bench.session('ESP8266').getByRole('button', { name: 'Rename', exact: true }).click();
  await bench.sessions.getByLabel('Session name', { exact: true }).fill('not this');
  await bench.sessions.getByLabel('Session name', { exact: true }).press('Escape');
  await expect(bench.session('ESP8266')).toBeVisible();
  await expect(bench.session('not this')).toHaveCount(0);

  // Closing a session closes its connection and leaves the other one as it was.
  await bench.session('W55RP20').getByRole('button', { name: 'Close session', exact: true }).click();
  await expect(bench.sessions.getByRole('listitem')).toHaveCount(1);
  await board.waitForNoConnections();
  await expect(bench.session('ESP8266')).toContainText('Listening');
});
