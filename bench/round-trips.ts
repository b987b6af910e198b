// Figure 5, round trips: the engine's TCP client session against a raw Node client, both sequential
// 32-byte requests to the same raw Node echo server (see round-trip-clients.ts).
import { join } from 'node:path';
import type { BenchContext } from './context';
import { forkChild } from './ipc';
import { type FigureResult, verdict } from './report';
import type { RoundTripSamples } from './round-trip-clients';
import { count, percentile, round } from './stats';

const REQUEST_BYTES = 32;

export async function runRoundTrips(ctx: BenchContext): Promise<FigureResult> {
  const { roundTrips, roundTripWarmup } = ctx.sizes;
  const port = await ctx.raw.call<number>('echoStart');
  // A process of their own: the load process has held thousands of boards by now, and a collection
  // of what that left would land in the trips it interrupts, mostly the engine's, which allocate.
  const trips = (await forkChild(join(ctx.benchDir, 'peer.mjs'), ['round-trips'])).child;
  let samples: RoundTripSamples;
  try {
    samples = await trips.call<RoundTripSamples>('roundTrips', {
      port,
      count: roundTrips,
      warmup: roundTripWarmup,
      size: REQUEST_BYTES,
    });
  } finally {
    await trips.stop();
  }
  const at = (p: number) => ({ raw: percentile(samples.raw, p), app: percentile(samples.app, p) });
  const p50 = at(50);
  const p99 = at(99);
  const us = (n: number) => `${round(n, 0)} us`;
  const note =
    'send to first reply byte: the app as its verification engine measures it (an Expect rule `echo` on a ' +
    'TCP client session, each exchange judged PASS and its first-byte time taken), the raw side a Node ' +
    `net.Socket with TCP_NODELAY timed with process.hrtime; the two take turns trip by trip, after ${count(roundTripWarmup)} warm-up trips each`;
  return {
    rows: [
      {
        figure: `5 round trip ${REQUEST_BYTES} B, p50 of ${count(roundTrips)}`,
        raw: us(p50.raw),
        app: us(p50.app),
        ratio: p50.app / p50.raw,
        target: '<= 1.10x',
        verdict: verdict(p50.app / p50.raw <= 1.1),
        note,
      },
      {
        figure: `5 round trip ${REQUEST_BYTES} B, p99 of ${count(roundTrips)}`,
        raw: us(p99.raw),
        app: us(p99.app),
        ratio: p99.app / p99.raw,
        target: '<= 1.20x',
        verdict: verdict(p99.app / p99.raw <= 1.2),
      },
    ],
    details: { p50, p99, p90: at(90), max: at(100), count: roundTrips },
  };
}
