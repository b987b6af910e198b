// The listener self-test: connect to a listening TCP server session through each of this PC's
// addresses, so a local firewall block shows up as such. Plain Node.
import { Socket } from 'node:net';
import { CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { ErrorInfo, InterfaceAddress, SelfTestResult } from '../../shared/contract/model';
import { isLinkLocalIPv6, unmapIPv4 } from '../../shared/net/ip';
import { errorInfo, reasonOf, refusal } from './engine-said';
import { describeError, formatPeer } from './error-messages';
import { listInterfaces } from './interfaces';
import type { ListenInfo, TcpServerSession } from './tcp-server';

/** Loopback and LAN addresses of this PC answer in microseconds; a second means no answer. */
export const SELF_TEST_TIMEOUT_MS = 1000;

export interface SelfTestOptions {
  /** This PC's addresses (default: listInterfaces()). */
  interfaces?: readonly InterfaceAddress[];
  timeoutMs?: number;
}

/**
 * The addresses a listener accepts connections on: its own address when bound to one; every IPv4
 * address when bound to 0.0.0.0; every IPv4 and IPv6 address when bound to "::" (dual stack).
 * Link-local IPv6 addresses are skipped: they need the interface's zone, which the list lacks.
 */
export function selfTestAddresses(listen: ListenInfo, interfaces: readonly InterfaceAddress[]): string[] {
  const anyIPv4 = listen.address === '0.0.0.0';
  const anyIPv6 = listen.address === '::';
  if (!anyIPv4 && !anyIPv6) return [unmapIPv4(listen.address)];
  const picked = interfaces
    .filter((i) => i.family === 'IPv4' || (anyIPv6 && !isLinkLocalIPv6(i.address)))
    .map((i) => i.address);
  return [...new Set(picked)];
}

/** Probes run side by side, so the whole test takes about one timeout at most. */
export async function selfTest(
  session: TcpServerSession,
  opts: SelfTestOptions = {},
): Promise<SelfTestResult[]> {
  const listen = session.listening();
  if (!listen) {
    throw refusal(CONTRACT_ERROR_CODES.notConnected, 'error.selfTest.notListening');
  }
  const addresses = selfTestAddresses(listen, opts.interfaces ?? listInterfaces());
  const timeoutMs = opts.timeoutMs ?? SELF_TEST_TIMEOUT_MS;
  return Promise.all(addresses.map((address) => probe(session, address, listen.port, timeoutMs)));
}

function probe(
  session: TcpServerSession,
  address: string,
  port: number,
  timeoutMs: number,
): Promise<SelfTestResult> {
  const handle = session.beginProbe();
  const started = performance.now();
  const socket = new Socket();
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  const outcome = new Promise<SelfTestResult>((resolve) => {
    const finish = (result: SelfTestResult) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(result);
    };
    const timer = setTimeout(
      () => finish({ address, ok: false, error: probeError({ code: 'ETIMEDOUT' }, address, port) }),
      timeoutMs,
    );
    socket.once('connect', () => {
      // Known only now; the server hides the connection from this endpoint (see ProbeRegistry).
      handle.connectedFrom(formatPeer(socket.localAddress ?? '', socket.localPort));
      finish({ address, ok: true, ms: Math.round((performance.now() - started) * 10) / 10 });
    });
    socket.on('error', (err) => finish({ address, ok: false, error: probeError(err, address, port) }));
    try {
      socket.connect({ host: address, port });
    } catch (err) {
      finish({ address, ok: false, error: probeError(err, address, port) });
    }
  });
  return outcome.then(async (result) => {
    // The probe counts as done only once its socket is closed, so no handle outlives the test.
    await closed;
    handle.done();
    return result;
  });
}

/** The sentence for a probe that failed: what it usually means on this PC. */
export function probeError(err: unknown, address: string, port: number): ErrorInfo {
  const info = describeError(err, { host: address, port });
  switch (info.code) {
    case 'ETIMEDOUT':
    case 'ECONNREFUSED':
      return errorInfo(info.code, `error.selfTest.${info.code}`, { address, port });
    case 'EACCES':
    case 'EPERM':
      return errorInfo(info.code, 'error.selfTest.EACCES', { address, port });
    case 'ENETUNREACH':
    case 'EHOSTUNREACH':
    case 'EADDRNOTAVAIL':
      return errorInfo(info.code, 'error.selfTest.noRoute', { address });
    default:
      return errorInfo(info.code, 'error.selfTest.other', { address, reason: reasonOf(info) });
  }
}
