// Per-connection event batching with flow control (DESIGN.md section 3). Plain Node timers only.
// Memory stays bounded however fast events arrive: payloads the receiver cannot take become counts.
import type {
  DataEvent,
  EngineEvent,
  EventBatch,
  EventSink,
  ExchangeEvent,
} from '../../shared/contract/events';
import type { SessionId } from '../../shared/contract/model';
import { cutAtDeferredPayload, DisplayFlow, OpenDrops, tallyPending } from './event-flow';
import { BatchLevels, exchangeBytes, isLevel, withoutBytes } from './event-levels';

export interface EventBatcherOptions {
  send: (batch: EventBatch) => void;
  /** About one display frame: fewer, larger updates keep the renderer smooth. */
  flushIntervalMs?: number;
  /**
   * Once batches have kept coming for `sustainedMs`, one at most this often: every batch wakes the
   * page (and, in a browser, the network stack) for work that does not shrink with the batch, and
   * the page takes batches in only a few times a second during a flood anyway. A short burst (a
   * rack of boards powering up) still goes out every `flushIntervalMs`.
   */
  busyFlushIntervalMs?: number;
  sustainedMs?: number;
  /** Data payload bytes per batch; one oversized chunk may still travel alone. */
  maxBatchBytes?: number;
  /** Payload bytes sent but not yet acknowledged by the receiver. */
  maxInFlightBytes?: number;
  /** Data events sent but not yet acknowledged: a flood of tiny datagrams is bounded too. */
  maxInFlightEvents?: number;
  /**
   * Payload bytes and data events per second shown at most, whatever the receiver could take.
   * Forwarding a byte costs the engine about what receiving it does, and the page far more, on the
   * same cores; no one reads a log at loopback speed. The rest is counted, captured and announced
   * as not shown.
   */
  maxDisplayBytesPerSecond?: number;
  maxDisplayEventsPerSecond?: number;
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
export const DEFAULT_BUSY_FLUSH_INTERVAL_MS = 64;
export const DEFAULT_SUSTAINED_MS = 200;
export const DEFAULT_MAX_BATCH_BYTES = 1024 * 1024;
export const DEFAULT_MAX_IN_FLIGHT_BYTES = 8 * 1024 * 1024;
export const DEFAULT_MAX_IN_FLIGHT_EVENTS = 16 * 1024;
/**
 * A whole ESP8266's or cellular module's stream, a third of a W5500's at full speed, and still far
 * more than anyone reads; 96 s of a flood before the log's 96 MiB are full, and 8 Mbit/s to a
 * browser-mode page across a LAN. Each byte shown costs the page as much as the engine reading it.
 */
export const DEFAULT_MAX_DISPLAY_BYTES_PER_SECOND = 1024 * 1024;
/** Some 330 entries per display frame: more than anyone reads, far fewer than a datagram flood. */
export const DEFAULT_MAX_DISPLAY_EVENTS_PER_SECOND = 20_000;
export const DEFAULT_MAX_PENDING_EVENTS = 4096;
export const DEFAULT_MAX_PENDING_EXCHANGES = 1024;
/** The display budget lets this long's worth through at once after a quiet spell. */
const DISPLAY_BURST_MS = 125;

export function createEventBatcher(opts: EventBatcherOptions): EventBatcher {
  const flushIntervalMs = opts.flushIntervalMs ?? DEFAULT_FLUSH_INTERVAL_MS;
  const busyFlushIntervalMs = Math.max(
    flushIntervalMs,
    opts.busyFlushIntervalMs ?? DEFAULT_BUSY_FLUSH_INTERVAL_MS,
  );
  const sustainedMs = opts.sustainedMs ?? DEFAULT_SUSTAINED_MS;
  const now = opts.now ?? (() => performance.now());
  const maxBatchBytes = opts.maxBatchBytes ?? DEFAULT_MAX_BATCH_BYTES;
  const maxPendingEvents = opts.maxPendingEvents ?? DEFAULT_MAX_PENDING_EVENTS;
  const maxPendingExchanges = opts.maxPendingExchanges ?? DEFAULT_MAX_PENDING_EXCHANGES;
  const flow = new DisplayFlow({
    maxInFlightBytes: opts.maxInFlightBytes ?? DEFAULT_MAX_IN_FLIGHT_BYTES,
    maxInFlightEvents: opts.maxInFlightEvents ?? DEFAULT_MAX_IN_FLIGHT_EVENTS,
    maxBytesPerSecond: opts.maxDisplayBytesPerSecond ?? DEFAULT_MAX_DISPLAY_BYTES_PER_SECOND,
    maxEventsPerSecond: opts.maxDisplayEventsPerSecond ?? DEFAULT_MAX_DISPLAY_EVENTS_PER_SECOND,
    burstMs: DISPLAY_BURST_MS,
    now,
  });

  let seq = 0;
  let pending: EngineEvent[] = [];
  let pendingBytes = 0;
  /** Data events in `pending`, for the window of data events in flight. */
  let pendingData = 0;
  /** Totals, progress, statuses: the latest of each goes at the end of the batch. */
  const levels = new BatchLevels();
  let pendingExchanges = 0;
  const openDrops = new OpenDrops();
  /**
   * Per session, the latest payload that could not go at once. It goes with the next batch if the
   * window allows, so the log ends on the latest bytes after a flood; the one it replaces is dropped.
   */
  const held = new Map<SessionId, DataEvent>();
  /**
   * Waiting payloads put in `pending` ahead of a later event of their session while the window was
   * full: at the flush they go if it has room by then, else a drop count takes their place.
   */
  const deferred = new Set<DataEvent>();
  /** The deferred payloads' bytes and count: they hold their place in the window until the flush. */
  let deferredBytes = 0;
  let deferredData = 0;
  /** Set when payloads were refused for lack of window; small batches then wait for an ack. */
  let behind = false;
  let timer: NodeJS.Timeout | undefined;
  let disposed = false;

  const drop = (event: DataEvent) => {
    const dropped = openDrops.add(event);
    if (dropped) pending.push(dropped);
  };

  const windowFits = (n: number) =>
    pending.length < maxPendingEvents &&
    flow.windowFits(n, pendingBytes + deferredBytes, pendingData + deferredData);

  const take = (event: DataEvent) => {
    const n = event.bytes.byteLength;
    openDrops.close(event.id);
    pending.push(event);
    pendingBytes += n;
    pendingData += 1;
    flow.charge(n);
  };

  /**
   * The session's waiting payload joins the batch if the window has room (the budget aside).
   * Otherwise, ahead of another event of its session, it is deferred to the flush; at a flush it
   * keeps waiting for the ack of what is in flight, or is dropped when nothing is.
   */
  const release = (id: SessionId, atFlush: boolean) => {
    const event = held.get(id);
    if (!event) return;
    if (windowFits(event.bytes.byteLength)) {
      held.delete(id);
      take(event);
      return;
    }
    behind = true;
    // What is in flight, or goes in this batch, will be acknowledged: the payload waits for that.
    if (atFlush && (flow.waiting || pendingBytes > 0 || pendingData > 0)) return;
    held.delete(id);
    if (atFlush) drop(event);
    else {
      pending.push(event);
      deferred.add(event);
      deferredBytes += event.bytes.byteLength;
      deferredData += 1;
    }
  };

  /** Another event of the session follows: what waits goes before it, and open drops close. */
  const settle = (id: SessionId) => {
    if (held.size > 0) release(id, false);
    openDrops.close(id);
  };

  const cutAtDeferred = (force: boolean): EngineEvent[] => {
    const { send, rest } = cutAtDeferredPayload(pending, deferred, flow, force);
    pending = send;
    return rest;
  };

  /** Makes `events` the pending ones, with their tallies. */
  const setPending = (events: EngineEvent[]) => {
    pending = events;
    const t = tallyPending(events, deferred);
    pendingBytes = t.bytes;
    pendingData = t.data;
    deferredBytes = t.deferredBytes;
    deferredData = t.deferredData;
    pendingExchanges = t.exchanges;
  };

  const nothingPending = () => pending.length === 0 && held.size === 0 && levels.empty;

  /** When the last batch went out, and the first of the batches that have kept coming since. */
  let sentAt = Number.NEGATIVE_INFINITY;
  let streakFrom = Number.NEGATIVE_INFINITY;

  /**
   * A flush `flushIntervalMs` from now; in a sustained flood, no sooner than `busyFlushIntervalMs`
   * after the last batch.
   */
  const schedule = () => {
    if (timer || disposed) return;
    if (nothingPending()) return;
    const sustained = sentAt - streakFrom >= sustainedMs;
    const wait = sustained
      ? Math.max(flushIntervalMs, sentAt + busyFlushIntervalMs - now())
      : flushIntervalMs;
    timer = setTimeout(() => {
      timer = undefined;
      flush();
    }, wait);
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
    const rest = deferred.size > 0 ? cutAtDeferred(force) : [];
    // The deferred payloads that go now count against the window before any waiting one joins.
    setPending(pending);
    if (rest.length === 0) for (const id of [...held.keys()]) release(id, true);
    else {
      behind = true;
      if (pending.length === 0 && !force) {
        setPending(rest);
        return;
      }
    }
    seq += 1;
    const batch: EventBatch = { seq, events: [...pending, ...levels.drain()] };
    flow.sent(seq, pendingBytes, pendingData);
    setPending(rest);
    openDrops.clear();
    const at = now();
    if (at - sentAt > busyFlushIntervalMs) streakFrom = at;
    sentAt = at;
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
      // A flood that spent the budget: the payload that waited is counted out and this one waits in
      // its place, the budget looked up once (a datagram flood comes here for nearly every payload).
      if (!flow.budgetFits(earlier.bytes.byteLength)) {
        if (!windowFits(event.bytes.byteLength) && pending.length < maxPendingEvents) behind = true;
        drop(earlier);
        held.set(event.id, event);
        return;
      }
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
    const fits = n === 0 || flow.bytesFit(n, pendingBytes + deferredBytes);
    pending.push(fits ? event : withoutBytes(event));
    if (fits) pendingBytes += n;
    pendingExchanges += 1;
    if (pendingExchanges >= maxPendingExchanges) flush(true);
  };

  const push: EventSink = (event) => {
    if (disposed) return;
    if (isLevel(event)) levels.set(event);
    else if (event.type === 'data') pushData(event);
    else if (event.type === 'exchange') pushExchange(event);
    else {
      const id = event.type === 'session-opened' ? event.session.id : event.id;
      settle(id);
      // A client's final totals and held count go out before the event that says it left, so no
      // row reappears after it; a closing session's final levels before it disappears.
      if (event.type === 'client-disconnected') pending.push(...levels.takePeer(id, event.peer));
      else if (event.type === 'session-closed') pending.push(...levels.takeSession(id));
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
      deferred.clear();
      deferredBytes = 0;
      deferredData = 0;
      levels.clear();
      pendingExchanges = 0;
      openDrops.clear();
      flow.clear();
    },
  };
}
