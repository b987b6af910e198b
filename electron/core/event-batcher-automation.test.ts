// The batcher and bench automation events: task progress and rule hits coalesced, never lost;
// exchange verdicts never dropped, and bounded however far behind the receiver is.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { EngineEvent, EventBatch, ExchangeEvent, TaskEvent } from '../../shared/contract/events';
import { createEventBatcher, type EventBatcherOptions } from './event-batcher';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function setup(opts: Partial<Omit<EventBatcherOptions, 'send'>> = {}) {
  const batches: EventBatch[] = [];
  const batcher = createEventBatcher({ ...opts, send: (batch) => batches.push(batch) });
  return { batches, batcher };
}

const task = (
  id: string,
  taskId: string,
  sent: number,
  state: TaskEvent['state'] = 'running',
): TaskEvent => ({
  type: 'task',
  id,
  taskId,
  kind: 'soak',
  state,
  sent,
});

const exchange = (id: string, seq: number, size = 0): ExchangeEvent => ({
  type: 'exchange',
  id,
  result: {
    seq,
    verdict: 'fail',
    sentAt: 1,
    peer: '127.0.0.1:5000',
    diffAt: 3,
    reason: 'The reply differs from the expected bytes at byte 3.',
    ...(size > 0 ? { expected: new Uint8Array(size), actual: new Uint8Array(size) } : {}),
  },
});

const describe_ = (e: EngineEvent): string => {
  if (e.type === 'task') return `task:${e.id}:${e.taskId}:${e.sent}:${e.state}`;
  if (e.type === 'auto-reply') return `auto-reply:${e.id}:${e.rule}:${e.hits}`;
  if (e.type === 'exchange')
    return `exchange:${e.id}:${e.result.seq}:${e.result.actual ? 'bytes' : 'verdict'}`;
  if (e.type === 'data') return `data:${e.id}:${e.bytes.byteLength}`;
  return e.type;
};

describe('createEventBatcher with automation events', () => {
  it('keeps the latest progress per task and the latest hits per rule', () => {
    const { batches, batcher } = setup();
    for (let i = 1; i <= 100; i++) batcher.push(task('a', 'soak-1', i));
    batcher.push(task('a', 'periodic-2', 7));
    batcher.push(task('b', 'soak-1', 3));
    batcher.push({ type: 'auto-reply', id: 'a', rule: 0, hits: 1 });
    batcher.push({ type: 'auto-reply', id: 'a', rule: 1, hits: 1 });
    batcher.push({ type: 'auto-reply', id: 'a', rule: 0, hits: 2 });
    batcher.push(task('a', 'soak-1', 101, 'done'));
    batcher.flush();
    expect(batches[0]?.events.map(describe_)).toEqual([
      'task:a:soak-1:101:done',
      'task:a:periodic-2:7:running',
      'task:b:soak-1:3:running',
      'auto-reply:a:0:2',
      'auto-reply:a:1:1',
    ]);
  });

  it('sends a closing session’s last task and rule levels before it disappears', () => {
    const { batches, batcher } = setup();
    batcher.push(task('a', 'soak-1', 5, 'stopped'));
    batcher.push({ type: 'auto-reply', id: 'a', rule: 0, hits: 9 });
    batcher.push(task('b', 'soak-1', 1));
    batcher.push({ type: 'session-closed', id: 'a' });
    batcher.flush();
    expect(batches[0]?.events.map(describe_)).toEqual([
      'task:a:soak-1:5:stopped',
      'auto-reply:a:0:9',
      'session-closed',
      'task:b:soak-1:1:running',
    ]);
  });

  it('delivers every exchange in order; past a full window they go without their bytes', () => {
    const { batches, batcher } = setup({ maxInFlightBytes: 100 });
    batcher.push(exchange('a', 1, 20));
    batcher.push({ type: 'data', id: 'a', dir: 'rx', at: 1, peer: 'p', bytes: new Uint8Array(50) });
    batcher.push(exchange('a', 2, 20));
    batcher.push(exchange('a', 3, 20));
    batcher.flush();
    expect(batches[0]?.events.map(describe_)).toEqual([
      'exchange:a:1:bytes',
      'data:a:50',
      'exchange:a:2:verdict',
      'exchange:a:3:verdict',
    ]);
    const stripped = batches[0]?.events[2] as ExchangeEvent;
    expect(stripped.result).toMatchObject({ seq: 2, verdict: 'fail', diffAt: 3, reason: expect.any(String) });
  });

  it('holds at most maxPendingExchanges, even for a receiver that stopped acknowledging', () => {
    const { batches, batcher } = setup({ maxInFlightBytes: 10, maxPendingExchanges: 50 });
    batcher.push({ type: 'data', id: 'a', dir: 'rx', at: 1, peer: 'p', bytes: new Uint8Array(10) });
    batcher.flush();
    // The window is full and never acknowledged: the batcher is behind.
    batcher.push({ type: 'data', id: 'a', dir: 'rx', at: 1, peer: 'p', bytes: new Uint8Array(10) });
    for (let seq = 1; seq <= 500; seq++) batcher.push(exchange('a', seq, 8));
    vi.runOnlyPendingTimers();
    const exchanges = batches
      .flatMap((b) => b.events)
      .filter((e): e is ExchangeEvent => e.type === 'exchange');
    expect(exchanges.map((e) => e.result.seq)).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    expect(exchanges.every((e) => e.result.actual === undefined)).toBe(true);
    expect(Math.max(...batches.map((b) => b.events.filter((e) => e.type === 'exchange').length))).toBe(50);
    expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i + 1));
  });
});
