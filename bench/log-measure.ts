// Figure 6's measurement, run in a load process: the renderer's own log state functions (ring buffer,
// caps, filter, find, row layout) over a million entries, in Node, as the page runs them per batch.

import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createViewCache, visibleIndices } from '../renderer/src/state/log-filter';
import { createRowLayout, rowHeight } from '../renderer/src/state/log-layout';
import {
  applyBatch,
  createLogState,
  DEFAULT_LIMITS,
  type LogContext,
  type LogState,
} from '../renderer/src/state/log-reducer';
import { createLogSearch, parseFind, type SearchHits } from '../renderer/src/state/log-search';
import type { DataEvent, EventBatch } from '../shared/contract/events';

export interface LogMeasures {
  entries: number;
  defaultLimits: { maxEntries: number; maxBytes: number };
  /** Entries the log keeps under its default caps after `entries` arrived. */
  retainedDefault: number;
  appendMsPerMillion: number;
  /** What the retained log takes: JS heap and the array buffers its chunks pack bytes in. */
  heapMB: number;
  arrayBuffersMB: number;
  filterMs: number;
  filterCpuMs: number;
  filterRows: number;
  searchTextMs: number;
  searchTextCpuMs: number;
  searchTextHits: number;
  searchHexMs: number;
  searchHexCpuMs: number;
  searchHexHits: number;
  /** "temp=" as text: a match in every entry. */
  searchManyMs: number;
  searchManyHits: number;
  /** One more batch of 1,000 entries with Find open: what the search costs per batch. */
  searchBatchMs: number;
  /** Row offsets for the whole log (a session switch, a new filter), and per batch after that. */
  layoutMs: number;
  layoutBatchMs: number;
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

const ALL = { rx: true, tx: true, system: true };

/** The find bar's search (useLogSearch), from a cold start over the whole log. */
function search(state: LogState, query: string, hex: boolean): SearchHits {
  const parsed = parseFind(query, hex);
  if (!parsed.ok || !parsed.needle) throw new Error(`bad query ${query}`);
  return createLogSearch()({
    ring: state.shown.ring,
    filter: ALL,
    needle: parsed.needle,
    logShown: 'ascii',
    views: {},
  });
}

/** Wall time, and the CPU time this process spent meanwhile (on a busy machine, wall time also holds the waits for a core). */
let lastCpuMs = 0;
function timed<T>(run: () => T): [T, number] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const value = run();
  const wall = performance.now() - start;
  const used = process.cpuUsage(cpu);
  lastCpuMs = (used.user + used.system) / 1000;
  return [value, wall];
}

/** The median of three runs, each from a cold start, with that run's CPU time. */
function middle<T>(run: () => T): [T, number, number] {
  const runs: [T, number, number][] = [];
  for (let i = 0; i < 3; i++) {
    const [value, wall] = timed(run);
    runs.push([value, wall, lastCpuMs]);
  }
  runs.sort((a, b) => a[1] - b[1]);
  return runs[1] as [T, number, number];
}

const MB = 1024 * 1024;

/** A full collection, so the heap figures hold what is kept and not what is garbage yet. */
function collect(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

export function measureLog(entries: number): LogMeasures {
  collect();
  const before = process.memoryUsage();
  const [state, appendMs] = timed(() => fill(createLogState(), entries));
  collect();
  const after = process.memoryUsage();
  const ring = state.shown.ring;

  const [visible, filterMs, filterCpuMs] = middle(() =>
    visibleIndices(ring, { rx: false, tx: true, system: true }),
  );
  const rare = `board-${String(Math.floor(entries / 2)).padStart(7, '0')}`;
  const [textHits, searchTextMs, searchTextCpuMs] = middle(() => search(state, rare, false));
  const [hexHits, searchHexMs, searchHexCpuMs] = middle(() => search(state, '74 65 6d 70 3d', true));
  const [manyHits, searchManyMs] = middle(() => search(state, 'TEMP=', false));

  // Find open while entries keep coming: each batch is searched alone.
  const parsed = parseFind('temp=', false);
  if (!parsed.ok || !parsed.needle) throw new Error('bad needle');
  const findInput = { filter: ALL, needle: parsed.needle, logShown: 'ascii' as const, views: {} };
  const find = createLogSearch();
  find({ ...findInput, ring });
  const more = applyBatch(state, batchOf(1_000_000_000, entries, BATCH), ctx);
  const [, searchBatchMs] = timed(() => find({ ...findInput, ring: more.shown.ring }));

  const layoutOf = createRowLayout();
  const views = createViewCache();
  const heightOf = (r: typeof ring) => (row: number) =>
    rowHeight(
      r,
      row,
      () => 'ascii',
      () => undefined,
    );
  const [, layoutMs] = timed(() => layoutOf(views(ring, ALL), 'ascii', heightOf(ring)));
  const [, layoutBatchMs] = timed(() =>
    layoutOf(views(more.shown.ring, ALL), 'ascii', heightOf(more.shown.ring)),
  );

  return {
    entries,
    defaultLimits: { ...DEFAULT_LIMITS },
    retainedDefault: ring.length,
    appendMsPerMillion: (appendMs * 1_000_000) / entries,
    heapMB: (after.heapUsed - before.heapUsed) / MB,
    arrayBuffersMB: (after.arrayBuffers - before.arrayBuffers) / MB,
    filterMs,
    filterCpuMs,
    filterRows: visible?.length ?? ring.length,
    searchTextMs,
    searchTextCpuMs,
    searchTextHits: textHits.total,
    searchHexMs,
    searchHexCpuMs,
    searchHexHits: hexHits.total,
    searchManyMs,
    searchManyHits: manyHits.total,
    searchBatchMs,
    layoutMs,
    layoutBatchMs,
  };
}
