// Several sessions at once, and a server's clients: new, close, switch, rename, protocol changes,
// and the client list built from engine events, all against synthetic batches.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventBatch } from '../../../shared/contract/events';
import type { ClientInfo, Counters, SessionSnapshot } from '../../../shared/contract/model';
import { activeSession, ownerOf, protocolOf, targetOf } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';

let seq = 0;
const batch = (...events: EngineEvent[]): EventBatch => ({ seq: ++seq, events });
const counters = (rx: number, tx: number): Counters => ({
  rxBytes: rx,
  txBytes: tx,
  rxChunks: 1,
  txChunks: 1,
});
const client = (peer: string, at = 10): ClientInfo => ({ peer, connectedAt: at, counters: counters(0, 0) });

const serverSnapshot = (id: string, change: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  id,
  name: 'Session 1',
  config: { protocol: 'tcp-server', port: 0 },
  state: 'listening',
  local: '[::]:40001',
  counters: counters(0, 0),
  openedAt: 1,
  ...change,
});

function listening() {
  const store = createSessionsStore();
  const ui = store.getState().activeId;
  store.updateSettings(ui, { protocol: 'tcp-server', serverPort: '0' });
  store.beginOpen(ui, '*:0');
  store.openSucceeded(ui, serverSnapshot('e1'));
  return { store, ui, active: () => activeSession(store.getState()) };
}

describe('several sessions', () => {
  it('adds sessions with their own numbers and makes the new one active', () => {
    const store = createSessionsStore();
    const second = store.add();
    const third = store.add();
    const state = store.getState();
    expect(state.order).toEqual(['session-1', second, third]);
    expect(state.activeId).toBe(third);
    expect(state.sessions[second]?.name).toBe('Session 2');
    store.select(second);
    expect(activeSession(store.getState()).id).toBe(second);
  });

  it('keeps each session its own settings', () => {
    const store = createSessionsStore();
    const first = store.getState().activeId;
    store.updateSettings(first, { host: '192.168.1.123', port: '8087' });
    const second = store.add();
    store.updateSettings(second, { protocol: 'tcp-server', serverPort: '8888' });
    expect(store.getState().sessions[first]?.settings).toMatchObject({
      protocol: 'tcp-client',
      host: '192.168.1.123',
    });
    expect(store.getState().sessions[second]?.settings).toMatchObject({ protocol: 'tcp-server', host: '' });
  });

  it('closes a session: the next one becomes active, ids are never reused, one always remains', () => {
    const store = createSessionsStore();
    const first = store.getState().activeId;
    const second = store.add();
    const third = store.add();
    store.select(second);
    store.remove(second);
    expect(store.getState().order).toEqual([first, third]);
    expect(store.getState().activeId).toBe(third);
    store.remove(third);
    expect(store.getState().activeId).toBe(first);
    store.remove(first);
    const state = store.getState();
    expect(state.order).toHaveLength(1);
    expect(state.order[0]).not.toBe(first);
    expect(activeSession(state).name).toBe('Session 4');
  });

  it('renames, ignoring a blank name', () => {
    const store = createSessionsStore();
    const ui = store.getState().activeId;
    store.rename(ui, '  ESP8266 on the bench ');
    store.rename(ui, '   ');
    expect(activeSession(store.getState()).name).toBe('ESP8266 on the bench');
  });

  it('follows the engine renaming an attached session (from this window or another)', () => {
    const { store, active } = listening();
    store.applyBatch(batch({ type: 'renamed', id: 'e1', name: 'Board B' }));
    expect(active().name).toBe('Board B');
  });

  it("drops the last engine session's words when an idle session changes protocol", () => {
    const store = createSessionsStore();
    const ui = store.getState().activeId;
    store.beginOpen(ui, '192.168.1.123:8087');
    store.openFailed(ui, { code: 'ECONNREFUSED', message: 'Nothing is listening at 192.168.1.123:8087.' });
    store.updateSettings(ui, { protocol: 'udp' });
    expect(activeSession(store.getState())).toMatchObject({
      state: 'disconnected',
      protocol: 'udp',
      error: undefined,
    });
  });

  it('remembers which session owned an engine session after it detaches, until the session closes', () => {
    const { store, ui } = listening();
    store.detach(ui);
    expect(ownerOf(store.getState(), 'e1')).toBe(ui);
    expect(protocolOf(store.getState(), 'e1')).toBe('tcp-server');
    expect(targetOf(store.getState(), 'e1')).toBe('*:0');
    store.remove(ui);
    expect(ownerOf(store.getState(), 'e1')).toBeUndefined();
  });
});

describe('a server session', () => {
  it('keeps where it listens from the state event', () => {
    const { store, active } = listening();
    store.applyBatch(batch({ type: 'state', id: 'e1', state: 'listening', at: 2, local: '0.0.0.0:40001' }));
    expect(active()).toMatchObject({ state: 'listening', local: '0.0.0.0:40001' });
  });

  it('lists clients as they connect, updates their counters and drops them as they leave', () => {
    const { store, active } = listening();
    store.applyBatch(
      batch(
        { type: 'client-connected', id: 'e1', client: client('127.0.0.1:5555'), at: 10 },
        { type: 'client-connected', id: 'e1', client: client('127.0.0.1:5556', 11), at: 11 },
        { type: 'client-counters', id: 'e1', peer: '127.0.0.1:5556', counters: counters(19, 4) },
      ),
    );
    expect(active().clients.map((c) => c.peer)).toEqual(['127.0.0.1:5555', '127.0.0.1:5556']);
    expect(active().clients[1]?.counters).toEqual(counters(19, 4));
    store.applyBatch(
      batch(
        { type: 'client-disconnected', id: 'e1', peer: '127.0.0.1:5555', at: 12 },
        // A late counters event of a client that left must not bring it back.
        { type: 'client-counters', id: 'e1', peer: '127.0.0.1:5555', counters: counters(1, 1) },
      ),
    );
    expect(active().clients.map((c) => c.peer)).toEqual(['127.0.0.1:5556']);
  });

  it('has no clients once it stops or the engine forgets it', () => {
    const { store, active } = listening();
    store.applyBatch(batch({ type: 'client-connected', id: 'e1', client: client('127.0.0.1:5555'), at: 10 }));
    store.applyBatch(batch({ type: 'state', id: 'e1', state: 'disconnected', at: 20 }));
    expect(active()).toMatchObject({ state: 'disconnected', clients: [] });
  });

  it('takes the clients from a snapshot after a reload', () => {
    const store = createSessionsStore();
    expect(store.getState().synced).toBe(false);
    store.applySnapshot([serverSnapshot('e1', { clients: [client('127.0.0.1:5555')] })]);
    const active = activeSession(store.getState());
    expect(active).toMatchObject({ engineId: 'e1', protocol: 'tcp-server' });
    expect(active.settings).toMatchObject({ protocol: 'tcp-server', serverPort: '0' });
    expect(active.clients.map((c) => c.peer)).toEqual(['127.0.0.1:5555']);
    expect(store.getState().synced).toBe(true);
  });

  it('adopts more engine sessions as new sessions without leaving the one in view', () => {
    const { store, ui } = listening();
    store.applySnapshot([serverSnapshot('e1'), serverSnapshot('e2', { name: 'Other window' })]);
    const state = store.getState();
    expect(state.activeId).toBe(ui);
    expect(state.order).toHaveLength(2);
    const adopted = state.sessions[state.order[1] as string];
    expect(adopted).toMatchObject({ engineId: 'e2', name: 'Other window' });
    expect(ownerOf(state, 'e2')).toBe(adopted?.id);
  });

  it('resets Send to on a new Listen', () => {
    const { store, ui, active } = listening();
    store.setSendTo(ui, '127.0.0.1:5555');
    expect(active().sendTo).toBe('127.0.0.1:5555');
    store.beginOpen(ui, '*:0');
    expect(active().sendTo).toBe('');
  });
});
