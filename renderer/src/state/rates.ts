// RX / TX rates from the engine's exact totals: bytes over the last second, sampled whenever the
// totals change, falling to zero when traffic stops. Pure; the caller owns the clock.
import type { Counters } from '../../../shared/contract/model';

export interface RateSample {
  at: number;
  rx: number;
  tx: number;
}

export const RATE_WINDOW_MS = 1000;

/**
 * The history with `counters` seen at `at`. Totals that went down (Reset counters, a new Connect)
 * start the history again; samples older than the window are let go, but the newest of them stays
 * as the totals at the window's start.
 */
export function addSample(history: readonly RateSample[], at: number, counters: Counters): RateSample[] {
  const sample = { at, rx: counters.rxBytes, tx: counters.txBytes };
  const last = history.at(-1);
  if (!last || sample.rx < last.rx || sample.tx < last.tx) return [sample];
  if (sample.rx === last.rx && sample.tx === last.tx) return history.slice();
  let drop = 0;
  while (drop + 1 < history.length && (history[drop + 1] as RateSample).at <= at - RATE_WINDOW_MS) drop++;
  return [...history.slice(drop), sample];
}

/** The totals as they stood at `at`: the last sample at or before it, else the oldest known. */
function totalsAt(history: readonly RateSample[], at: number): RateSample | undefined {
  let found = history[0];
  for (const s of history) {
    if (s.at > at) break;
    found = s;
  }
  return found;
}

/** Bytes per second over the window ending at `now`. */
export function ratesAt(history: readonly RateSample[], now: number): { rx: number; tx: number } {
  const last = history.at(-1);
  const start = totalsAt(history, now - RATE_WINDOW_MS);
  if (!last || !start) return { rx: 0, tx: 0 };
  const perSecond = 1000 / RATE_WINDOW_MS;
  return { rx: (last.rx - start.rx) * perSecond, tx: (last.tx - start.tx) * perSecond };
}

const UNITS = ['KiB/s', 'MiB/s', 'GiB/s'];

/** "0 B/s", "940 B/s", "12.3 KiB/s", "118 MiB/s": three significant digits at most. */
export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond < 1024) return `${Math.round(bytesPerSecond)} B/s`;
  let value = bytesPerSecond / 1024;
  let unit = 0;
  while (value >= 1024 && unit < UNITS.length - 1) {
    value /= 1024;
    unit++;
  }
  return `${value >= 100 ? Math.round(value) : value.toFixed(value >= 10 ? 1 : 2)} ${UNITS[unit]}`;
}
