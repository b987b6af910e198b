// What the engine's pending, capture and client events do to a session's view, one by one and a
// whole batch at once.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/contract/events';
import { zeroCounters } from '../../../shared/contract/model';
import { applyToView, type EngineView, inBatch, NO_PENDING } from './engine-view';
import { applyEngineBatch, beginOpen, createSessionsState, detach, openSucceeded } from './sessions-reducer';

describe('pending bytes and capture in the session view', () => {
  const view: EngineView = {
    name: 'S',
    protocol: 'tcp-server',
    state: 'listening',
    counters: zeroCounters(),
    target: '*:5000',
    clients: [],
    pending: NO_PENDING,
  };

  it('tracks bytes pending per peer, forgetting a peer at zero, on its leaving, and on close', () => {
    let v = applyToView(view, { type: 'pending', id: 'e', peer: 'a:1', bytes: 5 });
    v = applyToView(v, { type: 'pending', id: 'e', peer: 'b:2', bytes: 3 });
    expect(v.pending).toEqual({ 'a:1': 5, 'b:2': 3 });
    v = applyToView(v, { type: 'pending', id: 'e', peer: 'a:1', bytes: 0 });
    expect(v.pending).toEqual({ 'b:2': 3 });
    expect(applyToView(v, { type: 'client-disconnected', id: 'e', peer: 'b:2', at: 1 }).pending).toEqual(
      v.pending,
    );
    expect(applyToView(v, { type: 'state', id: 'e', state: 'disconnected', at: 1 }).pending).toEqual({});
    const same = applyToView(v, { type: 'pending', id: 'e', peer: 'b:2', bytes: 3 });
    expect(same).toBe(v);
  });

  it('keeps the latest capture status', () => {
    const capture = { path: '/data/cap.bin', active: true, bytes: 10, records: 1 };
    expect(applyToView(view, { type: 'capture', id: 'e', capture }).capture).toEqual(capture);
  });

  it('forgets pending bytes when the session is let go before the engine says so', () => {
    let state = createSessionsState();
    const ui = state.activeId;
    state = beginOpen(state, ui, '127.0.0.1:5000');
    state = openSucceeded(state, ui, {
      id: 'e1',
      name: 'S',
      config: { protocol: 'tcp-client', host: '127.0.0.1', port: 5000 },
      state: 'connected',
      counters: zeroCounters(),
      openedAt: 0,
    });
    state = applyEngineBatch(state, {
      seq: 1,
      events: [{ type: 'pending', id: 'e1', peer: 'b:1', bytes: 4 }],
    });
    expect(state.sessions[ui]?.pending).toEqual({ 'b:1': 4 });
    expect(detach(state, ui).sessions[ui]?.pending).toEqual({});
  });
});

describe('a server with thousands of clients', () => {
  const server: EngineView = {
    name: 'S',
    protocol: 'tcp-server',
    state: 'listening',
    counters: zeroCounters(),
    target: '*:5000',
    clients: [],
    pending: NO_PENDING,
  };
  const peer = (i: number) => `127.0.0.1:${10_000 + i}`;
  const connect = (i: number): EngineEvent => ({
    type: 'client-connected',
    id: 'e',
    at: i,
    client: { peer: peer(i), connectedAt: i, counters: zeroCounters() },
  });
  const leave = (i: number): EngineEvent => ({ type: 'client-disconnected', id: 'e', peer: peer(i), at: i });
  const count = (i: number, rx: number): EngineEvent => ({
    type: 'client-counters',
    id: 'e',
    peer: peer(i),
    counters: { ...zeroCounters(), rxBytes: rx },
  });

  /** Random connects, leaves and counters, applied in batches (in place) and one by one (copying). */
  it('lists the same clients in a batch as event by event, and never changes a list handed out', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.array(
            fc.oneof(
              fc.integer({ min: 0, max: 60 }).map(connect),
              fc.integer({ min: 0, max: 60 }).map(leave),
              fc.tuple(fc.integer({ min: 0, max: 60 }), fc.nat(999)).map(([i, rx]) => count(i, rx)),
            ),
            { maxLength: 200 },
          ),
          { maxLength: 8 },
        ),
        (batches) => {
          let pure = server;
          let batched = server;
          for (const events of batches) {
            const handedOut = batched.clients;
            const snapshot = handedOut.map((c) => c.peer);
            batched = inBatch(() => events.reduce(applyToView, batched));
            pure = events.reduce(applyToView, pure);
            expect(handedOut.map((c) => c.peer)).toEqual(snapshot);
            expect(batched.clients).toEqual(pure.clients);
          }
        },
      ),
      { numRuns: 200 },
    );
  });

  it('takes ten thousand connects, their counters and half of them leaving in one batch', () => {
    const events: EngineEvent[] = [];
    for (let i = 0; i < 10_000; i++) events.push(connect(i));
    for (let i = 0; i < 10_000; i++) events.push(count(i, i));
    for (let i = 0; i < 10_000; i += 2) events.push(leave(i));
    const view = inBatch(() => events.reduce(applyToView, server));
    expect(view.clients).toHaveLength(5_000);
    expect(view.clients[0]).toMatchObject({ peer: peer(1), counters: { rxBytes: 1 } });
    expect(view.clients.at(-1)).toMatchObject({ peer: peer(9_999), counters: { rxBytes: 9_999 } });
  });
});
