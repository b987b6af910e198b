// One session's traffic log as pure functions: engine events become entries in a ring capped by entry
// count and payload bytes; Pause holds new entries (same caps) until Resume; Log data off counts
// data without keeping it. No React, no DOM.
import type { DecodeAs } from '../../../shared/codec/display';
import type { EventBatch } from '../../../shared/contract/events';
import type { SessionId } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { type LogContext, type LogEntry, type SystemEntry, type SystemTone, toEntry } from './log-entry';
import { emptyRing, type Ring, ringAt, ringDropFront, ringPush } from './log-ring';

export {
  type DataEntry,
  droppedText,
  type ExchangeEntry,
  type LogContext,
  type LogEntry,
  type SystemEntry,
  type SystemTone,
  toEntry,
} from './log-entry';

export interface LogLimits {
  maxEntries: number;
  maxBytes: number;
}

/** Large enough for a long soak at a few kB/s, small enough to stay light in a browser tab. */
export const DEFAULT_LIMITS: LogLimits = { maxEntries: 100_000, maxBytes: 64 * 1024 * 1024 };

export interface LogBuffer {
  ring: Ring<LogEntry>;
  /** Payload bytes held by the ring's data entries. */
  bytes: number;
}

/** How one entry is shown instead of the log's Decode as: another decoding, or a hex dump. */
export type EntryView = DecodeAs | 'dump';

/** Bytes that crossed the wire since the last Clear log but that this log does not hold. */
export interface LogGaps {
  /** Dropped before reaching the display. */
  dropped: number;
  /** Evicted by the caps, or lost from a pause that outlasted them. */
  evicted: number;
  /** Not kept because Log data was off. */
  unlogged: number;
}

export interface LogState {
  shown: LogBuffer;
  paused: boolean;
  /** Entries that arrived while paused, shown on Resume. */
  held: LogBuffer;
  /** What fell out of `held` because the pause outlasted the caps. */
  heldLost: { entries: number; bytes: number };
  nextKey: number;
  limits: LogLimits;
  /** SocketTester's option: off keeps counting (in the engine) but logs no data entries. */
  logData: boolean;
  /** Data entries skipped since Log data was last turned off. */
  unlogged: { entries: number; bytes: number };
  gaps: LogGaps;
  /** Entries shown otherwise than the log's Decode as, by key. */
  views: Readonly<Record<number, EntryView>>;
  /** Keys of the entries selected for the checksum calculator, in log order. */
  selected: readonly number[];
}

const emptyBuffer = (): LogBuffer => ({ ring: emptyRing(), bytes: 0 });
const NO_GAPS: LogGaps = { dropped: 0, evicted: 0, unlogged: 0 };
const NO_VIEWS: Readonly<Record<number, EntryView>> = {};
const NONE_SELECTED: readonly number[] = [];

export function createLogState(limits: LogLimits = DEFAULT_LIMITS): LogState {
  return {
    shown: emptyBuffer(),
    paused: false,
    held: emptyBuffer(),
    heldLost: { entries: 0, bytes: 0 },
    nextKey: 1,
    limits,
    logData: true,
    unlogged: { entries: 0, bytes: 0 },
    gaps: NO_GAPS,
    views: NO_VIEWS,
    selected: NONE_SELECTED,
  };
}

/** Exchange rows hold their expected and actual bytes, so they count against the byte cap too. */
const sizeOf = (entry: LogEntry): number =>
  entry.kind === 'data'
    ? entry.bytes.byteLength
    : entry.kind === 'exchange'
      ? (entry.result.expected?.byteLength ?? 0) + (entry.result.actual?.byteLength ?? 0)
      : 0;

/** Append, then evict the oldest until both caps hold; the newest entry always stays. */
export function pushCapped(
  buffer: LogBuffer,
  entries: readonly LogEntry[],
  limits: LogLimits,
): { buffer: LogBuffer; evicted: { entries: number; bytes: number } } {
  let ring = ringPush(buffer.ring, entries);
  let bytes = buffer.bytes;
  for (const entry of entries) bytes += sizeOf(entry);
  let drop = 0;
  let dropBytes = 0;
  while (
    ring.length - drop > 1 &&
    (ring.length - drop > limits.maxEntries || bytes - dropBytes > limits.maxBytes)
  ) {
    dropBytes += sizeOf(ringAt(ring, drop) as LogEntry);
    drop++;
  }
  ring = ringDropFront(ring, drop);
  return { buffer: { ring, bytes: bytes - dropBytes }, evicted: { entries: drop, bytes: dropBytes } };
}

const withEvicted = (gaps: LogGaps, bytes: number): LogGaps =>
  bytes === 0 ? gaps : { ...gaps, evicted: gaps.evicted + bytes };

/** New arrivals only: a dropped row moved from `held` on Resume was counted when it came. */
function withDropped(gaps: LogGaps, entries: readonly LogEntry[]): LogGaps {
  let dropped = 0;
  for (const entry of entries) if (entry.kind === 'system' && entry.dropped) dropped += entry.dropped;
  return dropped === 0 ? gaps : { ...gaps, dropped: gaps.dropped + dropped };
}

function append(state: LogState, entries: readonly LogEntry[]): LogState {
  if (entries.length === 0) return state;
  if (!state.paused) {
    const { buffer, evicted } = pushCapped(state.shown, entries, state.limits);
    return { ...state, shown: buffer, gaps: withEvicted(state.gaps, evicted.bytes) };
  }
  const { buffer, evicted } = pushCapped(state.held, entries, state.limits);
  return {
    ...state,
    held: buffer,
    heldLost: {
      entries: state.heldLost.entries + evicted.entries,
      bytes: state.heldLost.bytes + evicted.bytes,
    },
    gaps: withEvicted(state.gaps, evicted.bytes),
  };
}

/** With Log data off, data entries are counted here and go no further. */
function unloggedOut(state: LogState, entries: readonly LogEntry[]): [LogState, readonly LogEntry[]] {
  if (state.logData) return [state, entries];
  const kept: LogEntry[] = [];
  let count = 0;
  let bytes = 0;
  for (const entry of entries) {
    if (entry.kind === 'data') {
      count++;
      bytes += entry.bytes.byteLength;
    } else {
      kept.push(entry);
    }
  }
  if (count === 0) return [state, entries];
  return [
    {
      ...state,
      unlogged: { entries: state.unlogged.entries + count, bytes: state.unlogged.bytes + bytes },
      gaps: { ...state.gaps, unlogged: state.gaps.unlogged + bytes },
    },
    kept,
  ];
}

/** One batch in, one new state out (or the same state when the batch adds nothing to the log). */
export function applyBatch(state: LogState, batch: EventBatch, ctx: LogContext): LogState {
  const entries: LogEntry[] = [];
  for (const event of batch.events) {
    const entry = toEntry(event, 0, ctx);
    if (entry) entries.push(entry);
  }
  return appendEntries(state, entries);
}

/** Entries made elsewhere (held for a session before it had a log), appended with this log's keys. */
export function appendEntries(state: LogState, entries: readonly LogEntry[]): LogState {
  const [counted, kept] = unloggedOut(state, entries);
  if (kept.length === 0) return counted;
  let key = counted.nextKey;
  const keyed = kept.map((entry) => ({ ...entry, key: key++ }));
  return append({ ...counted, nextKey: key, gaps: withDropped(counted.gaps, kept) }, keyed);
}

/** A row the UI itself writes (a request the engine refused, the engine link coming back ...). */
export function appendSystem(
  state: LogState,
  row: { text: string; tone: SystemTone; at: number; session?: SessionId },
): LogState {
  const entry: SystemEntry = { kind: 'system', key: state.nextKey, ...row };
  return append({ ...state, nextKey: state.nextKey + 1 }, [entry]);
}

export function pause(state: LogState): LogState {
  return state.paused ? state : { ...state, paused: true };
}

/** Show what waited, in arrival order, and say so if the pause outlasted the caps. */
export function resume(state: LogState, now: number): LogState {
  if (!state.paused) return state;
  const waiting: LogEntry[] = [];
  for (let i = 0; i < state.held.ring.length; i++) waiting.push(ringAt(state.held.ring, i) as LogEntry);
  let nextKey = state.nextKey;
  if (state.heldLost.entries > 0) {
    waiting.push({
      kind: 'system',
      key: nextKey++,
      at: now,
      tone: 'warn',
      text: `${formatCount(state.heldLost.entries)} entries (${formatCount(state.heldLost.bytes)} bytes) that arrived while paused are not shown: the pause outlasted the log's limits (counters include them)`,
    });
  }
  const base: LogState = {
    ...state,
    paused: false,
    held: emptyBuffer(),
    heldLost: { entries: 0, bytes: 0 },
    nextKey,
  };
  return append(base, waiting);
}

export function clear(state: LogState): LogState {
  return {
    ...state,
    shown: emptyBuffer(),
    held: emptyBuffer(),
    heldLost: { entries: 0, bytes: 0 },
    unlogged: { entries: 0, bytes: 0 },
    gaps: NO_GAPS,
    views: NO_VIEWS,
    selected: NONE_SELECTED,
  };
}

/** Log data on or off, with a row saying so (and, when back on, how much went unlogged). */
export function setLogData(state: LogState, on: boolean, now: number): LogState {
  if (state.logData === on) return state;
  const text = on
    ? `Log data is on again (${formatCount(state.unlogged.entries)} data entries, ${formatCount(state.unlogged.bytes)} bytes were counted but not logged)`
    : 'Log data is off: data is counted (RX / TX) but not logged';
  const next: LogState = { ...state, logData: on, unlogged: { entries: 0, bytes: 0 } };
  return appendSystem(next, { text, tone: 'info', at: now });
}

/** Show one entry another way (`undefined`: as the log's Decode as again). */
export function setEntryView(state: LogState, key: number, view: EntryView | undefined): LogState {
  if (state.views[key] === view) return state;
  // Keys of entries the caps evicted go with the change, so the record stays as small as the log.
  const first = ringAt(state.shown.ring, 0)?.key ?? state.nextKey;
  const views: Record<number, EntryView> = {};
  for (const [k, v] of Object.entries(state.views)) if (Number(k) >= first) views[Number(k)] = v;
  if (view === undefined) delete views[key];
  else views[key] = view;
  return { ...state, views };
}

export function setSelected(state: LogState, keys: readonly number[]): LogState {
  const sorted = [...new Set(keys)].sort((a, b) => a - b);
  const same = sorted.length === state.selected.length && sorted.every((k, i) => state.selected[i] === k);
  return same ? state : { ...state, selected: sorted.length === 0 ? NONE_SELECTED : sorted };
}

export const entryAt = (state: LogState, index: number): LogEntry | undefined =>
  ringAt(state.shown.ring, index);
