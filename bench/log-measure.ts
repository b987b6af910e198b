// Figure 6's measurement, run in a load process: the renderer's own log state functions (ring buffer,
// caps, filter, find) over a million entries, in Node. The page cannot hold that many: its caps stop
// far below, which is what the retention row reports.

import { visibleIndices } from '../renderer/src/state/log-filter';
import {
  applyBatch,
  createLogState,
  DEFAULT_LIMITS,
  type LogContext,
  type LogState,
} from '../renderer/src/state/log-reducer';
import { ringAt } from '../renderer/src/state/log-ring';
import { createMatchCounter, needleKey, parseFind, type SearchHits } from '../renderer/src/state/log-search';
import type { DataEvent, EventBatch } from '../shared/contract/events';

export interface LogMeasures {
  entries: number;
  defaultLimits: { maxEntries: number; maxBytes: number };
  /** Entries the log keeps under its default caps after `entries` arrived. */
  retainedDefault: number;
  /** Entries kept with the caps raised to `entries`. */
  retainedRaised: number;
  appendMsPerMillion: number;
  heapMB: number;
  filterMs: number;
  filterRows: number;
  searchTextMs: number;
  searchTextHits: number;
  searchHexMs: number;
  searchHexHits: number;
}

const BATCH = 1000;
const ctx: LogContext = { targetOf: () => '127.0.0.1:5000' };
const encoder = new TextEncoder();

function batchOf(seq: number, from: number, n: number): EventBatch {
  const events: DataEvent[] = [];
  for (let i = from; i < from + n; i++) {
    events.push({
      type: 'data',
      id: 's1',
      dir: i % 4 === 0 ? 'tx' : 'rx',
      at: 1_700_000_000_000 + i,
      peer: '127.0.0.1:5000',
      bytes: encoder.encode(`board-${String(i).padStart(7, '0')} temp=23.5 hum=41.2\r\n`),
    });
  }
  return { seq, events };
}

function fill(state: LogState, entries: number): LogState {
  let s = state;
  for (let from = 0, seq = 1; from < entries; from += BATCH, seq++) {
    s = applyBatch(s, batchOf(seq, from, Math.min(BATCH, entries - from)), ctx);
  }
  return s;
}

/** useLogSearch's loop (renderer/src/components/useLogSearch.ts), over the whole log, cache cold. */
function search(state: LogState, query: string, hex: boolean): SearchHits {
  const parsed = parseFind(query, hex);
  if (!parsed.ok || !parsed.needle) throw new Error(`bad query ${query}`);
  const needle = parsed.needle;
  const key = needleKey(needle);
  const count = createMatchCounter();
  const ring = state.shown.ring;
  const rows: SearchHits['rows'] = [];
  let total = 0;
  for (let row = 0; row < ring.length; row++) {
    const entry = ringAt(ring, row);
    if (entry?.kind !== 'data') continue;
    const n = count(entry.bytes, 'ascii', needle, key);
    if (n > 0) {
      rows.push({ row, count: n });
      total += n;
    }
  }
  return { rows, total };
}

function timed<T>(run: () => T): [T, number] {
  const start = performance.now();
  const value = run();
  return [value, performance.now() - start];
}

/** The median of three runs, each from a cold cache. */
function middle<T>(run: () => T): [T, number] {
  const runs = [timed(run), timed(run), timed(run)].sort((a, b) => a[1] - b[1]);
  return runs[1] as [T, number];
}

export function measureLog(entries: number): LogMeasures {
  const retainedDefault = fill(createLogState(), entries).shown.ring.length;
  const heapBefore = process.memoryUsage().heapUsed;
  const [state, appendMs] = timed(() =>
    fill(createLogState({ maxEntries: entries, maxBytes: Number.MAX_SAFE_INTEGER }), entries),
  );
  const heapMB = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const [visible, filterMs] = middle(() =>
    visibleIndices(state.shown.ring, { rx: false, tx: true, system: true }),
  );
  const rare = `board-${String(Math.floor(entries / 2)).padStart(7, '0')}`;
  const [textHits, searchTextMs] = middle(() => search(state, rare, false));
  const [hexHits, searchHexMs] = middle(() => search(state, '74 65 6d 70 3d', true));
  return {
    entries,
    defaultLimits: { ...DEFAULT_LIMITS },
    retainedDefault,
    retainedRaised: state.shown.ring.length,
    appendMsPerMillion: (appendMs * 1_000_000) / entries,
    heapMB,
    filterMs,
    filterRows: visible?.length ?? state.shown.ring.length,
    searchTextMs,
    searchTextHits: textHits.total,
    searchHexMs,
    searchHexHits: hexHits.total,
  };
}
