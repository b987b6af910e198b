// Keeps the stores in step with the engine: every batch into both stores (one update each), on start
// and every link reopen a list() snapshot first (holding batches until it is in), and each session's
// log following the sessions (an engine session's waiting entries join its owner once it has one).
import type { SessionApi } from '../../../shared/contract/api';
import type { EventBatch } from '../../../shared/contract/events';
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
}

/** Starts syncing; the returned function stops it. */
export function startEngineSync({
  link,
  sessions,
  log,
  onResyncError,
  onApplyError,
}: EngineSyncOptions): () => void {
  let held: EventBatch[] | undefined;
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
    for (const step of [() => sessions.applyBatch(batch), () => log.applyBatch(batch, routing)]) {
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

  async function resync(): Promise<void> {
    const mine = ++generation;
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
    for (const batch of waiting) apply(batch);
  }

  const offEvents = link.api.onEvents((batch) => {
    if (held) held.push(batch);
    else apply(batch);
  });
  const offStatus = link.onStatus((status) => {
    if (status === 'open') void resync();
  });
  if (link.status() === 'open') void resync();

  return () => {
    stopped = true;
    held = undefined;
    offEvents();
    offStatus();
    offSessions();
  };
}
