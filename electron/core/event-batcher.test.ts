// The batcher's promises: numbered batches, coalesced counters, bounded memory, exact drop accounting.
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { DataEvent, Direction, EngineEvent, EventBatch } from '../../shared/contract/events';
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

const TIGHT_WINDOW_BYTES = 5000;

/**
 * A window of 5,000 bytes and `2 x eventCap` events, batches of 2,000 bytes or `eventCap` events,
 * and a display budget of 2,500 bytes at once, then 1,250 a tick: the budget binds as often as the
 * window.
 */
const tight = (eventCap: number) =>
  setup({
    maxBatchBytes: 2000,
    maxInFlightBytes: TIGHT_WINDOW_BYTES,
    maxPendingEvents: eventCap,
    maxInFlightEvents: 2 * eventCap,
    maxDisplayBytesPerSecond: 20_000,
    now: () => Date.now(),
  });

const data = (id: string, dir: Direction, size: number, at = 1): DataEvent => ({
  type: 'data',
  id,
  dir,
  at,
  peer: '127.0.0.1:8087',
  bytes: new Uint8Array(size),
});

const counters = (id: string, rxBytes: number): EngineEvent => ({
  type: 'counters',
  id,
  counters: { rxBytes, txBytes: 0, rxChunks: rxBytes, txChunks: 0 },
});

const state = (id: string, s: 'connected' | 'disconnected'): EngineEvent => ({
  type: 'state',
  id,
  state: s,
  at: 1,
});

const payloadBytes = (batch: EventBatch) =>
  batch.events.reduce((sum, e) => sum + (e.type === 'data' ? e.bytes.byteLength : 0), 0);

const describeEvents = (batch: EventBatch | undefined) =>
  batch?.events.map((e) => {
    if (e.type === 'data') return `data:${e.id}:${e.dir}:${e.bytes.byteLength}`;
    if (e.type === 'dropped') return `dropped:${e.id}:${e.dir}:${e.bytes}/${e.chunks}`;
    if (e.type === 'state') return `state:${e.id}:${e.state}`;
    if (e.type === 'counters') return `counters:${e.id}:${e.counters.rxBytes}`;
    if (e.type === 'client-counters') return `client-counters:${e.id}:${e.peer}:${e.counters.rxBytes}`;
    if (e.type === 'client-disconnected') return `client-disconnected:${e.id}:${e.peer}`;
    if (e.type === 'pending') return `pending:${e.id}:${e.peer}:${e.bytes}`;
    if (e.type === 'capture') return `capture:${e.id}:${e.capture.bytes}:${e.capture.active}`;
    return e.type;
  });

describe('createEventBatcher', () => {
  it('flushes on its timer and numbers batches 1, 2, 3', () => {
    const { batches, batcher } = setup({ flushIntervalMs: 16 });
    batcher.push(state('a', 'connected'));
    vi.advanceTimersByTime(15);
    expect(batches).toHaveLength(0);
    vi.advanceTimersByTime(1);
    batcher.push(data('a', 'rx', 3));
    vi.advanceTimersByTime(16);
    batcher.push(data('a', 'tx', 4));
    vi.advanceTimersByTime(16);
    expect(batches.map((b) => b.seq)).toEqual([1, 2, 3]);
    expect(batches.map(describeEvents)).toEqual([['state:a:connected'], ['data:a:rx:3'], ['data:a:tx:4']]);
  });

  it('sends one batch per busy interval once a flood has lasted, and at once again after a quiet spell', () => {
    const { batches, batcher } = setup({ flushIntervalMs: 16, busyFlushIntervalMs: 64, sustainedMs: 200 });
    const sentAt: number[] = [];
    // A payload every 4 ms for a second.
    for (let t = 0; t < 1000; t += 4) {
      const before = batches.length;
      batcher.push(data('a', 'rx', 1));
      vi.advanceTimersByTime(4);
      if (batches.length > before) sentAt.push(t + 4);
    }
    const gaps = sentAt.slice(1).map((at, i) => at - (sentAt[i] as number));
    // Every 16 ms for the first 200 ms of the flood, every 64 ms after that.
    expect(gaps.slice(0, 12).every((g) => g === 16)).toBe(true);
    expect(gaps.slice(14).every((g) => g === 64)).toBe(true);
    expect(sentAt.length).toBeLessThan(30);
    // After a quiet spell, the next event goes out a flush interval later again.
    vi.advanceTimersByTime(200);
    const n = batches.length;
    batcher.push(state('a', 'disconnected'));
    vi.advanceTimersByTime(16);
    expect(batches).toHaveLength(n + 1);
  });

  it('keeps no timer while idle, and sends nothing when there is nothing to send', () => {
    const { batches, batcher } = setup();
    expect(vi.getTimerCount()).toBe(0);
    batcher.flush();
    batcher.push(state('a', 'connected'));
    expect(vi.getTimerCount()).toBe(1);
    vi.runOnlyPendingTimers();
    expect(vi.getTimerCount()).toBe(0);
    expect(batches).toHaveLength(1);
  });

  it('keeps only the latest counters per session, after the other events', () => {
    const { batches, batcher } = setup();
    batcher.push(counters('a', 1));
    batcher.push(data('a', 'rx', 1));
    batcher.push(counters('a', 2));
    batcher.push(counters('b', 7));
    batcher.push(counters('a', 3));
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual(['data:a:rx:1', 'counters:a:3', 'counters:b:7']);
  });

  it("sends a closing session's final counters before it disappears", () => {
    const { batches, batcher } = setup();
    batcher.push(counters('a', 5));
    batcher.push({ type: 'session-closed', id: 'a' });
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual(['counters:a:5', 'session-closed']);
  });

  it("keeps only the latest counters per session and client, and a leaving client's last ones before it leaves", () => {
    const { batches, batcher } = setup();
    const clientCounters = (id: string, peer: string, rxBytes: number): EngineEvent => ({
      type: 'client-counters',
      id,
      peer,
      counters: { rxBytes, txBytes: 0, rxChunks: 1, txChunks: 0 },
    });
    batcher.push(clientCounters('a', '10.0.0.2:1', 1));
    batcher.push(clientCounters('a', '10.0.0.3:1', 5));
    batcher.push(clientCounters('a', '10.0.0.2:1', 2));
    batcher.push(clientCounters('b', '10.0.0.2:1', 9));
    batcher.push(clientCounters('a', '10.0.0.3:1', 6));
    batcher.push({ type: 'client-disconnected', id: 'a', peer: '10.0.0.3:1', at: 1 });
    batcher.push(counters('a', 8));
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual([
      'client-counters:a:10.0.0.3:1:6',
      'client-disconnected:a:10.0.0.3:1',
      'client-counters:a:10.0.0.2:1:2',
      'client-counters:b:10.0.0.2:1:9',
      'counters:a:8',
    ]);
    batcher.push(clientCounters('b', '10.0.0.2:1', 10));
    batcher.push({ type: 'session-closed', id: 'b' });
    batcher.flush();
    expect(describeEvents(batches[1])).toEqual(['client-counters:b:10.0.0.2:1:10', 'session-closed']);
  });

  it('never drops renames or client arrivals and departures, even with a full window', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 10, maxInFlightBytes: 10, maxPendingEvents: 2 });
    const client = {
      peer: '10.0.0.2:1',
      connectedAt: 1,
      counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
    };
    batcher.push(data('a', 'rx', 10));
    batcher.push({ type: 'client-connected', id: 'a', client, at: 1 });
    batcher.push(data('a', 'rx', 10));
    batcher.push({ type: 'renamed', id: 'a', name: 'Bench server' });
    batcher.push(data('a', 'rx', 10));
    batcher.push({ type: 'client-disconnected', id: 'a', peer: '10.0.0.2:1', at: 2 });
    // The payloads waiting ahead of a session's events keep their place: each ack lets more go.
    for (let i = 0; i < 3; i++) {
      batcher.ack(batches.at(-1)?.seq ?? 0);
      batcher.flush();
    }
    const types = batches.flatMap((b) => b.events.map((e) => e.type));
    expect(types.filter((t) => t !== 'data' && t !== 'dropped')).toEqual([
      'client-connected',
      'renamed',
      'client-disconnected',
    ]);
  });

  it('flushes at once when the size cap is reached, without waiting for the timer', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 100 });
    batcher.push(data('a', 'rx', 60));
    expect(batches).toHaveLength(0);
    batcher.push(data('a', 'rx', 60));
    expect(batches.map(describeEvents)).toEqual([['data:a:rx:60']]);
    batcher.push(data('a', 'rx', 40));
    expect(batches.map(describeEvents)).toEqual([['data:a:rx:60'], ['data:a:rx:60', 'data:a:rx:40']]);
  });

  it('lets one chunk larger than a batch travel alone when the window allows', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 100, maxInFlightBytes: 1000 });
    batcher.push(data('a', 'rx', 10));
    batcher.push(data('a', 'tx', 500));
    expect(batches.map(describeEvents)).toEqual([['data:a:rx:10'], ['data:a:tx:500']]);
  });

  it('flushes when the event cap is reached', () => {
    const { batches, batcher } = setup({ maxPendingEvents: 3 });
    for (let i = 0; i < 7; i++) batcher.push(data('a', 'rx', 1));
    expect(batches.map((b) => b.events.length)).toEqual([3, 3]);
  });

  it('drops payloads beyond the unacknowledged window into explicit, ordered dropped events', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 100, maxInFlightBytes: 150 });
    for (let i = 0; i < 3; i++) batcher.push(data('a', 'rx', 50));
    expect(batches.map(payloadBytes)).toEqual([100]);
    batcher.push(data('a', 'rx', 50)); // 100 in flight + 50 pending + 50 > 150: counted, not kept
    batcher.push(data('a', 'rx', 30));
    batcher.push(state('a', 'disconnected'));
    batcher.push(data('a', 'tx', 20));
    batcher.flush();
    // The latest payload before the state change waits for the window, and the state behind it.
    expect(batches.map(describeEvents)).toEqual([
      ['data:a:rx:50', 'data:a:rx:50'],
      ['data:a:rx:50', 'dropped:a:rx:50/1'],
    ]);
    batcher.ack(2);
    batcher.flush();
    expect(describeEvents(batches[2])).toEqual(['data:a:rx:30', 'state:a:disconnected', 'data:a:tx:20']);
  });

  it('holds payload-free batches while the receiver is behind, and sends them with the latest payload on its ack', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 100, maxInFlightBytes: 100 });
    batcher.push(data('a', 'rx', 100));
    expect(batches).toHaveLength(1);
    for (let i = 0; i < 10; i++) batcher.push(data('a', 'rx', 10));
    batcher.push(counters('a', 200));
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(1);
    batcher.ack(1);
    batcher.push(data('a', 'rx', 5));
    vi.advanceTimersByTime(16);
    // The last of the ten waited for the window instead of being dropped with the others.
    expect(batches.map(describeEvents)).toEqual([
      ['data:a:rx:100'],
      ['dropped:a:rx:90/9', 'data:a:rx:10', 'data:a:rx:5', 'counters:a:200'],
    ]);
  });

  it('never drops state or session events, even with a full window and a full batch', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 10, maxInFlightBytes: 10, maxPendingEvents: 2 });
    batcher.push(data('a', 'rx', 10));
    batcher.push({ type: 'session-opened', session: { id: 'b' } as never });
    batcher.push(state('a', 'connected'));
    batcher.push(data('a', 'rx', 10));
    batcher.push(state('a', 'disconnected'));
    batcher.push({ type: 'session-closed', id: 'a' });
    batcher.ack(1);
    batcher.flush();
    const types = batches.flatMap((b) => b.events.map((e) => e.type));
    expect(types.filter((t) => t !== 'data' && t !== 'dropped')).toEqual([
      'session-opened',
      'state',
      'state',
      'session-closed',
    ]);
  });

  it('stays bounded however fast events arrive: a stalled receiver gets one small batch', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 64 * 1024, maxInFlightBytes: 256 * 1024 });
    for (let i = 0; i < 100_000; i++) batcher.push(data(i % 2 ? 'a' : 'b', 'rx', 1024));
    const unacked = batches.reduce((sum, b) => sum + payloadBytes(b), 0);
    expect(unacked).toBeLessThanOrEqual(256 * 1024);
    batcher.ack(batches.at(-1)?.seq ?? 0);
    batcher.flush();
    // One drop count and the latest payload per session.
    const last = batches.at(-1);
    expect(describeEvents(last)?.sort()).toEqual([
      'data:a:rx:1024',
      'data:b:rx:1024',
      expect.stringMatching(/^dropped:a:rx:/),
      expect.stringMatching(/^dropped:b:rx:/),
    ]);
    const dropped = last?.events.reduce((sum, e) => sum + (e.type === 'dropped' ? e.bytes : 0), 0);
    expect(unacked + (dropped ?? 0) + payloadBytes(last as EventBatch)).toBe(100_000 * 1024);
  });

  it('accounts every pushed byte as delivered or dropped, and never exceeds its window', () => {
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('data' as const),
        id: fc.constantFrom('a', 'b'),
        dir: fc.constantFrom<Direction>('rx', 'tx'),
        size: fc.integer({ min: 0, max: 3000 }),
      }),
      fc.record({ kind: fc.constant('state' as const), id: fc.constantFrom('a', 'b') }),
      fc.record({ kind: fc.constantFrom('ack' as const, 'flush' as const, 'tick' as const) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 300 }), fc.integer({ min: 1, max: 8 }), (ops, eventCap) => {
        const maxInFlightBytes = TIGHT_WINDOW_BYTES;
        const { batches, batcher } = tight(eventCap);
        const pushed = new Map<string, number>();
        let acked = 0;
        const unackedBytes = () =>
          batches.filter((b) => b.seq > acked).reduce((sum, b) => sum + payloadBytes(b), 0);
        for (const o of ops) {
          if (o.kind === 'data') {
            const key = `${o.id}:${o.dir}`;
            pushed.set(key, (pushed.get(key) ?? 0) + o.size);
            batcher.push(data(o.id, o.dir, o.size));
          } else if (o.kind === 'state') batcher.push(state(o.id, 'connected'));
          else if (o.kind === 'ack') {
            acked = batches.at(-1)?.seq ?? 0;
            batcher.ack(acked);
          } else if (o.kind === 'flush') batcher.flush();
          else vi.advanceTimersByTime(16);
          expect(unackedBytes()).toBeLessThanOrEqual(maxInFlightBytes);
        }
        // Once the receiver has acknowledged everything, whatever waited goes too.
        for (let round = 0; round < 20; round++) {
          batcher.ack(batches.at(-1)?.seq ?? 0);
          batcher.flush();
        }
        expect(batches.map((b) => b.seq)).toEqual(batches.map((_, i) => i + 1));
        const seen = new Map<string, number>();
        for (const e of batches.flatMap((b) => b.events)) {
          const size = e.type === 'data' ? e.bytes.byteLength : e.type === 'dropped' ? e.bytes : undefined;
          if (size === undefined || (e.type !== 'data' && e.type !== 'dropped')) continue;
          const key = `${e.id}:${e.dir}`;
          seen.set(key, (seen.get(key) ?? 0) + size);
        }
        for (const [key, bytes] of pushed) expect(seen.get(key) ?? 0).toBe(bytes);
        batcher.dispose();
      }),
      { numRuns: Number(process.env.PROPERTY_RUNS ?? 200) },
    );
  });

  it('counts a deferred payload that goes at a flush before a waiting one joins the batch', () => {
    const { batches, batcher } = tight(5);
    batcher.push(data('a', 'rx', 2518));
    batcher.push(data('b', 'rx', 2483)); // the window is full: b waits
    batcher.push(data('a', 'rx', 967)); // the budget is spent: a waits
    batcher.push(state('b', 'connected')); // b is deferred ahead of its state
    batcher.ack(1);
    batcher.push(data('b', 'rx', 1551)); // b waits again
    batcher.push(state('a', 'connected'));
    batcher.push(data('a', 'rx', 1034)); // the batch is full: the flush takes the deferred b
    expect(batches.map(describeEvents)).toEqual([
      ['data:a:rx:2518'],
      ['data:b:rx:2483', 'state:b:connected', 'data:a:rx:967', 'state:a:connected'],
    ]);
    // b's 1,551 bytes would have made 5,001 in flight: they wait for the ack, then go.
    batcher.ack(2);
    batcher.flush();
    expect(describeEvents(batches.at(-1))?.sort()).toEqual(['data:a:rx:1034', 'data:b:rx:1551']);
  });

  it('keeps the place of a deferred payload in the window for the payloads taken after it', () => {
    const { batches, batcher } = tight(3);
    batcher.push(data('a', 'rx', 2150));
    batcher.push(data('a', 'rx', 2851)); // the window is full: it waits
    batcher.push(state('a', 'connected')); // and is deferred ahead of the state
    batcher.ack(1);
    batcher.push(data('a', 'rx', 2150)); // the budget is spent: it waits
    batcher.push(state('a', 'connected')); // 2,851 + 2,150 would overfill the window: deferred too
    batcher.push(data('a', 'rx', 0)); // the batch is full: what fits goes, the rest waits
    expect(batches.map(describeEvents)).toEqual([
      ['data:a:rx:2150'],
      ['data:a:rx:2851', 'state:a:connected'],
    ]);
    batcher.ack(2);
    batcher.flush();
    expect(describeEvents(batches[2])).toEqual(['data:a:rx:2150', 'state:a:connected', 'data:a:rx:0']);
  });

  it('ignores acks for batches it never sent, and releases the window cumulatively', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 10, maxInFlightBytes: 20 });
    batcher.push(data('a', 'rx', 10));
    batcher.push(data('a', 'rx', 10));
    batcher.ack(0);
    batcher.push(data('a', 'rx', 10));
    batcher.flush();
    expect(batches).toHaveLength(2);
    batcher.ack(2);
    batcher.push(data('a', 'rx', 10));
    // The payload that found the window full waited for this ack; nothing was dropped.
    expect(batches.slice(2).map(describeEvents)).toEqual([['data:a:rx:10'], ['data:a:rx:10']]);
  });

  it('by default shows a window 1 MiB of payload a second of a 4 MiB/s flood, and counts the rest', () => {
    const { batches, batcher } = setup({ now: () => Date.now() });
    const MiB = 1024 * 1024;
    const chunk = 4 * 1024;
    const seconds = 4;
    // 1,024 chunks of 4 KiB a second, sixteen every 15.625 ms, numbered by `at`; each batch is
    // acknowledged at once, so only the display budget holds payloads back. (Small chunks: the
    // latest payload of each flush, which always goes, is then far below the budget.)
    const steps = 64 * seconds;
    for (let step = 0; step < steps; step++) {
      for (let i = 0; i < 16; i++) batcher.push(data('a', 'rx', chunk, step * 16 + i));
      vi.advanceTimersByTime(15.625);
      batcher.ack(batches.at(-1)?.seq ?? 0);
    }
    batcher.flush();
    let shown = 0;
    let dropped = 0;
    let shownAfterFirstSecond = 0;
    for (const e of batches.flatMap((b) => b.events)) {
      if (e.type === 'data') shown += e.bytes.byteLength;
      if (e.type === 'data' && e.at >= 1024) shownAfterFirstSecond += e.bytes.byteLength;
      if (e.type === 'dropped') dropped += e.bytes;
    }
    expect(shown + dropped).toBe(steps * 16 * chunk);
    // Past the opening burst, a mebibyte a second, give or take an eighth (the budget opens in runs
    // of 125 ms' worth); half the budget or twice it would be far off.
    expect(shownAfterFirstSecond).toBeGreaterThanOrEqual((seconds - 1) * MiB * 0.875);
    expect(shownAfterFirstSecond).toBeLessThanOrEqual((seconds - 1) * MiB * 1.125);
  });

  it('shows at most its display budget, and the latest payload of a burst beyond it', () => {
    let now = 0;
    const { batches, batcher } = setup({ maxDisplayBytesPerSecond: 1000, now: () => now });
    // The budget lets 125 ms' worth (125 bytes) through at once.
    for (let i = 0; i < 10; i++) batcher.push(data('a', 'rx', 50, i));
    batcher.push(counters('a', 500));
    vi.advanceTimersByTime(16);
    expect(describeEvents(batches[0])).toEqual([
      'data:a:rx:50',
      'data:a:rx:50',
      'dropped:a:rx:350/7',
      'data:a:rx:50',
      'counters:a:500',
    ]);
    expect(batches[0]?.events[3]).toMatchObject({ type: 'data', at: 9 });
    // A second later the budget has room again; the latest payload above ran it into debt meanwhile.
    now += 1000;
    batcher.push(data('a', 'rx', 50));
    batcher.push(data('a', 'rx', 50));
    batcher.flush();
    expect(describeEvents(batches[1])).toEqual(['data:a:rx:50', 'data:a:rx:50']);
  });

  it('shows at most its budget of data events per second, however small they are, in runs', () => {
    let now = 0;
    const { batches, batcher } = setup({ maxDisplayEventsPerSecond: 80, now: () => now });
    // 125 ms' worth (10 events) at once, then the latest of the burst.
    for (let i = 0; i < 30; i++) batcher.push(data('a', 'rx', 1, i));
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual([
      ...Array(10).fill('data:a:rx:1'),
      'dropped:a:rx:19/19',
      'data:a:rx:1',
    ]);
    // Spent, the budget waits until it has a whole burst again (the latest payloads ran it into
    // debt): 100 ms later it has room for 7, yet shows only the latest, not one between two drops.
    now += 100;
    for (let i = 0; i < 10; i++) batcher.push(data('a', 'rx', 1, i));
    batcher.flush();
    expect(describeEvents(batches[1])).toEqual(['dropped:a:rx:9/9', 'data:a:rx:1']);
    now += 50;
    for (let i = 0; i < 10; i++) batcher.push(data('a', 'rx', 1, i));
    batcher.flush();
    expect(describeEvents(batches[2])).toEqual(Array(10).fill('data:a:rx:1'));
  });

  it('shows a flood a little over its budget as long runs with few drop counts between them', () => {
    let now = 0;
    const { batches, batcher } = setup({ maxDisplayEventsPerSecond: 8000, now: () => now });
    // 10,000 events a second for two seconds, a tick at a time: a quarter more than the budget.
    for (let tick = 0; tick < 2000; tick++) {
      for (let i = 0; i < 10; i++) batcher.push(data('a', 'rx', 1));
      now += 1;
      if (tick % 16 === 15) {
        batcher.flush();
        batcher.ack(batches.length);
      }
    }
    batcher.flush();
    const events = batches.flatMap((b) => b.events);
    const shown = events.filter((e) => e.type === 'data').length;
    const drops = events.filter((e) => e.type === 'dropped');
    // The budget's 16,000 over two seconds and its first burst of 1,000, less what refilled after
    // the last run (at most a burst), give or take the latest payloads each flush adds.
    expect(shown).toBeGreaterThanOrEqual(16_000 - batches.length);
    expect(shown).toBeLessThanOrEqual(17_000 + batches.length);
    // Shown in runs of at least a burst, between which each flush adds only its latest payload (and
    // a drop count): not one payload between every two drop counts.
    const runs: number[] = [];
    let run = 0;
    for (const e of events) {
      if (e.type === 'data') run += 1;
      else if (e.type === 'dropped') {
        runs.push(run);
        run = 0;
      }
    }
    runs.push(run);
    const inShortRuns = runs.filter((n) => n < 1000).reduce((a, b) => a + b, 0);
    expect(inShortRuns).toBeLessThanOrEqual(batches.length);
    expect(drops.length).toBeLessThanOrEqual(batches.length);
    const droppedChunks = drops.reduce((n, e) => n + (e.type === 'dropped' ? e.chunks : 0), 0);
    expect(shown + droppedChunks).toBe(20_000);
  });

  it("ends a session's log on its latest payload once a receiver that was behind catches up", () => {
    const { batches, batcher } = setup({ maxBatchBytes: 100, maxInFlightBytes: 100 });
    batcher.push(data('a', 'rx', 100));
    for (let i = 0; i < 3; i++) batcher.push(data('a', 'rx', 10));
    batcher.push(state('a', 'disconnected'));
    vi.advanceTimersByTime(100);
    expect(batches).toHaveLength(1);
    batcher.ack(1);
    vi.advanceTimersByTime(16);
    expect(describeEvents(batches[1])).toEqual(['dropped:a:rx:20/2', 'data:a:rx:10', 'state:a:disconnected']);
  });

  it('bounds the data events in flight as well as their bytes', () => {
    const { batches, batcher } = setup({ maxInFlightEvents: 3 });
    for (let i = 0; i < 5; i++) batcher.push(data('a', 'rx', 1));
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual([
      'data:a:rx:1',
      'data:a:rx:1',
      'data:a:rx:1',
      'dropped:a:rx:1/1',
    ]);
    // The latest payload waits for the ack of the batch that filled the window; a newer one
    // replaces it (counted as dropped) and goes once the window has room.
    batcher.push(data('a', 'rx', 1));
    batcher.flush();
    expect(batches).toHaveLength(1);
    batcher.ack(1);
    batcher.flush();
    expect(describeEvents(batches[1])).toEqual(['dropped:a:rx:1/1', 'data:a:rx:1']);
  });

  it('dispose stops the timer and ignores later pushes', () => {
    const { batches, batcher } = setup();
    batcher.push(state('a', 'connected'));
    expect(vi.getTimerCount()).toBe(1);
    batcher.dispose();
    expect(vi.getTimerCount()).toBe(0);
    batcher.push(state('a', 'disconnected'));
    batcher.flush();
    vi.advanceTimersByTime(1000);
    expect(batches).toHaveLength(0);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps going when the receiver throws while a batch is sent', () => {
    let calls = 0;
    const batcher = createEventBatcher({
      send: () => {
        calls++;
        throw new Error('receiver gone');
      },
    });
    batcher.push(state('a', 'connected'));
    expect(() => batcher.flush()).not.toThrow();
    batcher.push(state('a', 'disconnected'));
    vi.advanceTimersByTime(16);
    expect(calls).toBe(2);
    batcher.dispose();
  });

  it("keeps the latest pending count per session and peer, and a leaving peer's last one before it leaves", () => {
    const { batches, batcher } = setup();
    const pending = (id: string, peer: string, bytes: number): EngineEvent => ({
      type: 'pending',
      id,
      peer,
      bytes,
    });
    batcher.push(pending('a', '10.0.0.2:1', 3));
    batcher.push(pending('a', '10.0.0.3:1', 7));
    batcher.push(pending('a', '10.0.0.2:1', 5));
    batcher.push(pending('b', '10.0.0.2:1', 1));
    batcher.push(pending('a', '10.0.0.3:1', 0));
    batcher.push({ type: 'client-disconnected', id: 'a', peer: '10.0.0.3:1', at: 1 });
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual([
      'pending:a:10.0.0.3:1:0',
      'client-disconnected:a:10.0.0.3:1',
      'pending:a:10.0.0.2:1:5',
      'pending:b:10.0.0.2:1:1',
    ]);
  });

  it("keeps the latest capture status per session, and a closing session's last one before it goes", () => {
    const { batches, batcher } = setup();
    const capture = (id: string, bytes: number, active: boolean): EngineEvent => ({
      type: 'capture',
      id,
      capture: { path: '/data/c.bin', active, bytes, records: 1 },
    });
    batcher.push(capture('a', 0, true));
    batcher.push(capture('b', 10, true));
    batcher.push(capture('a', 100, true));
    batcher.flush();
    expect(describeEvents(batches[0])).toEqual(['capture:a:100:true', 'capture:b:10:true']);
    batcher.push(capture('b', 20, false));
    batcher.push({ type: 'session-closed', id: 'b' });
    batcher.flush();
    expect(describeEvents(batches[1])).toEqual(['capture:b:20:false', 'session-closed']);
  });

  it('never drops pending counts or capture statuses while the receiver is behind', () => {
    const { batches, batcher } = setup({ maxBatchBytes: 10, maxInFlightBytes: 10 });
    batcher.push(data('a', 'rx', 10));
    batcher.push({ type: 'pending', id: 'a', peer: 'p', bytes: 4 });
    batcher.push({ type: 'capture', id: 'a', capture: { path: '/c', active: true, bytes: 30, records: 3 } });
    batcher.push(data('a', 'rx', 10));
    batcher.push(data('a', 'rx', 10));
    batcher.push({ type: 'pending', id: 'a', peer: 'p', bytes: 0 });
    batcher.push({ type: 'capture', id: 'a', capture: { path: '/c', active: false, bytes: 50, records: 5 } });
    batcher.flush();
    vi.advanceTimersByTime(100);
    batcher.ack(batches.at(-1)?.seq ?? 0);
    batcher.flush();
    const events = batches.flatMap((b) => b.events);
    expect(events.some((e) => e.type === 'dropped')).toBe(true);
    expect(events.filter((e) => e.type === 'pending').at(-1)).toMatchObject({ bytes: 0 });
    expect(events.filter((e) => e.type === 'capture').at(-1)).toMatchObject({
      capture: { active: false, bytes: 50 },
    });
  });
});
