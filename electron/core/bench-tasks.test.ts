// Soak runs and periodic sends through the session manager against loopback boards: counts,
// round-trip figures, out-of-order replies, stopping, errors, and nothing left running.
import { createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import {
  startLineEchoBoard,
  startRecordingBoard,
  startSilentBoard,
  startW55rp20Board,
} from '../../e2e/fixtures/boards';
import type { TaskEvent } from '../../shared/contract/events';
import type { ExpectSpec } from '../../shared/contract/model';
import { benchHarness, exchangesOf, stateIs, taskEnd, text } from './bench-test-kit';

const { setup, track } = benchHarness();
const W55RP20: ExpectSpec = { rule: { kind: 'prefix-echo', prefix: 'TCP Server : ' }, timeoutMs: 2000 };

async function clientTo(port: number, framing?: { kind: 'delimiter'; delimiterHex: string }) {
  const bench = setup();
  const { id } = await bench.manager.open({
    config: { protocol: 'tcp-client', host: '127.0.0.1', port, ...(framing ? { framing } : {}) },
  });
  await bench.recorder.waitFor(stateIs(id, 'connected'), 'connected');
  return { ...bench, id };
}

const tasksOf = (events: readonly { type: string }[], taskId: string) =>
  events.filter((e): e is TaskEvent => e.type === 'task' && (e as TaskEvent).taskId === taskId);

describe('soak runs', () => {
  it('runs 1,000 rounds against a W55RP20: 1,000 passed, sane round trips, figures that only grow', async () => {
    const board = track(await startW55rp20Board());
    const { manager, recorder, id } = await clientTo(board.port);
    const { taskId } = await manager.startSoak({
      id,
      payload: text('ping {counter}', { macros: true }),
      intervalMs: 0,
      rounds: 1000,
      expect: W55RP20,
    });
    const end = await taskEnd(recorder, taskId);
    expect(end).toMatchObject({ kind: 'soak', state: 'done', sent: 1000, total: 1000 });
    const stats = end.stats;
    expect(stats).toMatchObject({ sent: 1000, passed: 1000, failed: 0, timedOut: 0, outOfOrder: 0 });
    expect(stats?.rtt?.p50).toBeLessThan(50);
    expect(stats?.rtt?.min).toBeGreaterThan(0);
    expect(stats?.rtt?.min).toBeLessThanOrEqual(stats?.rtt?.p50 ?? 0);
    expect(stats?.rtt?.p99).toBeLessThanOrEqual(stats?.rtt?.max ?? 0);
    expect(stats?.throughputBps).toBeGreaterThan(0);
    // Every reply was "TCP Server : ping N": 13 + 5 + digits bytes each.
    expect(board.stats().replies).toBe(1000);
    expect(exchangesOf(recorder, id)).toEqual([]);
    const progress = tasksOf(recorder.events, taskId);
    expect(progress[0]).toMatchObject({ state: 'running', sent: 0 });
    for (let i = 1; i < progress.length; i++) {
      const [a, b] = [progress[i - 1]?.stats, progress[i]?.stats];
      expect(b?.sent).toBeGreaterThanOrEqual(a?.sent ?? 0);
      expect(b?.passed).toBeGreaterThanOrEqual(a?.passed ?? 0);
      expect(b?.elapsedMs).toBeGreaterThanOrEqual(a?.elapsedMs ?? 0);
    }
  });

  it('sends on an interval for a duration, then waits for the last replies', async () => {
    // Sends on a schedule may merge on the way; a line per send and delimiter framing keep them apart.
    const board = track(await startLineEchoBoard());
    const { manager, recorder, id } = await clientTo(board.port, { kind: 'delimiter', delimiterHex: '0A' });
    const { taskId } = await manager.startSoak({
      id,
      payload: text('tick {counter}\n', { macros: true }),
      intervalMs: 10,
      durationMs: 200,
      expect: W55RP20,
    });
    const end = await taskEnd(recorder, taskId);
    expect(end.state).toBe('done');
    expect(end.total).toBeUndefined();
    expect(end.sent).toBeGreaterThanOrEqual(2);
    expect(end.sent).toBeLessThanOrEqual(21);
    expect(end.stats).toMatchObject({ sent: end.sent, passed: end.sent, failed: 0, timedOut: 0 });
    expect(end.stats?.elapsedMs).toBeGreaterThanOrEqual(200);
  });

  it('counts timeouts and reports them one by one, leaving the session’s expect rule alone', async () => {
    const board = track(await startSilentBoard());
    const { manager, recorder, id } = await clientTo(board.port);
    const { taskId } = await manager.startSoak({
      id,
      payload: text('x'),
      intervalMs: 0,
      rounds: 3,
      expect: { rule: { kind: 'echo' }, timeoutMs: 40 },
    });
    const end = await taskEnd(recorder, taskId);
    expect(end.stats).toMatchObject({ sent: 3, passed: 0, failed: 0, timedOut: 3, rtt: null });
    expect(exchangesOf(recorder, id).map((r) => [r.seq, r.verdict])).toEqual([
      [1, 'timeout'],
      [2, 'timeout'],
      [3, 'timeout'],
    ]);
    // No expect rule on the session itself: a plain send opens no exchange.
    await manager.send({ id, payload: text('y') });
    await board.waitForConnection();
    expect(exchangesOf(recorder, id)).toHaveLength(3);
  });

  it('sets a late reply to a timed-out round aside as out of order instead of failing the next', async () => {
    // Holds its answer to the first line until the second arrives, then answers both at once.
    let held: Buffer | undefined;
    const sockets = new Set<Socket>();
    const server = createServer((socket) => {
      sockets.add(socket);
      socket.on('data', (chunk: Buffer) => {
        const reply = Buffer.concat([Buffer.from('TCP Server : '), chunk]);
        if (!held && chunk.toString() === 'n1\n') held = reply;
        else if (held) {
          socket.write(Buffer.concat([held, reply]));
          held = Buffer.alloc(0);
        } else socket.write(reply);
      });
    });
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, resolve));
    track({
      close: () => {
        for (const s of sockets) s.destroy();
        return new Promise<void>((resolve) => server.close(() => resolve()));
      },
    });
    const port = (server.address() as { port: number }).port;
    const { manager, recorder, id } = await clientTo(port, { kind: 'delimiter', delimiterHex: '0A' });
    const { taskId } = await manager.startSoak({
      id,
      payload: text('n{counter}\n', { macros: true }),
      intervalMs: 0,
      rounds: 3,
      expect: { rule: W55RP20.rule, timeoutMs: 100 },
    });
    const end = await taskEnd(recorder, taskId);
    expect(end.stats).toMatchObject({ sent: 3, passed: 2, failed: 0, timedOut: 1, outOfOrder: 1 });
    expect(exchangesOf(recorder, id).map((r) => r.verdict)).toEqual(['timeout']);
  });

  it('stops at once on stopTask, and ends with an error when a send fails', async () => {
    const board = track(await startW55rp20Board());
    const { manager, recorder, id } = await clientTo(board.port);
    const { taskId } = await manager.startSoak({ id, payload: text('a'), intervalMs: 5, expect: W55RP20 });
    await recorder.waitFor((e) => e.type === 'task' && e.taskId === taskId && e.sent >= 3, 'three rounds');
    await manager.stopTask({ id, taskId });
    const end = await taskEnd(recorder, taskId);
    expect(end.state).toBe('stopped');
    const txAfterStop = recorder.of('data').filter((e) => e.dir === 'tx').length;
    await expect(manager.stopTask({ id, taskId })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });

    const second = await manager.startSoak({ id, payload: text('b'), intervalMs: 5, expect: W55RP20 });
    await recorder.waitFor((e) => e.type === 'task' && e.taskId === second.taskId && e.sent >= 1, 'a round');
    await board.endConnections();
    const failed = await taskEnd(recorder, second.taskId);
    expect(failed.state).toBe('error');
    expect(failed.error?.code).toBe('E_NOT_CONNECTED');
    expect(failed.error?.message).toMatch(/connection is closed/);
    expect(recorder.of('data').filter((e) => e.dir === 'tx').length).toBeGreaterThan(txAfterStop);
  });
});

describe('periodic sends', () => {
  it('sends every 10 ms, count times, on schedule, then ends', async () => {
    const board = track(await startRecordingBoard());
    const { manager, recorder, id } = await clientTo(board.port);
    const started = performance.now();
    const { taskId } = await manager.startPeriodic({
      id,
      payload: text('#{counter};', { macros: true }),
      intervalMs: 10,
      count: 20,
    });
    const end = await taskEnd(recorder, taskId);
    const elapsed = performance.now() - started;
    expect(end).toMatchObject({ kind: 'periodic', state: 'done', total: 20 });
    expect((end.sent ?? 0) + (end.skipped ?? 0)).toBeGreaterThanOrEqual(20);
    expect(end.sent).toBe(20);
    // On schedule, not in a burst: send 20 goes at 190 ms (timers may run a hair early).
    expect(elapsed).toBeGreaterThanOrEqual(185);
    const expected = Array.from({ length: 20 }, (_, i) => `#${i + 1};`).join('');
    await board.waitForBytes(expected.length);
    expect(board.received().toString()).toBe(expected);
  });

  it('runs until stopped, and stops when its session closes', async () => {
    const board = track(await startRecordingBoard());
    const { manager, recorder, id } = await clientTo(board.port);
    const first = await manager.startPeriodic({ id, payload: text('p'), intervalMs: 1 });
    await recorder.waitFor(
      (e) => e.type === 'task' && e.taskId === first.taskId && e.sent >= 10,
      'ten sends',
    );
    await manager.stopTask({ id, taskId: first.taskId });
    expect((await taskEnd(recorder, first.taskId)).state).toBe('stopped');
    const second = await manager.startPeriodic({ id, payload: text('q'), intervalMs: 1000 });
    await manager.close({ id });
    const end = await taskEnd(recorder, second.taskId);
    expect(end.state).toBe('stopped');
    expect(end.sent).toBeLessThanOrEqual(1);
    const events = recorder.events.map((e) => e.type);
    expect(events.lastIndexOf('task')).toBeLessThan(events.indexOf('session-closed'));
  });

  it('ends with the sentence when a send fails, and refuses a payload that cannot be encoded', async () => {
    const board = track(await startW55rp20Board());
    const { manager, recorder, id } = await clientTo(board.port);
    await expect(
      manager.startPeriodic({ id, payload: text('{nope}', { macros: true }), intervalMs: 10 }),
    ).rejects.toMatchObject({ code: 'E_BAD_PAYLOAD' });
    const { taskId } = await manager.startPeriodic({ id, payload: text('x'), intervalMs: 5 });
    await recorder.waitFor((e) => e.type === 'task' && e.taskId === taskId && e.sent >= 2, 'two sends');
    await board.endConnections();
    const end = await taskEnd(recorder, taskId);
    expect(end.state).toBe('error');
    expect(end.error?.message).toMatch(/^Not connected to 127\.0\.0\.1:\d+: the connection is closed/);
  });
});
