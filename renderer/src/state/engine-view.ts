// An engine session as the UI last heard of it (state, addresses, counters, a server's clients), and
// how one engine event changes that view. Pure functions.
import type { EngineEvent } from '../../../shared/contract/events';
import type {
  CaptureStatus,
  ClientInfo,
  Counters,
  ErrorInfo,
  FramingSpec,
  Protocol,
  SessionSnapshot,
  SessionState,
} from '../../../shared/contract/model';
import { type AutomationView, applyAutomation, isAutomationEvent, NO_AUTOMATION } from './automation-view';
import { targetOfConfig } from './settings';

export interface EngineView {
  name: string;
  protocol: Protocol;
  state: SessionState;
  error?: ErrorInfo;
  /** Our side: the connection's local end, or where a server listens / a UDP socket is bound. */
  local?: string;
  remote?: string;
  counters: Counters;
  /** A client's "host:port" to reach; a server's or UDP socket's requested local address. */
  target: string;
  /** A TCP server's connected boards, in the order they came. */
  clients: ClientInfo[];
  /** Epoch ms the engine session opened: the log's "Since session start" counts from here. */
  openedAt?: number;
  /** The framing in force (absent = raw chunks). */
  framing?: FramingSpec;
  capture?: CaptureStatus;
  /** Bytes of an unfinished frame, by peer; a peer with none waiting is absent. */
  pending: Readonly<Record<string, number>>;
  /** Reconnecting: the attempt about to be made and when (epoch ms). */
  attempt?: number;
  nextAttemptAt?: number;
  /** Exchanges, tasks and auto-reply hits heard of (absent = none yet). */
  automation?: AutomationView;
}

const NO_CLIENTS: ClientInfo[] = [];
export const NO_PENDING: Readonly<Record<string, number>> = {};

function withPending(pending: Readonly<Record<string, number>>, peer: string, bytes: number) {
  if ((pending[peer] ?? 0) === bytes) return pending;
  const next = { ...pending };
  if (bytes > 0) next[peer] = bytes;
  else delete next[peer];
  return Object.keys(next).length === 0 ? NO_PENDING : next;
}

/** States in which the engine holds a socket open (or is opening one). */
export const isActiveState = (state: SessionState): boolean =>
  state === 'connecting' ||
  state === 'connected' ||
  state === 'reconnecting' ||
  state === 'listening' ||
  state === 'open';

export const viewOfSnapshot = (s: SessionSnapshot): EngineView => ({
  name: s.name,
  protocol: s.config.protocol,
  state: s.state,
  error: s.error,
  local: s.local,
  remote: s.remote,
  counters: s.counters,
  target: targetOfConfig(s.config),
  clients: s.clients ?? NO_CLIENTS,
  openedAt: s.openedAt,
  framing: s.framing ?? (s.config.protocol === 'udp' ? undefined : s.config.framing),
  capture: s.capture,
  pending: NO_PENDING,
});

function withClient(clients: readonly ClientInfo[], client: ClientInfo): ClientInfo[] {
  const at = clients.findIndex((c) => c.peer === client.peer);
  if (at < 0) return [...clients, client];
  const next = clients.slice();
  next[at] = client;
  return next;
}

/** One event's effect; the same object back when the event does not concern the view. */
export function applyToView<V extends EngineView>(view: V, event: EngineEvent): V {
  switch (event.type) {
    case 'session-opened':
      return { ...view, ...viewOfSnapshot(event.session) };
    case 'state': {
      // Reconnecting keeps the session live, but its connection (and anything it held) is gone.
      const open = isActiveState(event.state) && event.state !== 'reconnecting';
      return {
        ...view,
        state: event.state,
        error:
          event.state === 'error' || event.state === 'disconnected' || event.state === 'reconnecting'
            ? event.error
            : undefined,
        local: event.local ?? (open ? view.local : undefined),
        remote: event.remote ?? (open ? view.remote : undefined),
        // A stopped server has closed every client; the engine says so per client too, but a
        // batch that lost the race must not leave ghosts.
        clients: open ? view.clients : NO_CLIENTS,
        // A closed stream has flushed its unfinished frame as an `incomplete` entry.
        pending: open ? view.pending : NO_PENDING,
        attempt: event.state === 'reconnecting' ? event.attempt : undefined,
        nextAttemptAt: event.state === 'reconnecting' ? event.nextAttemptAt : undefined,
      };
    }
    case 'pending': {
      const pending = withPending(view.pending, event.peer, event.bytes);
      return pending === view.pending ? view : { ...view, pending };
    }
    case 'capture':
      return { ...view, capture: event.capture };
    case 'counters':
      return { ...view, counters: event.counters };
    case 'renamed':
      return { ...view, name: event.name };
    case 'client-connected':
      return { ...view, clients: withClient(view.clients, event.client) };
    case 'client-disconnected': {
      if (!view.clients.some((c) => c.peer === event.peer)) return view;
      return {
        ...view,
        clients: view.clients.filter((c) => c.peer !== event.peer),
        pending: withPending(view.pending, event.peer, 0),
      };
    }
    case 'client-counters': {
      const at = view.clients.findIndex((c) => c.peer === event.peer);
      const client = view.clients[at];
      if (!client) return view;
      const clients = view.clients.slice();
      clients[at] = { ...client, counters: event.counters };
      return { ...view, clients };
    }
    default:
      if (!isAutomationEvent(event)) return view;
      return { ...view, automation: applyAutomation(view.automation ?? NO_AUTOMATION, event) };
  }
}
