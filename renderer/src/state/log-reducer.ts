// One session's traffic log as pure functions: engine events become entries in a ring capped by entry
// count and payload bytes; Pause holds new entries (same caps) until Resume; Log data off counts
// data without keeping it. No React, no DOM.
import type { DecodeAs } from '../../../shared/codec/display';
import type { EventBatch } from '../../../shared/contract/events';
import type { SessionId } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { t } from '../i18n';
import { type LogContext, type LogEntry, type SystemEntry, type SystemTone, toEntry } from './log-entry';
import {
  type Chunk,
  emptyRing,
  type Ring,
  ringAt,
  ringDropFront,
  ringKeyAt,
  ringPush,
  ringScan,
  ringToArray,
  TAG_OBJECT,
} from './log-ring';

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

/**
 * A million entries (a day of a board reporting every 100 ms), as long as their payloads fit in 96 MiB:
 * beyond either, the oldest go. Each entry costs about 30 bytes besides its payload (log-ring.ts).
 */
export const DEFAULT_LIMITS: LogLimits = { maxEntries: 1_000_000, maxBytes: 96 * 1024 * 1024 };

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

/** Payload bytes of the item in a slot, without making the entry (data keeps its length). */
const slotSize = (chunk: Chunk<LogEntry>, slot: number): number =>
  chunk.tags[slot] === TAG_OBJECT ? sizeOf(chunk.read(slot)) : (chunk.lens[slot] as number);

/**
 * Append (keyed from `firstKey` when given), then evict the oldest until both caps hold; the newest
 * entry always stays.
 */
export function pushCapped(
  buffer: LogBuffer,
  entries: readonly LogEntry[],
  limits: LogLimits,
  firstKey?: number,
): { buffer: LogBuffer; evicted: { entries: number; bytes: number } } {
  let ring = ringPush(buffer.ring, entries, firstKey);
  let bytes = buffer.bytes;
  for (const entry of entries) bytes += sizeOf(entry);
  let drop = 0;
  let dropBytes = 0;
  const over = () => ring.length - drop > limits.maxEntries || bytes - dropBytes > limits.maxBytes;
  if (over()) {
    ringScan(ring, 0, ring.length - 1, (chunk, slot) => {
      dropBytes += slotSize(chunk, slot);
      drop++;
      return over();
    });
    ring = ringDropFront(ring, drop);
  }
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

function append(state: LogState, entries: readonly LogEntry[], firstKey?: number): LogState {
  if (entries.length === 0) return state;
  if (!state.paused) {
    const { buffer, evicted } = pushCapped(state.shown, entries, state.limits, firstKey);
    return { ...state, shown: buffer, gaps: withEvicted(state.gaps, evicted.bytes) };
  }
  const { buffer, evicted } = pushCapped(state.held, entries, state.limits, firstKey);
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
  // The ring stores each entry under its new key: no copy of the entries is made for it.
  const next = { ...counted, nextKey: counted.nextKey + kept.length, gaps: withDropped(counted.gaps, kept) };
  return append(next, kept, counted.nextKey);
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
  const waiting = ringToArray(state.held.ring);
  let nextKey = state.nextKey;
  if (state.heldLost.entries > 0) {
    waiting.push({
      kind: 'system',
      key: nextKey++,
      at: now,
      tone: 'warn',
      text: t('log.sys.pauseOverflow', {
        entries: formatCount(state.heldLost.entries),
        bytes: formatCount(state.heldLost.bytes),
      }),
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
    ? t('log.sys.logDataOn', {
        entries: formatCount(state.unlogged.entries),
        bytes: formatCount(state.unlogged.bytes),
      })
    : t('log.sys.logDataOff');
  const next: LogState = { ...state, logData: on, unlogged: { entries: 0, bytes: 0 } };
  return appendSystem(next, { text, tone: 'info', at: now });
}

/** Show one entry another way (`undefined`: as the log's Decode as again). */
export function setEntryView(state: LogState, key: number, view: EntryView | undefined): LogState {
  if (state.views[key] === view) return state;
  // Keys of entries the caps evicted go with the change, so the record stays as small as the log.
  const first = ringKeyAt(state.shown.ring, 0) ?? state.nextKey;
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
