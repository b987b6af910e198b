import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { percentiles, RTT_RELATIVE_ERROR, RttHistogram, SoakAccumulator } from './stats';

describe('percentiles', () => {
  it('takes the nearest rank', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i);
    expect(percentiles(values)).toEqual({ min: 1, p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([7])).toEqual({ min: 7, p50: 7, p95: 7, p99: 7, max: 7 });
    expect(percentiles([3, 1, 2])).toEqual({ min: 1, p50: 2, p95: 3, p99: 3, max: 3 });
    expect(percentiles([])).toBeNull();
  });

  it('is ordered and made of the values themselves', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 1e6, noNaN: true }), { minLength: 1 }), (values) => {
        const p = percentiles(values);
        if (!p) throw new Error('expected figures');
        expect(p.min).toBeLessThanOrEqual(p.p50);
        expect(p.p50).toBeLessThanOrEqual(p.p95);
        expect(p.p95).toBeLessThanOrEqual(p.p99);
        expect(p.p99).toBeLessThanOrEqual(p.max);
        for (const v of Object.values(p)) expect(values).toContain(v);
      }),
    );
  });
});

describe('RttHistogram', () => {
  it('reads back every percentile within 1% above the exact one, in bounded memory', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: 0, max: 600_000, noNaN: true }), { minLength: 1, maxLength: 500 }),
        (values) => {
          const histogram = new RttHistogram();
          for (const v of values) histogram.record(v);
          const exact = percentiles(values);
          const approx = histogram.percentiles();
          if (!exact || !approx) throw new Error('expected figures');
          expect(approx.min).toBe(exact.min);
          expect(approx.max).toBe(exact.max);
          for (const key of ['p50', 'p95', 'p99'] as const) {
            expect(approx[key]).toBeGreaterThanOrEqual(exact[key] * (1 - 1e-9) - 1e-12);
            expect(approx[key]).toBeLessThanOrEqual(
              Math.max(exact[key] * (1 + RTT_RELATIVE_ERROR), 0.001) + 1e-9,
            );
          }
        },
      ),
    );
  });

  it('counts a million round trips without keeping them', () => {
    const histogram = new RttHistogram();
    for (let i = 1; i <= 1_000_000; i++) histogram.record(i / 1000);
    expect(histogram.count).toBe(1_000_000);
    const p = histogram.percentiles();
    expect(p?.p50).toBeCloseTo(500, -1);
    expect(p?.max).toBe(1000);
  });
});

describe('SoakAccumulator', () => {
  it('adds rounds up and reports throughput over the elapsed time', () => {
    const acc = new SoakAccumulator();
    for (let i = 0; i < 4; i++) acc.recordSent();
    acc.recordVerdict('pass', 2, 100);
    acc.recordVerdict('pass', 4, 100);
    acc.recordVerdict('fail', 3, 50);
    acc.recordVerdict('timeout');
    acc.recordOutOfOrder();
    expect(acc.finished).toBe(4);
    expect(acc.snapshot(500)).toEqual({
      sent: 4,
      passed: 2,
      failed: 1,
      timedOut: 1,
      outOfOrder: 1,
      rtt: { min: 2, p50: expect.closeTo(3, 1), p95: 4, p99: 4, max: 4 },
      throughputBps: 500,
      elapsedMs: 500,
    });
    expect(new SoakAccumulator().snapshot(0)).toMatchObject({ rtt: null, throughputBps: 0 });
  });
});
