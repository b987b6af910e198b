// Figure 1's rows: from the rounds of each session kind to throughput ratios (medians), the worst
// engine loop delay, the Pause clicks, memory peaks and the exactness of the RX counter.
import type { BenchContext, WindowStats } from './context';
import { type CpuShares, formatCpu } from './cpu';
import { type Row, verdict } from './report';
import { count, MiB, median, medianBy, percentile, round } from './stats';
import type { Transfer } from './traffic-tcp';

/** One interleaved pair: the raw reference's push, then the app's. */
export interface Round {
  raw: Transfer;
  rawCpu: CpuShares;
  push: Transfer;
  stats: WindowStats;
  /** From the engine reading the last byte to the page showing the whole count. */
  displayLagMs: number;
}

/** RX as the page showed it against the bytes sent, and when it last changed. */
export interface Counted {
  expected: number;
  shown: number;
  at: number;
}

export interface SessionRun {
  kind: 'server' | 'client';
  rounds: Round[];
  counters: Counted[];
  flood: Transfer;
  floodStats: WindowStats;
  pauseMs: number[];
  resumeMs: number[];
  /** What each Pause / Resume pair took the bench, page round trips included. */
  pairMs: number[];
  heapMB: number[];
  frames: { frames: number; p50: number; p99: number; max: number };
}

const mibPerS = (t: Transfer): number => t.bytes / MiB / (t.ms / 1000);
/** Milliseconds of CPU a process spent per MiB moved, from its share of one core over the transfer. */
const cpuPerMiB = (share: number | undefined, t: Transfer): string =>
  share === undefined ? '?' : String(round(((share / 100) * t.ms) / (t.bytes / MiB), 2));
const ms = (n: number) => `${round(n, 1)} ms`;
const mb = (n: number) => `${Math.round(n)} MB`;

function throughputRow(run: SessionRun): Row {
  const app = medianBy(run.rounds, (r) => mibPerS(r.push));
  const raw = medianBy(run.rounds, (r) => mibPerS(r.raw));
  const ratio = mibPerS(app.push) / mibPerS(raw.raw);
  const all = (pick: (r: Round) => Transfer) =>
    run.rounds.map((r) => Math.round(mibPerS(pick(r)))).join(', ');
  const reference = run.kind === 'server' ? 'a raw Node sink' : 'a raw Node client reading the same board';
  return {
    figure: `1 ingest ${count(app.push.bytes / MiB)} MiB into a TCP ${run.kind} session`,
    raw: `${Math.round(mibPerS(raw.raw))} MiB/s`,
    app: `${Math.round(mibPerS(app.push))} MiB/s`,
    ratio,
    target: '>= 0.80x',
    verdict: verdict(ratio >= 0.8),
    note:
      `median of ${run.rounds.length} rounds interleaved with ${reference} (app ${all((r) => r.push)}, raw ${all((r) => r.raw)} MiB/s); ` +
      `in the median round the page showed the full RX count ${Math.round(app.displayLagMs)} ms after the engine had read the last byte, ` +
      `the engine loop was busy ${Math.round(100 * app.stats.loopUtilization)} % of the time; ` +
      `CPU per MiB: engine ${cpuPerMiB(app.stats.cpu.engine, app.push)} ms and page ${cpuPerMiB(app.stats.cpu.browser, app.push)} ms, raw receiver ${cpuPerMiB(raw.rawCpu.raw, raw.raw)} ms; CPU in percent of one core, ` +
      `app: ${formatCpu(app.stats.cpu)}; raw: ${formatCpu(raw.rawCpu)}`,
  };
}

export function ingestRows(ctx: BenchContext, runs: SessionRun[]): Row[] {
  const out: Row[] = runs.map(throughputRow);
  const stats = runs.flatMap((r) => [...r.rounds.map((x) => x.stats), r.floodStats]);
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
    note: `from the click event to the next frame after the button reads pressed and the waiting count shows, during a flood, both session kinds; Resume p95 ${ms(resumeP95)}${short}`,
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
    note: `renderer frame gaps over the whole figure: p99 ${ms(Math.max(...runs.map((r) => r.frames.p99)))}, max ${ms(Math.max(...runs.map((r) => r.frames.max)))}`,
  });
  const counters = runs.flatMap((r) => r.counters);
  const off = counters.filter((c) => c.shown !== c.expected);
  out.push({
    figure: '1 ingest: RX counter exact at the end',
    raw: '',
    app: off.length === 0 ? 'exact' : `${off.length} of ${counters.length} off`,
    target: 'exact',
    verdict: verdict(off.length === 0),
    note:
      off.length > 0
        ? off.map((c) => `shown ${count(c.shown)} B, sent ${count(c.expected)} B`).join('; ')
        : `after every push and flood (${counters.length} checks)`,
  });
  return out;
}
