// SessionApi as the engine implements it, against loopback boards: the W55RP20 TCP server, the
// ESP8266 TCP client and a UDP echo board.
import { afterEach, describe, expect, it } from 'vitest';
import {
  findFreePort,
  startEsp8266Client,
  startUdpEchoBoard,
  startW55rp20Board,
} from '../../e2e/fixtures/boards';
import type { EngineEvent, StateEvent } from '../../shared/contract/events';
import { createSessionManager } from './session-manager';
import { createRecorder, resourcesAddedSince, trackedResources } from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup() {
  const recorder = createRecorder();
  let n = 0;
  const manager = createSessionManager({
    sink: recorder.sink,
    now: () => 1_700_000_000_000,
    newId: () => `s${++n}`,
    closeGraceMs: 200,
  });
  cleanups.push(() => manager.dispose());
  return { recorder, manager };
}

const stateOf =
  (id: string, state: StateEvent['state']) =>
  (e: EngineEvent): e is StateEvent =>
    e.type === 'state' && e.id === id && e.state === state;

const hello = { text: 'hello', encoding: 'ascii', escapes: false, lineEnding: 'none' } as const;

describe('createSessionManager', () => {
  it('opens a session, announces it, connects, sends and lists it with exact counters', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { recorder, manager } = setup();

    const opened = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    expect(opened).toMatchObject({
      id: 's1',
      name: `127.0.0.1:${board.port}`,
      state: 'connecting',
      openedAt: 1_700_000_000_000,
      counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
    });
    expect(recorder.events[0]).toEqual({ type: 'session-opened', session: opened });

    await recorder.waitFor(stateOf('s1', 'connected'), 'connected');
    expect(await manager.send({ id: 's1', payload: hello })).toEqual({ bytes: 5 });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 18, 'the reply');
    const [listed] = await manager.list({});
    expect(listed).toMatchObject({
      id: 's1',
      state: 'connected',
      remote: `127.0.0.1:${board.port}`,
      counters: { rxBytes: 18, txBytes: 5, rxChunks: 1, txChunks: 1 },
    });
    expect(listed?.local).toMatch(/^127\.0\.0\.1:\d+$/);
  });

  it('uses the given name, and "[host]:port" for an IPv6 literal by default', async () => {
    const { manager } = setup();
    const port = await findFreePort();
    const named = await manager.open({
      config: { protocol: 'tcp-client', host: '127.0.0.1', port },
      name: 'W55RP20',
    });
    const v6 = await manager.open({ config: { protocol: 'tcp-client', host: '::1', port } });
    expect(named.name).toBe('W55RP20');
    expect(v6.name).toBe(`[::1]:${port}`);
  });

  it('keeps a session listed after the board closes it, until close() forgets it', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { recorder, manager } = setup();
    await manager.open({ config: { protocol: 'tcp-client', host: board.host, port: board.port } });
    await recorder.waitFor(stateOf('s1', 'connected'), 'connected');
    await board.endConnections();
    await recorder.waitFor(stateOf('s1', 'disconnected'), 'disconnected');
    expect((await manager.list({})).map((s) => [s.id, s.state])).toEqual([['s1', 'disconnected']]);

    await manager.close({ id: 's1' });
    expect(recorder.events.at(-1)).toEqual({ type: 'session-closed', id: 's1' });
    expect(await manager.list({})).toEqual([]);
  });

  it('keeps a failed session listed with its error', async () => {
    const { recorder, manager } = setup();
    const port = await findFreePort();
    await manager.open({ config: { protocol: 'tcp-client', host: '127.0.0.1', port } });
    await recorder.waitFor(stateOf('s1', 'error'), 'error');
    const [listed] = await manager.list({});
    expect(listed?.state).toBe('error');
    expect(listed?.error?.code).toBe('ECONNREFUSED');
  });

  it('answers unknown ids with E_UNKNOWN_SESSION, for close and send alike', async () => {
    const { manager } = setup();
    await expect(manager.close({ id: 'nope' })).rejects.toMatchObject({ code: 'E_UNKNOWN_SESSION' });
    await expect(manager.send({ id: 'nope', payload: hello })).rejects.toMatchObject({
      code: 'E_UNKNOWN_SESSION',
      message: expect.stringContaining('"nope"'),
    });
  });

  it('a second close of the same id is unknown, not a double close', async () => {
    const { recorder, manager } = setup();
    const port = await findFreePort();
    await manager.open({ config: { protocol: 'tcp-client', host: '127.0.0.1', port } });
    const results = await Promise.allSettled([manager.close({ id: 's1' }), manager.close({ id: 's1' })]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected']);
    expect(recorder.of('session-closed')).toHaveLength(1);
  });

  it('dispose closes every session, leaves no handle behind and refuses new sessions', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const before = await trackedResources();
    const { recorder, manager } = setup();
    await manager.open({ config: { protocol: 'tcp-client', host: board.host, port: board.port } });
    await manager.open({ config: { protocol: 'tcp-client', host: board.host, port: board.port } });
    await recorder.waitFor(stateOf('s2', 'connected'), 's2 connected');
    await recorder.waitFor(stateOf('s1', 'connected'), 's1 connected');
    await manager.dispose();
    expect(
      recorder
        .of('session-closed')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['s1', 's2']);
    await expect(
      manager.open({ config: { protocol: 'tcp-client', host: board.host, port: board.port } }),
    ).rejects.toMatchObject({ code: 'E_INTERNAL' });
    await board.waitForNoConnections();
    expect(await resourcesAddedSince(before)).toEqual({});
  });
});

describe('createSessionManager with servers, UDP and several sessions', () => {
  const loopbackOnly = () => [
    {
      name: 'lo',
      address: '127.0.0.1',
      family: 'IPv4' as const,
      prefixLength: 8,
      internal: true,
      mac: '00:00:00:00:00:00',
    },
  ];

  function setupWith() {
    const recorder = createRecorder();
    let n = 0;
    const manager = createSessionManager({
      sink: recorder.sink,
      newId: () => `s${++n}`,
      closeGraceMs: 200,
      interfaces: loopbackOnly,
    });
    cleanups.push(() => manager.dispose());
    return { recorder, manager };
  }

  it('runs a TCP server: listening snapshot with the real port, clients, send to one, rename, self-test, close', async () => {
    const { recorder, manager } = setupWith();
    const opened = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    const port = Number(opened.local?.split(':')[1]);
    expect(opened).toMatchObject({ id: 's1', name: `Server :${port}`, state: 'listening', clients: [] });
    expect(recorder.events[0]).toEqual({ type: 'session-opened', session: opened });

    const board = await startEsp8266Client({ host: '127.0.0.1', port });
    cleanups.push(() => board.close());
    await recorder.waitFor(
      (e) => e.type === 'counters' && e.id === 's1' && e.counters.rxBytes === 19,
      'the greeting',
    );
    const [listed] = await manager.list({});
    expect(listed?.clients).toEqual([
      {
        peer: board.peer,
        connectedAt: expect.any(Number),
        counters: expect.objectContaining({ rxBytes: 19 }),
      },
    ]);
    expect(
      await manager.send({ id: 's1', payload: hello, to: { kind: 'client', peer: board.peer } }),
    ).toEqual({
      bytes: 5,
    });
    await board.waitFor('hello');

    expect(await manager.selfTest({ id: 's1' })).toMatchObject([{ address: '127.0.0.1', ok: true }]);
    expect(recorder.of('client-connected')).toHaveLength(1);

    await manager.rename({ id: 's1', name: '  ESP8266 bench  ' });
    expect(recorder.events.at(-1)).toEqual({ type: 'renamed', id: 's1', name: 'ESP8266 bench' });
    expect((await manager.list({}))[0]?.name).toBe('ESP8266 bench');

    await manager.disconnectClient({ id: 's1', peer: board.peer });
    await board.closed();
    await manager.close({ id: 's1' });
    const tail = recorder.events.filter((e) => e.type !== 'counters' && e.type !== 'client-counters');
    expect(tail.slice(-3).map((e) => e.type)).toEqual(['client-disconnected', 'state', 'session-closed']);
  });

  it('names sessions by default: "Server :port" and "UDP :port", with the configured port when set', async () => {
    const { manager } = setupWith();
    const udp = await manager.open({ config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } });
    expect(udp.name).toMatch(/^UDP :\d+$/);
    expect(udp.name).not.toBe('UDP :0');
    const port = await findFreePort();
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port },
    });
    expect(server.name).toBe(`Server :${port}`);
  });

  it('lists a server that could not listen, with its sentence', async () => {
    const { manager } = setupWith();
    const first = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    const port = Number(first.local?.split(':')[1]);
    const second = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port },
    });
    expect(second).toMatchObject({ state: 'error', error: { code: 'EADDRINUSE' } });
    expect((await manager.list({})).map((s) => s.state)).toEqual(['listening', 'error']);
  });

  it('keeps a client, a server and a UDP socket side by side, each with its own log and counters', async () => {
    const w55 = await startW55rp20Board();
    const udpBoard = await startUdpEchoBoard();
    cleanups.push(
      () => w55.close(),
      () => udpBoard.close(),
    );
    const { recorder, manager } = setupWith();
    await manager.open({ config: { protocol: 'tcp-client', host: w55.host, port: w55.port } });
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    await manager.open({
      config: {
        protocol: 'udp',
        localAddress: '127.0.0.1',
        localPort: 0,
        remoteHost: udpBoard.host,
        remotePort: udpBoard.port,
      },
    });
    await recorder.waitFor(stateOf('s1', 'connected'), 'client connected');
    const board = await startEsp8266Client({ host: '127.0.0.1', port: Number(server.local?.split(':')[1]) });
    cleanups.push(() => board.close());

    await manager.send({ id: 's1', payload: hello });
    await manager.send({ id: 's3', payload: { hex: '01 02 03' } });
    await recorder.waitFor(
      (e) => e.type === 'counters' && e.id === 's1' && e.counters.rxBytes === 18,
      'W55 reply',
    );
    await recorder.waitFor(
      (e) => e.type === 'counters' && e.id === 's2' && e.counters.rxBytes === 19,
      'greeting',
    );
    await recorder.waitFor(
      (e) => e.type === 'counters' && e.id === 's3' && e.counters.rxBytes === 3,
      'UDP echo',
    );

    const rxOf = (id: string) =>
      recorder
        .of('data')
        .filter((e) => e.id === id && e.dir === 'rx')
        .map((e) => Buffer.from(e.bytes).toString('latin1'))
        .join('');
    expect(rxOf('s1')).toBe('TCP Server : hello');
    expect(rxOf('s2')).toBe('HelloThis is my IP.');
    expect(rxOf('s3')).toBe('\x01\x02\x03');
    const byId = Object.fromEntries((await manager.list({})).map((s) => [s.id, s.counters]));
    expect(byId).toEqual({
      s1: { rxBytes: 18, txBytes: 5, rxChunks: 1, txChunks: 1 },
      s2: { rxBytes: 19, txBytes: 0, rxChunks: expect.any(Number), txChunks: 0 },
      s3: { rxBytes: 3, txBytes: 3, rxChunks: 1, txChunks: 1 },
    });
  });

  it('explains server-only calls on other sessions, and lists interfaces', async () => {
    const { manager } = setupWith();
    await manager.open({ config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } });
    await expect(manager.selfTest({ id: 's1' })).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message:
        'The self-test checks that boards can reach a listening TCP server; run it on a TCP server session. This session is a UDP socket.',
    });
    await expect(manager.disconnectClient({ id: 's1', peer: '127.0.0.1:1' })).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: 'Only a TCP server session has clients to disconnect. This session is a UDP socket.',
    });
    await expect(manager.rename({ id: 'nope', name: 'x' })).rejects.toMatchObject({
      code: 'E_UNKNOWN_SESSION',
    });
    expect(await manager.listInterfaces({})).toEqual(loopbackOnly());
    const real = createSessionManager({ sink: () => {} });
    cleanups.push(() => real.dispose());
    expect((await real.listInterfaces({})).map((i) => i.address)).toContain('127.0.0.1');
  });

  it('dispose closes servers and UDP sockets too, and leaves no handle behind', async () => {
    const before = await trackedResources();
    const { recorder, manager } = setupWith();
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    await manager.open({ config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } });
    const board = await startEsp8266Client({ host: '127.0.0.1', port: Number(server.local?.split(':')[1]) });
    await recorder.waitFor((e) => e.type === 'client-connected', 'board connected');
    await manager.dispose();
    await board.closed();
    expect(
      recorder
        .of('session-closed')
        .map((e) => e.id)
        .sort(),
    ).toEqual(['s1', 's2']);
    expect(await resourcesAddedSince(before)).toEqual({});
  });
});
