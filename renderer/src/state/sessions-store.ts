// The sessions' zustand store: the pure reducers of sessions-reducer.ts behind one setState each.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventBatch } from '../../../shared/contract/events';
import type { ErrorInfo, SessionSnapshot } from '../../../shared/contract/model';
import {
  applyEngineBatch,
  applySnapshot,
  beginOpen,
  createSessionsState,
  detach,
  openFailed,
  openSucceeded,
  requestClose,
  type SessionSettings,
  type SessionsState,
  updateSettings,
} from './sessions-reducer';

export interface SessionsStore extends StoreApi<SessionsState> {
  applyBatch(batch: EventBatch): void;
  applySnapshot(snapshots: readonly SessionSnapshot[]): void;
  updateSettings(id: string, change: Partial<SessionSettings>): void;
  beginOpen(id: string, target: string): void;
  openSucceeded(id: string, snapshot: SessionSnapshot): void;
  openFailed(id: string, error: ErrorInfo): void;
  requestClose(id: string): void;
  detach(id: string): void;
}

export function createSessionsStore(initial?: SessionSettings): SessionsStore {
  const store = createStore<SessionsState>()(() => createSessionsState(initial));
  const update = (fn: (s: SessionsState) => SessionsState) => store.setState(fn, true);
  return {
    ...store,
    applyBatch: (batch) => update((s) => applyEngineBatch(s, batch)),
    applySnapshot: (snapshots) => update((s) => applySnapshot(s, snapshots)),
    updateSettings: (id, change) => update((s) => updateSettings(s, id, change)),
    beginOpen: (id, target) => update((s) => beginOpen(s, id, target)),
    openSucceeded: (id, snapshot) => update((s) => openSucceeded(s, id, snapshot)),
    openFailed: (id, error) => update((s) => openFailed(s, id, error)),
    requestClose: (id) => update((s) => requestClose(s, id)),
    detach: (id) => update((s) => detach(s, id)),
  };
}
