// How much display payload one connection may take now: the ack window (payload bytes and data
// events sent but not yet acknowledged) and the display budget (payload bytes and data events per
// second); and the drop counts that stand in for payloads it could not take. Plain Node.
import type { DataEvent, DroppedEvent, EngineEvent } from '../../shared/contract/events';
import type { SessionId } from '../../shared/contract/model';
import { exchangeBytes } from './event-levels';

export interface FlowLimits {
  maxInFlightBytes: number;
  maxInFlightEvents: number;
  maxBytesPerSecond: number;
  maxEventsPerSecond: number;
  /** The budget lets this long's worth through at once after a quiet spell. */
  burstMs: number;
  now: () => number;
}

/**
 * A rate with bursts: `perSecond` on average, `burst` at once; what is taken beyond that is debt.
 * Once spent, it stays shut until it has refilled to a whole burst: what a flood shows comes in runs
 * of consecutive payloads between drop counts, not one payload between every two drop counts.
 */
class TokenBucket {
  private tokens: number;
  private at: number;
  private shut = false;

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number,
  ) {
    this.tokens = burst;
    this.at = now();
  }

  /** Whether `n` may go now; more than a burst goes once the bucket is full. */
  has(n: number): boolean {
    const want = Math.min(n, this.burst);
    if (!this.shut && this.tokens >= want) return true;
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.at) * this.perSecond) / 1000);
    this.at = now;
    this.shut = this.shut ? this.tokens < this.burst : this.tokens < want;
    return !this.shut;
  }

  take(n: number): void {
    this.tokens -= n;
  }
}

export class DisplayFlow {
  private readonly inFlight: { seq: number; bytes: number; events: number }[] = [];
  private inFlightBytes = 0;
  private inFlightEvents = 0;
  private readonly bytes: TokenBucket;
  private readonly events: TokenBucket;

  constructor(private readonly limits: FlowLimits) {
    const burst = (perSecond: number) => (perSecond * limits.burstMs) / 1000;
    this.bytes = new TokenBucket(limits.maxBytesPerSecond, burst(limits.maxBytesPerSecond), limits.now);
    this.events = new TokenBucket(limits.maxEventsPerSecond, burst(limits.maxEventsPerSecond), limits.now);
  }

  /** Whether unacknowledged payloads are waiting. */
  get waiting(): boolean {
    return this.inFlightBytes > 0 || this.inFlightEvents > 0;
  }

  /** Whether a payload of `n` bytes fits the window beside what the batch being built holds. */
  windowFits(n: number, pendingBytes: number, pendingEvents: number): boolean {
    const { maxInFlightBytes, maxInFlightEvents } = this.limits;
    return (
      this.inFlightBytes + pendingBytes + n <= maxInFlightBytes &&
      this.inFlightEvents + pendingEvents < maxInFlightEvents
    );
  }

  /** Whether `n` more payload bytes fit the window (an exchange's, which is no data event). */
  bytesFit(n: number, pendingBytes: number): boolean {
    return this.inFlightBytes + pendingBytes + n <= this.limits.maxInFlightBytes;
  }

  /** Whether the display budget has room for one more payload of `n` bytes. */
  budgetFits(n: number): boolean {
    return this.events.has(1) && this.bytes.has(n);
  }

  /** A payload of `n` bytes joined the batch. */
  charge(n: number): void {
    this.bytes.take(n);
    this.events.take(1);
  }

  sent(seq: number, bytes: number, events: number): void {
    if (bytes === 0 && events === 0) return;
    this.inFlight.push({ seq, bytes, events });
    this.inFlightBytes += bytes;
    this.inFlightEvents += events;
  }

  /** The receiver applied every batch up to and including `seq`. */
  acked(seq: number): void {
    while (this.inFlight.length > 0 && (this.inFlight[0]?.seq ?? Number.POSITIVE_INFINITY) <= seq) {
      const done = this.inFlight.shift();
      this.inFlightBytes -= done?.bytes ?? 0;
      this.inFlightEvents -= done?.events ?? 0;
    }
  }

  clear(): void {
    this.inFlight.length = 0;
    this.inFlightBytes = 0;
    this.inFlightEvents = 0;
  }
}

export const droppedOf = (event: DataEvent): DroppedEvent => ({
  type: 'dropped',
  id: event.id,
  dir: event.dir,
  bytes: event.bytes.byteLength,
  chunks: 1,
  at: event.at,
});

/**
 * The drop count still open for coalescing, per session and direction. Any other event of the
 * session closes it, so each "N bytes not shown" keeps its place in that session's log.
 */
export class OpenDrops {
  private open = new Map<SessionId, { rx?: DroppedEvent; tx?: DroppedEvent }>();

  /** Counts the payload in; returns the new drop count to append, or undefined when it joined one. */
  add(event: DataEvent): DroppedEvent | undefined {
    let open = this.open.get(event.id);
    const coalescing = open?.[event.dir];
    if (coalescing) {
      coalescing.bytes += event.bytes.byteLength;
      coalescing.chunks += 1;
      return undefined;
    }
    const dropped = droppedOf(event);
    if (!open) {
      open = {};
      this.open.set(event.id, open);
    }
    open[event.dir] = dropped;
    return dropped;
  }

  close(id: SessionId): void {
    if (this.open.size > 0) this.open.delete(id);
  }

  clear(): void {
    this.open = new Map();
  }
}

/** Payload bytes, data events and exchanges of a run of pending events, and of its deferred payloads apart. */
export function tallyPending(events: readonly EngineEvent[], deferred: ReadonlySet<DataEvent>) {
  let bytes = 0;
  let data = 0;
  let exchanges = 0;
  let deferredBytes = 0;
  let deferredData = 0;
  for (const e of events) {
    if (e.type === 'exchange') {
      bytes += exchangeBytes(e);
      exchanges += 1;
    } else if (e.type === 'data' && deferred.has(e)) {
      deferredBytes += e.bytes.byteLength;
      deferredData += 1;
    } else if (e.type === 'data') {
      bytes += e.bytes.byteLength;
      data += 1;
    }
  }
  return { bytes, data, exchanges, deferredBytes, deferredData };
}

/**
 * Splits pending events at the first deferred payload the window cannot take yet: what comes
 * before it goes now, with the deferred payloads that fit (charged to the budget); it and
 * everything after it wait for an ack, so a session's order holds and the window too. A payload
 * no window could ever hold, or one in a batch that must go at once (`force`), is counted as
 * dropped in its place. Resolved payloads leave `deferred`.
 */
export function cutAtDeferredPayload(
  pending: EngineEvent[],
  deferred: Set<DataEvent>,
  flow: DisplayFlow,
  force: boolean,
): { send: EngineEvent[]; rest: EngineEvent[] } {
  let bytes = 0;
  let data = 0;
  for (let i = 0; i < pending.length; i++) {
    const event = pending[i] as EngineEvent;
    if (event.type === 'exchange') bytes += exchangeBytes(event);
    if (event.type !== 'data') continue;
    const n = event.bytes.byteLength;
    if (deferred.has(event)) {
      if (!flow.windowFits(n, bytes, data)) {
        if (!force && (bytes > 0 || data > 0 || flow.waiting)) {
          return { send: pending.slice(0, i), rest: pending.slice(i) };
        }
        deferred.delete(event);
        pending[i] = droppedOf(event);
        continue;
      }
      deferred.delete(event);
      flow.charge(n);
    }
    bytes += n;
    data += 1;
  }
  return { send: pending, rest: [] };
}
