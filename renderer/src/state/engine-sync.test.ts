// Engine sync with a scripted link: a snapshot on start and on every reopen, batches that race the
// snapshot applied after it, in order.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EventBatch } from '../../../shared/contract/events';
import type { SessionSnapshot } from '../../../shared/contract/model';
import { type EngineLink, HEAVY_UPDATE_BYTES, HEAVY_UPDATE_EVENTS, startEngineSync } from './engine-sync';
import { ringToArray } from './log-ring';
import { createLogStore, type LogStore } from './log-store';
import { logOf } from './session-logs';
import { activeSession } from './sessions-reducer';
import { createSessionsStore, type SessionsStore } from './sessions-store';

const activeLog = (sessions: SessionsStore, log: LogStore) =>
  logOf(log.getState(), sessions.getState().activeId);

type Status = ReturnType<EngineLink['status']>;

/** A link whose list() answers only when the test says so. */
function scriptedLink(initial: Status) {
  let status = initial;
  const eventListeners = new Set<(b: EventBatch) => void>();
  const statusListeners = new Set<(s: Status) => void>();
  const lists: {
    resolve: (s: SessionSnapshot[]) => void;
    reject: (e: unknown) => void;
    answered: Promise<unknown>;
  }[] = [];
  const link: EngineLink = {
    api: {
      list() {
        let resolve: (s: SessionSnapshot[]) => void = () => {};
        let reject: (e: unknown) => void = () => {};
        const answer = new Promise<SessionSnapshot[]>((res, rej) => {
          resolve = res;
          reject = rej;
        });
        // Settles one step after `answer`, so after the sync has resumed from awaiting it.
        lists.push({ resolve, reject, answered: answer.catch(() => undefined) });
        return answer;
      },
      onEvents(l) {
        eventListeners.add(l);
        return () => eventListeners.delete(l);
      },
    },
    status: () => status,
    onStatus(l) {
      statusListeners.add(l);
      return () => statusListeners.delete(l);
    },
  };
  let seq = 0;
  return {
    link,
    lists,
    emit: (...events: EngineEvent[]) => {
      for (const l of eventListeners) l({ seq: ++seq, events });
    },
    setStatus(next: Status) {
      status = next;
      for (const l of statusListeners) l(next);
    },
    listeners: () => eventListeners.size + statusListeners.size,
  };
}

const snap = (id: string, change: Partial<SessionSnapshot> = {}): SessionSnapshot => ({
  id,
  name: 'board',
  config: { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 },
  state: 'connected',
  local: '127.0.0.1:50000',
  remote: '127.0.0.1:8087',
  counters: { rxBytes: 10, txBytes: 4, rxChunks: 1, txChunks: 1 },
  openedAt: 1,
  ...change,
});

const rx = (id: string, text: string): EngineEvent => ({
  type: 'data',
  id,
  dir: 'rx',
  at: 1,
  peer: '127.0.0.1:8087',
  bytes: new TextEncoder().encode(text),
});

describe('engine sync', () => {
  it('lists on start, holds racing batches, then applies them after the snapshot', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const stop = startEngineSync({ link: engine.link, sessions, log });
    expect(engine.lists).toHaveLength(1);

    engine.emit(rx('e1', 'early'), {
      type: 'counters',
      id: 'e1',
      counters: { rxBytes: 15, txBytes: 4, rxChunks: 2, txChunks: 1 },
    });
    expect(activeLog(sessions, log).shown.ring.length).toBe(0);

    engine.lists[0]?.resolve([snap('e1')]);
    await engine.lists[0]?.answered;
    const active = activeSession(sessions.getState());
    expect(active).toMatchObject({ engineId: 'e1', state: 'connected' });
    expect(active.counters.rxBytes).toBe(15);
    expect(activeLog(sessions, log).shown.ring.length).toBe(1);

    engine.emit(rx('e1', 'later'));
    expect(activeLog(sessions, log).shown.ring.length).toBe(2);
    stop();
    expect(engine.listeners()).toBe(0);
  });

  it('waits for the link to open, and resyncs on every reopen', async () => {
    const engine = scriptedLink('connecting');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const stop = startEngineSync({ link: engine.link, sessions, log });
    expect(engine.lists).toHaveLength(0);

    engine.setStatus('open');
    engine.lists[0]?.resolve([snap('e1')]);
    await engine.lists[0]?.answered;
    expect(activeSession(sessions.getState()).state).toBe('connected');

    // The engine restarted while the link was down: it no longer has e1.
    engine.setStatus('lost');
    engine.setStatus('open');
    expect(engine.lists).toHaveLength(2);
    engine.lists[1]?.resolve([]);
    await engine.lists[1]?.answered;
    expect(activeSession(sessions.getState())).toMatchObject({ engineId: undefined, state: 'disconnected' });
    stop();
  });

  it('applies held batches even when the snapshot fails, and reports the failure', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const failures: unknown[] = [];
    const stop = startEngineSync({
      link: engine.link,
      sessions,
      log,
      onResyncError: (e) => failures.push(e),
    });
    engine.emit(rx('e1', 'kept'));
    engine.lists[0]?.reject(new Error('link dropped'));
    await engine.lists[0]?.answered;
    expect(failures).toHaveLength(1);
    // Nobody owns e1 yet: its entry waits, and joins the session that adopts e1 at the next resync.
    expect(log.getState().pending.e1?.ring.length).toBe(1);
    engine.setStatus('lost');
    engine.setStatus('open');
    engine.lists[1]?.resolve([snap('e1')]);
    await engine.lists[1]?.answered;
    const [entry] = ringToArray(activeLog(sessions, log).shown.ring);
    expect(entry?.kind).toBe('data');
    expect(log.getState().pending).toEqual({});
    stop();
  });

  it('keeps the log going when the sessions store fails on a batch, reports it, and resyncs', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const errors: unknown[] = [];
    const stop = startEngineSync({ link: engine.link, sessions, log, onApplyError: (e) => errors.push(e) });
    engine.lists[0]?.resolve([snap('e1')]);
    await engine.lists[0]?.answered;

    const applyBatch = sessions.applyBatch;
    sessions.applyBatch = () => {
      throw new Error('reducer bug');
    };
    // The transport's other listeners must still run: the failure may not escape the sync.
    expect(() => engine.emit(rx('e1', 'still shown'))).not.toThrow();
    sessions.applyBatch = applyBatch;
    expect(errors).toEqual([new Error('reducer bug')]);
    expect(activeLog(sessions, log).shown.ring.length).toBe(1);

    await Promise.resolve();
    expect(engine.lists).toHaveLength(2);
    engine.lists[1]?.resolve([
      snap('e1', { counters: { rxBytes: 21, txBytes: 4, rxChunks: 2, txChunks: 1 } }),
    ]);
    await engine.lists[1]?.answered;
    expect(activeSession(sessions.getState()).counters.rxBytes).toBe(21);
    stop();
  });

  it('gives each session its own log, and late events of a closed engine session to its owner', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const stop = startEngineSync({ link: engine.link, sessions, log });
    engine.lists[0]?.resolve([snap('e1'), snap('e2', { remote: '127.0.0.1:9000' })]);
    await engine.lists[0]?.answered;
    const [first, second] = sessions.getState().order as [string, string];
    engine.emit(rx('e1', 'to one'), rx('e2', 'to two'), rx('e1', 'one again'));
    const texts = (uiId: string) =>
      ringToArray(logOf(log.getState(), uiId).shown.ring).map((e) =>
        e.kind === 'data'
          ? new TextDecoder().decode(e.bytes)
          : e.kind === 'system'
            ? e.text
            : e.result.verdict,
      );
    expect(texts(first)).toEqual(['to one', 'one again']);
    expect(texts(second)).toEqual(['to two']);

    // close() answered before the engine's events: they still land in the first session's log.
    sessions.detach(first);
    engine.emit(
      { type: 'state', id: 'e1', state: 'disconnected', at: 9 },
      { type: 'session-closed', id: 'e1' },
    );
    expect(texts(first).at(-1)).toBe('Disconnected from 127.0.0.1:8087');

    sessions.remove(second);
    expect(log.getState().logs[second]).toBeUndefined();
    stop();
  });

  it('words log rows with the target the sessions store knows', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const stop = startEngineSync({ link: engine.link, sessions, log });
    engine.lists[0]?.resolve([snap('e1', { state: 'connecting', local: undefined, remote: undefined })]);
    await engine.lists[0]?.answered;
    engine.emit({ type: 'state', id: 'e1', state: 'disconnected', at: 9 });
    const rows = ringToArray(activeLog(sessions, log).shown.ring);
    expect(rows.map((r) => (r.kind === 'system' ? r.text : ''))).toEqual([
      'Disconnected from 127.0.0.1:8087',
    ]);
    stop();
  });
});

describe('engine sync per display frame', () => {
  it('applies the batches of one frame as one update of each store, in order, and none after stop', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    let frame: (() => void) | undefined;
    const stop = startEngineSync({
      link: engine.link,
      sessions,
      log,
      schedule: (flush) => {
        frame = flush;
        return () => {
          frame = undefined;
        };
      },
    });
    engine.lists[0]?.resolve([snap('e1')]);
    await engine.lists[0]?.answered;
    let logUpdates = 0;
    let sessionUpdates = 0;
    log.subscribe(() => logUpdates++);
    sessions.subscribe(() => sessionUpdates++);

    for (const text of ['one', 'two', 'three']) {
      engine.emit(rx('e1', text), {
        type: 'counters',
        id: 'e1',
        counters: { rxBytes: text.length, txBytes: 0, rxChunks: 1, txChunks: 0 },
      });
    }
    expect(logUpdates + sessionUpdates).toBe(0);
    frame?.();
    expect([logUpdates, sessionUpdates]).toEqual([1, 1]);
    const texts = ringToArray(activeLog(sessions, log).shown.ring).map((e) =>
      e.kind === 'data' ? new TextDecoder().decode(e.bytes) : e.kind,
    );
    expect(texts).toEqual(['one', 'two', 'three']);
    expect(activeSession(sessions.getState()).counters.rxBytes).toBe(5);

    engine.emit(rx('e1', 'late'));
    stop();
    expect(frame).toBeUndefined();
    expect(activeLog(sessions, log).shown.ring.length).toBe(3);
  });
});

describe('engine sync at the end of a burst', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('shows what is due once batches stop, not at the end of the pace; never during a flood', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    // A pace that never ends on its own: only the end of a burst (asking for the next frame, here
    // at once) can apply the batches.
    const stop = startEngineSync({
      link: engine.link,
      sessions,
      log,
      schedule: (flush, _heavy, soon) => {
        if (!soon) return () => {};
        const timer = setTimeout(flush, 0);
        return () => clearTimeout(timer);
      },
      now: () => Date.now(),
    });
    engine.lists[0]?.resolve([snap('e1')]);
    await engine.lists[0]?.answered;
    vi.useFakeTimers();
    let updates = 0;
    log.subscribe(() => updates++);
    const shown = () => activeLog(sessions, log).shown.ring.length;

    // A burst: a batch every 16 ms, five times; shown at the frame after 32 ms (twice the gap)
    // without a batch.
    for (let i = 0; i < 5; i++) {
      engine.emit(rx('e1', `line ${i}`));
      vi.advanceTimersByTime(16);
    }
    expect(updates).toBe(0);
    vi.advanceTimersByTime(15);
    expect(updates).toBe(0);
    vi.advanceTimersByTime(2);
    expect(updates).toBe(1);
    expect(shown()).toBe(5);

    // After a quiet spell, a flood, a batch every 64 ms for a second: no end of a burst in between.
    vi.advanceTimersByTime(500);
    for (let i = 0; i < 16; i++) {
      engine.emit(rx('e1', `flood ${i}`));
      vi.advanceTimersByTime(64);
    }
    expect(updates).toBe(1);
    // After the last, at most 100 ms and a frame.
    vi.advanceTimersByTime(38);
    expect(updates).toBe(2);
    expect(shown()).toBe(21);
    stop();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe('engine sync after a flood', () => {
  it('tells the pace when the update before was a heavy one, by its events or its bytes', async () => {
    const engine = scriptedLink('open');
    const sessions = createSessionsStore();
    const log = createLogStore();
    const asked: boolean[] = [];
    let frame: (() => void) | undefined;
    const stop = startEngineSync({
      link: engine.link,
      sessions,
      log,
      schedule: (flush, heavy = false) => {
        asked.push(heavy);
        frame = flush;
        return () => {
          frame = undefined;
        };
      },
    });
    engine.lists[0]?.resolve([snap('e1')]);
    await engine.lists[0]?.answered;
    const lines = (n: number) => Array.from({ length: n }, (_, i) => rx('e1', `line ${i}`));
    engine.emit(...lines(3));
    frame?.();
    engine.emit(...lines(HEAVY_UPDATE_EVENTS));
    frame?.();
    engine.emit(...lines(1));
    frame?.();
    engine.emit(...lines(1));
    frame?.();
    // A few large chunks are a flood too: 256 KiB of payload.
    const chunk = 'x'.repeat(64 * 1024);
    engine.emit(...Array.from({ length: HEAVY_UPDATE_BYTES / chunk.length }, () => rx('e1', chunk)));
    frame?.();
    engine.emit(...lines(1));
    frame?.();
    expect(asked).toEqual([false, false, true, false, false, true]);
    stop();
  });
});
