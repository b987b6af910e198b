// The sessions' traffic logs as one zustand store: the pure reducers of session-logs.ts and
// log-reducer.ts behind one setState each, so React sees exactly one update per engine batch.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventBatch } from '../../../shared/contract/events';
import type { SessionId } from '../../../shared/contract/model';
import {
  clear,
  type EntryView,
  type LogLimits,
  pause,
  resume,
  type SystemEntry,
  setEntryView,
  setLogData,
  setSelected,
} from './log-reducer';
import {
  appendSystemTo,
  createSessionLogs,
  type RoutingContext,
  reconcileLogs,
  routeBatch,
  type SessionLogs,
  updateLog,
} from './session-logs';

export interface LogStore extends StoreApi<SessionLogs> {
  applyBatch(batch: EventBatch, ctx: RoutingContext): void;
  /** A row the UI writes itself, into one session's log. */
  appendSystem(uiId: string, row: Omit<SystemEntry, 'kind' | 'key'>): void;
  pause(uiId: string): void;
  resume(uiId: string): void;
  clear(uiId: string): void;
  setLogData(uiId: string, on: boolean): void;
  setEntryView(uiId: string, key: number, view: EntryView | undefined): void;
  setSelected(uiId: string, keys: readonly number[]): void;
  /** Claim waiting entries for their new owners and drop the logs of closed sessions. */
  reconcile(ownerOf: (id: SessionId) => string | undefined, isSession: (uiId: string) => boolean): void;
}

/** `limits` apply to each session's log. */
export function createLogStore(limits?: LogLimits, now: () => number = Date.now): LogStore {
  const store = createStore<SessionLogs>()(() => createSessionLogs(limits));
  const update = (fn: (s: SessionLogs) => SessionLogs) => store.setState(fn, true);
  return {
    ...store,
    applyBatch: (batch, ctx) => update((s) => routeBatch(s, batch, ctx)),
    appendSystem: (uiId, row) => update((s) => appendSystemTo(s, uiId, row)),
    pause: (uiId) => update((s) => updateLog(s, uiId, pause)),
    resume: (uiId) => update((s) => updateLog(s, uiId, (log) => resume(log, now()))),
    clear: (uiId) => update((s) => updateLog(s, uiId, clear)),
    setLogData: (uiId, on) => update((s) => updateLog(s, uiId, (log) => setLogData(log, on, now()))),
    setEntryView: (uiId, key, view) =>
      update((s) => updateLog(s, uiId, (log) => setEntryView(log, key, view))),
    setSelected: (uiId, keys) => update((s) => updateLog(s, uiId, (log) => setSelected(log, keys))),
    reconcile: (ownerOf, isSession) => update((s) => reconcileLogs(s, ownerOf, isSession)),
  };
}
