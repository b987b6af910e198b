// Figure 1, ingest: pushes into a TCP server session and into a TCP client session, with the log
// visible and following the tail, interleaved with the same push into a raw Node sink (and a raw
// Node reading client); then Pause / Resume clicks during an endless flood; memory all along.
import type { AppPage } from './app-page';
import { type BenchContext, cpuWindow, engineWindow } from './context';
import { type Counted, ingestRows, type Round, type SessionRun } from './ingest-rows';
import type { FigureResult } from './report';
import { withTimeout } from './stats';
import { LOOPBACK, type Transfer } from './traffic-tcp';

async function shownRx(app: AppPage, expected: number, waitMs: number): Promise<Counted> {
  try {
    await app.reach('rx', expected, waitMs);
  } catch {
    // Reported as the count the page shows instead.
  }
  const { value, at } = await app.value('rx');
  return { expected, shown: value, at };
}

/** Pause / Resume pairs during a flood, within the time budget; `pairMs`: what each pair took the bench. */
async function clickPairs(ctx: BenchContext, app: AppPage) {
  const { pauseClicks, clickBudgetMs, waitMs } = ctx.sizes;
  const pauseMs: number[] = [];
  const resumeMs: number[] = [];
  const pairMs: number[] = [];
  const start = performance.now();
  while (
    pauseMs.length < pauseClicks &&
    (pauseMs.length === 0 || performance.now() - start < clickBudgetMs)
  ) {
    const at = performance.now();
    pauseMs.push(await app.clickToggle(true, waitMs));
    resumeMs.push(await app.clickToggle(false, waitMs));
    pairMs.push(performance.now() - at);
  }
  return { pauseMs, resumeMs, pairMs };
}

/**
 * Listens in the UI; each round pushes the bytes into the raw sink, then into the session, and waits
 * for the page to show them; then a flood while Pause is clicked.
 */
async function runServer(ctx: BenchContext, app: AppPage, sinkPort: number): Promise<SessionRun> {
  const { ingestBytes, waitMs } = ctx.sizes;
  const port = await app.ui.listenOn(0);
  await app.watch();
  const heap = app.sampleHeap();
  await app.framesStart();
  const rounds: Round[] = [];
  const counters: Counted[] = [];
  let total = 0;
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const [raw, rawCpu] = await cpuWindow(ctx, () =>
      ctx.load.call<Transfer>('push', { port: sinkPort, bytes: ingestBytes }),
    );
    const [push, stats] = await engineWindow(ctx, () =>
      ctx.load.call<Transfer>('push', { port, bytes: ingestBytes }),
    );
    total += push.bytes;
    const shown = await shownRx(app, total, waitMs);
    rounds.push({ raw, rawCpu, push, stats, displayLagMs: shown.at - push.endAt });
    counters.push(shown);
  }
  const [clicks, floodStats] = await engineWindow(ctx, async () => {
    await ctx.load.call('floodStart', { port });
    const c = await clickPairs(ctx, app);
    const [flood] = await ctx.load.call<Transfer[]>('floodStop');
    return { ...c, flood: flood as Transfer };
  });
  counters.push(await shownRx(app, total + clicks.flood.bytes, waitMs));
  const frames = await app.framesStop();
  const heapMB = await heap.stop();
  await app.ui.closeAllSessions();
  return { kind: 'server', rounds, counters, ...clicks, floodStats, frames, heapMB };
}

/**
 * Each round: the raw client reads a push from the board, then a fresh session connects to it in
 * the UI and gets the same push; then a fresh session connects while the board floods.
 */
async function runClient(ctx: BenchContext, app: AppPage, boardPort: number): Promise<SessionRun> {
  const { ingestBytes, waitMs } = ctx.sizes;
  const heap = app.sampleHeap();
  await app.framesStart();
  const rounds: Round[] = [];
  const counters: Counted[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const [raw, rawCpu] = await cpuWindow(ctx, async () => {
      const done = ctx.load.call<Transfer>('boardNext', { bytes: ingestBytes });
      await ctx.raw.call('readAll', { port: boardPort });
      return withTimeout(done, waitMs, 'the raw client push');
    });
    await app.watch();
    const [push, stats] = await engineWindow(ctx, async () => {
      const done = ctx.load.call<Transfer>('boardNext', { bytes: ingestBytes });
      await app.ui.connectTo(LOOPBACK, boardPort);
      return withTimeout(done, waitMs, 'the push into the TCP client session');
    });
    const shown = await shownRx(app, push.bytes, waitMs);
    rounds.push({ raw, rawCpu, push, stats, displayLagMs: shown.at - push.endAt });
    counters.push(shown);
    await app.ui.closeAllSessions();
  }
  await app.watch();
  const [clicks, floodStats] = await engineWindow(ctx, async () => {
    const done = ctx.load.call<Transfer>('boardNext', { flood: true });
    await app.ui.connectTo(LOOPBACK, boardPort);
    await app.reach('rx', 1, waitMs);
    const c = await clickPairs(ctx, app);
    await ctx.load.call('boardStopFlood');
    return { ...c, flood: await withTimeout(done, waitMs, 'the end of the flood') };
  });
  counters.push(await shownRx(app, clicks.flood.bytes, waitMs));
  const frames = await app.framesStop();
  const heapMB = await heap.stop();
  await app.ui.closeAllSessions();
  return { kind: 'client', rounds, counters, ...clicks, floodStats, frames, heapMB };
}

export async function runIngest(ctx: BenchContext): Promise<FigureResult> {
  const sinkPort = await ctx.raw.call<number>('sinkStart');
  const boardPort = await ctx.load.call<number>('boardStart');
  const app = await ctx.app();
  const runs = [await runServer(ctx, app, sinkPort), await runClient(ctx, app, boardPort)];
  return { rows: ingestRows(ctx, runs), details: { runs } };
}
