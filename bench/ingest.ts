// Figure 1, ingest: a push into a TCP server session and into a TCP client session, with the log
// visible and following the tail, against a raw Node sink (and a raw Node reading client) in the
// same run; then Pause / Resume clicks during an endless flood; engine and renderer memory all along.
import type { AppPage } from './app-page';
import { type BenchContext, cpuWindow, engineWindow, type WindowStats } from './context';
import { type CpuShares, formatCpu } from './cpu';
import { type FigureResult, type Row, verdict } from './report';
import { count, MiB, median, percentile, round, withTimeout } from './stats';
import { LOOPBACK, type Transfer } from './traffic-tcp';

type Kind = 'server' | 'client';

interface Frames {
  frames: number;
  p50: number;
  p99: number;
  max: number;
}

interface SessionRun {
  kind: Kind;
  push: Transfer;
  pushStats: WindowStats;
  /** From the pusher's last byte read to the page showing the whole count. */
  displayLagMs: number;
  flood: Transfer;
  floodStats: WindowStats;
  pauseMs: number[];
  resumeMs: number[];
  /** What each Pause / Resume pair took the bench, page round trips included. */
  pairMs: number[];
  heapMB: number[];
  frames: Frames;
  /** RX shown against bytes sent, after each phase. */
  counters: { expected: number; shown: number }[];
}

const mibPerS = (t: Transfer): number => t.bytes / MiB / (t.ms / 1000);

async function shownRx(
  app: AppPage,
  expected: number,
  waitMs: number,
): Promise<{ expected: number; shown: number }> {
  try {
    await app.reach('rx', expected, waitMs);
  } catch {
    // Reported below as the count the page shows instead.
  }
  return { expected, shown: (await app.value('rx')).value };
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

/** Listens in the UI; a pusher sends the bytes, then floods while Pause is clicked. */
async function runServer(ctx: BenchContext, app: AppPage): Promise<SessionRun> {
  const { ingestBytes, waitMs } = ctx.sizes;
  const port = await app.ui.listenOn(0);
  await app.watch();
  const heap = app.sampleHeap();
  await app.framesStart();
  const [push, pushStats] = await engineWindow(ctx, () =>
    ctx.load.call<Transfer>('push', { port, bytes: ingestBytes }),
  );
  const first = await shownRx(app, push.bytes, waitMs);
  const displayLagMs = (await app.value('rx')).at - push.endAt;
  const [clicks, floodStats] = await engineWindow(ctx, async () => {
    await ctx.load.call('floodStart', { port });
    const c = await clickPairs(ctx, app);
    const [flood] = await ctx.load.call<Transfer[]>('floodStop');
    return { ...c, flood: flood as Transfer };
  });
  const second = await shownRx(app, push.bytes + clicks.flood.bytes, waitMs);
  const frames = await app.framesStop();
  const heapMB = await heap.stop();
  await app.ui.closeAllSessions();
  return {
    kind: 'server',
    push,
    pushStats,
    displayLagMs,
    floodStats,
    heapMB,
    frames,
    counters: [first, second],
    ...clicks,
  };
}

/** Connects in the UI to a board that pushes the bytes, then (a fresh session) to one that floods. */
async function runClient(ctx: BenchContext, app: AppPage, boardPort: number): Promise<SessionRun> {
  const { ingestBytes, waitMs } = ctx.sizes;
  await app.watch();
  const heap = app.sampleHeap();
  await app.framesStart();
  const [push, pushStats] = await engineWindow(ctx, async () => {
    const done = ctx.load.call<Transfer>('boardNext', { bytes: ingestBytes });
    await app.ui.connectTo(LOOPBACK, boardPort);
    return withTimeout(done, waitMs, 'the push into the TCP client session');
  });
  const first = await shownRx(app, push.bytes, waitMs);
  const displayLagMs = (await app.value('rx')).at - push.endAt;
  await app.ui.closeAllSessions();
  await app.watch();
  const [clicks, floodStats] = await engineWindow(ctx, async () => {
    const done = ctx.load.call<Transfer>('boardNext', { flood: true });
    await app.ui.connectTo(LOOPBACK, boardPort);
    await app.reach('rx', 1, waitMs);
    const c = await clickPairs(ctx, app);
    await ctx.load.call('boardStopFlood');
    return { ...c, flood: await withTimeout(done, waitMs, 'the end of the flood') };
  });
  const second = await shownRx(app, clicks.flood.bytes, waitMs);
  const frames = await app.framesStop();
  const heapMB = await heap.stop();
  await app.ui.closeAllSessions();
  return {
    kind: 'client',
    push,
    pushStats,
    displayLagMs,
    floodStats,
    heapMB,
    frames,
    counters: [first, second],
    ...clicks,
  };
}

const ms = (n: number) => `${round(n, 1)} ms`;
const mb = (n: number) => `${Math.round(n)} MB`;

type RawRun = [Transfer, CpuShares];

function rows(ctx: BenchContext, rawServer: RawRun, rawClient: RawRun, runs: SessionRun[]): Row[] {
  const out: Row[] = [];
  for (const run of runs) {
    const [raw, rawCpu] = run.kind === 'server' ? rawServer : rawClient;
    const ratio = mibPerS(run.push) / mibPerS(raw);
    out.push({
      figure: `1 ingest ${count(run.push.bytes / MiB)} MiB into a TCP ${run.kind} session`,
      raw: `${Math.round(mibPerS(raw))} MiB/s`,
      app: `${Math.round(mibPerS(run.push))} MiB/s`,
      ratio,
      target: '>= 0.80x',
      verdict: verdict(ratio >= 0.8),
      note: `${run.kind === 'server' ? 'raw Node sink' : 'raw Node client reading the same board'}; the page showed the full RX count ${Math.round(run.displayLagMs)} ms after the engine had read the last byte; engine loop busy ${Math.round(100 * run.pushStats.loopUtilization)} %; CPU in percent of one core, app: ${formatCpu(run.pushStats.cpu)}; raw: ${formatCpu(rawCpu)}`,
    });
  }
  const stats = runs.flatMap((r) => [r.pushStats, r.floodStats]);
  const delay = Math.max(...stats.map((s) => s.loopDelayP99Ms));
  out.push({
    figure: '1 ingest: engine event-loop delay p99',
    raw: '',
    app: ms(delay),
    target: '< 50 ms',
    verdict: verdict(delay < 50),
    note: `worst of the pushes and floods; max ${ms(Math.max(...stats.map((s) => s.loopDelayMaxMs)))}`,
  });
  const pauses = runs.flatMap((r) => r.pauseMs);
  const p95 = percentile(pauses, 95);
  const resumeP95 = percentile(
    runs.flatMap((r) => r.resumeMs),
    95,
  );
  const wanted = 2 * ctx.sizes.pauseClicks;
  const short =
    pauses.length < wanted
      ? `; only ${pauses.length} of ${wanted} clicks fit in ${ctx.sizes.clickBudgetMs / 1000} s per session: each Pause / Resume pair took the bench ${ms(median(runs.flatMap((r) => r.pairMs)))} (median) of round trips to the busy page`
      : '';
  out.push({
    figure: `1 ingest: Pause click to effect, p95 of ${pauses.length}`,
    raw: '',
    app: ms(p95),
    target: '< 100 ms',
    verdict: verdict(p95 < 100),
    note: `from the click event to the next frame after the button reads pressed and the waiting count shows, during a flood; Resume p95 ${ms(resumeP95)}${short}`,
  });
  const rss = Math.max(...stats.map((s) => s.rssMaxMB));
  out.push({
    figure: '1 ingest: engine RSS, max',
    raw: '',
    app: mb(rss),
    target: '< 300 MB',
    verdict: verdict(rss < 300),
  });
  const heap = Math.max(...runs.flatMap((r) => r.heapMB));
  out.push({
    figure: '1 ingest: renderer JS heap, max',
    raw: '',
    app: mb(heap),
    target: '< 300 MB',
    verdict: verdict(heap < 300),
    note: `renderer frame gaps during the pushes: p99 ${ms(Math.max(...runs.map((r) => r.frames.p99)))}, max ${ms(Math.max(...runs.map((r) => r.frames.max)))}`,
  });
  const counters = runs.flatMap((r) => r.counters);
  const off = counters.filter((c) => c.shown !== c.expected);
  out.push({
    figure: '1 ingest: RX counter exact at the end',
    raw: '',
    app: off.length === 0 ? 'exact' : `${off.length} of ${counters.length} off`,
    target: 'exact',
    verdict: verdict(off.length === 0),
    ...(off.length > 0
      ? { note: off.map((c) => `shown ${count(c.shown)} B, sent ${count(c.expected)} B`).join('; ') }
      : {}),
  });
  return out;
}

export async function runIngest(ctx: BenchContext): Promise<FigureResult> {
  const { ingestBytes, waitMs } = ctx.sizes;
  const sinkPort = await ctx.raw.call<number>('sinkStart');
  const rawServer = await cpuWindow(ctx, () =>
    ctx.load.call<Transfer>('push', { port: sinkPort, bytes: ingestBytes }),
  );
  const boardPort = await ctx.load.call<number>('boardStart');
  const rawClient = await cpuWindow(ctx, async () => {
    const done = ctx.load.call<Transfer>('boardNext', { bytes: ingestBytes });
    await ctx.raw.call('readAll', { port: boardPort });
    return withTimeout(done, waitMs, 'the raw client push');
  });

  const app = await ctx.app();
  const runs = [await runServer(ctx, app), await runClient(ctx, app, boardPort)];
  return { rows: rows(ctx, rawServer, rawClient, runs), details: { rawServer, rawClient, runs } };
}
