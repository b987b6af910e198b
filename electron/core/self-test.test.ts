// The listener self-test on loopback: probes reach the listener, never show up as boards, and
// real boards connecting meanwhile are neither lost nor doubled.
import { afterEach, describe, expect, it } from 'vitest';
import { ESP8266_GREETING, startEsp8266Client } from '../../e2e/fixtures/boards';
import type { InterfaceAddress, TcpServerConfig } from '../../shared/contract/model';
import { probeError, selfTest, selfTestAddresses } from './self-test';
import { TcpServerSession } from './tcp-server';
import { createRecorder, resourcesAddedSince, trackedResources } from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(config: Partial<Omit<TcpServerConfig, 'protocol'>> = {}) {
  const recorder = createRecorder();
  const session = new TcpServerSession({
    id: 'srv',
    config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0, ...config },
    emit: recorder.sink,
    closeGraceMs: 100,
  });
  cleanups.push(() => session.close());
  await session.start();
  return { session, recorder, port: session.listening()?.port ?? 0 };
}

const iface = (name: string, address: string, prefixLength: number, internal = true): InterfaceAddress => ({
  name,
  address,
  family: address.includes(':') ? 'IPv6' : 'IPv4',
  prefixLength,
  internal,
  mac: '00:00:00:00:00:00',
});
const LOOPBACK = [iface('lo', '127.0.0.1', 8), iface('lo', '::1', 128), iface('lo', 'fe80::1', 64)];

describe('selfTest', () => {
  it('reaches a listener on 127.0.0.1, and the probe never shows up as a board', async () => {
    const before = await trackedResources();
    const { session, recorder } = await startServer();
    const results = await selfTest(session);
    expect(results).toEqual([{ address: '127.0.0.1', ok: true, ms: expect.any(Number) }]);
    expect(results[0]?.ms).toBeLessThan(1000);
    await session.close();
    expect(recorder.events.map((e) => e.type)).toEqual(['state', 'state']);
    expect(session.getStatus().counters).toEqual({ rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 });
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it('keeps boards that connect during the test, each exactly once and with every byte', async () => {
    const { session, recorder, port } = await startServer();
    const [results, ...boards] = await Promise.all([
      selfTest(session),
      ...Array.from({ length: 5 }, () => startEsp8266Client({ host: '127.0.0.1', port })),
    ]);
    for (const board of boards) cleanups.push(() => board.close());
    expect(results).toMatchObject([{ address: '127.0.0.1', ok: true }]);
    const hello = ESP8266_GREETING.join('');
    await recorder.waitFor(
      (e) => e.type === 'counters' && e.counters.rxBytes === boards.length * hello.length,
      'every greeting',
    );
    const peers = boards.map((b) => b.peer).sort();
    expect(
      recorder
        .of('client-connected')
        .map((e) => e.client.peer)
        .sort(),
    ).toEqual(peers);
    expect(
      session
        .getStatus()
        .clients?.map((c) => c.peer)
        .sort(),
    ).toEqual(peers);
  });

  it('probes every IPv4 address of a listener on 0.0.0.0, and IPv6 too on "::"', async (ctx) => {
    const v4 = await startServer({ localAddress: '0.0.0.0' });
    expect(await selfTest(v4.session, { interfaces: LOOPBACK })).toMatchObject([
      { address: '127.0.0.1', ok: true },
    ]);
    const dual = await startServer({ localAddress: '::' });
    if (dual.session.state !== 'listening') ctx.skip('this machine cannot listen on "::" (no IPv6)');
    const results = await selfTest(dual.session, { interfaces: LOOPBACK });
    expect(results.map((r) => r.address)).toEqual(['127.0.0.1', '::1']);
    expect(results[0]?.ok).toBe(true);
    expect(dual.recorder.of('client-connected')).toEqual([]);
  });

  it('explains that the self-test needs a listening server', async () => {
    const { session } = await startServer();
    await session.close();
    await expect(selfTest(session)).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringMatching(/^The server is not listening, so there is nothing to test/),
    });
  });
});

describe('self-test addresses and sentences', () => {
  const many = [
    iface('eth0', '192.168.1.20', 24, false),
    iface('eth0', 'fd00::2', 64, false),
    iface('eth0', 'fe80::fc:ff:fe00:1', 64, false),
    ...LOOPBACK,
  ];

  it('picks the addresses the listener accepts on', () => {
    expect(selfTestAddresses({ address: '::', family: 'IPv6', port: 8087 }, many)).toEqual([
      '192.168.1.20',
      'fd00::2',
      '127.0.0.1',
      '::1',
    ]);
    expect(selfTestAddresses({ address: '0.0.0.0', family: 'IPv4', port: 8087 }, many)).toEqual([
      '192.168.1.20',
      '127.0.0.1',
    ]);
    expect(selfTestAddresses({ address: '192.168.1.20', family: 'IPv4', port: 8087 }, many)).toEqual([
      '192.168.1.20',
    ]);
  });

  it('says what a timeout or a refusal usually means', () => {
    // Each also names its catalogue key (engine-said.test.ts checks them).
    expect(probeError({ code: 'ETIMEDOUT' }, '192.168.1.20', 8087)).toMatchObject({
      code: 'ETIMEDOUT',
      message:
        'Could not reach the listener through 192.168.1.20: the connection timed out, which usually means a firewall on this PC drops incoming connections on port 8087.',
    });
    expect(probeError({ code: 'ECONNREFUSED', syscall: 'connect' }, '192.168.1.20', 8087).message).toBe(
      'Could not reach the listener through 192.168.1.20: the connection was refused, which usually means a firewall on this PC rejects incoming connections on port 8087.',
    );
    expect(probeError({ code: 'EWHATEVER', message: 'odd' }, '10.0.0.1', 80)).toMatchObject({
      code: 'EWHATEVER',
      message: 'Could not reach the listener through 10.0.0.1: odd',
    });
  });
});
