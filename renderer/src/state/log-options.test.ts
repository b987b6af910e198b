// The log's own options against synthetic batches: Log data off keeps nothing but counts, frame
// issues ride on entries, what the log no longer holds is tallied for exports, per-entry views and
// the selection for the checksum calculator.
import { describe, expect, it } from 'vitest';
import type { EngineEvent, EventBatch, FrameIssue } from '../../../shared/contract/events';
import type { DataEntry, LogEntry, LogState } from './log-reducer';
import { ringToArray } from './log-ring';
import { createLogStore, type LogStore } from './log-store';
import { logOf } from './session-logs';

const UI = 'session-1';
const ctx = { ownerOf: (id: string) => (id === 's1' ? UI : undefined), targetOf: () => undefined };
const one = (store: LogStore): LogState => logOf(store.getState(), UI);
const shown = (s: LogState): LogEntry[] => ringToArray(s.shown.ring);
const texts = (s: LogState): string[] =>
  shown(s).map((e) =>
    e.kind === 'data'
      ? new TextDecoder().decode(e.bytes)
      : `[${e.kind === 'system' ? e.text : e.result.verdict}]`,
  );

let seq = 0;
const batch = (...events: EngineEvent[]): EventBatch => ({ seq: ++seq, events });
const rx = (text: string, issue?: FrameIssue): EngineEvent => ({
  type: 'data',
  id: 's1',
  dir: 'rx',
  at: 1000,
  peer: '127.0.0.1:5000',
  bytes: new TextEncoder().encode(text),
  ...(issue ? { issue } : {}),
});

describe('Log data', () => {
  it('keeps system rows but no data while off, counts what it skipped and says so both ways', () => {
    let now = 10;
    const store = createLogStore(undefined, () => now);
    store.applyBatch(batch(rx('kept')), ctx);
    store.setLogData(UI, false);
    store.applyBatch(batch(rx('skipped 1'), { type: 'state', id: 's1', state: 'disconnected', at: 11 }), ctx);
    store.applyBatch(batch(rx('skipped 2')), ctx);
    expect(one(store).unlogged).toEqual({ entries: 2, bytes: 18 });
    now = 20;
    store.setLogData(UI, true);
    store.applyBatch(batch(rx('kept again')), ctx);
    expect(texts(one(store))).toEqual([
      'kept',
      '[Log data is off: data is counted (RX / TX) but not logged]',
      '[Disconnected]',
      '[Log data is on again (2 data entries, 18 bytes were counted but not logged)]',
      'kept again',
    ]);
    expect(one(store).unlogged).toEqual({ entries: 0, bytes: 0 });
    expect(one(store).gaps.unlogged).toBe(18);
  });

  it('leaves the shown entries untouched by data while off, only counting it', () => {
    const store = createLogStore();
    store.setLogData(UI, false);
    const before = one(store).shown.ring;
    store.applyBatch(batch(rx('x')), ctx);
    expect(one(store).shown.ring).toBe(before);
    expect(one(store).unlogged.entries).toBe(1);
  });
});

describe('frame issues and gaps', () => {
  it('keeps the frame issue on the entry', () => {
    const store = createLogStore();
    store.applyBatch(batch(rx('abc', 'incomplete'), rx('def')), ctx);
    const [first, second] = shown(one(store)) as DataEntry[];
    expect(first?.issue).toBe('incomplete');
    expect(second && 'issue' in second).toBe(false);
  });

  it('tallies dropped and evicted bytes, once each, until Clear log', () => {
    const store = createLogStore({ maxEntries: 2, maxBytes: 1 << 20 });
    store.applyBatch(batch({ type: 'dropped', id: 's1', dir: 'rx', bytes: 500, chunks: 2, at: 1 }), ctx);
    store.applyBatch(batch(rx('aaaa'), rx('bb')), ctx);
    expect(one(store).gaps).toEqual({ dropped: 500, evicted: 0, unlogged: 0 });
    store.pause(UI);
    store.applyBatch(batch({ type: 'dropped', id: 's1', dir: 'rx', bytes: 7, chunks: 1, at: 2 }), ctx);
    store.resume(UI);
    // Resume moved the dropped row in and evicted 'aaaa': the drop counts once.
    expect(one(store).gaps).toEqual({ dropped: 507, evicted: 4, unlogged: 0 });
    store.clear(UI);
    expect(one(store).gaps).toEqual({ dropped: 0, evicted: 0, unlogged: 0 });
  });
});

describe('entry views and selection', () => {
  it('shows one entry another way and back, forgetting entries the caps evicted', () => {
    const store = createLogStore({ maxEntries: 2, maxBytes: 1 << 20 });
    store.applyBatch(batch(rx('a'), rx('b')), ctx);
    store.setEntryView(UI, 1, 'hex');
    store.setEntryView(UI, 2, 'dump');
    expect(one(store).views).toEqual({ 1: 'hex', 2: 'dump' });
    store.applyBatch(batch(rx('c')), ctx);
    store.setEntryView(UI, 3, 'gbk');
    expect(one(store).views).toEqual({ 2: 'dump', 3: 'gbk' });
    store.setEntryView(UI, 2, undefined);
    expect(one(store).views).toEqual({ 3: 'gbk' });
  });

  it('keeps the selection sorted and unique, and Clear log empties it', () => {
    const store = createLogStore();
    store.applyBatch(batch(rx('a'), rx('b'), rx('c')), ctx);
    store.setSelected(UI, [3, 1, 3]);
    expect(one(store).selected).toEqual([1, 3]);
    const same = one(store);
    store.setSelected(UI, [1, 3]);
    expect(one(store)).toBe(same);
    store.clear(UI);
    expect(one(store).selected).toEqual([]);
    expect(one(store).views).toEqual({});
  });
});
