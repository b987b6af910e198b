// Figure 2, message rate: one Node client writes small messages, one write each, into a TCP server
// session (log visible, following the tail) and into a raw Node sink; every byte must be counted and
// the log must end on the last message.
import type { AppPage } from './app-page';
import { type BenchContext, cpuWindow, engineWindow, type WindowStats } from './context';
import { type CpuShares, formatCpu } from './cpu';
import { type FigureResult, verdict } from './report';
import { count, medianBy, round, sleep } from './stats';
import type { Transfer } from './traffic-tcp';

interface LastRow {
  data: boolean;
  size: number;
  text: string;
}

/**
 * Whether the last data row is the stream's final chunk. The row shows its byte count and the start
 * of its payload (ASCII, LF as the escape "\n"), so the first whole message in it tells where the
 * chunk began: its start plus its size must be the total.
 */
export function isFinalChunk(row: LastRow | undefined, total: number, size: number): string | undefined {
  if (!row) return 'the log shows no row';
  if (!row.data) return `the last row is not data: "${row.text.slice(0, 80)}"`;
  const shown = row.text.split('…')[0] ?? '';
  const bytes = shown.replace(/\\n/g, '\n');
  const lf = bytes.indexOf('\n');
  if (lf < 0) return `no message boundary in the last row: "${shown.slice(0, 40)}"`;
  const skip = lf === size - 1 && /^\d+$/.test(bytes.slice(0, lf)) ? 0 : lf + 1;
  const digits = bytes.slice(skip, skip + size - 1);
  if (!/^\d+$/.test(digits)) return `the last row's payload is not a message: "${shown.slice(0, 40)}"`;
  const start = Number(digits) * size - skip;
  return start + row.size === total
    ? undefined
    : `the last data row covers bytes ${count(start)}..${count(start + row.size)}, not the end ${count(total)}`;
}

/** The row can trail the counter by a frame: look again for a short while. */
async function finalRow(app: AppPage, total: number, size: number): Promise<string | undefined> {
  let why: string | undefined = 'not checked';
  for (let i = 0; i < 20 && why; i++) {
    if (i > 0) await sleep(100);
    why = isFinalChunk(await app.eval<LastRow | undefined>('__bench.lastDataRow()'), total, size);
  }
  return why;
}

export async function runMessageRate(ctx: BenchContext): Promise<FigureResult> {
  const { messages, messageBytes: size, waitMs } = ctx.sizes;
  const perRound = messages * size;
  const sinkPort = await ctx.raw.call<number>('sinkStart');
  const app = await ctx.app();
  const port = await app.ui.listenOn(0);
  await app.watch();
  const heap = app.sampleHeap();
  await app.framesStart();
  const rounds: { raw: Transfer; rawCpu: CpuShares; sent: Transfer; stats: WindowStats }[] = [];
  let expected = 0;
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const [raw, rawCpu] = await cpuWindow(ctx, () =>
      ctx.load.call<Transfer>('messages', { port: sinkPort, count: messages, size }),
    );
    const [sent, stats] = await engineWindow(ctx, () =>
      ctx.load.call<Transfer>('messages', { port, count: messages, size }),
    );
    expected += perRound;
    try {
      await app.reach('rx', expected, waitMs);
    } catch {
      // The shown count says how far it got.
    }
    rounds.push({ raw, rawCpu, sent, stats });
  }
  const shown = (await app.value('rx')).value;
  const frames = await app.framesStop();
  const heapMB = await heap.stop();
  // Each round is a new connection numbering its messages from 0: the last row ends the last one.
  const notLatest = await finalRow(app, perRound, size);
  const atEnd = await app.eval<boolean>('__bench.logAtEnd()');
  await app.ui.closeAllSessions();

  const rate = (t: Transfer) => messages / (t.ms / 1000);
  /** Microseconds of CPU per message, from a process's share of one core over the transfer. */
  const perMessage = (share: number | undefined, t: Transfer) =>
    share === undefined ? '?' : String(round(((share / 100) * t.ms * 1000) / messages, 2));
  const { raw, rawCpu } = medianBy(rounds, (r) => rate(r.raw));
  const { sent, stats } = medianBy(rounds, (r) => rate(r.sent));
  const ratio = rate(sent) / rate(raw);
  const all = (pick: (r: (typeof rounds)[number]) => Transfer) =>
    rounds.map((r) => count(rate(pick(r)))).join(', ');
  const latestOk = notLatest === undefined && atEnd;
  return {
    rows: [
      {
        figure: `2 message rate: ${count(messages)} x ${size} B into a TCP server session`,
        raw: `${count(rate(raw))} msg/s`,
        app: `${count(rate(sent))} msg/s`,
        ratio,
        target: '>= 0.90x',
        verdict: verdict(ratio >= 0.9),
        note: `median of ${rounds.length} rounds (app ${all((r) => r.sent)}, raw ${all((r) => r.raw)} msg/s); one Node client, one write per message, into a raw Node sink and into the app; CPU per message: engine ${perMessage(stats.cpu.engine, sent)} us and page ${perMessage(stats.cpu.browser, sent)} us, raw sink ${perMessage(rawCpu.raw, raw)} us; in the median round engine event-loop delay p99 ${round(stats.loopDelayP99Ms)} ms; renderer frame gaps p99 ${round(frames.p99)} ms, max ${round(frames.max)} ms; CPU in percent of one core, app: ${formatCpu(stats.cpu)}; raw: ${formatCpu(rawCpu)}`,
      },
      {
        figure: '2 message rate: every byte counted',
        raw: '',
        app: shown === expected ? 'exact' : `${count(shown)} of ${count(expected)} B`,
        target: 'exact',
        verdict: verdict(shown === expected),
      },
      {
        figure: '2 message rate: log ends on the last message',
        raw: '',
        app: latestOk ? 'yes' : 'no',
        target: 'yes, at the tail',
        verdict: verdict(latestOk),
        ...(latestOk ? {} : { note: notLatest ?? 'the log is not scrolled to its end' }),
      },
    ],
    details: {
      rounds,
      shown,
      expected,
      frames,
      heapMaxMB: Math.max(...heapMB),
      atEnd,
    },
  };
}
