// The traffic log's zustand store: the pure reducers of log-reducer.ts behind one setState each,
// so React sees exactly one update per engine batch.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventBatch } from '../../../shared/contract/events';
import {
  appendSystem,
  applyBatch,
  clear,
  createLogState,
  type LogContext,
  type LogLimits,
  type LogState,
  pause,
  resume,
  type SystemEntry,
} from './log-reducer';

export interface LogStore extends StoreApi<LogState> {
  applyBatch(batch: EventBatch, ctx: LogContext): void;
  appendSystem(row: Omit<SystemEntry, 'kind' | 'key'>): void;
  pause(): void;
  resume(): void;
  clear(): void;
}

export function createLogStore(limits?: LogLimits, now: () => number = Date.now): LogStore {
  const store = createStore<LogState>()(() => createLogState(limits));
  return {
    ...store,
    applyBatch: (batch, ctx) => store.setState((s) => applyBatch(s, batch, ctx), true),
    appendSystem: (row) => store.setState((s) => appendSystem(s, row), true),
    pause: () => store.setState((s) => pause(s), true),
    resume: () => store.setState((s) => resume(s, now()), true),
    clear: () => store.setState((s) => clear(s), true),
  };
}
