// Test aid for the engine: an event sink that records everything and lets a test wait for an event
// instead of sleeping, a census of live handles, and a recorded TCP client session. Plain Node.
import type { Socket } from 'node:net';
import type { EngineEvent, EventSink, StateEvent } from '../../shared/contract/events';
import type { TcpClientConfig } from '../../shared/contract/model';
import { TcpClientSession } from './tcp-client';

type Waiter = { match: (event: EngineEvent) => boolean; resolve: (event: EngineEvent) => void };

/** Generous: it only bounds how long a broken test hangs before it says what it was waiting for. */
const WAIT_DEADLINE_MS = 10_000;

export interface Recorder {
  sink: EventSink;
  events: EngineEvent[];
  /** The first recorded event (past or future) that matches. */
  waitFor<T extends EngineEvent>(match: (event: EngineEvent) => event is T, what: string): Promise<T>;
  waitFor(match: (event: EngineEvent) => boolean, what: string): Promise<EngineEvent>;
  of<K extends EngineEvent['type']>(type: K): Extract<EngineEvent, { type: K }>[];
}

export function createRecorder(): Recorder {
  const events: EngineEvent[] = [];
  let waiters: Waiter[] = [];
  const sink: EventSink = (event) => {
    events.push(event);
    const still: Waiter[] = [];
    for (const waiter of waiters) {
      if (waiter.match(event)) waiter.resolve(event);
      else still.push(waiter);
    }
    waiters = still;
  };
  const waitFor = (match: (event: EngineEvent) => boolean, what: string): Promise<EngineEvent> => {
    const seen = events.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const deadline = setTimeout(() => {
        waiters = waiters.filter((w) => w !== waiter);
        const types = events.map((e) => (e.type === 'state' ? `state:${e.state}` : e.type)).join(', ');
        reject(new Error(`no event: ${what} (saw ${types || 'nothing'})`));
      }, WAIT_DEADLINE_MS);
      const waiter: Waiter = {
        match,
        resolve: (event) => {
          clearTimeout(deadline);
          resolve(event);
        },
      };
      waiters.push(waiter);
    });
  };
  return {
    sink,
    events,
    waitFor: waitFor as Recorder['waitFor'],
    of: <K extends EngineEvent['type']>(type: K) =>
      events.filter((e): e is Extract<EngineEvent, { type: K }> => e.type === type),
  };
}

/** Kinds of active resources a socket, a DNS lookup or a timer leaves behind when not cleaned up. */
const TRACKED = /^(TCP|UDP|Pipe|Connect|Shutdown|Write|Send|GetAddrInfo|Timeout|Immediate)/;

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

/**
 * Count of each tracked active resource kind, for before/after comparisons around a test. A closed
 * handle is released in the loop's close phase, after 'close' events ran; two turns let that pass.
 */
export async function trackedResources(): Promise<Record<string, number>> {
  await nextTurn();
  await nextTurn();
  const counts: Record<string, number> = {};
  for (const name of process.getActiveResourcesInfo()) {
    if (TRACKED.test(name)) counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

/**
 * Tracked resources that grew since `before` ({} when nothing leaked). Decreases are ignored: the
 * runner's own timers come and go, but nothing this test started may still be there.
 */
export async function resourcesAddedSince(before: Record<string, number>): Promise<Record<string, number>> {
  const now = await trackedResources();
  const added: Record<string, number> = {};
  for (const [name, count] of Object.entries(now)) {
    const grown = count - (before[name] ?? 0);
    if (grown > 0) added[name] = grown;
  }
  return added;
}

export const isState =
  (state: StateEvent['state']) =>
  (e: EngineEvent): e is StateEvent =>
    e.type === 'state' && e.state === state;

/** The first state after which the session will not change by itself: disconnected or error. */
export const finalState = (r: Recorder): Promise<StateEvent> =>
  r.waitFor(
    (e): e is StateEvent => e.type === 'state' && (e.state === 'disconnected' || e.state === 'error'),
    'disconnected or error',
  );

export type SessionConfigInput = Omit<TcpClientConfig, 'protocol'>;
export type SessionExtras = { maxQueuedSendBytes?: number; createSocket?: () => Socket };

/** A connecting TCP client session recording its events; `onCleanup` receives its close. */
export function startTestSession(
  config: SessionConfigInput,
  onCleanup: (close: () => Promise<void>) => void,
  extra: SessionExtras = {},
): { session: TcpClientSession; recorder: Recorder } {
  const recorder = createRecorder();
  const session = new TcpClientSession({
    id: 's1',
    config: { protocol: 'tcp-client', ...config },
    emit: recorder.sink,
    closeGraceMs: 200,
    ...extra,
  });
  session.connect();
  onCleanup(() => session.close());
  return { session, recorder };
}
