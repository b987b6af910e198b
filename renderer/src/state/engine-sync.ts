// Keeps the stores in step with the engine: the batches that arrive between two updates (a display
// frame, paced during floods, or the end of a burst) go into both stores as one update each; on
// start and every link reopen a list() snapshot first (holding batches until it is in); each
// session's log follows the sessions (an engine session's waiting entries join its owner once it
// has one).
import type { SessionApi } from '../../../shared/contract/api';
import type { EngineEvent, EventBatch } from '../../../shared/contract/events';
import { inBatch } from './engine-view';
import { pacedFrames, type Schedule } from './frame-schedule';
import type { LogStore } from './log-store';
import type { RoutingContext } from './session-logs';
import { ownerOf, protocolOf, type SessionsState, targetOf } from './sessions-reducer';
import type { SessionsStore } from './sessions-store';

export interface EngineLink {
  api: Pick<SessionApi, 'list'> & { onEvents(listener: (batch: EventBatch) => void): () => void };
  status(): 'connecting' | 'open' | 'lost';
  onStatus(listener: (status: 'connecting' | 'open' | 'lost') => void): () => void;
}

export interface EngineSyncOptions {
  link: EngineLink;
  sessions: SessionsStore;
  log: LogStore;
  /** Told when a resync failed (the link usually drops too, and the next reopen retries). */
  onResyncError?: (error: unknown) => void;
  /** Told when a store failed to apply a batch; the sync then rebuilds from a fresh snapshot. */
  onApplyError?: (error: unknown) => void;
  /**
   * When batches that arrived are applied: at a display frame, paced while they keep coming (the
   * default where there are frames), or at once (`'now'`, and where there are none).
   */
  schedule?: Schedule | 'now';
  /** The clock that times the gaps between batches (milliseconds). */
  now?: () => number;
}

/** Events applied together at most: a frame that comes late must not make one huge update. */
const MAX_MERGED_EVENTS = 65_536;
/**
 * A burst has ended once no batch came for twice the gap between its last two, within these
 * bounds: what is due then shows at the next frame rather than at the end of the pace, so the last of a
 * thousand boards' lines shows as soon as it came. During a flood the engine's batches come closer
 * than that (every 16 ms, then every 64), and the pace alone decides.
 */
export const QUIET_MIN_MS = 32;
export const QUIET_MAX_MS = 100;
/**
 * An update of this many events, or of this many payload bytes, or more is a flood's: the next one
 * may wait longer (frame-schedule.ts). A board streaming a few lines, or even 1 MB/s, stays below.
 */
export const HEAVY_UPDATE_EVENTS = 256;
export const HEAVY_UPDATE_BYTES = 256 * 1024;

/** Payload bytes of a batch's data events. */
function payloadBytes(batch: EventBatch): number {
  let n = 0;
  for (const e of batch.events) if (e.type === 'data') n += e.bytes.byteLength;
  return n;
}

const defaultSchedule = (): NonNullable<EngineSyncOptions['schedule']> =>
  typeof requestAnimationFrame === 'function' ? pacedFrames() : 'now';

/** Consecutive batches as one: every event in order, the last batch's seq. */
function merged(batches: readonly EventBatch[]): EventBatch {
  if (batches.length === 1) return batches[0] as EventBatch;
  const events: EngineEvent[] = [];
  for (const b of batches) for (const e of b.events) events.push(e);
  return { seq: (batches.at(-1) as EventBatch).seq, events };
}

/** Starts syncing; the returned function stops it. */
export function startEngineSync({
  link,
  sessions,
  log,
  onResyncError,
  onApplyError,
  schedule = defaultSchedule(),
  now = () => performance.now(),
}: EngineSyncOptions): () => void {
  let held: EventBatch[] | undefined;
  /** Batches that arrived since the last frame. */
  let due: EventBatch[] = [];
  let dueEvents = 0;
  let dueBytes = 0;
  let cancelFlush: (() => void) | undefined;
  /** When the last batch arrived, and the flush due if none follows soon (see QUIET_MIN_MS). */
  let arrivedAt = Number.NEGATIVE_INFINITY;
  let quiet: ReturnType<typeof setTimeout> | undefined;
  /** Whether the last update applied a flood's worth of events or bytes. */
  let heavy = false;
  let generation = 0;
  let stopped = false;

  const routing: RoutingContext = {
    ownerOf: (id) => ownerOf(sessions.getState(), id),
    targetOf: (id) => targetOf(sessions.getState(), id),
    protocolOf: (id) => protocolOf(sessions.getState(), id),
  };
  // A bug in one store must neither stop the other nor escape into the transport's listener loop
  // (which would skip later listeners): each store applies on its own, and a failure rebuilds the
  // session state from a fresh snapshot, since batches carry absolute state and counters.
  const apply = (batch: EventBatch) => {
    let failed = false;
    const steps = [() => inBatch(() => sessions.applyBatch(batch)), () => log.applyBatch(batch, routing)];
    for (const step of steps) {
      try {
        step();
      } catch (error) {
        failed = true;
        onApplyError?.(error);
      }
    }
    if (failed && !held && !stopped) queueMicrotask(() => void resync());
  };

  const reconcile = (state: SessionsState) => {
    const logs = log.getState();
    const waiting = Object.keys(logs.pending).some((id) => state.owners[id] !== undefined);
    const gone = Object.keys(logs.logs).some((uiId) => !state.sessions[uiId]);
    if (waiting || gone) {
      log.reconcile(
        (id) => state.owners[id],
        (uiId) => state.sessions[uiId] !== undefined,
      );
    }
  };
  const offSessions = sessions.subscribe(reconcile);

  const flush = () => {
    cancelFlush?.();
    cancelFlush = undefined;
    clearTimeout(quiet);
    quiet = undefined;
    if (due.length === 0) return;
    const batch = merged(due);
    heavy = dueEvents >= HEAVY_UPDATE_EVENTS || dueBytes >= HEAVY_UPDATE_BYTES;
    due = [];
    dueEvents = 0;
    dueBytes = 0;
    apply(batch);
  };

  const arrived = (batch: EventBatch) => {
    if (schedule === 'now') {
      apply(batch);
      return;
    }
    due.push(batch);
    dueEvents += batch.events.length;
    dueBytes += payloadBytes(batch);
    const at = now();
    const gap = at - arrivedAt;
    arrivedAt = at;
    if (dueEvents >= MAX_MERGED_EVENTS) {
      flush();
      return;
    }
    cancelFlush ??= schedule(flush, heavy);
    clearTimeout(quiet);
    // The burst has ended: what is due goes at the next frame, as the pace's latest update.
    quiet = setTimeout(
      () => {
        quiet = undefined;
        cancelFlush?.();
        cancelFlush = schedule(flush, heavy, true);
      },
      Math.min(QUIET_MAX_MS, Math.max(QUIET_MIN_MS, 2 * gap)),
    );
  };

  async function resync(): Promise<void> {
    const mine = ++generation;
    // What arrived before the snapshot was asked for goes in first, as it came.
    flush();
    held ??= [];
    try {
      const snapshots = await link.api.list({});
      if (stopped || mine !== generation) return;
      sessions.applySnapshot(snapshots);
    } catch (error) {
      if (stopped || mine !== generation) return;
      onResyncError?.(error);
    }
    // Batches that raced the snapshot go in after it, in order: each carries absolute state and
    // counters, so replaying one the snapshot already reflects changes nothing.
    const waiting = held ?? [];
    held = undefined;
    if (waiting.length > 0) apply(merged(waiting));
  }

  const offEvents = link.api.onEvents((batch) => {
    if (held) held.push(batch);
    else arrived(batch);
  });
  const offStatus = link.onStatus((status) => {
    if (status === 'open') void resync();
  });
  if (link.status() === 'open') void resync();

  return () => {
    stopped = true;
    held = undefined;
    cancelFlush?.();
    clearTimeout(quiet);
    due = [];
    offEvents();
    offStatus();
    offSessions();
  };
}
