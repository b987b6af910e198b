// The TCP server session with many loopback boards at once: real sockets, port 0, no sleeps.
import { once } from 'node:events';
import { connect } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { ESP8266_GREETING, type Esp8266Client, startEsp8266Client } from '../../e2e/fixtures/boards';
import type { ClientDisconnectedEvent, EngineEvent } from '../../shared/contract/events';
import type { TcpServerConfig } from '../../shared/contract/model';
import { TcpServerSession } from './tcp-server';
import { createRecorder, type Recorder, resourcesAddedSince, trackedResources } from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

type ServerInput = Partial<Omit<TcpServerConfig, 'protocol'>>;

async function startServer(config: ServerInput = {}, extra: { maxQueuedSendBytes?: number } = {}) {
  const recorder = createRecorder();
  const session = new TcpServerSession({
    id: 'srv',
    config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0, ...config },
    emit: recorder.sink,
    closeGraceMs: 200,
    ...extra,
  });
  cleanups.push(() => session.close());
  await session.start();
  return { session, recorder, port: session.listening()?.port ?? 0 };
}

async function esp(port: number, host = '127.0.0.1'): Promise<Esp8266Client> {
  const board = await startEsp8266Client({ host, port });
  cleanups.push(() => board.close());
  return board;
}

const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const hello = ESP8266_GREETING.join('');
const ascii = (t: string) => ({ text: t, encoding: 'ascii', escapes: false, lineEnding: 'none' }) as const;

const rxFrom = (r: Recorder, peer: string) =>
  r
    .of('data')
    .filter((e) => e.dir === 'rx' && e.peer === peer)
    .map((e) => text(e.bytes))
    .join('');

const rxContains = (r: Recorder, peer: string, wanted: string) =>
  r.waitFor(() => rxFrom(r, peer).includes(wanted), `"${wanted}" from ${peer}`);

const disconnectedOf =
  (peer: string) =>
  (e: EngineEvent): e is ClientDisconnectedEvent =>
    e.type === 'client-disconnected' && e.peer === peer;

describe('TcpServerSession', () => {
  it('lets the ESP8266 connect, shows Hello and This is my IP., and gets its echo', async () => {
    const { session, recorder, port } = await startServer();
    expect(port).toBeGreaterThan(0);
    expect(session.getStatus()).toMatchObject({
      state: 'listening',
      local: `127.0.0.1:${port}`,
      clients: [],
    });
    const board = await esp(port);

    const connected = await recorder.waitFor((e) => e.type === 'client-connected', 'client-connected');
    expect(connected).toMatchObject({ id: 'srv', client: { peer: board.peer } });
    await rxContains(recorder, board.peer, hello);
    expect(rxFrom(recorder, board.peer)).toBe(hello);

    expect(await session.send(ascii('LED on'), { kind: 'client', peer: board.peer })).toEqual({ bytes: 6 });
    await board.waitFor('LED on');
    await rxContains(recorder, board.peer, 'LED on');
    const expected = { rxBytes: hello.length + 6, txBytes: 6, txChunks: 1 };
    await recorder.waitFor(
      (e) => e.type === 'client-counters' && e.counters.rxBytes === expected.rxBytes,
      'client counters with the echo',
    );
    const status = session.getStatus();
    expect(status.counters).toMatchObject(expected);
    expect(status.clients).toEqual([
      { peer: board.peer, connectedAt: expect.any(Number), counters: expect.objectContaining(expected) },
    ]);
    expect(recorder.of('data').find((e) => e.dir === 'tx')).toMatchObject({ peer: board.peer });
  });

  it('serves 50 boards at once: attribution, send to one, send to all, disconnect one, stop closes all', async () => {
    const before = await trackedResources();
    const { session, recorder, port } = await startServer();
    const boards = await Promise.all(Array.from({ length: 50 }, () => esp(port)));
    const peers = boards.map((b) => b.peer);
    expect(new Set(peers).size).toBe(50);
    await recorder.waitFor(
      (e) => e.type === 'counters' && e.counters.rxBytes === 50 * hello.length,
      'every greeting',
    );
    expect(
      recorder
        .of('client-connected')
        .map((e) => e.client.peer)
        .sort(),
    ).toEqual([...peers].sort());
    for (const peer of peers) expect(rxFrom(recorder, peer)).toBe(hello);

    // Each board echoes only what it got, so each echo proves both the send and the attribution.
    await Promise.all(peers.map((peer, i) => session.send(ascii(`to-${i};`), { kind: 'client', peer })));
    await Promise.all(peers.map((peer, i) => rxContains(recorder, peer, `to-${i};`)));
    peers.forEach((peer, i) => {
      expect(rxFrom(recorder, peer)).toBe(`${hello}to-${i};`);
    });

    await session.send(ascii('only-7;'), { kind: 'client', peer: peers[7] ?? '' });
    const all = await session.send(ascii('all;'));
    expect(all).toEqual({ bytes: 4 * 50 });
    await Promise.all(boards.map((b) => b.waitFor('all;')));
    // TCP keeps order per connection and 'only-7;' was written first, so anyone who got it has it now.
    boards.forEach((b, i) => {
      expect(b.received().toString().includes('only-7;'), `board ${i}`).toBe(i === 7);
    });
    const txAll = recorder.of('data').filter((e) => e.dir === 'tx' && text(e.bytes) === 'all;');
    expect(txAll.map((e) => e.peer).sort()).toEqual([...peers].sort());

    const leaving = peers[3] ?? '';
    await session.disconnectClient(leaving);
    await boards[3]?.closed();
    const gone = await recorder.waitFor(disconnectedOf(leaving), 'client 3 disconnected');
    expect(gone.error).toBeUndefined();
    expect(session.getStatus().clients?.map((c) => c.peer)).not.toContain(leaving);
    expect(session.getStatus().clients).toHaveLength(49);

    await session.close();
    await Promise.all(boards.map((b) => b.closed()));
    const disconnected = recorder.of('client-disconnected');
    expect(disconnected.map((e) => e.peer).sort()).toEqual([...peers].sort());
    expect(disconnected.every((e) => e.error === undefined)).toBe(true);
    expect(recorder.of('state').map((e) => e.state)).toEqual(['listening', 'disconnected']);
    expect(session.getStatus().clients).toEqual([]);
    const totals = session.getStatus().counters;
    const txEvents = recorder.of('data').filter((e) => e.dir === 'tx');
    expect(totals.txChunks).toBe(txEvents.length);
    expect(totals.txBytes).toBe(txEvents.reduce((sum, e) => sum + e.bytes.byteLength, 0));
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it("reports a board's final totals before it leaves, however fast it sends and goes", async () => {
    const { recorder, port } = await startServer();
    const board = connect({ host: '127.0.0.1', port });
    cleanups.push(() => void board.destroy());
    await once(board, 'connect');
    const peer = `127.0.0.1:${board.localPort}`;
    for (let i = 0; i < 20; i++) board.write('0123456789');
    board.end();
    await recorder.waitFor(disconnectedOf(peer), 'the board leaving');
    const events = recorder.events;
    const left = events.findIndex(disconnectedOf(peer));
    const last = events.findLastIndex((e) => e.type === 'client-counters' && e.peer === peer);
    expect(last).toBeGreaterThanOrEqual(0);
    expect(last).toBeLessThan(left);
    expect(events[last]).toMatchObject({ counters: { rxBytes: 200 } });
    const totals = events.slice(0, left).findLast((e) => e.type === 'counters');
    expect(totals).toMatchObject({ counters: { rxBytes: 200 } });
  });

  it('listens on all interfaces by default and lists an IPv4 board as plain address:port', async (ctx) => {
    const { session, recorder, port } = await startServer({ localAddress: '' });
    const local = session.getStatus().local ?? '';
    expect([`[::]:${port}`, `0.0.0.0:${port}`]).toContain(local);
    const v4 = await esp(port);
    expect(v4.peer).toMatch(/^127\.0\.0\.1:\d+$/);
    await rxContains(recorder, v4.peer, hello);
    if (local.startsWith('0.0.0.0')) ctx.skip('this machine has no IPv6, so the listener is IPv4 only');
    const v6 = await esp(port, '::1').catch(() => undefined);
    if (!v6) return ctx.skip('IPv6 loopback ::1 is not available on this machine');
    expect(v6.peer).toMatch(/^\[::1\]:\d+$/);
    await rxContains(recorder, v6.peer, hello);
  });
});
