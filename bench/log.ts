// Figure 6, the log: a million entries through the renderer's log state (retention under its caps,
// filter, find, row layout), measured on its pure functions in a load process (see log-measure.ts).
import type { BenchContext } from './context';
import type { LogMeasures } from './log-measure';
import { type FigureResult, verdict } from './report';
import { count, round } from './stats';

export async function runLog(ctx: BenchContext): Promise<FigureResult> {
  const { logEntries } = ctx.sizes;
  const m = await ctx.load.call<LogMeasures>('log', { entries: logEntries });
  const where = `renderer/src/state functions in Node over ${count(m.entries)} entries of 35 B`;
  const searchMs = Math.max(m.searchTextMs, m.searchHexMs);
  return {
    rows: [
      {
        figure: `6 log: entries retained of ${count(m.entries)}`,
        raw: '',
        app: count(m.retainedDefault),
        target: count(m.entries),
        verdict: verdict(m.retainedDefault >= m.entries),
        note:
          `with the default caps (${count(m.defaultLimits.maxEntries)} entries, ${count(m.defaultLimits.maxBytes)} B of payload); ` +
          `held in ${Math.round(m.heapMB)} MB of JS heap and ${Math.round(m.arrayBuffersMB)} MB of array buffers, ` +
          `appended at ${round(m.appendMsPerMillion / 1000, 2)} s per million; ` +
          `row offsets for the whole log ${round(m.layoutMs)} ms, then ${round(m.layoutBatchMs, 2)} ms per batch of 1,000`,
      },
      {
        figure: '6 log: filter (TX and system rows only)',
        raw: '',
        app: `${round(m.filterMs)} ms`,
        target: '< 200 ms',
        verdict: verdict(m.filterMs < 200),
        note: `visibleIndices over the whole log (${round(m.filterCpuMs)} ms of CPU), ${count(m.filterRows)} rows pass (the page keeps a filtered view up to date per batch); ${where}`,
      },
      {
        figure: '6 log: find text or hex',
        raw: '',
        app: `${round(searchMs)} ms`,
        target: '< 200 ms',
        verdict: verdict(searchMs < 200),
        note: `the find bar's search from a cold start: text ${round(m.searchTextMs)} ms (${round(m.searchTextCpuMs)} ms of CPU; ${count(m.searchTextHits)} hit), hex "temp=" ${round(m.searchHexMs)} ms (${round(m.searchHexCpuMs)} ms of CPU; ${count(m.searchHexHits)} hits), text "TEMP=" ${round(m.searchManyMs)} ms (${count(m.searchManyHits)} hits); median of 3; with Find open, a batch of 1,000 more costs ${round(m.searchBatchMs, 2)} ms`,
      },
    ],
    details: { ...m },
  };
}
