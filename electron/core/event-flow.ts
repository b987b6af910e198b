// How much display payload one connection may take now: the ack window (payload bytes and data
// events sent but not yet acknowledged) and the display budget (payload bytes per second); and the
// drop counts that stand in for payloads it could not take. Plain Node.
import type { DataEvent, DroppedEvent } from '../../shared/contract/events';
import type { SessionId } from '../../shared/contract/model';

export interface FlowLimits {
  maxInFlightBytes: number;
  maxInFlightEvents: number;
  maxBytesPerSecond: number;
  /** What the budget lets through at once after a quiet spell. */
  burstBytes: number;
  now: () => number;
}

export class DisplayFlow {
  private readonly inFlight: { seq: number; bytes: number; events: number }[] = [];
  private inFlightBytes = 0;
  private inFlightEvents = 0;
  private tokens: number;
  private tokensAt: number;

  constructor(private readonly limits: FlowLimits) {
    this.tokens = limits.burstBytes;
    this.tokensAt = limits.now();
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

  /**
   * Whether the budget has room for `n` bytes. A payload larger than the burst goes once the budget
   * is full; the budget may then run into debt, which the next ones wait out.
   */
  budgetFits(n: number): boolean {
    const want = Math.min(n, this.limits.burstBytes);
    if (this.tokens >= want) return true;
    const now = this.limits.now();
    const refill = ((now - this.tokensAt) * this.limits.maxBytesPerSecond) / 1000;
    this.tokens = Math.min(this.limits.burstBytes, this.tokens + refill);
    this.tokensAt = now;
    return this.tokens >= want;
  }

  /** A payload of `n` bytes joined the batch. */
  charge(n: number): void {
    this.tokens -= n;
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
