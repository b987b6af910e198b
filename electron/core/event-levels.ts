// Pieces of the event batcher for bench automation events: latest-wins stores for levels (a
// task's progress, a rule's hits) and the byte size of an exchange. Plain Node.
import type { ExchangeEvent } from '../../shared/contract/events';
import type { SessionId } from '../../shared/contract/model';

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
