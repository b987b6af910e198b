// One session's traffic log as pure functions: engine events become entries in a ring capped by entry
// count and payload bytes; Pause holds new entries (same caps) until Resume. No React, no DOM.
import type { Direction, EngineEvent, EventBatch, StateEvent } from '../../../shared/contract/events';
import type { Protocol, SessionId } from '../../../shared/contract/model';
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
  /** "host:port" the session was asked to reach (a client) or to listen on (a server, UDP). */
  targetOf(id: SessionId): string | undefined;
  /** Absent means a TCP client, the only kind before servers and UDP existed. */
  protocolOf?(id: SessionId): Protocol | undefined;
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

type Row = { tone: SystemTone; text: string };

const withReason = (base: string, event: StateEvent): string =>
  event.error ? `${base}: ${event.error.message}` : base;

function clientStateText(event: StateEvent, target: string | undefined): Row | undefined {
  switch (event.state) {
    case 'connecting':
      return { tone: 'info', text: target ? `Connecting to ${target}…` : 'Connecting…' };
    case 'connected':
      return {
        tone: 'ok',
        text: event.local && event.remote ? `Connected ${event.local} → ${event.remote}` : 'Connected',
      };
    case 'disconnected':
      return {
        tone: 'info',
        text: withReason(target ? `Disconnected from ${target}` : 'Disconnected', event),
      };
    default:
      return undefined;
  }
}

/** Servers and UDP sockets: what matters is where they listen, which `local` says once bound. */
function boundStateText(event: StateEvent, protocol: Protocol): Row | undefined {
  const server = protocol === 'tcp-server';
  const where = event.local ? ` on ${event.local}` : '';
  switch (event.state) {
    case 'connecting':
      return { tone: 'info', text: server ? 'Starting to listen…' : 'Opening…' };
    case 'listening':
    case 'open':
      return { tone: 'ok', text: `${server ? 'Listening' : 'Open'}${where}` };
    case 'disconnected':
      return { tone: 'info', text: withReason(server ? 'Stopped listening' : 'Closed', event) };
    default:
      return undefined;
  }
}

function stateText(event: StateEvent, ctx: LogContext): Row {
  if (event.state === 'error') {
    return { tone: 'error', text: `Error: ${event.error?.message ?? 'the connection failed.'}` };
  }
  const protocol = ctx.protocolOf?.(event.id) ?? 'tcp-client';
  const row =
    protocol === 'tcp-client'
      ? clientStateText(event, event.remote ?? ctx.targetOf(event.id))
      : boundStateText(event, protocol);
  return row ?? { tone: 'info', text: event.state };
}

export const droppedText = (bytes: number): string =>
  `${formatCount(bytes)} bytes not shown (display could not keep up; counters include them)`;

export function toEntry(event: EngineEvent, key: number, ctx: LogContext): LogEntry | undefined {
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
    case 'client-connected':
      return {
        kind: 'system',
        key,
        at: event.at,
        session: event.id,
        tone: 'ok',
        text: `Client ${event.client.peer} connected`,
      };
    case 'client-disconnected':
      return {
        kind: 'system',
        key,
        at: event.at,
        session: event.id,
        tone: event.error ? 'warn' : 'info',
        text: `Client ${event.peer} disconnected${event.error ? `: ${event.error.message}` : ''}`,
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

/** Entries made elsewhere (held for a session before it had a log), appended with this log's keys. */
export function appendEntries(state: LogState, entries: readonly LogEntry[]): LogState {
  if (entries.length === 0) return state;
  let key = state.nextKey;
  const keyed = entries.map((entry) => ({ ...entry, key: key++ }));
  return append({ ...state, nextKey: key }, keyed);
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
