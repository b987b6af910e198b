// Pieces of the event batcher: latest-wins stores for levels (totals, a client's totals, held byte
// counts, a capture's status, a task's progress, a rule's hits) and the byte size of an exchange.
// Plain Node.
import type {
  AutoReplyEvent,
  CaptureEvent,
  ClientCountersEvent,
  CountersEvent,
  EngineEvent,
  ExchangeEvent,
  PendingEvent,
  TaskEvent,
} from '../../shared/contract/events';
import type { SessionId } from '../../shared/contract/model';

export type LevelEvent =
  | CountersEvent
  | ClientCountersEvent
  | PendingEvent
  | CaptureEvent
  | TaskEvent
  | AutoReplyEvent;

const LEVEL_TYPES = new Set<string>([
  'counters',
  'client-counters',
  'pending',
  'capture',
  'task',
  'auto-reply',
]);

export const isLevel = (e: EngineEvent): e is LevelEvent => LEVEL_TYPES.has(e.type);

/** The latest event per key: a level (totals, progress) replaces the one before it. */
export class Levels<E extends { id: SessionId }> {
  private map = new Map<string, E>();

  constructor(private readonly keyOf: (event: E) => string) {}

  get size(): number {
    return this.map.size;
  }

  set(event: E): void {
    this.map.set(this.keyOf(event), event);
  }

  values(): IterableIterator<E> {
    return this.map.values();
  }

  clear(): void {
    this.map = new Map();
  }

  /** Removes and returns the session's events, oldest key first. */
  take(id: SessionId): E[] {
    const taken: E[] = [];
    for (const [key, event] of this.map) {
      if (event.id !== id) continue;
      this.map.delete(key);
      taken.push(event);
    }
    return taken;
  }
}

/**
 * The latest event per session and peer (a server client's totals, its held byte count), kept
 * per session so that a flood's events build no string key each and a session's are found at once.
 */
export class PeerLevels<E extends { id: SessionId; peer: string }> {
  private bySession = new Map<SessionId, Map<string, E>>();
  private count = 0;

  get size(): number {
    return this.count;
  }

  set(event: E): void {
    let peers = this.bySession.get(event.id);
    if (!peers) {
      peers = new Map();
      this.bySession.set(event.id, peers);
    }
    const before = peers.size;
    peers.set(event.peer, event);
    this.count += peers.size - before;
  }

  *values(): IterableIterator<E> {
    for (const peers of this.bySession.values()) yield* peers.values();
  }

  clear(): void {
    this.bySession = new Map();
    this.count = 0;
  }

  /** Removes and returns the session's events (one peer's, when given). */
  take(id: SessionId, peer?: string): E[] {
    const peers = this.bySession.get(id);
    if (!peers) return [];
    if (peer === undefined) {
      this.bySession.delete(id);
      this.count -= peers.size;
      return [...peers.values()];
    }
    const event = peers.get(peer);
    if (!event) return [];
    peers.delete(peer);
    this.count -= 1;
    if (peers.size === 0) this.bySession.delete(id);
    return [event];
  }
}

/** Bytes an exchange event carries (expected and actual), counted like data payloads. */
export const exchangeBytes = (e: ExchangeEvent): number =>
  (e.result.expected?.byteLength ?? 0) + (e.result.actual?.byteLength ?? 0);

/** The verdict without its bytes: diffAt and the reason still say what went wrong. */
export function withoutBytes(e: ExchangeEvent): ExchangeEvent {
  const { expected: _expected, actual: _actual, ...result } = e.result;
  return { ...e, result };
}

const subKey = (id: SessionId, sub: string) => `${id}\u0000${sub}`;

/**
 * Every level a batch carries: only the latest of each is worth sending, after the batch's other
 * events, since each is absolute.
 */
export class BatchLevels {
  private counters = new Map<SessionId, CountersEvent>();
  private readonly clientCounters = new PeerLevels<ClientCountersEvent>();
  private readonly framePending = new PeerLevels<PendingEvent>();
  private readonly captures = new Levels<CaptureEvent>((e) => e.id);
  private readonly tasks = new Levels<TaskEvent>((e) => subKey(e.id, e.taskId));
  private readonly autoReplies = new Levels<AutoReplyEvent>((e) => subKey(e.id, String(e.rule)));

  get empty(): boolean {
    return (
      this.counters.size === 0 &&
      this.clientCounters.size === 0 &&
      this.framePending.size === 0 &&
      this.captures.size === 0 &&
      this.tasks.size === 0 &&
      this.autoReplies.size === 0
    );
  }

  set(e: LevelEvent): void {
    switch (e.type) {
      case 'counters':
        this.counters.set(e.id, e);
        break;
      case 'client-counters':
        this.clientCounters.set(e);
        break;
      case 'pending':
        this.framePending.set(e);
        break;
      case 'capture':
        this.captures.set(e);
        break;
      case 'task':
        this.tasks.set(e);
        break;
      case 'auto-reply':
        this.autoReplies.set(e);
    }
  }

  /** A client's (or, without a peer, every client's) totals and held count, taken out. */
  takePeer(id: SessionId, peer?: string): LevelEvent[] {
    return [...this.clientCounters.take(id, peer), ...this.framePending.take(id, peer)];
  }

  /** Everything of a closing session, its totals last. */
  takeSession(id: SessionId): LevelEvent[] {
    const out: LevelEvent[] = [
      ...this.takePeer(id),
      ...this.tasks.take(id),
      ...this.autoReplies.take(id),
      ...this.captures.take(id),
    ];
    const last = this.counters.get(id);
    if (last) {
      this.counters.delete(id);
      out.push(last);
    }
    return out;
  }

  /** All of them, in the order a batch carries them, and none kept. */
  drain(): LevelEvent[] {
    const out: LevelEvent[] = [
      ...this.framePending.values(),
      ...this.captures.values(),
      ...this.tasks.values(),
      ...this.autoReplies.values(),
      ...this.clientCounters.values(),
      ...this.counters.values(),
    ];
    this.clear();
    return out;
  }

  clear(): void {
    this.counters = new Map();
    this.clientCounters.clear();
    this.framePending.clear();
    this.captures.clear();
    this.tasks.clear();
    this.autoReplies.clear();
  }
}
