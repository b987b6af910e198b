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
  ReceiveBuffer,
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
  /** A UDP socket's receive buffer, asked and granted, when the config asks for a size. */
  receiveBuffer?: ReceiveBuffer;
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
  receiveBuffer: s.receiveBuffer,
});

/**
 * Client lists made during the current batch (see `inBatch`): nobody has read them yet, so the rest
 * of the batch may change them in place. Outside a batch every change copies, as pure functions do.
 */
let owned: WeakSet<ClientInfo[]> | undefined;
/**
 * During a batch, the positions of the clients that left, by list: the list keeps them (so no
 * position moves) until the batch ends, then drops them all in one pass. A thousand boards leaving
 * cost one pass over ten thousand, not a thousand shifts and an index rebuilt every few dozen.
 */
let removals: Map<ClientInfo[], Set<number>> | undefined;

/**
 * Runs one batch's reduction with its new client lists changed in place: a thousand boards
 * connecting in one batch cost one copy of the list, not a thousand. The lists are handed out (to
 * the store, to React) only after `run` returns, and the next batch copies before changing them.
 */
export function inBatch<T>(run: () => T): T {
  if (owned) return run();
  owned = new WeakSet();
  removals = new Map();
  try {
    return run();
  } finally {
    const left = removals;
    owned = undefined;
    removals = undefined;
    for (const [list, gone] of left) compact(list, gone);
  }
}

/** Drops the positions in `gone` from a list of this batch, in place, and indexes what stays. */
function compact(list: ClientInfo[], gone: ReadonlySet<number>): void {
  let kept = 0;
  for (let i = 0; i < list.length; i++) if (!gone.has(i)) list[kept++] = list[i] as ClientInfo;
  list.length = kept;
  indexes.set(list, { map: new Map(list.map((c, i) => [c.peer, i])), removed: 0 });
}

function writable(clients: readonly ClientInfo[]): ClientInfo[] {
  if (owned?.has(clients as ClientInfo[])) return clients as ClientInfo[];
  const copy = clients.slice();
  owned?.add(copy);
  const index = indexes.get(clients);
  // A copy has the same positions: it can share the index while the batch changes it alone.
  if (index && owned) indexes.set(copy, { map: new Map(index.map), removed: index.removed });
  return copy;
}

/**
 * Where each peer was put; a removal shifts later clients left, so a peer is at most `removed` places
 * before its recorded position. Rebuilt when that gets long.
 */
interface PeerIndex {
  map: Map<string, number>;
  removed: number;
}
const indexes = new WeakMap<readonly ClientInfo[], PeerIndex>();
const MAX_SHIFT = 64;

function indexOf(clients: readonly ClientInfo[], peer: string): number {
  let index = indexes.get(clients);
  if (!index || index.removed > MAX_SHIFT) {
    index = { map: new Map(clients.map((c, i) => [c.peer, i])), removed: 0 };
    indexes.set(clients, index);
  }
  const hint = index.map.get(peer);
  if (hint === undefined) return -1;
  for (let i = Math.min(hint, clients.length - 1); i >= Math.max(0, hint - index.removed); i--) {
    if (clients[i]?.peer === peer) return i;
  }
  return -1;
}

function withClient(clients: readonly ClientInfo[], client: ClientInfo): ClientInfo[] {
  const at = indexOf(clients, client.peer);
  const next = writable(clients);
  if (at >= 0) next[at] = client;
  else {
    next.push(client);
    indexes.get(next)?.map.set(client.peer, next.length - 1);
  }
  return next;
}

function withoutClient(clients: readonly ClientInfo[], at: number): ClientInfo[] {
  const next = writable(clients);
  const index = indexes.get(next);
  if (removals && index) {
    // In a batch: out of the index now, out of the list when the batch ends.
    index.map.delete((next[at] as ClientInfo).peer);
    const gone = removals.get(next) ?? new Set<number>();
    removals.set(next, gone);
    gone.add(at);
    return next;
  }
  const [gone] = next.splice(at, 1);
  if (index && gone) {
    index.map.delete(gone.peer);
    index.removed++;
  }
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
        receiveBuffer: event.receiveBuffer ?? (open ? view.receiveBuffer : undefined),
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
      const at = indexOf(view.clients, event.peer);
      if (at < 0) return view;
      return {
        ...view,
        clients: withoutClient(view.clients, at),
        pending: withPending(view.pending, event.peer, 0),
      };
    }
    case 'client-counters': {
      const at = indexOf(view.clients, event.peer);
      const client = view.clients[at];
      if (!client) return view;
      const clients = writable(view.clients);
      clients[at] = { ...client, counters: event.counters };
      return { ...view, clients };
    }
    default:
      if (!isAutomationEvent(event)) return view;
      return { ...view, automation: applyAutomation(view.automation ?? NO_AUTOMATION, event) };
  }
}
