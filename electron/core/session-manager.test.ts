// SessionApi as the engine implements it, against the loopback W55RP20 board.
import { afterEach, describe, expect, it } from 'vitest';
import { findFreePort, startW55rp20Board } from '../../e2e/fixtures/boards';
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
