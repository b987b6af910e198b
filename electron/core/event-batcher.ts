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
import { DisplayFlow } from './event-flow';
import { exchangeBytes, Levels, PeerLevels, withoutBytes } from './event-levels';

export interface EventBatcherOptions {
  send: (batch: EventBatch) => void;
  /** About one display frame: fewer, larger updates keep the renderer smooth. */
  flushIntervalMs?: number;
  /** Data payload bytes per batch; one oversized chunk may still travel alone. */
  maxBatchBytes?: number;
  /** Payload bytes sent but not yet acknowledged by the receiver. */
  maxInFlightBytes?: number;
  /** Data events sent but not yet acknowledged: a flood of tiny datagrams is bounded too. */
  maxInFlightEvents?: number;
  /**
   * Payload bytes per second shown at most, whatever the receiver could take. Forwarding a byte
   * costs the engine about what receiving it does, and no one reads a log at loopback speed; the
   * rest is counted, captured and announced as not shown.
   */
  maxDisplayBytesPerSecond?: number;
  /** Events held for the next batch; a full batch is flushed, or its payloads dropped. */
  maxPendingEvents?: number;
  /** Exchange events held for the next batch; one more sends the batch even to a receiver behind. */
  maxPendingExchanges?: number;
  /** The display budget's clock, in milliseconds. */
  now?: () => number;
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
export const DEFAULT_MAX_IN_FLIGHT_EVENTS = 16 * 1024;
/** Far above any board's stream (a W5500 moves about 10 MB/s); only a loopback flood meets it. */
export const DEFAULT_MAX_DISPLAY_BYTES_PER_SECOND = 64 * 1024 * 1024;
export const DEFAULT_MAX_PENDING_EVENTS = 4096;
export const DEFAULT_MAX_PENDING_EXCHANGES = 1024;
/** The display budget lets this long's worth through at once after a quiet spell. */
const DISPLAY_BURST_MS = 125;

export function createEventBatcher(opts: EventBatcherOptions): EventBatcher {
  const flushIntervalMs = opts.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  const maxBatchBytes = opts.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const maxPendingEvents = opts.maxPendingEvents ?? DEFAULT_MAX_PENDING_EVENTS;
  const maxPendingExchanges = opts.maxPendingExchanges ?? DEFAULT_MAX_PENDING_EXCHANGES;
  const maxBytesPerSecond = opts.maxDisplayBytesPerSecond ?? DEFAULT_MAX_DISPLAY_BYTES_PER_SECOND;
  const flow = new DisplayFlow({
    maxInFlightBytes: opts.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES,
    maxInFlightEvents: opts.maxInFlightEvents ?? DEFAULT_MAX_IN_FLIGHT_EVENTS,
    maxBytesPerSecond,
    burstBytes: (maxBytesPerSecond * DISPLAY_BURST_MS) / 1000,
    now: opts.now ?? (() => performance.now()),
  });

  let seq = 0;
  let pending: EngineEvent[] = [];
  let pendingBytes = 0;
  /** Data events in `pending`, for the window of data events in flight. */
  let pendingData = 0;
  /** Counters are absolute totals, so only the latest per session is worth sending. */
  let counters = new Map<SessionId, CountersEvent>();
  /** The same for each server client, by session and peer. */
  const clientCounters = new PeerLevels<ClientCountersEvent>();
  /** Bytes waiting for the rest of a frame, per session and peer: a level, so the latest wins. */
  const framePending = new PeerLevels<PendingEvent>();
  /** A capture's status is absolute too: the latest per session. */
  const captures = new Levels<CaptureEvent>((e) => e.id);
  /** A task's progress and an auto-reply rule's hits are levels too: the latest per task or rule. */
  const levelKey = (id: SessionId, sub: string) => `${id}\u0000${sub}`;
  const tasks = new Levels<TaskEvent>((e) => levelKey(e.id, e.taskId));
  const autoReplies = new Levels<AutoReplyEvent>((e) => levelKey(e.id, String(e.rule)));
  let pendingExchanges = 0;
  /**
   * The dropped event still open for coalescing, per session and direction. Any other event of the
   * session closes it, so each "N bytes not shown" keeps its place in that session's log.
   */
  let openDrops = new Map<SessionId, { rx?: DroppedEvent; tx?: DroppedEvent }>();
  /**
   * Per session, the latest payload that could not go at once. It goes with the next batch if the
   * window allows, so the log ends on the latest bytes after a flood; the one it replaces is dropped.
   */
  const held = new Map<SessionId, DataEvent>();
  /** Set when payloads were refused for lack of window; small batches then wait for an ack. */
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

  const windowFits = (n: number) =>
    pending.length < maxPendingEvents && flow.windowFits(n, pendingBytes, pendingData);

  const take = (event: DataEvent) => {
    const n = event.bytes.byteLength;
    closeDrops(event.id);
    pending.push(event);
    pendingBytes += n;
    pendingData += 1;
    flow.charge(n);
  };

  /** The session's waiting payload goes now if the window has room (the budget aside), or is dropped. */
  const release = (id: SessionId) => {
    const event = held.get(id);
    if (!event) return;
    held.delete(id);
    if (windowFits(event.bytes.byteLength)) take(event);
    else {
      behind = true;
      drop(event);
    }
  };

  /** Another event of the session follows: what waits goes before it, and open drops close. */
  const settle = (id: SessionId) => {
    if (held.size > 0) release(id);
    closeDrops(id);
  };

  const nothingPending = () =>
    pending.length === 0 &&
    held.size === 0 &&
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
    // While the receiver is behind, a batch without payloads (drop counts, counters, states, the
    // payloads waiting) waits for the next ack, so a stalled window does not start a stream of
    // small batches instead.
    if (!force && behind && pendingBytes === 0 && flow.waiting) return;
    for (const id of [...held.keys()]) release(id);
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
    flow.sent(seq, pendingBytes, pendingData);
    pending = [];
    pendingBytes = 0;
    pendingData = 0;
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

  /** Into the batch if the window and the budget allow; else it waits (`mayWait`) or is dropped. */
  const offer = (event: DataEvent, mayWait: boolean) => {
    const n = event.bytes.byteLength;
    if (pending.length >= maxPendingEvents || (pendingBytes > 0 && pendingBytes + n > maxBatchBytes)) flush();
    const fits = windowFits(n);
    if (fits && flow.budgetFits(n)) {
      take(event);
      if (pendingBytes >= maxBatchBytes) flush();
      return;
    }
    if (!fits && pending.length < maxPendingEvents) behind = true;
    if (mayWait) held.set(event.id, event);
    else drop(event);
  };

  const pushData = (event: DataEvent) => {
    const earlier = held.get(event.id);
    if (earlier) {
      held.delete(event.id);
      offer(earlier, false);
    }
    offer(event, true);
  };

  /**
   * Never dropped: its bytes travel in the window like data payloads, and go (the verdict, diffAt
   * and reason stay) when the window is full; past maxPendingExchanges held, the batch goes out.
   */
  const pushExchange = (event: ExchangeEvent) => {
    const n = exchangeBytes(event);
    settle(event.id);
    const fits = n === 0 || flow.bytesFit(n, pendingBytes);
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
        settle(event.id);
        releasePeerLevels(event.id, event.peer);
        pending.push(event);
        break;
      case 'data':
        pushData(event);
        break;
      case 'session-opened':
        settle(event.session.id);
        pending.push(event);
        break;
      case 'session-closed': {
        // The final totals go out before the session disappears from the receiver's list.
        settle(event.id);
        releasePeerLevels(event.id);
        pending.push(...tasks.take(event.id), ...autoReplies.take(event.id));
        pending.push(...captures.take(event.id));
        const last = counters.get(event.id);
        if (last) {
          counters.delete(event.id);
          pending.push(last);
        }
        pending.push(event);
        break;
      }
      default:
        settle(event.id);
        pending.push(event);
    }
    schedule();
  };

  return {
    push,
    ack(acked: number) {
      if (disposed) return;
      flow.acked(acked);
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
      pendingData = 0;
      held.clear();
      counters = new Map();
      clientCounters.clear();
      framePending.clear();
      captures.clear();
      tasks.clear();
      autoReplies.clear();
      pendingExchanges = 0;
      openDrops = new Map();
      flow.clear();
    },
  };
}
