// Steps the Chinese sweep takes that the page object words in English (it finds controls by name in
// any language, but some of its steps read English state text): listen, open UDP, send ASCII, verdicts.
import { createServer } from 'node:net';
import { expect } from '@playwright/test';
import type { BenchPage } from './bench-page';

/** A loopback port nothing listens on (taken from the system, then let go). */
export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  await new Promise<void>((done) => server.close(() => done()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

/** Listens as a TCP server on a free port; the port is read from the state's address line. */
export async function listen(bench: BenchPage): Promise<number> {
  await bench.protocol.selectOption({ label: bench.label('TCP server') });
  await bench.localAddress.selectOption({ value: '' });
  await bench.port.fill('0');
  await bench.listen.click();
  await expect(bench.state).toContainText(bench.label('Listening'));
  const port = Number(/\]:(\d+)/.exec(await bench.state.innerText())?.[1]);
  expect(port).toBeGreaterThan(0);
  return port;
}

/** Sends `text` as ASCII (an encoding's name is the same in every language). */
export async function sendAscii(bench: BenchPage, text: string): Promise<void> {
  await bench.encodeAs.selectOption({ label: 'ASCII' });
  await bench.message.fill(text);
  await bench.send.click();
}

/** Opens a UDP socket on loopback and a free port. */
export async function openUdp(bench: BenchPage): Promise<void> {
  await bench.protocol.selectOption({ label: bench.label('UDP') });
  await bench.localAddress.selectOption({ value: '127.0.0.1' });
  await bench.localPort.fill('0');
  await bench.openSocket.click();
  await expect(bench.closeSocket).toBeEnabled();
}

/** Judged exchanges in the log whose verdict reads `verdict` in the page's language. */
export const verdictRows = (bench: BenchPage, verdict: 'PASS' | 'FAIL') =>
  bench.log.locator('.row.exchange').filter({
    has: bench.page.locator('.verdict-badge', { hasText: bench.anyOf(verdict) }),
  });
