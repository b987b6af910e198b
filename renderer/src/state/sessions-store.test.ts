// The sessions store against synthetic batches and snapshots: attach, races with open(), close,
// resync after a reconnect, adoption after a reload.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventBatch } from '../../../shared/contract/events';
import type { SessionSnapshot } from '../../../shared/contract/model';
import { activeSession, targetOf } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';

let seq = 0;
const batch = (...events: EngineEvent[]): EventBatch => ({ seq: ++seq, events });

const snapshot = (id: string, change: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  id,
  name: '192.168.1.123:8087',
  config: { protocol: 'tcp-client', host: '192.168.1.123', port: 8087 },
  state: 'connecting',
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
  openedAt: 1,
  ...change,
});

const connected = (id: string): EngineEvent => ({
  type: 'state',
  id,
  state: 'connected',
  at: 2,
  local: '192.168.1.119:53891',
  remote: '192.168.1.123:8087',
});

function opened(id = 'e1') {
  const store = createSessionsStore();
  const ui = store.getState().activeId;
  store.updateSettings(ui, { host: '192.168.1.123', port: '8087' });
  store.beginOpen(ui, '192.168.1.123:8087');
  store.openSucceeded(ui, snapshot(id));
  return { store, ui, active: () => activeSession(store.getState()) };
}

describe('sessions store', () => {
  it('starts with one idle active session with empty settings', () => {
    const store = createSessionsStore();
    const s = activeSession(store.getState());
    expect(s.state).toBe('disconnected');
    expect(s.settings.host).toBe('');
    expect(s.settings.port).toBe('');
    expect(store.getState().order).toEqual([s.id]);
  });

  it('attaches the engine session open() returns and follows its events', () => {
    const { store, active } = opened();
    expect(active().engineId).toBe('e1');
    expect(active().state).toBe('connecting');
    let updates = 0;
    store.subscribe(() => updates++);
    store.applyBatch(
      batch(connected('e1'), {
        type: 'counters',
        id: 'e1',
        counters: { rxBytes: 18, txBytes: 5, rxChunks: 1, txChunks: 1 },
      }),
    );
    expect(updates).toBe(1);
    expect(active().state).toBe('connected');
    expect(active().local).toBe('192.168.1.119:53891');
    expect(active().remote).toBe('192.168.1.123:8087');
    expect(active().counters.rxBytes).toBe(18);
    expect(targetOf(store.getState(), 'e1')).toBe('192.168.1.123:8087');
  });

  it('keeps events that beat the open() reply and prefers them over its snapshot', () => {
    const store = createSessionsStore();
    const ui = store.getState().activeId;
    store.beginOpen(ui, '192.168.1.123:8087');
    store.applyBatch(batch({ type: 'session-opened', session: snapshot('e1') }, connected('e1')));
    expect(activeSession(store.getState()).state).toBe('connecting');
    store.openSucceeded(ui, snapshot('e1'));
    expect(activeSession(store.getState()).state).toBe('connected');
    expect(store.getState().unclaimed).toEqual({});
  });

  it('shows an error with the engine sentence, and keeps it after the session is closed', () => {
    const { store, active } = opened();
    const error = { code: 'ECONNREFUSED', message: 'Nothing is listening at 192.168.1.123:8087.' };
    store.applyBatch(batch({ type: 'state', id: 'e1', state: 'error', at: 3, error }));
    expect(active().state).toBe('error');
    expect(active().error).toEqual(error);
    store.applyBatch(batch({ type: 'session-closed', id: 'e1' }));
    expect(active().engineId).toBeUndefined();
    expect(active().state).toBe('error');
  });

  it('is disconnected once the engine session closes', () => {
    const { store, active } = opened();
    store.applyBatch(batch(connected('e1')));
    store.applyBatch(
      batch({ type: 'state', id: 'e1', state: 'disconnected', at: 4 }, { type: 'session-closed', id: 'e1' }),
    );
    expect(active().state).toBe('disconnected');
    expect(active().engineId).toBeUndefined();
    expect(active().local).toBeUndefined();
  });

  it('records a failed open() as the session error', () => {
    const store = createSessionsStore();
    const ui = store.getState().activeId;
    store.beginOpen(ui, 'x:1');
    store.openFailed(ui, { code: 'E_TRANSPORT', message: 'The connection to the engine was lost.' });
    expect(activeSession(store.getState())).toMatchObject({ state: 'error', opening: false });
  });

  it('resyncs from a snapshot after a reconnect: newer state wins, a forgotten session detaches', () => {
    const { store, active } = opened();
    store.applySnapshot([
      snapshot('e1', {
        state: 'connected',
        local: '192.168.1.119:53891',
        remote: '192.168.1.123:8087',
        counters: { rxBytes: 34, txBytes: 8, rxChunks: 2, txChunks: 2 },
      }),
    ]);
    expect(active()).toMatchObject({ engineId: 'e1', state: 'connected' });
    expect(active().counters.txBytes).toBe(8);
    store.applySnapshot([]);
    expect(active().engineId).toBeUndefined();
    expect(active().state).toBe('disconnected');
  });

  it('adopts live engine sessions after a reload: the first into the idle active session', () => {
    const store = createSessionsStore();
    store.applySnapshot([
      snapshot('e1', { state: 'connected', remote: '192.168.1.123:8087', local: '192.168.1.119:5000' }),
      snapshot('e2', { config: { protocol: 'tcp-client', host: '10.0.0.7', port: 23 } }),
    ]);
    const state = store.getState();
    expect(state.order).toHaveLength(2);
    expect(activeSession(state)).toMatchObject({ engineId: 'e1', state: 'connected' });
    expect(activeSession(state).settings).toMatchObject({ host: '192.168.1.123', port: '8087' });
    const other = state.sessions[state.order[1] as string];
    expect(other).toMatchObject({ engineId: 'e2', target: '10.0.0.7:23' });
  });

  it('does not adopt a session whose open() is still in flight', () => {
    const store = createSessionsStore();
    const ui = store.getState().activeId;
    store.beginOpen(ui, '192.168.1.123:8087');
    store.applyBatch(batch({ type: 'session-opened', session: snapshot('e1') }));
    store.applySnapshot([snapshot('e1', { state: 'connected' })]);
    expect(store.getState().order).toHaveLength(1);
    store.openSucceeded(ui, snapshot('e1'));
    expect(activeSession(store.getState())).toMatchObject({ engineId: 'e1', state: 'connected' });
  });

  it('lets the previous engine session go on a new Connect, ignoring its late events', () => {
    const { store, ui, active } = opened('e1');
    store.applyBatch(batch({ type: 'state', id: 'e1', state: 'error', at: 3 }));
    store.beginOpen(ui, '192.168.1.123:8087');
    store.applyBatch(batch({ type: 'state', id: 'e1', state: 'disconnected', at: 5 }));
    expect(active()).toMatchObject({ state: 'connecting', engineId: undefined, opening: true });
    expect(active().counters.rxBytes).toBe(0);
  });
});
