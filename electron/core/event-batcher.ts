// Per-connection event batching with flow control (DESIGN.md section 3). Plain Node timers only.
// Memory stays bounded however fast events arrive: payloads the receiver cannot take become counts.
import type {
  AutoReplyEvent,
  CaptureEvent,
  ClientCountersEvent,
  CountersEvent,
  DataEvent,
  DroppedEvent,
  EngineEvent,
  EventBatch,
  EventSink,
  ExchangeEvent,
  PendingEvent,
  TaskEvent,
} from '../../shared/contract/events';
import type { SessionId } from '../../shared/contract/model';
import { exchangeBytes, Levels, PeerLevels, withoutBytes } from './event-levels';

export interface EventBatcherOptions {
  send: (batch: EventBatch) => void;
  /** About one display frame: fewer, larger updates keep the renderer smooth. */
  flushIntervalMs?: number;
  /** Data payload bytes per batch; one oversized chunk may still travel alone. */
  maxBatchBytes?: number;
  /** Payload bytes sent but not yet acknowledged by the receiver. */
  maxInFlightBytes?: number;
  /** Events held for the next batch; a full batch is flushed, or its payloads dropped. */
  maxPendingEvents?: number;
  /** Exchange events held for the next batch; one more sends the batch even to a receiver behind. */
  maxPendingExchanges?: number;
}

export interface EventBatcher {
  push: EventSink;
  /** The receiver applied every batch up to and including `seq`. */
  ack(seq: number): void;
  flush(): void;
  dispose(): void;
}

export const DEFAULT_FLUSH_INTERVAL_MS = 16;
export const DEFAULT_MAX_BATCH_BYTES = 1024 * 1024;
export const DEFAULT_MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_PENDING_EVENTS = 4096;
export const DEFAULT_MAX_PENDING_EXCHANGES = 1024;

export function createEventBatcher(opts: EventBatcherOptions): EventBatcher {
  const flushIntervalMs = opts.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  const maxBatchBytes = opts.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const maxInFlightBytes = opts.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES;
  const maxPendingEvents = opts.maxPendingEvents ?? DEFAULT_MAX_PENDING_EVENTS;
  const maxPendingExchanges = opts.maxPendingExchanges ?? DEFAULT_MAX_PENDING_EXCHANGES;

  let seq = 0;
  let pending: EngineEvent[] = [];
  let pendingBytes = 0;
  /** Counters are absolute totals, so only the latest per session is worth sending. */
  let counters = new Map<SessionId, CountersEvent>();
  /** The same for each server client, by session and peer. */
  const clientCounters = new PeerLevels<ClientCountersEvent>();
  const clientKey = (id: SessionId, peer: string) => `${id}\u0000${peer}`;
  /** Bytes waiting for the rest of a frame, per session and peer: a level, so the latest wins. */
  const framePending = new PeerLevels<PendingEvent>();
  /** A capture's status is absolute too: the latest per session. */
  const captures = new Levels<CaptureEvent>((e) => e.id);
  /** A task's progress and an auto-reply rule's hits are levels too: the latest per task or rule. */
  const tasks = new Levels<TaskEvent>((e) => clientKey(e.id, e.taskId));
  const autoReplies = new Levels<AutoReplyEvent>((e) => clientKey(e.id, String(e.rule)));
  let pendingExchanges = 0;
  /**
   * The dropped event still open for coalescing, per session and direction. Any other event of the
   * session closes it, so each "N bytes not shown" keeps its place in that session's log.
   */
  let openDrops = new Map<SessionId, { rx?: DroppedEvent; tx?: DroppedEvent }>();
  /** Unacknowledged batches that carried payload bytes, oldest first. */
  const inFlight: { seq: number; bytes: number }[] = [];
  let inFlightBytes = 0;
  /** Set when payloads were dropped for lack of window; small batches then wait for an ack. */
  let behind = false;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const closeDrops = (id: SessionId) => {
    if (openDrops.size > 0) openDrops.delete(id);
  };

  const drop = (event: DataEvent) => {
    let open = openDrops.get(event.id);
    const coalescing = open?.[event.dir];
    if (coalescing) {
      coalescing.bytes += event.bytes.byteLength;
      coalescing.chunks += 1;
      return;
    }
    const dropped: DroppedEvent = {
      type: 'dropped',
      id: event.id,
      dir: event.dir,
      bytes: event.bytes.byteLength,
      chunks: 1,
      at: event.at,
    };
    if (!open) {
      open = {};
      openDrops.set(event.id, open);
    }
    open[event.dir] = dropped;
    pending.push(dropped);
  };

  const nothingPending = () =>
    pending.length === 0 &&
    counters.size === 0 &&
    clientCounters.size === 0 &&
    framePending.size === 0 &&
    captures.size === 0 &&
    tasks.size === 0 &&
    autoReplies.size === 0;

  /** A client's final totals and pending count go out before the event that says it left, so no row reappears after it. */
  const releasePeerLevels = (id: SessionId, peer?: string) => {
    pending.push(...clientCounters.take(id, peer), ...framePending.take(id, peer));
  };

  const schedule = () => {
    if (timer || disposed) return;
    if (nothingPending()) return;
    timer = setTimeout(() => {
      timer = undefined;
      flush();
    }, flushIntervalMs);
  };

  /** `force`: out even to a receiver behind, so held exchange events stay few. */
  function flush(force = false): void {
    if (disposed) return;
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (nothingPending()) return;
    // While the receiver is behind, a batch without payloads (drop counts, counters, states) waits
    // for the next ack, so a stalled window does not start a stream of small batches instead.
    if (!force && behind && pendingBytes === 0 && inFlightBytes > 0) return;
    seq += 1;
    const batch: EventBatch = {
      seq,
      events: [
        ...pending,
        ...framePending.values(),
        ...captures.values(),
        ...tasks.values(),
        ...autoReplies.values(),
        ...clientCounters.values(),
        ...counters.values(),
      ],
    };
    if (pendingBytes > 0) {
      inFlight.push({ seq, bytes: pendingBytes });
      inFlightBytes += pendingBytes;
    }
    pending = [];
    pendingBytes = 0;
    pendingExchanges = 0;
    counters = new Map();
    clientCounters.clear();
    framePending.clear();
    captures.clear();
    tasks.clear();
    autoReplies.clear();
    openDrops = new Map();
    try {
      opts.send(batch);
    } catch {
      // A receiver that went away mid-send is detached by its own close handler; the engine goes on.
    }
  }

  const pushData = (event: DataEvent) => {
    const n = event.bytes.byteLength;
    const batchFull =
      pending.length >= maxPendingEvents || (pendingBytes > 0 && pendingBytes + n > maxBatchBytes);
    if (batchFull) flush();
    const stillFull = pending.length >= maxPendingEvents;
    if (stillFull || inFlightBytes + pendingBytes + n > maxInFlightBytes) {
      if (!stillFull) behind = true;
      drop(event);
      return;
    }
    closeDrops(event.id);
    pending.push(event);
    pendingBytes += n;
    if (pendingBytes >= maxBatchBytes) flush();
  };

  /**
   * Never dropped: its bytes travel in the window like data payloads, and go (the verdict, diffAt
   * and reason stay) when the window is full; past maxPendingExchanges held, the batch goes out.
   */
  const pushExchange = (event: ExchangeEvent) => {
    const n = exchangeBytes(event);
    const fits = n === 0 || inFlightBytes + pendingBytes + n <= maxInFlightBytes;
    closeDrops(event.id);
    pending.push(fits ? event : withoutBytes(event));
    if (fits) pendingBytes += n;
    pendingExchanges += 1;
    if (pendingExchanges >= maxPendingExchanges) flush(true);
  };

  const push: EventSink = (event) => {
    if (disposed) return;
    switch (event.type) {
      case 'counters':
        counters.set(event.id, event);
        break;
      case 'client-counters':
        clientCounters.set(event);
        break;
      case 'pending':
        framePending.set(event);
        break;
      case 'capture':
        captures.set(event);
        break;
      case 'task':
        tasks.set(event);
        break;
      case 'auto-reply':
        autoReplies.set(event);
        break;
      case 'exchange':
        pushExchange(event);
        break;
      case 'client-disconnected':
        releasePeerLevels(event.id, event.peer);
        closeDrops(event.id);
        pending.push(event);
        break;
      case 'data':
        pushData(event);
        break;
      case 'session-opened':
        closeDrops(event.session.id);
        pending.push(event);
        break;
      case 'session-closed': {
        // The final totals go out before the session disappears from the receiver's list.
        releasePeerLevels(event.id);
        pending.push(...tasks.take(event.id), ...autoReplies.take(event.id));
        pending.push(...captures.take(event.id));
        const last = counters.get(event.id);
        if (last) {
          counters.delete(event.id);
          pending.push(last);
        }
        closeDrops(event.id);
        pending.push(event);
        break;
      }
      default:
        closeDrops(event.id);
        pending.push(event);
    }
    schedule();
  };

  return {
    push,
    ack(acked: number) {
      if (disposed) return;
      while (inFlight.length > 0 && (inFlight[0]?.seq ?? Number.POSITIVE_INFINITY) <= acked) {
        inFlightBytes -= inFlight.shift()?.bytes ?? 0;
      }
      behind = false;
      schedule();
    },
    flush: () => flush(),
    dispose() {
      disposed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      pending = [];
      pendingBytes = 0;
      counters = new Map();
      clientCounters.clear();
      framePending.clear();
      captures.clear();
      tasks.clear();
      autoReplies.clear();
      pendingExchanges = 0;
      openDrops = new Map();
      inFlight.length = 0;
      inFlightBytes = 0;
    },
  };
}
