// A session's automation as its events tell it, through the sessions store as the app applies
// batches: verdict totals, the latest periodic send and soak run, a task started before its first
// event, stale events after an end, auto-reply hits, and a new engine session starting clean.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../../shared/contract/events';
import type { SessionSnapshot, SoakStats } from '../../../shared/contract/model';
import { exchangesReset, hitsReset, taskStarted } from './automation-view';
import { activeSession } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';

const snapshot: SessionSnapshot = {
  id: 'e1',
  name: 'Session 1',
  config: { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 },
  state: 'connected',
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
  openedAt: 1,
};

function setup() {
  const sessions = createSessionsStore();
  const id = sessions.getState().activeId;
  sessions.beginOpen(id, '127.0.0.1:8087');
  sessions.openSucceeded(id, snapshot);
  let seq = 0;
  const apply = (...events: EngineEvent[]) => sessions.applyBatch({ seq: ++seq, events });
  const view = () => activeSession(sessions.getState()).automation;
  return { sessions, id, apply, view };
}

const exchange = (verdict: 'pass' | 'fail' | 'timeout', seq: number): EngineEvent => ({
  type: 'exchange',
  id: 'e1',
  result: { seq, verdict, sentAt: 1000, peer: '127.0.0.1:8087' },
});

const stats = (sent: number, passed: number): SoakStats => ({
  sent,
  passed,
  failed: 0,
  timedOut: 0,
  outOfOrder: 0,
  rtt: { min: 0.1, p50: 0.2, p95: 0.3, p99: 0.4, max: 0.5 },
  throughputBps: 1000,
  elapsedMs: 10,
});

describe('automation view', () => {
  it('counts verdicts, and a reset starts the totals again', () => {
    const { sessions, id, apply, view } = setup();
    expect(view()).toBeUndefined();
    apply(exchange('pass', 1), exchange('fail', 2), exchange('pass', 3), exchange('timeout', 4));
    expect(view()?.exchanges).toEqual({ passed: 2, failed: 1, timedOut: 1 });
    sessions.updateAutomation(id, exchangesReset);
    expect(view()?.exchanges).toEqual({ passed: 0, failed: 0, timedOut: 0 });
  });

  it('follows a periodic send from its start to its end, keeping the interval it was started with', () => {
    const { sessions, id, apply, view } = setup();
    sessions.updateAutomation(id, (v) => taskStarted(v, 'periodic', 'periodic-1', { intervalMs: 10 }));
    expect(view()?.periodic).toEqual({
      taskId: 'periodic-1',
      kind: 'periodic',
      state: 'running',
      sent: 0,
      intervalMs: 10,
    });
    apply({ type: 'task', id: 'e1', taskId: 'periodic-1', kind: 'periodic', state: 'running', sent: 37 });
    expect(view()?.periodic).toMatchObject({ sent: 37, intervalMs: 10, state: 'running' });
    apply({
      type: 'task',
      id: 'e1',
      taskId: 'periodic-1',
      kind: 'periodic',
      state: 'stopped',
      sent: 40,
      skipped: 2,
    });
    // A batch that raced the end cannot bring the task back to life.
    apply({ type: 'task', id: 'e1', taskId: 'periodic-1', kind: 'periodic', state: 'running', sent: 39 });
    expect(view()?.periodic).toMatchObject({ state: 'stopped', sent: 40, skipped: 2 });
  });

  it('keeps what a first event already said when the start answers after it', () => {
    const { sessions, id, apply, view } = setup();
    apply({
      type: 'task',
      id: 'e1',
      taskId: 'soak-1',
      kind: 'soak',
      state: 'running',
      sent: 5,
      total: 1000,
      stats: stats(5, 5),
    });
    sessions.updateAutomation(id, (v) => taskStarted(v, 'soak', 'soak-1', { intervalMs: 0, total: 1000 }));
    expect(view()?.soak).toMatchObject({ sent: 5, total: 1000, intervalMs: 0, stats: stats(5, 5) });
    apply({
      type: 'task',
      id: 'e1',
      taskId: 'soak-1',
      kind: 'soak',
      state: 'done',
      sent: 1000,
      total: 1000,
      stats: stats(1000, 1000),
    });
    expect(view()?.soak).toMatchObject({ state: 'done', stats: { passed: 1000 }, intervalMs: 0 });
    // A periodic send is a different slot.
    expect(view()?.periodic).toBeUndefined();
  });

  it('takes the hits per rule as the engine counts them, and drops them with new rules', () => {
    const { sessions, id, apply, view } = setup();
    apply(
      { type: 'auto-reply', id: 'e1', rule: 2, hits: 1 },
      { type: 'auto-reply', id: 'e1', rule: 0, hits: 4 },
    );
    expect(view()?.hits).toEqual([4, 0, 1]);
    sessions.updateAutomation(id, hitsReset);
    expect(view()?.hits).toEqual([]);
  });

  it('starts clean for the next engine session, and keeps its view through a list() resync', () => {
    const { sessions, id, apply, view } = setup();
    apply(exchange('pass', 1));
    sessions.applySnapshot([snapshot]);
    expect(view()?.exchanges.passed).toBe(1);
    sessions.beginOpen(id, '127.0.0.1:8087');
    expect(view()).toBeUndefined();
  });

  it('keeps a reconnecting client live, with its attempt and when, and forgets them once connected', () => {
    const { apply, sessions } = setup();
    apply({
      type: 'state',
      id: 'e1',
      state: 'reconnecting',
      at: 5,
      attempt: 3,
      nextAttemptAt: 2005,
      error: { code: 'ECONNRESET', message: 'reset' },
    });
    const s = activeSession(sessions.getState());
    expect(s).toMatchObject({ state: 'reconnecting', attempt: 3, nextAttemptAt: 2005, remote: undefined });
    apply({
      type: 'state',
      id: 'e1',
      state: 'connected',
      at: 9,
      local: '127.0.0.1:1',
      remote: '127.0.0.1:8087',
    });
    expect(activeSession(sessions.getState())).toMatchObject({
      state: 'connected',
      attempt: undefined,
      error: undefined,
    });
  });
});
