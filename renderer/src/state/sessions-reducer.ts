// What the engine says about the UI's sessions, as pure functions: open() answers, event batches
// and list() snapshots. Each UI session drives at most one engine session at a time.
import type { EventBatch } from '../../../shared/contract/events';
import type {
  CaptureStatus,
  ErrorInfo,
  FramingSpec,
  Protocol,
  SessionId,
  SessionSnapshot,
} from '../../../shared/contract/model';
import { zeroCounters } from '../../../shared/contract/model';
import { type AutomationView, NO_AUTOMATION } from './automation-view';
import { applyToView, NO_PENDING, viewOfSnapshot } from './engine-view';
import {
  addSession,
  afterClose,
  MAX_UNCLAIMED,
  own,
  patch,
  pruned,
  type SessionsState,
  type UiSession,
} from './sessions-state';
import { settingsFromConfig } from './settings';

export type { EngineView } from './engine-view';
export * from './sessions-state';
export { defaultSettings, type SessionSettings, targetOfConfig } from './settings';

/** Connect / Listen / Open pressed: the previous engine session (if any) is let go; a new one comes. */
export function beginOpen(
  state: SessionsState,
  id: string,
  target: string,
  protocol: Protocol = state.sessions[id]?.settings.protocol ?? 'tcp-client',
): SessionsState {
  return patch(state, id, {
    engineId: undefined,
    opening: true,
    closeRequested: false,
    protocol,
    state: 'connecting',
    error: undefined,
    local: undefined,
    remote: undefined,
    counters: zeroCounters(),
    target,
    clients: [],
    sendTo: '',
    openedAt: undefined,
    framing: undefined,
    capture: undefined,
    pending: NO_PENDING,
    attempt: undefined,
    nextAttemptAt: undefined,
    receiveBuffer: undefined,
    automation: undefined,
  });
}

/** A change the UI itself makes to a session's automation view (a task started, counters reset). */
export function updateAutomation(
  state: SessionsState,
  id: string,
  fn: (view: AutomationView) => AutomationView,
): SessionsState {
  const current = state.sessions[id];
  if (!current) return state;
  const before = current.automation ?? NO_AUTOMATION;
  const after = fn(before);
  return after === before ? state : patch(state, id, { automation: after });
}

/** setFraming answered: the framing now in force. */
export function framingApplied(state: SessionsState, id: string, framing: FramingSpec): SessionsState {
  return patch(state, id, { framing });
}

/** startCapture / stopCapture answered (capture events say the same, maybe later). */
export function captureChanged(state: SessionsState, id: string, capture: CaptureStatus): SessionsState {
  return patch(state, id, { capture });
}

/** resetCounters answered: zero now, before the engine's next counters event says so too. */
export function countersReset(state: SessionsState, id: string): SessionsState {
  return patch(state, id, { counters: zeroCounters() });
}

/** open() answered: attach, preferring what events already told us (they can be newer). */
export function openSucceeded(state: SessionsState, id: string, snapshot: SessionSnapshot): SessionsState {
  if (!state.sessions[id]) return state;
  const heard = state.unclaimed[snapshot.id];
  const unclaimed = { ...state.unclaimed };
  delete unclaimed[snapshot.id];
  const next = { ...state, unclaimed, owners: own(state.owners, snapshot.id, id) };
  if (heard?.closed) {
    const { closed: _closed, ...view } = heard;
    return patch(next, id, { ...view, state: afterClose(view.state), engineId: undefined, opening: false });
  }
  return patch(next, id, { ...(heard ?? viewOfSnapshot(snapshot)), engineId: snapshot.id, opening: false });
}

export function openFailed(state: SessionsState, id: string, error: ErrorInfo): SessionsState {
  return patch(state, id, { opening: false, closeRequested: false, state: 'error', error });
}

export function requestClose(state: SessionsState, id: string): SessionsState {
  return patch(state, id, { closeRequested: true });
}

/** close() answered, or the engine no longer knows the session. */
export function detach(state: SessionsState, id: string): SessionsState {
  const current = state.sessions[id];
  if (!current) return state;
  return patch(state, id, {
    engineId: undefined,
    closeRequested: false,
    state: afterClose(current.state),
    clients: [],
    // The engine's last pending count may come after close() answered, and then goes unheard.
    pending: NO_PENDING,
  });
}

const detached = (ui: UiSession): UiSession => ({
  ...ui,
  engineId: undefined,
  closeRequested: false,
  state: afterClose(ui.state),
  clients: [],
  pending: NO_PENDING,
});

/** Every engine event of one batch, in order, in one new state. */
export function applyEngineBatch(state: SessionsState, batch: EventBatch): SessionsState {
  let sessions = state.sessions;
  let unclaimed = state.unclaimed;
  const byEngine = new Map<SessionId, string>();
  for (const id of state.order) {
    const engineId = state.sessions[id]?.engineId;
    if (engineId) byEngine.set(engineId, id);
  }
  for (const event of batch.events) {
    if (event.type === 'data' || event.type === 'dropped') continue;
    const engineId = event.type === 'session-opened' ? event.session.id : event.id;
    const uiId = byEngine.get(engineId);
    const ui = uiId ? sessions[uiId] : undefined;
    if (uiId && ui) {
      const next = event.type === 'session-closed' ? detached(ui) : applyToView(ui, event);
      if (event.type === 'session-closed') byEngine.delete(engineId);
      if (next !== ui) sessions = { ...sessions, [uiId]: next };
      continue;
    }
    const known = unclaimed[engineId];
    if (event.type === 'session-opened') {
      unclaimed = { ...unclaimed, [engineId]: { ...viewOfSnapshot(event.session), closed: false } };
    } else if (known) {
      const next = event.type === 'session-closed' ? { ...known, closed: true } : applyToView(known, event);
      if (next !== known) unclaimed = { ...unclaimed, [engineId]: next };
    }
  }
  if (sessions === state.sessions && unclaimed === state.unclaimed) return state;
  return { ...state, sessions, unclaimed: pruned(unclaimed, MAX_UNCLAIMED) };
}

/**
 * The engine's list() after a start, reload or reconnect: attached sessions take the snapshot's
 * word (or are detached if the engine forgot them); live engine sessions nobody drives are
 * adopted, the first by the active session when it is idle, the rest as new sessions.
 */
export function applySnapshot(state: SessionsState, snapshots: readonly SessionSnapshot[]): SessionsState {
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  let next: SessionsState = { ...state, sessions: { ...state.sessions } };
  const claimed = new Set<SessionId>();
  for (const id of state.order) {
    const ui = next.sessions[id];
    if (!ui?.engineId) continue;
    const snap = byId.get(ui.engineId);
    if (snap) claimed.add(snap.id);
    next.sessions[id] = snap ? { ...ui, ...viewOfSnapshot(snap) } : detached(ui);
  }
  // An open() still in flight claims its own session when it answers; with none in flight, an
  // unclaimed session is nobody's and is adopted like any other.
  const inFlight = state.order.some((id) => next.sessions[id]?.opening);
  const orphans = snapshots.filter((s) => !claimed.has(s.id) && !(inFlight && state.unclaimed[s.id]));
  const activeId = state.activeId;
  for (const snap of orphans) {
    const active = next.sessions[activeId];
    let adopterId = activeId;
    if (!active || active.engineId || active.opening) {
      next = addSession(next);
      adopterId = next.activeId;
    }
    const adopter = next.sessions[adopterId] as UiSession;
    next.sessions = {
      ...next.sessions,
      [adopterId]: {
        ...adopter,
        ...viewOfSnapshot(snap),
        settings: settingsFromConfig(snap.config, snap.framing),
        engineId: snap.id,
      },
    };
    next.owners = own(next.owners, snap.id, adopterId);
  }
  const unclaimed: SessionsState['unclaimed'] = {};
  for (const id of Object.keys(state.unclaimed)) {
    const snap = byId.get(id);
    if (snap && !orphans.includes(snap)) unclaimed[id] = { ...viewOfSnapshot(snap), closed: false };
  }
  // Adopting never takes the user away from the session they were looking at.
  return { ...next, activeId, unclaimed, synced: true };
}
