// The traffic log as pure functions: engine batches become entries in a ring capped by entry count
// and payload bytes; Pause holds new entries (same caps) until Resume. No React, no DOM.
import type { Direction, EngineEvent, EventBatch, StateEvent } from '../../../shared/contract/events';
import type { SessionId } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { emptyRing, type Ring, ringAt, ringDropFront, ringPush } from './log-ring';

export interface DataEntry {
  kind: 'data';
  /** Stable and increasing: the list's React key and the virtualizer's anchor. */
  key: number;
  at: number;
  session: SessionId;
  dir: Direction;
  peer: string;
  /** The raw bytes: text is decoded at render time with the current "Decode as". */
  bytes: Uint8Array;
}

export type SystemTone = 'info' | 'ok' | 'warn' | 'error';

export interface SystemEntry {
  kind: 'system';
  key: number;
  at: number;
  session?: SessionId;
  tone: SystemTone;
  text: string;
}

export type LogEntry = DataEntry | SystemEntry;

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

export interface LogState {
  shown: LogBuffer;
  paused: boolean;
  /** Entries that arrived while paused, shown on Resume. */
  held: LogBuffer;
  /** What fell out of `held` because the pause outlasted the caps. */
  heldLost: { entries: number; bytes: number };
  nextKey: number;
  limits: LogLimits;
}

/** What the log needs to know about sessions to word its rows. */
export interface LogContext {
  /** "host:port" the session was asked to reach. */
  targetOf(id: SessionId): string | undefined;
}

const emptyBuffer = (): LogBuffer => ({ ring: emptyRing(), bytes: 0 });

export function createLogState(limits: LogLimits = DEFAULT_LIMITS): LogState {
  return {
    shown: emptyBuffer(),
    paused: false,
    held: emptyBuffer(),
    heldLost: { entries: 0, bytes: 0 },
    nextKey: 1,
    limits,
  };
}

const sizeOf = (entry: LogEntry): number => (entry.kind === 'data' ? entry.bytes.byteLength : 0);

/** Append, then evict the oldest until both caps hold; the newest entry always stays. */
function pushCapped(
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

function append(state: LogState, entries: readonly LogEntry[]): LogState {
  if (entries.length === 0) return state;
  if (!state.paused) return { ...state, shown: pushCapped(state.shown, entries, state.limits).buffer };
  const { buffer, evicted } = pushCapped(state.held, entries, state.limits);
  return {
    ...state,
    held: buffer,
    heldLost: {
      entries: state.heldLost.entries + evicted.entries,
      bytes: state.heldLost.bytes + evicted.bytes,
    },
  };
}

function stateText(event: StateEvent, ctx: LogContext): { tone: SystemTone; text: string } {
  const target = event.remote ?? ctx.targetOf(event.id);
  switch (event.state) {
    case 'connecting':
      return { tone: 'info', text: target ? `Connecting to ${target}…` : 'Connecting…' };
    case 'connected':
      return {
        tone: 'ok',
        text: event.local && event.remote ? `Connected ${event.local} → ${event.remote}` : 'Connected',
      };
    case 'disconnected': {
      const base = target ? `Disconnected from ${target}` : 'Disconnected';
      return { tone: 'info', text: event.error ? `${base}: ${event.error.message}` : base };
    }
    case 'error':
      return { tone: 'error', text: `Error: ${event.error?.message ?? 'the connection failed.'}` };
  }
}

export const droppedText = (bytes: number): string =>
  `${formatCount(bytes)} bytes not shown (display could not keep up; counters include them)`;

function toEntry(event: EngineEvent, key: number, ctx: LogContext): LogEntry | undefined {
  switch (event.type) {
    case 'data':
      return {
        kind: 'data',
        key,
        at: event.at,
        session: event.id,
        dir: event.dir,
        peer: event.peer,
        bytes: event.bytes,
      };
    case 'state':
      return { kind: 'system', key, at: event.at, session: event.id, ...stateText(event, ctx) };
    case 'dropped':
      return {
        kind: 'system',
        key,
        at: event.at,
        session: event.id,
        tone: 'warn',
        text: droppedText(event.bytes),
      };
    default:
      return undefined;
  }
}

/** One batch in, one new state out (or the same state when the batch adds nothing to the log). */
export function applyBatch(state: LogState, batch: EventBatch, ctx: LogContext): LogState {
  const entries: LogEntry[] = [];
  let key = state.nextKey;
  for (const event of batch.events) {
    const entry = toEntry(event, key, ctx);
    if (entry) {
      entries.push(entry);
      key++;
    }
  }
  if (entries.length === 0) return state;
  return append({ ...state, nextKey: key }, entries);
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
  return { ...state, shown: emptyBuffer(), held: emptyBuffer(), heldLost: { entries: 0, bytes: 0 } };
}

export const entryAt = (state: LogState, index: number): LogEntry | undefined =>
  ringAt(state.shown.ring, index);
