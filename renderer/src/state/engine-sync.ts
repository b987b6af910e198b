// Keeps the stores in step with the engine: every batch into both stores (one update each), and on
// start and every link reopen a list() snapshot first, holding batches until it is in.
import type { SessionApi } from '../../../shared/contract/api';
import type { EventBatch } from '../../../shared/contract/events';
import type { LogStore } from './log-store';
import { targetOf } from './sessions-reducer';
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
}

/** Starts syncing; the returned function stops it. */
export function startEngineSync({ link, sessions, log, onResyncError }: EngineSyncOptions): () => void {
  let held: EventBatch[] | undefined;
  let generation = 0;
  let stopped = false;

  const apply = (batch: EventBatch) => {
    sessions.applyBatch(batch);
    log.applyBatch(batch, { targetOf: (id) => targetOf(sessions.getState(), id) });
  };

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
  };
}
