// The automation buttons against a scripted engine API: a periodic send and a soak run started (the
// button turns to Stop at once) and stopped by their task id; a file sent in awaited chunks as raw
// bytes with its progress and log rows, cancelled between chunks, or stopped by a failed send; and
// the log row each task leaves when it ends.
import { describe, expect, it } from 'vitest';
import type { SendTarget, SessionSnapshot } from '../../../shared/contract/model';
import { type AutomationApi, createAutomationActions } from './automation-actions';
import { ringToArray } from './log-ring';
import { createLogStore } from './log-store';
import { logOf } from './session-logs';
import { activeSession } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';
import { startTaskLog } from './task-log';

const snapshot: SessionSnapshot = {
  id: 'e1',
  name: 'Session 1',
  config: { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 },
  state: 'connected',
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
  openedAt: 1,
};

function setup(send?: (bytes: Uint8Array, n: number) => Promise<number>) {
  const calls: string[] = [];
  const api: AutomationApi = {
    startPeriodic: async (a) => {
      calls.push(`startPeriodic ${a.id} every ${a.intervalMs}${a.count ? ` x${a.count}` : ''}`);
      return { taskId: 'periodic-1' };
    },
    startSoak: async (a) => {
      calls.push(`startSoak ${a.id} ${a.rounds} rounds, ${a.expect.rule.kind}`);
      return { taskId: 'soak-1' };
    },
    stopTask: async (a) => {
      calls.push(`stopTask ${a.id} ${a.taskId}`);
    },
  };
  const sessions = createSessionsStore();
  const log = createLogStore(undefined, () => 0);
  const id = sessions.getState().activeId;
  sessions.beginOpen(id, '127.0.0.1:8087');
  sessions.openSucceeded(id, snapshot);
  const sent: Uint8Array[] = [];
  const actions = {
    send: async (_uiId: string, payload: { bytes?: Uint8Array } | object, _to?: SendTarget) => {
      const bytes = (payload as { bytes: Uint8Array }).bytes;
      sent.push(bytes);
      return send ? send(bytes, sent.length) : bytes.length;
    },
  };
  const automation = createAutomationActions(api, sessions, log, actions, () => 0);
  const rows = () =>
    ringToArray(logOf(log.getState(), id).shown.ring).map((e) => (e.kind === 'system' ? e.text : e.kind));
  return { calls, sessions, log, id, automation, sent, rows };
}

const file = (size: number) =>
  Object.assign(new Blob([Uint8Array.from({ length: size }, (_, i) => i % 256)]), { name: 'fw.bin' });

describe('automation actions', () => {
  it('starts a periodic send and stops it by its task id', async () => {
    const t = setup();
    expect(await t.automation.startPeriodic(t.id, { hex: '01' }, undefined, 10)).toBeUndefined();
    expect(activeSession(t.sessions.getState()).automation?.periodic).toMatchObject({
      state: 'running',
      intervalMs: 10,
    });
    await t.automation.stopTask(t.id, 'periodic');
    expect(t.calls).toEqual(['startPeriodic e1 every 10', 'stopTask e1 periodic-1']);
  });

  it('starts a soak run with its expect rule', async () => {
    const t = setup();
    const expectSpec = { rule: { kind: 'echo' as const }, timeoutMs: 500 };
    await t.automation.startSoak(t.id, { hex: '01' }, undefined, {
      intervalMs: 0,
      rounds: 1000,
      expect: expectSpec,
    });
    expect(t.calls).toEqual(['startSoak e1 1000 rounds, echo']);
    expect(activeSession(t.sessions.getState()).automation?.soak).toMatchObject({
      total: 1000,
      state: 'running',
    });
  });

  it('refuses to start without an engine session', async () => {
    const t = setup();
    t.sessions.detach(t.id);
    t.sessions.beginOpen(t.id, 'x');
    expect(await t.automation.startPeriodic(t.id, { hex: '01' }, undefined, 10)).toMatchObject({
      message: 'Start the session first.',
    });
  });

  it('sends a file as raw chunks in order and reports it done', async () => {
    const t = setup();
    await t.automation.sendFile(t.id, file(2500), 1024, 0);
    expect(t.sent.map((b) => b.length)).toEqual([1024, 1024, 452]);
    expect(t.sent[2]?.[0]).toBe(2048 % 256);
    expect(t.automation.files.getState()[t.id]).toEqual({
      name: 'fw.bin',
      total: 2500,
      sent: 2500,
      state: 'done',
    });
    expect(t.rows()).toEqual([
      'Sending file fw.bin: 2,500 bytes in 3 chunks',
      'File fw.bin sent: 2,500 bytes',
    ]);
  });

  it('cancels at the next chunk boundary', async () => {
    let t: ReturnType<typeof setup> | undefined;
    t = setup(async (bytes, n) => {
      if (n === 2 && t) t.automation.cancelFile(t.id);
      return bytes.length;
    });
    await t.automation.sendFile(t.id, file(10_000), 1000, 0);
    expect(t.sent).toHaveLength(2);
    expect(t.automation.files.getState()[t.id]).toMatchObject({ sent: 2000, state: 'cancelled' });
    expect(t.rows().at(-1)).toBe('File send cancelled after 2,000 of 10,000 bytes');
  });

  it('stops on a failed send with the engine’s sentence', async () => {
    const t = setup(async (bytes, n) => {
      if (n === 2) throw new Error('The board closed the connection.');
      return bytes.length;
    });
    await t.automation.sendFile(t.id, file(3000), 1000, 0);
    expect(t.automation.files.getState()[t.id]).toMatchObject({
      sent: 1000,
      state: 'error',
      error: 'The board closed the connection.',
    });
    expect(t.rows().at(-1)).toBe('File send stopped after 1,000 bytes: The board closed the connection.');
  });

  it('writes one row when a task ends, after the batch’s entries, and again for the next engine session’s tasks', async () => {
    const t = setup();
    const stop = startTaskLog(t.sessions, t.log, () => 0);
    const event = (state: 'running' | 'done', sent: number) => ({
      type: 'task' as const,
      id: 'e1',
      taskId: 'periodic-1',
      kind: 'periodic' as const,
      state,
      sent,
      total: 3,
    });
    t.sessions.applyBatch({ seq: 1, events: [event('running', 1)] });
    t.sessions.applyBatch({ seq: 2, events: [event('done', 3)] });
    t.sessions.applyBatch({ seq: 3, events: [{ type: 'counters', id: 'e1', counters: snapshot.counters }] });
    expect(t.rows()).toEqual([]);
    await Promise.resolve();
    expect(t.rows()).toEqual(['Periodic send: Sent 3 of 3']);
    // Task ids start again in a new engine session.
    t.sessions.beginOpen(t.id, '127.0.0.1:8087');
    t.sessions.openSucceeded(t.id, snapshot);
    t.sessions.applyBatch({ seq: 4, events: [event('done', 3)] });
    await Promise.resolve();
    expect(t.rows()).toEqual(['Periodic send: Sent 3 of 3', 'Periodic send: Sent 3 of 3']);
    stop();
  });
});
