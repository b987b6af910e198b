// Every session's own traffic log, as pure functions: a batch's entries are routed to the UI session
// that owns their engine session; entries of an engine session nobody owns yet wait, bounded.
//
// Caps are per session: a flood on one board never evicts another session's history, and a bench
// has a handful of sessions, not hundreds. Pause and Clear log act on one session's log too.
import type { EventBatch } from '../../../shared/contract/events';
import type { SessionId } from '../../../shared/contract/model';
import {
  appendEntries,
  appendSystem,
  createLogState,
  DEFAULT_LIMITS,
  type LogBuffer,
  type LogContext,
  type LogEntry,
  type LogLimits,
  type LogState,
  pushCapped,
  type SystemEntry,
  toEntry,
} from './log-reducer';
import { emptyRing, ringToArray } from './log-ring';

export interface SessionLogs {
  /** By UI session id. */
  logs: Record<string, LogState>;
  /**
   * By engine session id: entries of an engine session no UI session owns yet (its open() has not
   * answered, or another window opened it and the next resync adopts it).
   */
  pending: Record<SessionId, LogBuffer>;
  limits: LogLimits;
}

export interface RoutingContext extends LogContext {
  /** The UI session whose log an engine session's entries belong to. */
  ownerOf(id: SessionId): string | undefined;
}

/** A race with open() lasts milliseconds; another window's session waits until the next resync. */
const PENDING_LIMITS: LogLimits = { maxEntries: 2000, maxBytes: 4 * 1024 * 1024 };
const MAX_PENDING_SESSIONS = 32;

/** The log of a session that has not logged anything yet; shared, so selectors stay stable. */
export const EMPTY_LOG: LogState = createLogState();

export function createSessionLogs(limits: LogLimits = DEFAULT_LIMITS): SessionLogs {
  return { logs: {}, pending: {}, limits };
}

export const logOf = (state: SessionLogs, uiId: string): LogState => state.logs[uiId] ?? EMPTY_LOG;

const fresh = (state: SessionLogs, uiId: string): LogState =>
  state.logs[uiId] ?? createLogState(state.limits);

/** One batch: one new state, whatever number of sessions it touches (or the same state if none). */
export function routeBatch(state: SessionLogs, batch: EventBatch, ctx: RoutingContext): SessionLogs {
  const owned = new Map<string, LogEntry[]>();
  const waiting = new Map<SessionId, LogEntry[]>();
  for (const event of batch.events) {
    const entry = toEntry(event, 0, ctx);
    if (!entry?.session) continue;
    const owner = ctx.ownerOf(entry.session);
    const [groups, key] = owner === undefined ? [waiting, entry.session] : [owned, owner];
    const group = groups.get(key);
    if (group) group.push(entry);
    else groups.set(key, [entry]);
  }
  if (owned.size === 0 && waiting.size === 0) return state;
  let logs = state.logs;
  if (owned.size > 0) {
    logs = { ...logs };
    for (const [uiId, entries] of owned) logs[uiId] = appendEntries(fresh(state, uiId), entries);
  }
  let pending = state.pending;
  if (waiting.size > 0) {
    pending = { ...pending };
    for (const [engineId, entries] of waiting) {
      const buffer = pending[engineId] ?? { ring: emptyRing<LogEntry>(), bytes: 0 };
      pending[engineId] = pushCapped(buffer, entries, PENDING_LIMITS).buffer;
    }
    const ids = Object.keys(pending);
    for (const id of ids.slice(0, Math.max(0, ids.length - MAX_PENDING_SESSIONS))) delete pending[id];
  }
  return { ...state, logs, pending };
}

/**
 * After the sessions changed: waiting entries whose engine session now has an owner move into its
 * log (in arrival order, before anything newer), and the logs of closed sessions are let go.
 */
export function reconcileLogs(
  state: SessionLogs,
  ownerOf: (id: SessionId) => string | undefined,
  isSession: (uiId: string) => boolean,
): SessionLogs {
  let next = state;
  for (const engineId of Object.keys(state.pending)) {
    const owner = ownerOf(engineId);
    if (owner === undefined) continue;
    const buffer = state.pending[engineId] as LogBuffer;
    const pending = { ...next.pending };
    delete pending[engineId];
    const log = appendEntries(fresh(next, owner), ringToArray(buffer.ring));
    next = { ...next, pending, logs: { ...next.logs, [owner]: log } };
  }
  const gone = Object.keys(next.logs).filter((uiId) => !isSession(uiId));
  if (gone.length > 0) {
    const logs = { ...next.logs };
    for (const uiId of gone) delete logs[uiId];
    next = { ...next, logs };
  }
  return next;
}

/** Apply one single-log reducer to one session's log. */
export function updateLog(state: SessionLogs, uiId: string, fn: (log: LogState) => LogState): SessionLogs {
  const before = fresh(state, uiId);
  const after = fn(before);
  return after === state.logs[uiId] ? state : { ...state, logs: { ...state.logs, [uiId]: after } };
}

export const appendSystemTo = (
  state: SessionLogs,
  uiId: string,
  row: Omit<SystemEntry, 'kind' | 'key'>,
): SessionLogs => updateLog(state, uiId, (log) => appendSystem(log, row));
