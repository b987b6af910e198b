// Figure 4, many boards: a TCP server session holds thousands of idle clients; then, in rounds, a
// thousand more connect at once and each send a line; against a raw Node echo server holding as
// many, whose last echo ends its time. The Clients list must stay responsive meanwhile.
import type { AppPage } from './app-page';
import { type BenchContext, engineWindow, type WindowStats } from './context';
import { formatCpu } from './cpu';
import { type FigureResult, type Row, verdict } from './report';
import { count, median, round } from './stats';
import type { HoldResult, LinesResult } from './traffic-clients';
import { rowTimeToWall } from './udp';

/** Handshakes in flight at once while the idle clients connect. */
const CONCURRENCY = 200;
/** Files each process keeps for itself beyond the clients (logs, the browser link, ...). */
const SPARE_FILES = 200;

async function rawRun(ctx: BenchContext, held: number): Promise<{ hold: HoldResult; roundsMs: number[] }> {
  const port = await ctx.raw.call<number>('echoStart');
  const hold = await ctx.load.call<HoldResult>('hold', { port, count: held, concurrency: CONCURRENCY });
  const roundsMs: number[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const lines = await ctx.load.call<LinesResult>('lines', {
      port,
      count: ctx.sizes.lineClients,
      echo: true,
    });
    roundsMs.push(lines.doneAt - lines.startAt);
    await ctx.load.call('releaseLines');
  }
  await ctx.load.call('release');
  await ctx.raw.call('closeAll');
  return { hold, roundsMs };
}

interface Responsiveness {
  domRows: number;
  scrollMs: number;
  pauseMs: number;
  resumeMs: number;
}

async function responsiveness(app: AppPage, waitMs: number): Promise<Responsiveness> {
  const domRows = await app.eval<number>('__bench.clientRows()');
  const { ms: scrollMs } = await app.eval<{ ms: number }>('__bench.scrollClients()');
  const pauseMs = await app.clickToggle(true, waitMs);
  const resumeMs = await app.clickToggle(false, waitMs);
  return { domRows, scrollMs, pauseMs, resumeMs };
}

interface AppRound {
  /** Until the page showed every line and connect. */
  ms: number;
  /** Until the engine took the last line (the time its row shows, to the ms). */
  engineMs: number;
  stats: WindowStats;
}

/** One round in the app: until the page shows every line's bytes in RX and every connect and line in the log. */
async function appRound(ctx: BenchContext, app: AppPage, port: number): Promise<AppRound> {
  const { lineClients, waitMs } = ctx.sizes;
  const entries0 = (await app.value('entries')).value;
  const rx0 = (await app.value('rx')).value;
  const [lines, stats] = await engineWindow(ctx, () =>
    ctx.load.call<LinesResult>('lines', { port, count: lineClients, echo: false }),
  );
  let ms = Number.NaN;
  let engineMs = Number.NaN;
  try {
    const rxAt = await app.reach('rx', rx0 + lines.bytes, waitMs);
    const entriesAt = await app.reach('entries', entries0 + 2 * lineClients, waitMs);
    ms = Math.max(rxAt, entriesAt) - lines.startAt;
    const last = await app.eval<{ data: boolean; time: string } | undefined>('__bench.lastDataRow()');
    const lastAt = last?.data ? rowTimeToWall(last.time, lines.startAt) : undefined;
    if (lastAt !== undefined) engineMs = lastAt - lines.startAt;
  } catch {
    // Reported as not all logged.
  }
  await ctx.load.call('releaseLines');
  // Their disconnects are logged too: the next round starts once they are.
  await app.reach('entries', entries0 + 3 * lineClients, waitMs).catch(() => {});
  return { ms, engineMs, stats };
}

export async function runManyBoards(ctx: BenchContext): Promise<FigureResult> {
  const { lineClients, waitMs } = ctx.sizes;
  const held = Math.min(ctx.sizes.heldClients, ctx.fileLimit - lineClients - SPARE_FILES);
  const limitNote =
    held < ctx.sizes.heldClients
      ? `; only ${count(held)} held: the open-file limit is ${count(ctx.fileLimit)} (raise it with ulimit -n)`
      : '';
  const raw = await rawRun(ctx, held);

  const app = await ctx.app();
  const port = await app.ui.listenOn(0);
  await app.watch();
  const entries0 = (await app.value('entries')).value;
  const [hold, holdStats] = await engineWindow(ctx, () =>
    ctx.load.call<HoldResult>('hold', { port, count: held, concurrency: CONCURRENCY }),
  );
  let holdShownMs = Number.NaN;
  try {
    holdShownMs = (await app.reach('entries', entries0 + hold.held, waitMs)) - hold.startAt;
  } catch {
    // Reported as not shown.
  }
  const shownClients = await app.page.getByText(`${hold.held} clients`, { exact: true }).count();
  const resp = await responsiveness(app, waitMs);
  const rounds: AppRound[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) rounds.push(await appRound(ctx, app, port));
  await ctx.load.call('release');
  await app.ui.closeAllSessions();

  const appMsAll = rounds.map((r) => r.ms);
  const appMs = appMsAll.some((ms) => !Number.isFinite(ms)) ? Number.NaN : median(appMsAll);
  const rawMs = median(raw.roundsMs);
  const ratio = appMs / rawMs;
  const linesStats = rounds[Math.floor((rounds.length - 1) / 2)]?.stats;
  const list = (xs: number[]) => xs.map((x) => round(x)).join(', ');
  const responsive = resp.domRows < held && resp.scrollMs < 100 && resp.pauseMs < 100;
  const rows: Row[] = [
    {
      figure: `4 many boards: ${count(held)} clients held by a TCP server session`,
      raw: `${count(raw.hold.held)} held`,
      app: `${count(hold.held)} held`,
      target: `${count(held)}, listed`,
      verdict: verdict(hold.held === held && shownClients > 0),
      note: `connecting them took ${round(raw.hold.ms / 1000, 2)} s raw, ${round(hold.ms / 1000, 2)} s to the app, whose log ${Number.isFinite(holdShownMs) ? `showed the last connect after ${round(holdShownMs / 1000, 2)} s` : 'did not show every connect'}; engine event-loop delay p99 ${round(holdStats.loopDelayP99Ms)} ms, RSS ${Math.round(holdStats.rssMaxMB)} MB; CPU in percent of one core: ${formatCpu(holdStats.cpu)}${limitNote}`,
    },
    {
      figure: `4 many boards: ${count(lineClients)} more connect and send a line each`,
      raw: `${round(rawMs)} ms`,
      app: Number.isFinite(appMs) ? `${round(appMs)} ms` : 'not all logged',
      ratio: Number.isFinite(appMs) ? ratio : undefined,
      target: '<= 2.00x',
      verdict: verdict(Number.isFinite(appMs) && ratio <= 2),
      note: `median of ${rounds.length} rounds (app ${list(appMsAll)}, raw ${list(raw.roundsMs)} ms) with the others held; raw: a Node echo server (with the app's listen backlog), until the last echo is back; app: until the page shows every byte in RX and every line and connect in the log, the engine having taken the last line after ${list(rounds.map((r) => r.engineMs))} ms (the time its row shows); in the median round the engine event-loop delay p99 was ${round(linesStats?.loopDelayP99Ms ?? Number.NaN)} ms; CPU in percent of one core: ${linesStats ? formatCpu(linesStats.cpu) : ''}`,
    },
    {
      figure: '4 many boards: Clients list responsive',
      raw: '',
      app: `${count(resp.domRows)} rows in the DOM; scroll ${round(resp.scrollMs)} ms; Pause ${round(resp.pauseMs)} ms`,
      target: 'virtualized, < 100 ms',
      verdict: verdict(responsive),
      note: `with ${count(hold.held)} clients listed: rows rendered, a scroll of the list to its end until painted, a Pause click until its effect shows (Resume ${round(resp.resumeMs)} ms)`,
    },
  ];
  return { rows, details: { held, raw, hold, holdStats, rounds, appMs, rawMs, responsiveness: resp } };
}
