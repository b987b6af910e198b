// Which entries the log shows: received data, sent data, system rows. Pure.
import type { LogEntry } from './log-reducer';
import { type Ring, ringAt } from './log-ring';

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

/**
 * Ring indices of the entries the filter lets through, in order; undefined when it lets all through,
 * so the common case costs nothing per batch.
 */
export function visibleIndices(ring: Ring<LogEntry>, f: LogFilter): number[] | undefined {
  if (!isFiltering(f)) return undefined;
  const out: number[] = [];
  for (let i = 0; i < ring.length; i++) if (passes(ringAt(ring, i) as LogEntry, f)) out.push(i);
  return out;
}

/** The log as the user sees it: `count` rows, row `i` being `at(i)`. */
export interface LogView {
  count: number;
  at(i: number): LogEntry | undefined;
}

export function logView(ring: Ring<LogEntry>, indices: readonly number[] | undefined): LogView {
  if (!indices) return { count: ring.length, at: (i) => ringAt(ring, i) };
  return { count: indices.length, at: (i) => ringAt(ring, indices[i] ?? -1) };
}

/** Ring index of the entry with `key` (keys increase along the ring), or -1. */
export function indexOfKey(ring: Ring<LogEntry>, key: number): number {
  let lo = 0;
  let hi = ring.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = (ringAt(ring, mid) as LogEntry).key;
    if (at === key) return mid;
    if (at < key) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
