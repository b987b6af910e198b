// Test cases and simulated boards from the app, in browser mode: a simulated W55RP20 started from the
// UI answers a TCP client session; the W55RP20 example passes against its simulated board; a wrong
// expectation shows FAIL with the byte diff.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures/app';
import { BenchPage } from './pages/bench-page';

const W55RP20_CASE = resolve(__dirname, '../examples/w55rp20-prefix-echo.yaml');

function casesPanel(page: Page) {
  const panel = page.getByRole('region', { name: 'Test cases' });
  const boards = panel.getByRole('region', { name: 'Simulated boards' });
  return {
    toggle: page.getByRole('button', { name: 'Test cases', exact: true }),
    panel,
    caseFile: panel.getByLabel('Case file', { exact: true }),
    caseText: panel.getByLabel('Case', { exact: true }),
    simulate: panel.getByLabel('Run against a simulated board'),
    host: panel.getByLabel('Host', { exact: true }),
    port: panel.getByLabel('Port', { exact: true }),
    run: panel.getByRole('button', { name: 'Run case', exact: true }),
    steps: panel.getByRole('list', { name: 'Steps' }),
    summary: panel.locator('.case-summary'),
    boards,
    board: boards.getByLabel('Board', { exact: true }),
    boardPort: boards.getByLabel('Port', { exact: true }),
    start: boards.getByRole('button', { name: 'Start board', exact: true }),
    running: boards.getByRole('list', { name: 'Running boards' }),
  };
}

test('a simulated W55RP20 started from the UI answers a TCP client session', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  const cases = casesPanel(page);
  await cases.toggle.click();
  await expect(cases.panel).toBeVisible();

  await cases.board.selectOption({ label: 'W55RP20' });
  await cases.boardPort.fill('0');
  await cases.start.click();
  const row = cases.running.getByRole('listitem').filter({ hasText: 'W55RP20' });
  await expect(row).toHaveCount(1);
  const address = (await row.locator('.mono').innerText()).trim();
  const port = Number(/^127\.0\.0\.1:(\d+)$/.exec(address)?.[1]);
  expect(port).toBeGreaterThan(0);

  // The session form has its own Host and Port: hide the panel (it keeps its boards) to use them.
  await cases.toggle.click();
  await expect(cases.panel).toBeHidden();
  await bench.connectTo('127.0.0.1', port);
  await expect(bench.state).toContainText('Connected');
  await bench.sendText('hello');
  await expect(bench.log).toContainText('TCP Server : hello');
  await bench.disconnect.click();
  await expect(bench.state).toContainText('Disconnected');

  await cases.toggle.click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(cases.running).toBeHidden();
  await expect(cases.boards).toContainText('No simulated board is running.');
});

test('the W55RP20 example passes against its simulated board', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  const cases = casesPanel(page);
  await cases.toggle.click();
  await cases.caseFile.setInputFiles({
    name: 'w55rp20-prefix-echo.yaml',
    mimeType: 'text/yaml',
    buffer: readFileSync(W55RP20_CASE),
  });
  await expect(cases.caseText).toHaveValue(/name: W55RP20 prefix echo/);
  await expect(cases.simulate).toBeChecked();
  await cases.run.click();

  await expect(cases.summary).toContainText('PASSED 14 passed, 0 failed', { timeout: 15_000 });
  await expect(cases.summary).toContainText('(simulated w55rp20)');
  const rows = cases.steps.getByRole('listitem');
  await expect(rows).toHaveCount(14);
  await expect(rows.filter({ hasText: 'PASS' })).toHaveCount(14);
  await expect(rows.nth(1)).toContainText(/rtt \d/);
});

test('a wrong expectation shows FAIL with the diff', async ({ page, webApp }) => {
  const bench = new BenchPage(page);
  await bench.open(webApp.url);
  const cases = casesPanel(page);
  await cases.toggle.click();
  await cases.caseText.fill(
    [
      'name: wrong prefix',
      'simulate: w55rp20',
      'board: { mode: tcp-client, host: 192.168.1.123, port: 8087, framing: raw }',
      'steps:',
      '  - connect',
      '  - send: hello',
      '    expect: { prefix-echo: "TCP Client : " }',
      '  - close',
    ].join('\n'),
  );
  await cases.run.click();

  await expect(cases.summary).toContainText('FAILED 1 passed, 1 failed, 1 skipped', { timeout: 15_000 });
  const failed = cases.steps.getByRole('listitem').nth(1);
  await expect(failed).toContainText('FAIL');
  await expect(failed.locator('.case-step-details')).toContainText('expected');
  await expect(cases.steps.getByRole('listitem').nth(2)).toContainText('SKIPPED');

  // A case that cannot run says why, in the panel.
  await cases.caseText.fill('name: broken\nsteps: nope\n');
  await cases.run.click();
  await expect(cases.panel.getByRole('alert')).toContainText('case.yaml');
});
