// The counters events of received bytes: at once when the totals move after a quiet spell, then at
// most once per interval, and at once when flushed.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CountersPace } from './session';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function pace() {
  let now = 0;
  let sent = 0;
  const counters = new CountersPace(
    () => sent++,
    16,
    () => now,
  );
  return {
    counters,
    sent: () => sent,
    advance(ms: number) {
      now += ms;
      vi.advanceTimersByTime(ms);
    },
  };
}

describe('CountersPace', () => {
  it('sends the first change at once, then one event per interval for all the changes in it', () => {
    const p = pace();
    p.counters.mark();
    expect(p.sent()).toBe(1);
    p.advance(1);
    for (let i = 0; i < 100; i++) p.counters.mark();
    expect(p.sent()).toBe(1);
    p.advance(15);
    expect(p.sent()).toBe(2);
    p.advance(100);
    expect(p.sent()).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
    p.counters.mark();
    expect(p.sent()).toBe(3);
  });

  it('sends what is held at once on flush, and nothing when nothing is held', () => {
    const p = pace();
    p.counters.flush();
    expect(p.sent()).toBe(0);
    p.counters.mark();
    p.counters.mark();
    p.counters.flush();
    expect(p.sent()).toBe(2);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('sends at once on emit, which takes the place of a held one; cancel drops what is held', () => {
    const p = pace();
    p.counters.mark();
    p.counters.mark();
    p.counters.emit();
    expect(p.sent()).toBe(2);
    p.advance(16);
    expect(p.sent()).toBe(2);
    p.counters.mark();
    p.advance(1);
    p.counters.mark();
    p.counters.cancel();
    p.advance(100);
    expect(p.sent()).toBe(3);
    expect(vi.getTimerCount()).toBe(0);
  });

  it('keeps one timer per interval however many sends and replies alternate in it', () => {
    const p = pace();
    p.counters.emit();
    for (let i = 0; i < 50; i++) {
      p.counters.mark();
      p.counters.emit();
      p.counters.mark();
      expect(vi.getTimerCount()).toBe(1);
    }
    expect(p.sent()).toBe(51);
    p.advance(16);
    expect(p.sent()).toBe(52);
    expect(vi.getTimerCount()).toBe(0);
  });
});
