// The whole engine path through the in-memory transport: client -> dispatcher -> session manager ->
// hub -> per-connection batcher -> client, against the loopback W55RP20 board.
import { afterEach, describe, expect, it } from 'vitest';
import { startW55rp20Board } from '../../e2e/fixtures/boards';
import type { EngineEvent, EventBatch } from '../../shared/contract/events';
import { createApiClient } from '../../shared/rpc/client';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { createMemoryTransportPair } from '../../shared/rpc/memory-transport';
import { attachEndpoint } from './attach-endpoint';
import { createEventHub } from './event-hub';
import { createSessionManager } from './session-manager';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function engine() {
  const hub = createEventHub();
  const manager = createSessionManager({ sink: hub.sink, closeGraceMs: 200 });
  cleanups.push(() => manager.dispose());
  return { hub, manager, dispatch: createDispatcher(manager) };
}

function connectWindow(
  e: ReturnType<typeof engine>,
  batcher?: Parameters<typeof attachEndpoint>[0]['batcher'],
) {
  const pair = createMemoryTransportPair();
  const detach = attachEndpoint({ endpoint: pair.server, dispatch: e.dispatch, hub: e.hub, batcher });
  cleanups.push(() => pair.close());
  const api = createApiClient(pair.client);
  const batches: EventBatch[] = [];
  let waiters: { match: (e: EngineEvent) => boolean; resolve: () => void }[] = [];
  api.onEvents((batch) => {
    batches.push(batch);
    for (const event of batch.events) {
      const woken = waiters.filter((w) => w.match(event));
      waiters = waiters.filter((w) => !woken.includes(w));
      for (const w of woken) w.resolve();
    }
  });
  const events = () => batches.flatMap((b) => b.events);
  const waitFor = (match: (e: EngineEvent) => boolean) =>
    events().some(match)
      ? Promise.resolve()
      : new Promise<void>((resolve) => waiters.push({ match, resolve }));
  return { api, pair, detach, batches, events, waitFor };
}

describe('attachEndpoint', () => {
  it('serves requests and streams numbered batches to every window', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const e = engine();
    const one = connectWindow(e);
    const two = connectWindow(e);

    const opened = await one.api.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await one.waitFor((ev) => ev.type === 'state' && ev.state === 'connected');
    await one.api.send({ id: opened.id, payload: { hex: '68 65 6c 6c 6f' } });
    const reply = (ev: EngineEvent) => ev.type === 'data' && ev.dir === 'rx';
    await Promise.all([one.waitFor(reply), two.waitFor(reply)]);

    for (const window of [one, two]) {
      expect(window.batches.map((b) => b.seq)).toEqual(window.batches.map((_, i) => i + 1));
      const rx = window.events().find(reply);
      expect(rx?.type === 'data' && new TextDecoder().decode(rx.bytes)).toBe('TCP Server : hello');
      expect(window.events()[0]).toMatchObject({ type: 'session-opened', session: { id: opened.id } });
    }
    expect(await two.api.list({})).toHaveLength(1);
  });

  it('paces each window by its acks: a window that keeps up never loses a payload', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const e = engine();
    // Each exchange is 5 bytes out and 18 back; ten of them need the window released several times.
    const w = connectWindow(e, { maxInFlightBytes: 64, maxBatchBytes: 32 });
    const { id } = await w.api.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await w.waitFor((ev) => ev.type === 'state' && ev.state === 'connected');
    for (let i = 1; i <= 10; i++) {
      await w.api.send({
        id,
        payload: { text: 'hello', encoding: 'ascii', escapes: false, lineEnding: 'none' },
      });
      await w.waitFor((ev) => ev.type === 'counters' && ev.counters.rxBytes === 18 * i);
    }
    const rx = w.events().filter((ev) => ev.type === 'data' && ev.dir === 'rx');
    expect(rx).toHaveLength(10);
    expect(w.events().filter((ev) => ev.type === 'dropped')).toEqual([]);
  });

  it('returns engine errors with their codes through the transport', async () => {
    const e = engine();
    const w = connectWindow(e);
    await expect(w.api.send({ id: 'missing', payload: { hex: '00' } })).rejects.toMatchObject({
      code: 'E_UNKNOWN_SESSION',
    });
  });

  it('stops delivering to a window once it closes or is detached', async () => {
    const e = engine();
    const gone = connectWindow(e);
    const detached = connectWindow(e);
    const stays = connectWindow(e);
    gone.pair.close();
    detached.detach();
    detached.detach();
    e.hub.sink({ type: 'session-closed', id: 'x' });
    await stays.waitFor((ev) => ev.type === 'session-closed');
    expect(gone.batches).toEqual([]);
    expect(detached.batches).toEqual([]);
  });
});
