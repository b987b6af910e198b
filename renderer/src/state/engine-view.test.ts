// What the engine's pending and capture events do to a session's view.
import { describe, expect, it } from 'vitest';
import { zeroCounters } from '../../../shared/contract/model';
import { applyToView, type EngineView, NO_PENDING } from './engine-view';
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
