// Pacing: the first update after a quiet spell comes at the next frame; a flood gets a few a second.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { pacedFrames, type Schedule } from './frame-schedule';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A display frame every 16 ms, on the fake clock. */
const frame: Schedule = (flush) => {
  const timer = setTimeout(flush, 16);
  return () => clearTimeout(timer);
};

/** A flush that records when it ran, in ms since the test began. */
function recordFlushes(): { at: number[]; flush: () => void } {
  const at: number[] = [];
  const start = Date.now();
  return { at, flush: () => at.push(Date.now() - start) };
}

describe('pacedFrames', () => {
  it('flushes at the next frame after a quiet spell, and no sooner than the interval while busy', () => {
    const schedule = pacedFrames({ intervalMs: 100, frame, now: () => Date.now() });
    const { at, flush } = recordFlushes();
    schedule(flush);
    vi.advanceTimersByTime(20);
    expect(at).toEqual([16]);
    // Traffic keeps coming: the next update waits for the interval, then for a frame.
    schedule(flush);
    vi.advanceTimersByTime(200);
    expect(at).toEqual([16, 132]);
    // A quiet spell longer than the interval: at the next frame again.
    vi.advanceTimersByTime(500);
    schedule(flush);
    vi.advanceTimersByTime(20);
    expect(at).toEqual([16, 132, 736]);
  });

  it('waits the longer interval after a heavy update', () => {
    const schedule = pacedFrames({ intervalMs: 100, heavyIntervalMs: 250, frame, now: () => Date.now() });
    const { at, flush } = recordFlushes();
    schedule(flush);
    vi.advanceTimersByTime(20);
    schedule(flush, true);
    vi.advanceTimersByTime(300);
    // 250 ms after the first flush (at 16), then a frame.
    expect(at).toEqual([16, 282]);
    schedule(flush, false);
    vi.advanceTimersByTime(200);
    expect(at).toEqual([16, 282, 398]);
  });

  it('goes at the next frame when asked soon, and counts that as the latest update', () => {
    const schedule = pacedFrames({ intervalMs: 100, heavyIntervalMs: 250, frame, now: () => Date.now() });
    const { at, flush } = recordFlushes();
    schedule(flush);
    vi.advanceTimersByTime(30);
    schedule(flush, true, true);
    vi.advanceTimersByTime(30);
    // At the frame after the ask (30 + 16), not 250 ms after the first.
    expect(at).toEqual([16, 46]);
    // The pace counts from there: the next waits until 146, then a frame.
    schedule(flush);
    vi.advanceTimersByTime(200);
    expect(at).toEqual([16, 46, 162]);
  });

  it('cancels while waiting for the interval and while waiting for the frame', () => {
    const schedule = pacedFrames({ intervalMs: 100, frame, now: () => Date.now() });
    const flush = vi.fn();
    schedule(flush);
    vi.advanceTimersByTime(16);
    expect(flush).toHaveBeenCalledTimes(1);
    const cancelEarly = schedule(flush);
    vi.advanceTimersByTime(50);
    cancelEarly();
    const cancelLate = schedule(flush);
    // The interval ends at 116 ms; the frame would come at 132.
    vi.advanceTimersByTime(55);
    cancelLate();
    vi.advanceTimersByTime(1000);
    expect(flush).toHaveBeenCalledTimes(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});
