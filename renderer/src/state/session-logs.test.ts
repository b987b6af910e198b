// Per-session logs against synthetic batches: routing by owner, entries that wait for an owner,
// server and UDP rows, and each session's own caps and pause.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventBatch } from '../../../shared/contract/events';
import type { Protocol } from '../../../shared/contract/model';
import { ringToArray } from './log-ring';
import { createLogStore } from './log-store';
import { logOf, type RoutingContext, type SessionLogs } from './session-logs';

let seq = 0;
const batch = (...events: EngineEvent[]): EventBatch => ({ seq: ++seq, events });
const data = (id: string, dir: 'rx' | 'tx', peer: string, text: string): EngineEvent => ({
  type: 'data',
  id,
  dir,
  at: 1,
  peer,
  bytes: new TextEncoder().encode(text),
});

function routing(owners: Record<string, string>, protocols: Record<string, Protocol> = {}): RoutingContext {
  return {
    ownerOf: (id) => owners[id],
    targetOf: () => undefined,
    protocolOf: (id) => protocols[id],
  };
}

const rows = (state: SessionLogs, uiId: string): string[] =>
  ringToArray(logOf(state, uiId).shown.ring).map((e) =>
    e.kind === 'data'
      ? `${e.dir} ${e.peer} ${new TextDecoder().decode(e.bytes)}`
      : `[${e.kind === 'system' ? e.text : e.result.verdict}]`,
  );

describe('session logs', () => {
  it("routes each engine session's entries to its owner's log, one update per batch", () => {
    const store = createLogStore();
    let updates = 0;
    store.subscribe(() => updates++);
    store.applyBatch(
      batch(
        data('e1', 'rx', '127.0.0.1:8087', 'TCP Server : hi'),
        data('e2', 'rx', '127.0.0.1:5555', 'Hello'),
        data('e1', 'tx', '127.0.0.1:8087', 'hi'),
      ),
      routing({ e1: 'session-1', e2: 'session-2' }),
    );
    expect(updates).toBe(1);
    expect(rows(store.getState(), 'session-1')).toEqual([
      'rx 127.0.0.1:8087 TCP Server : hi',
      'tx 127.0.0.1:8087 hi',
    ]);
    expect(rows(store.getState(), 'session-2')).toEqual(['rx 127.0.0.1:5555 Hello']);
    expect(ringToArray(logOf(store.getState(), 'session-2').shown.ring).map((e) => e.key)).toEqual([1]);
  });

  it('holds entries of an engine session without owner and hands them over, in order, once owned', () => {
    const store = createLogStore();
    store.applyBatch(batch(data('e1', 'rx', '127.0.0.1:5555', 'early')), routing({}));
    expect(rows(store.getState(), 'session-1')).toEqual([]);
    store.appendSystem('session-1', { at: 0, tone: 'info', text: 'before' });
    store.reconcile(
      (id) => (id === 'e1' ? 'session-1' : undefined),
      () => true,
    );
    store.applyBatch(batch(data('e1', 'rx', '127.0.0.1:5555', 'later')), routing({ e1: 'session-1' }));
    expect(rows(store.getState(), 'session-1')).toEqual([
      '[before]',
      'rx 127.0.0.1:5555 early',
      'rx 127.0.0.1:5555 later',
    ]);
    expect(store.getState().pending).toEqual({});
  });

  it('bounds what waits for an owner', () => {
    const store = createLogStore();
    for (let i = 0; i < 40; i++) store.applyBatch(batch(data(`e${i}`, 'rx', 'p:1', 'x')), routing({}));
    expect(Object.keys(store.getState().pending)).toHaveLength(32);
    expect(store.getState().pending.e39).toBeDefined();
    expect(store.getState().pending.e0).toBeUndefined();
  });

  it('lets go of the log of a closed session', () => {
    const store = createLogStore();
    store.applyBatch(batch(data('e1', 'rx', 'p:1', 'x')), routing({ e1: 'session-1' }));
    store.reconcile(
      () => undefined,
      (uiId) => uiId !== 'session-1',
    );
    expect(store.getState().logs).toEqual({});
  });

  it('writes client connected and disconnected rows, with the reason of a reset', () => {
    const store = createLogStore();
    store.applyBatch(
      batch(
        {
          type: 'client-connected',
          id: 'e1',
          at: 1,
          client: {
            peer: '127.0.0.1:5555',
            connectedAt: 1,
            counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
          },
        },
        { type: 'client-disconnected', id: 'e1', peer: '127.0.0.1:5555', at: 2 },
        {
          type: 'client-disconnected',
          id: 'e1',
          peer: '127.0.0.1:5556',
          at: 3,
          error: { code: 'ECONNRESET', message: 'The board reset the connection.' },
        },
      ),
      routing({ e1: 'session-1' }, { e1: 'tcp-server' }),
    );
    expect(rows(store.getState(), 'session-1')).toEqual([
      '[Client 127.0.0.1:5555 connected]',
      '[Client 127.0.0.1:5555 disconnected]',
      '[Client 127.0.0.1:5556 disconnected: The board reset the connection.]',
    ]);
    const tones = ringToArray(logOf(store.getState(), 'session-1').shown.ring).map((e) =>
      e.kind === 'system' ? e.tone : '',
    );
    expect(tones).toEqual(['ok', 'info', 'warn']);
  });

  it('words server and UDP states by where they are bound', () => {
    const store = createLogStore();
    const state = (id: string, s: 'listening' | 'open' | 'disconnected', local?: string): EngineEvent => ({
      type: 'state',
      id,
      state: s,
      at: 1,
      local,
    });
    store.applyBatch(
      batch(
        state('e1', 'listening', '[::]:40001'),
        state('e1', 'disconnected'),
        state('e2', 'open', '0.0.0.0:5000'),
        state('e2', 'disconnected'),
      ),
      routing({ e1: 'server', e2: 'udp' }, { e1: 'tcp-server', e2: 'udp' }),
    );
    expect(rows(store.getState(), 'server')).toEqual(['[Listening on [::]:40001]', '[Stopped listening]']);
    expect(rows(store.getState(), 'udp')).toEqual(['[Open on 0.0.0.0:5000]', '[Closed]']);
  });

  it("caps each session's log on its own, and pauses one session's log only", () => {
    const store = createLogStore({ maxEntries: 2, maxBytes: 1 << 20 });
    const ctx = routing({ e1: 'a', e2: 'b' });
    store.applyBatch(batch(data('e2', 'rx', 'p:2', 'kept')), ctx);
    store.pause('a');
    store.applyBatch(
      batch(data('e1', 'rx', 'p:1', '1'), data('e1', 'rx', 'p:1', '2'), data('e1', 'rx', 'p:1', '3')),
      ctx,
    );
    store.applyBatch(batch(data('e2', 'rx', 'p:2', 'live')), ctx);
    expect(rows(store.getState(), 'a')).toEqual([]);
    expect(rows(store.getState(), 'b')).toEqual(['rx p:2 kept', 'rx p:2 live']);
    store.resume('a');
    expect(rows(store.getState(), 'a')).toHaveLength(2);
    store.clear('b');
    expect(rows(store.getState(), 'b')).toEqual([]);
    expect(rows(store.getState(), 'a')).toHaveLength(2);
  });
});
