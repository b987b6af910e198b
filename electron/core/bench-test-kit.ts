// Test aid for bench automation: a session manager recording its events, boards closed after
// each test, a check that nothing was left running, and waits for exchanges and tasks. Plain Node.
import { afterEach, beforeEach, expect } from 'vitest';
import type { EngineEvent, ExchangeEvent, StateEvent, TaskEvent } from '../../shared/contract/events';
import type { SessionState, TextPayload } from '../../shared/contract/model';
import { createSessionManager, type SessionManager } from './session-manager';
import { createRecorder, type Recorder, resourcesAddedSince, trackedResources } from './test-recorder';

export interface Bench {
  recorder: Recorder;
  manager: SessionManager;
}

/** Registers hooks: everything a test starts is closed after it, and no handle may outlive it. */
export function benchHarness() {
  const cleanups: (() => Promise<unknown> | unknown)[] = [];
  let before: Record<string, number> = {};
  beforeEach(async () => {
    before = await trackedResources();
  });
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
    expect(await resourcesAddedSince(before)).toEqual({});
  });
  return {
    setup(): Bench {
      const recorder = createRecorder();
      let n = 0;
      const manager = createSessionManager({
        sink: recorder.sink,
        newId: () => `s${++n}`,
        closeGraceMs: 100,
      });
      cleanups.push(() => manager.dispose());
      return { recorder, manager };
    },
    track<T extends { close(): Promise<unknown> }>(board: T): T {
      cleanups.push(() => board.close());
      return board;
    },
  };
}

export const text = (value: string, extra: Partial<TextPayload> = {}): TextPayload => ({
  text: value,
  encoding: 'utf-8',
  escapes: false,
  lineEnding: 'none',
  ...extra,
});

export const stateIs =
  (id: string, state: SessionState) =>
  (e: EngineEvent): e is StateEvent =>
    e.type === 'state' && e.id === id && e.state === state;

export const exchangesOf = (r: Recorder, id = 's1') =>
  r
    .of('exchange')
    .filter((e) => e.id === id)
    .map((e) => e.result);

/** Resolves once `n` exchanges of the session were judged. */
export const waitForExchanges = async (r: Recorder, n: number, id = 's1') => {
  await r.waitFor(
    (e): e is ExchangeEvent => e.type === 'exchange' && exchangesOf(r, id).length >= n,
    `${n} exchanges`,
  );
  return exchangesOf(r, id);
};

/** The task's final event: done, stopped or error. */
export const taskEnd = (r: Recorder, taskId: string) =>
  r.waitFor(
    (e): e is TaskEvent => e.type === 'task' && e.taskId === taskId && e.state !== 'running',
    `task ${taskId} to end`,
  );

export const bytes = (value: string) => new TextEncoder().encode(value);
