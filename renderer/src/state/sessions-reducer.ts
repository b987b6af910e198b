// The UI's sessions as pure functions: each has its settings (as typed), the engine session it drives
// and that session's last known state. Keyed by a UI id, because the engine id only exists once open.
import type { EventBatch } from '../../../shared/contract/events';
import type {
  Counters,
  ErrorInfo,
  Protocol,
  SessionConfig,
  SessionId,
  SessionSnapshot,
  SessionState,
} from '../../../shared/contract/model';
import { zeroCounters } from '../../../shared/contract/model';

/** What the user typed: strings, so "70000" can be shown back with the reason it is refused. */
export interface SessionSettings {
  protocol: Protocol;
  host: string;
  port: string;
  localAddress: string;
  localPort: string;
  connectTimeoutMs: string;
}

/** An engine session as the UI last heard of it. */
export interface EngineView {
  state: SessionState;
  error?: ErrorInfo;
  local?: string;
  remote?: string;
  counters: Counters;
  /** "host:port" it was asked to reach. */
  target: string;
}

export interface UiSession extends EngineView {
  id: string;
  settings: SessionSettings;
  engineId?: SessionId;
  /** An open() is in flight. */
  opening: boolean;
  /** Disconnect was pressed while open() was in flight: close as soon as it answers. */
  closeRequested: boolean;
}

export interface SessionsState {
  sessions: Record<string, UiSession>;
  order: string[];
  activeId: string;
  /**
   * Engine sessions heard of but driven by no UI session: ours whose open() has not answered yet
   * (events can beat the reply), and ones replaced or opened elsewhere. Bounded.
   */
  unclaimed: Record<SessionId, EngineView & { closed: boolean }>;
}

const MAX_UNCLAIMED = 32;

export const defaultSettings = (): SessionSettings => ({
  protocol: 'tcp-client',
  host: '',
  port: '',
  localAddress: '',
  localPort: '',
  connectTimeoutMs: '',
});

export const targetOfConfig = (config: SessionConfig): string =>
  config.host.includes(':') ? `[${config.host}]:${config.port}` : `${config.host}:${config.port}`;

function newSession(id: string, settings: SessionSettings): UiSession {
  return {
    id,
    settings,
    opening: false,
    closeRequested: false,
    state: 'disconnected',
    counters: zeroCounters(),
    target: '',
  };
}

export function createSessionsState(settings: SessionSettings = defaultSettings()): SessionsState {
  const first = newSession('session-1', settings);
  return { sessions: { [first.id]: first }, order: [first.id], activeId: first.id, unclaimed: {} };
}

const viewOf = (s: SessionSnapshot): EngineView => ({
  state: s.state,
  error: s.error,
  local: s.local,
  remote: s.remote,
  counters: s.counters,
  target: targetOfConfig(s.config),
});

const settingsOf = (config: SessionConfig): SessionSettings => ({
  protocol: config.protocol,
  host: config.host,
  port: String(config.port),
  localAddress: config.localAddress ?? '',
  localPort: config.localPort === undefined ? '' : String(config.localPort),
  connectTimeoutMs: config.connectTimeoutMs === undefined ? '' : String(config.connectTimeoutMs),
});

function patch(state: SessionsState, id: string, change: Partial<UiSession>): SessionsState {
  const current = state.sessions[id];
  if (!current) return state;
  return { ...state, sessions: { ...state.sessions, [id]: { ...current, ...change } } };
}

/** A finished engine session is disconnected, or still in error: the UI keeps its last words. */
const afterClose = (state: SessionState): SessionState => (state === 'error' ? 'error' : 'disconnected');

function pruneUnclaimed(unclaimed: SessionsState['unclaimed']): SessionsState['unclaimed'] {
  const ids = Object.keys(unclaimed);
  if (ids.length <= MAX_UNCLAIMED) return unclaimed;
  const kept = { ...unclaimed };
  for (const id of ids.slice(0, ids.length - MAX_UNCLAIMED)) delete kept[id];
  return kept;
}

export function updateSettings(
  state: SessionsState,
  id: string,
  change: Partial<SessionSettings>,
): SessionsState {
  const current = state.sessions[id];
  return current ? patch(state, id, { settings: { ...current.settings, ...change } }) : state;
}

/** Connect pressed: the previous engine session (if any) is let go; a new one is on its way. */
export function beginOpen(state: SessionsState, id: string, target: string): SessionsState {
  return patch(state, id, {
    engineId: undefined,
    opening: true,
    closeRequested: false,
    state: 'connecting',
    error: undefined,
    local: undefined,
    remote: undefined,
    counters: zeroCounters(),
    target,
  });
}

/** open() answered: attach, preferring what events already told us (they can be newer). */
export function openSucceeded(state: SessionsState, id: string, snapshot: SessionSnapshot): SessionsState {
  const heard = state.unclaimed[snapshot.id];
  const unclaimed = { ...state.unclaimed };
  delete unclaimed[snapshot.id];
  const next = { ...state, unclaimed };
  if (heard?.closed) {
    const { closed: _closed, ...view } = heard;
    return patch(next, id, { ...view, state: afterClose(view.state), engineId: undefined, opening: false });
  }
  return patch(next, id, { ...(heard ?? viewOf(snapshot)), engineId: snapshot.id, opening: false });
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
  return patch(state, id, { engineId: undefined, closeRequested: false, state: afterClose(current.state) });
}

function applyToView<V extends EngineView>(view: V, event: EventBatch['events'][number]): V {
  switch (event.type) {
    case 'session-opened':
      return { ...view, ...viewOf(event.session) };
    case 'state':
      return {
        ...view,
        state: event.state,
        error: event.state === 'error' || event.state === 'disconnected' ? event.error : undefined,
        local: event.local ?? (event.state === 'connected' ? view.local : undefined),
        remote: event.remote ?? (event.state === 'connected' ? view.remote : undefined),
      };
    case 'counters':
      return { ...view, counters: event.counters };
    default:
      return view;
  }
}

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
      const next =
        event.type === 'session-closed'
          ? { ...ui, engineId: undefined, closeRequested: false, state: afterClose(ui.state) }
          : applyToView(ui, event);
      if (event.type === 'session-closed') byEngine.delete(engineId);
      sessions = { ...sessions, [uiId]: next };
      continue;
    }
    const known = unclaimed[engineId];
    if (event.type === 'session-opened') {
      unclaimed = { ...unclaimed, [engineId]: { ...viewOf(event.session), closed: false } };
    } else if (known) {
      unclaimed = {
        ...unclaimed,
        [engineId]: event.type === 'session-closed' ? { ...known, closed: true } : applyToView(known, event),
      };
    }
  }
  if (sessions === state.sessions && unclaimed === state.unclaimed) return state;
  return { ...state, sessions, unclaimed: pruneUnclaimed(unclaimed) };
}

/**
 * The engine's list() after a start, reload or reconnect: attached sessions take the snapshot's
 * word (or are detached if the engine forgot them); live engine sessions nobody drives are
 * adopted, the first by the active session when it is idle, the rest as new sessions.
 */
export function applySnapshot(state: SessionsState, snapshots: readonly SessionSnapshot[]): SessionsState {
  const byId = new Map(snapshots.map((s) => [s.id, s]));
  const sessions = { ...state.sessions };
  const order = state.order.slice();
  const claimed = new Set<SessionId>();
  for (const id of order) {
    const ui = sessions[id];
    if (!ui?.engineId) continue;
    const snap = byId.get(ui.engineId);
    if (snap) {
      claimed.add(snap.id);
      sessions[id] = { ...ui, ...viewOf(snap) };
    } else {
      sessions[id] = { ...ui, engineId: undefined, closeRequested: false, state: afterClose(ui.state) };
    }
  }
  // An open() still in flight claims its own session when it answers; with none in flight, an
  // unclaimed session is nobody's and is adopted like any other.
  const inFlight = order.some((id) => sessions[id]?.opening);
  const orphans = snapshots.filter((s) => !claimed.has(s.id) && !(inFlight && state.unclaimed[s.id]));
  for (const snap of orphans) {
    const active = sessions[state.activeId];
    const adopter =
      active && !active.engineId && !active.opening
        ? active
        : newSession(`session-${order.length + 1}`, defaultSettings());
    if (!sessions[adopter.id]) order.push(adopter.id);
    sessions[adopter.id] = {
      ...adopter,
      ...viewOf(snap),
      settings: settingsOf(snap.config),
      engineId: snap.id,
    };
  }
  const unclaimed: SessionsState['unclaimed'] = {};
  for (const id of Object.keys(state.unclaimed)) {
    const snap = byId.get(id);
    if (snap && !orphans.includes(snap)) unclaimed[id] = { ...viewOf(snap), closed: false };
  }
  return { ...state, sessions, order, unclaimed };
}

export const activeSession = (state: SessionsState): UiSession => state.sessions[state.activeId] as UiSession;

/** Where an engine session was asked to connect, for the log's wording. */
export function targetOf(state: SessionsState, engineId: SessionId): string | undefined {
  for (const id of state.order) {
    const ui = state.sessions[id];
    if (ui?.engineId === engineId) return ui.target || undefined;
  }
  return state.unclaimed[engineId]?.target;
}
