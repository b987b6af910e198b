// The UI's sessions: their shape, the user's own edits (new, close, switch, rename, settings) and
// lookups, as pure functions. What the engine says about them is applied in sessions-reducer.ts.
import type { Protocol, SessionId, SessionState } from '../../../shared/contract/model';
import { zeroCounters } from '../../../shared/contract/model';
import { t } from '../i18n';
import { type EngineView, isActiveState, NO_PENDING } from './engine-view';
import { defaultSettings, type SessionSettings } from './settings';

export interface UiSession extends EngineView {
  id: string;
  settings: SessionSettings;
  engineId?: SessionId;
  /** An open() is in flight. */
  opening: boolean;
  /** Stop was pressed while open() was in flight: close as soon as it answers. */
  closeRequested: boolean;
  /** TCP server: '' sends to all clients, else to the client with this "address:port". */
  sendTo: string;
}

export interface SessionsState {
  sessions: Record<string, UiSession>;
  order: string[];
  activeId: string;
  /** Numbers the next "Session N" and its UI id; never reused, so ids stay unique. */
  nextNumber: number;
  /** The engine's list() has been applied at least once: the sessions shown are all there are. */
  synced: boolean;
  /**
   * The UI session each engine session belongs (or belonged) to, so its late events (a close
   * that answers before the "Disconnected" event) still land in that session's log. Bounded.
   */
  owners: Record<SessionId, string>;
  /**
   * Engine sessions heard of but driven by no UI session: ours whose open() has not answered yet
   * (events can beat the reply), and ones replaced or opened elsewhere. Bounded.
   */
  unclaimed: Record<SessionId, EngineView & { closed: boolean }>;
}

export const MAX_UNCLAIMED = 32;
const MAX_OWNERS = 256;

function newSession(number: number, settings: SessionSettings): UiSession {
  return {
    id: `session-${number}`,
    name: t('session.defaultName', { number }),
    protocol: settings.protocol,
    settings,
    opening: false,
    closeRequested: false,
    sendTo: '',
    state: 'disconnected',
    counters: zeroCounters(),
    target: '',
    clients: [],
    pending: NO_PENDING,
  };
}

export function createSessionsState(settings: SessionSettings = defaultSettings()): SessionsState {
  const first = newSession(1, settings);
  return {
    sessions: { [first.id]: first },
    order: [first.id],
    activeId: first.id,
    nextNumber: 2,
    synced: false,
    owners: {},
    unclaimed: {},
  };
}

export function patch(state: SessionsState, id: string, change: Partial<UiSession>): SessionsState {
  const current = state.sessions[id];
  if (!current) return state;
  return { ...state, sessions: { ...state.sessions, [id]: { ...current, ...change } } };
}

/** A finished engine session is disconnected, or still in error: the UI keeps its last words. */
export const afterClose = (state: SessionState): SessionState =>
  state === 'error' ? 'error' : 'disconnected';

export function pruned<T>(record: Record<string, T>, max: number): Record<string, T> {
  const ids = Object.keys(record);
  if (ids.length <= max) return record;
  const kept = { ...record };
  for (const id of ids.slice(0, ids.length - max)) delete kept[id];
  return kept;
}

export const own = (owners: SessionsState['owners'], engineId: SessionId, uiId: string) =>
  owners[engineId] === uiId ? owners : pruned({ ...owners, [engineId]: uiId }, MAX_OWNERS);

/** New session: default settings unless given, and it becomes the active one. */
export function addSession(
  state: SessionsState,
  settings: SessionSettings = defaultSettings(),
): SessionsState {
  const session = newSession(state.nextNumber, settings);
  return {
    ...state,
    sessions: { ...state.sessions, [session.id]: session },
    order: [...state.order, session.id],
    activeId: session.id,
    nextNumber: state.nextNumber + 1,
  };
}

/** Forget a UI session (its engine session is closed by the caller); one always remains. */
export function removeSession(state: SessionsState, id: string): SessionsState {
  const at = state.order.indexOf(id);
  if (at < 0) return state;
  const sessions = { ...state.sessions };
  delete sessions[id];
  const order = state.order.filter((o) => o !== id);
  const owners: SessionsState['owners'] = {};
  for (const [engineId, uiId] of Object.entries(state.owners)) if (uiId !== id) owners[engineId] = uiId;
  const rest = { ...state, sessions, order, owners };
  if (order.length === 0) return addSession({ ...rest, activeId: '' });
  const activeId = state.activeId === id ? (order[Math.min(at, order.length - 1)] as string) : state.activeId;
  return { ...rest, activeId };
}

export function selectSession(state: SessionsState, id: string): SessionsState {
  return state.sessions[id] && state.activeId !== id ? { ...state, activeId: id } : state;
}

export function renameSession(state: SessionsState, id: string, name: string): SessionsState {
  const trimmed = name.trim();
  return trimmed === '' ? state : patch(state, id, { name: trimmed });
}

export function setSendTo(state: SessionsState, id: string, peer: string): SessionsState {
  return patch(state, id, { sendTo: peer });
}

export function updateSettings(
  state: SessionsState,
  id: string,
  change: Partial<SessionSettings>,
): SessionsState {
  const current = state.sessions[id];
  if (!current) return state;
  const settings = { ...current.settings, ...change };
  // Another protocol on an idle session: the last engine session's words no longer apply.
  const idle = !current.engineId && !current.opening;
  if (idle && change.protocol && change.protocol !== current.protocol) {
    return patch(state, id, {
      settings,
      protocol: change.protocol,
      state: 'disconnected',
      error: undefined,
      local: undefined,
      remote: undefined,
      clients: [],
    });
  }
  return patch(state, id, { settings });
}

export const activeSession = (state: SessionsState): UiSession => state.sessions[state.activeId] as UiSession;

/** The UI session an engine session belongs (or belonged) to. */
export const ownerOf = (state: SessionsState, engineId: SessionId): string | undefined =>
  state.owners[engineId];

/** Where an engine session was asked to connect or listen, for the log's wording. */
export function targetOf(state: SessionsState, engineId: SessionId): string | undefined {
  const owner = state.sessions[state.owners[engineId] ?? ''];
  if (owner) return owner.target || undefined;
  return state.unclaimed[engineId]?.target;
}

export function protocolOf(state: SessionsState, engineId: SessionId): Protocol | undefined {
  return state.sessions[state.owners[engineId] ?? '']?.protocol ?? state.unclaimed[engineId]?.protocol;
}

/** The session holds (or is getting) an engine socket: its setup is locked and its button stops it. */
export const isLive = (ui: Pick<UiSession, 'opening' | 'state'>): boolean =>
  ui.opening || isActiveState(ui.state);
