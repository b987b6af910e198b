// The sessions' zustand store: the pure reducers of sessions-reducer.ts behind one setState each.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { EventBatch } from '../../../shared/contract/events';
import type { CaptureStatus, ErrorInfo, FramingSpec, SessionSnapshot } from '../../../shared/contract/model';
import type { AutomationView } from './automation-view';
import {
  addSession,
  applyEngineBatch,
  applySnapshot,
  beginOpen,
  captureChanged,
  countersReset,
  createSessionsState,
  detach,
  framingApplied,
  openFailed,
  openSucceeded,
  removeSession,
  renameSession,
  requestClose,
  type SessionSettings,
  type SessionsState,
  selectSession,
  setSendTo,
  updateAutomation,
  updateSettings,
} from './sessions-reducer';

export interface SessionsStore extends StoreApi<SessionsState> {
  applyBatch(batch: EventBatch): void;
  applySnapshot(snapshots: readonly SessionSnapshot[]): void;
  /** Adds a session with these settings (default: empty ones) and makes it active; returns its id. */
  add(settings?: SessionSettings): string;
  remove(id: string): void;
  select(id: string): void;
  rename(id: string, name: string): void;
  setSendTo(id: string, peer: string): void;
  updateSettings(id: string, change: Partial<SessionSettings>): void;
  beginOpen(id: string, target: string): void;
  openSucceeded(id: string, snapshot: SessionSnapshot): void;
  openFailed(id: string, error: ErrorInfo): void;
  requestClose(id: string): void;
  detach(id: string): void;
  framingApplied(id: string, framing: FramingSpec): void;
  captureChanged(id: string, capture: CaptureStatus): void;
  countersReset(id: string): void;
  updateAutomation(id: string, fn: (view: AutomationView) => AutomationView): void;
}

export function createSessionsStore(initial?: SessionSettings): SessionsStore {
  const store = createStore<SessionsState>()(() => createSessionsState(initial));
  const update = (fn: (s: SessionsState) => SessionsState) => store.setState(fn, true);
  return {
    ...store,
    applyBatch: (batch) => update((s) => applyEngineBatch(s, batch)),
    applySnapshot: (snapshots) => update((s) => applySnapshot(s, snapshots)),
    add: (settings) => {
      update((s) => addSession(s, settings));
      return store.getState().activeId;
    },
    remove: (id) => update((s) => removeSession(s, id)),
    select: (id) => update((s) => selectSession(s, id)),
    rename: (id, name) => update((s) => renameSession(s, id, name)),
    setSendTo: (id, peer) => update((s) => setSendTo(s, id, peer)),
    updateSettings: (id, change) => update((s) => updateSettings(s, id, change)),
    beginOpen: (id, target) => update((s) => beginOpen(s, id, target)),
    openSucceeded: (id, snapshot) => update((s) => openSucceeded(s, id, snapshot)),
    openFailed: (id, error) => update((s) => openFailed(s, id, error)),
    requestClose: (id) => update((s) => requestClose(s, id)),
    detach: (id) => update((s) => detach(s, id)),
    framingApplied: (id, framing) => update((s) => framingApplied(s, id, framing)),
    captureChanged: (id, capture) => update((s) => captureChanged(s, id, capture)),
    countersReset: (id) => update((s) => countersReset(s, id)),
    updateAutomation: (id, fn) => update((s) => updateAutomation(s, id, fn)),
  };
}
