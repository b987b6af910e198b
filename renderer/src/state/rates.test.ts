// Counter rates from the engine's exact totals: the last second's bytes, reset, formatting.
import { describe, expect, it } from 'vitest';
import { zeroCounters } from '../../../shared/contract/model';
import { addSample, formatRate, ratesAt } from './rates';

const c = (rx: number, tx = 0) => ({ ...zeroCounters(), rxBytes: rx, txBytes: tx });

describe('rates', () => {
  it('is the bytes of the last second, falling to zero once traffic stops', () => {
    let h = addSample([], 0, c(0));
    h = addSample(h, 500, c(1000, 10));
    h = addSample(h, 1000, c(3000, 20));
    expect(ratesAt(h, 1000)).toEqual({ rx: 3000, tx: 20 });
    h = addSample(h, 1500, c(4000, 20));
    // Over (500, 1500]: 4000 - 1000.
    expect(ratesAt(h, 1500)).toEqual({ rx: 3000, tx: 10 });
    expect(ratesAt(h, 2400)).toEqual({ rx: 1000, tx: 0 });
    expect(ratesAt(h, 2600)).toEqual({ rx: 0, tx: 0 });
  });

  it('keeps the history short and starts again when the totals go down', () => {
    let h = addSample([], 0, c(0));
    for (let t = 100; t <= 5000; t += 100) h = addSample(h, t, c(t));
    expect(h.length).toBeLessThanOrEqual(12);
    h = addSample(h, 5100, c(0));
    expect(h).toEqual([{ at: 5100, rx: 0, tx: 0 }]);
    expect(ratesAt(h, 5200)).toEqual({ rx: 0, tx: 0 });
    expect(ratesAt([], 0)).toEqual({ rx: 0, tx: 0 });
  });

  it('formats rates with binary units', () => {
    expect(formatRate(0)).toBe('0 B/s');
    expect(formatRate(940)).toBe('940 B/s');
    expect(formatRate(12.3 * 1024)).toBe('12.3 KiB/s');
    expect(formatRate(1.5 * 1024 * 1024)).toBe('1.50 MiB/s');
    expect(formatRate(118 * 1024 * 1024)).toBe('118 MiB/s');
  });
});
