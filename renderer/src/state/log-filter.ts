// Which entries the log shows: received data, sent data, system rows; and the log as the user sees
// it, kept up to date per batch without going over the whole log again. Pure.
import type { LogEntry } from './log-reducer';
import { type Chunk, type Ring, ringAt, ringKeyAt, ringScan, TAG_OBJECT, TAG_RX } from './log-ring';

export interface LogFilter {
  rx: boolean;
  tx: boolean;
  system: boolean;
}

export const SHOW_ALL: LogFilter = { rx: true, tx: true, system: true };

export const isFiltering = (f: LogFilter): boolean => !(f.rx && f.tx && f.system);

/** Exchange results go with the system rows: they are the app's words, not bytes on the wire. */
export const passes = (entry: LogEntry, f: LogFilter): boolean =>
  entry.kind === 'data' ? f[entry.dir] : f.system;

const slotPasses = (chunk: Chunk<LogEntry>, slot: number, f: LogFilter): boolean => {
  const tag = chunk.tags[slot] as number;
  return tag === TAG_OBJECT ? f.system : tag & TAG_RX ? f.rx : f.tx;
};

/**
 * Ring indices of the entries the filter lets through, in order; undefined when it lets all through,
 * so the common case costs nothing per batch.
 */
export function visibleIndices(ring: Ring<LogEntry>, f: LogFilter): number[] | undefined {
  if (!isFiltering(f)) return undefined;
  const out: number[] = [];
  ringScan(ring, 0, ring.length, (chunk, slot, i) => {
    if (slotPasses(chunk, slot, f)) out.push(i);
    return true;
  });
  return out;
}

/** The log as the user sees it: `count` rows, row `i` being `at(i)`. */
export interface LogView {
  count: number;
  at(i: number): LogEntry | undefined;
  keyAt(i: number): number | undefined;
  /** The ring index of row `i`. */
  indexAt(i: number): number;
  /** The row showing the entry with `key`, or -1. */
  rowOfKey(key: number): number;
  /** Changes when the rows are not the previous ones plus or minus some at either end. */
  id: number;
  /** Rows gone from the top since `id` began: row i is the (start + i)-th row of this id. */
  start: number;
}

function rowOfKeyIn(count: number, keyAt: (i: number) => number | undefined, key: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = keyAt(mid) as number;
    if (at === key) return mid;
    if (at < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

function fromIndices(
  ring: Ring<LogEntry>,
  count: number,
  index: (i: number) => number,
  id: number,
  start: number,
): LogView {
  const keyAt = (i: number) => (i >= 0 && i < count ? ringKeyAt(ring, index(i)) : undefined);
  return {
    count,
    at: (i) => (i >= 0 && i < count ? ringAt(ring, index(i)) : undefined),
    keyAt,
    indexAt: index,
    rowOfKey: (key) => rowOfKeyIn(count, keyAt, key),
    id,
    start,
  };
}

/** The whole ring, or the given ring indices of it. */
export function logView(ring: Ring<LogEntry>, indices: readonly number[] | undefined): LogView {
  if (!indices) return fromIndices(ring, ring.length, (i) => i, ring.lineage, ring.start);
  return fromIndices(ring, indices.length, (i) => indices[i] ?? -1, -ring.lineage, 0);
}

/** Ring index of the entry with `key` (keys increase along the ring), or -1. */
export const indexOfKey = (ring: Ring<LogEntry>, key: number): number =>
  rowOfKeyIn(ring.length, (i) => ringKeyAt(ring, i), key);

let viewIds = 0;

/**
 * The view for each new version of the ring: filtered rows are kept as absolute ring positions, so
 * a batch costs only its own entries and the evicted ones, not the whole log.
 */
export function createViewCache(): (ring: Ring<LogEntry>, f: LogFilter) => LogView {
  let lineage = -1;
  let filter: LogFilter | undefined;
  let positions = new Float64Array(1024);
  let head = 0;
  let tail = 0;
  let scanned = 0;
  let gone = 0;
  let id = 0;
  let last: { ring: Ring<LogEntry>; filter: LogFilter; view: LogView } | undefined;

  const add = (abs: number) => {
    if (tail === positions.length) {
      // A new array, never a shift in place: a view handed out earlier keeps reading the old one.
      const live = tail - head;
      const next = new Float64Array(Math.max(1024, live * 2));
      next.set(positions.subarray(head, tail));
      positions = next;
      head = 0;
      tail = live;
    }
    positions[tail++] = abs;
  };

  return (ring, f) => {
    if (last && last.ring === ring && last.filter === f) return last.view;
    if (!isFiltering(f)) {
      last = { ring, filter: f, view: logView(ring, undefined) };
      filter = undefined;
      return last.view;
    }
    const end = ring.start + ring.length;
    if (ring.lineage !== lineage || f !== filter || end < scanned) {
      lineage = ring.lineage;
      filter = f;
      head = 0;
      tail = 0;
      gone = 0;
      scanned = ring.start;
      id = ++viewIds;
    }
    while (head < tail && (positions[head] as number) < ring.start) {
      head++;
      gone++;
    }
    ringScan(ring, Math.max(0, scanned - ring.start), ring.length, (chunk, slot, i) => {
      if (slotPasses(chunk, slot, f)) add(ring.start + i);
      return true;
    });
    scanned = end;
    const rows = positions;
    const first = head;
    const view = fromIndices(ring, tail - head, (i) => (rows[first + i] as number) - ring.start, id, gone);
    last = { ring, filter: f, view };
    return view;
  };
}
