// One session's log in the log store, against synthetic engine batches: one update per batch, both
// caps, pause, clear.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventBatch } from '../../../shared/contract/events';
import { type DataEntry, entryAt, type LogEntry, type LogState } from './log-reducer';
import { ringToArray } from './log-ring';
import { createLogStore, type LogStore } from './log-store';
import { logOf } from './session-logs';

const UI = 'session-1';
const ctx = {
  ownerOf: (id: string) => (id === 's1' ? UI : undefined),
  targetOf: (id: string) => (id === 's1' ? '192.168.1.123:8087' : undefined),
};
const one = (store: LogStore): LogState => logOf(store.getState(), UI);

let seq = 0;
const batch = (...events: EngineEvent[]): EventBatch => ({ seq: ++seq, events });
const rx = (text: string, at = 1000): EngineEvent => ({
  type: 'data',
  id: 's1',
  dir: 'rx',
  at,
  peer: '192.168.1.123:8087',
  bytes: new TextEncoder().encode(text),
});
const tx = (n: number): EngineEvent => ({
  type: 'data',
  id: 's1',
  dir: 'tx',
  at: 1000,
  peer: '192.168.1.123:8087',
  bytes: new Uint8Array(n),
});

const shown = (s: LogState): LogEntry[] => ringToArray(s.shown.ring);
const texts = (s: LogState): string[] =>
  shown(s).map((e) =>
    e.kind === 'data'
      ? new TextDecoder().decode(e.bytes)
      : `[${e.kind === 'system' ? e.text : e.result.verdict}]`,
  );

function counting(store: ReturnType<typeof createLogStore>): { updates: number } {
  const counter = { updates: 0 };
  store.subscribe(() => counter.updates++);
  return counter;
}

describe('log store', () => {
  it('applies a whole batch in one update, keeping raw bytes and increasing keys', () => {
    const store = createLogStore();
    const counter = counting(store);
    store.applyBatch(batch(rx('TCP Server : hello'), tx(5), rx('TCP Server : 123')), ctx);
    expect(counter.updates).toBe(1);
    const entries = shown(one(store));
    expect(entries.map((e) => e.key)).toEqual([1, 2, 3]);
    const first = entries[0] as DataEntry;
    expect(first.bytes).toBeInstanceOf(Uint8Array);
    expect(new TextDecoder().decode(first.bytes)).toBe('TCP Server : hello');
    expect(one(store).shown.bytes).toBe(18 + 5 + 16);
  });

  it('does not update for a batch with nothing to show (counters only)', () => {
    const store = createLogStore();
    const counter = counting(store);
    store.applyBatch(
      batch({ type: 'counters', id: 's1', counters: { rxBytes: 1, txBytes: 0, rxChunks: 1, txChunks: 0 } }),
      ctx,
    );
    expect(counter.updates).toBe(0);
  });

  it('writes connecting, connected, error and disconnected rows in the engine words', () => {
    const store = createLogStore();
    store.applyBatch(
      batch(
        { type: 'state', id: 's1', state: 'connecting', at: 1 },
        {
          type: 'state',
          id: 's1',
          state: 'connected',
          at: 2,
          local: '192.168.1.119:53891',
          remote: '192.168.1.123:8087',
        },
        { type: 'state', id: 's1', state: 'disconnected', at: 3 },
        {
          type: 'state',
          id: 's1',
          state: 'error',
          at: 4,
          error: { code: 'ECONNREFUSED', message: 'Nothing is listening at 192.168.1.123:8087.' },
        },
      ),
      ctx,
    );
    expect(texts(one(store))).toEqual([
      '[Connecting to 192.168.1.123:8087…]',
      '[Connected 192.168.1.119:53891 → 192.168.1.123:8087]',
      '[Disconnected from 192.168.1.123:8087]',
      '[Error: Nothing is listening at 192.168.1.123:8087.]',
    ]);
    expect(shown(one(store)).map((e) => (e.kind === 'system' ? e.tone : ''))).toEqual([
      'info',
      'ok',
      'info',
      'error',
    ]);
  });

  it('turns a dropped event into an explicit row', () => {
    const store = createLogStore();
    store.applyBatch(batch({ type: 'dropped', id: 's1', dir: 'rx', bytes: 123456, chunks: 40, at: 5 }), ctx);
    expect(texts(one(store))).toEqual([
      '[123,456 bytes not shown (display could not keep up; counters include them)]',
    ]);
  });

  it('evicts the oldest entries beyond the entry cap', () => {
    const store = createLogStore({ maxEntries: 3, maxBytes: 1 << 20 });
    for (let i = 0; i < 2500; i++) store.applyBatch(batch(rx(`m${i}`)), ctx);
    const state = one(store);
    expect(texts(state)).toEqual(['m2497', 'm2498', 'm2499']);
    expect(shown(state).map((e) => e.key)).toEqual([2498, 2499, 2500]);
    expect(state.shown.bytes).toBe(15);
    expect(entryAt(state, 0)?.key).toBe(2498);
  });

  it('evicts the oldest entries beyond the byte cap, keeping the byte total exact', () => {
    const store = createLogStore({ maxEntries: 1000, maxBytes: 100 });
    store.applyBatch(batch(tx(40), tx(40), tx(40)), ctx);
    expect(shown(one(store))).toHaveLength(2);
    expect(one(store).shown.bytes).toBe(80);
    // An entry larger than the cap on its own still shows: the newest entry always stays.
    store.applyBatch(batch(tx(500)), ctx);
    expect(shown(one(store)).map((e) => (e as DataEntry).bytes.length)).toEqual([500]);
    expect(one(store).shown.bytes).toBe(500);
  });

  it('holds entries while paused, counting what waits, and appends them on resume', () => {
    const store = createLogStore();
    store.applyBatch(batch(rx('before')), ctx);
    store.pause(UI);
    const counter = counting(store);
    store.applyBatch(batch(rx('during 1'), rx('during 2')), ctx);
    expect(counter.updates).toBe(1);
    expect(texts(one(store))).toEqual(['before']);
    expect(one(store).held.ring.length).toBe(2);
    expect(one(store).held.bytes).toBe(16);
    store.resume(UI);
    expect(one(store).paused).toBe(false);
    expect(texts(one(store))).toEqual(['before', 'during 1', 'during 2']);
    expect(one(store).held.ring.length).toBe(0);
  });

  it('bounds what is held while paused and says on resume what was not kept', () => {
    const store = createLogStore({ maxEntries: 2, maxBytes: 1 << 20 });
    store.pause(UI);
    store.applyBatch(batch(rx('a'), rx('bb'), rx('ccc'), rx('dddd')), ctx);
    expect(one(store).held.ring.length).toBe(2);
    expect(one(store).heldLost).toEqual({ entries: 2, bytes: 3 });
    store.resume(UI);
    const rows = texts(one(store));
    // The log's own cap still applies after resume: the note is newest, so it stays.
    expect(rows).toHaveLength(2);
    expect(rows[1]).toMatch(/^\[2 entries \(3 bytes\) that arrived while paused are not shown/);
  });

  it('clears shown and held entries, and keeps keys increasing afterwards', () => {
    const store = createLogStore();
    store.applyBatch(batch(rx('one'), rx('two')), ctx);
    store.pause(UI);
    store.applyBatch(batch(rx('three')), ctx);
    store.clear(UI);
    expect(shown(one(store))).toEqual([]);
    expect(one(store).shown.bytes).toBe(0);
    expect(one(store).held.ring.length).toBe(0);
    store.resume(UI);
    store.applyBatch(batch(rx('four')), ctx);
    expect(shown(one(store)).map((e) => e.key)).toEqual([4]);
  });

  it('writes rows the UI adds itself', () => {
    const store = createLogStore();
    store.appendSystem(UI, { at: 1, tone: 'error', text: 'Error: the engine is unreachable.' });
    expect(texts(one(store))).toEqual(['[Error: the engine is unreachable.]']);
  });
});
