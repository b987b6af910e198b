// Figure 3, UDP: one Node socket fires datagrams as fast as it can at a receiving UDP session (its
// receive buffer set in the UI) and at a raw Node UDP socket with the same buffer; how many arrive,
// and how fast.
import {
  DEFAULT_MAX_DISPLAY_BYTES_PER_SECOND,
  DEFAULT_MAX_DISPLAY_EVENTS_PER_SECOND,
} from '../electron/core/event-batcher';
import type { AppPage } from './app-page';
import { type BenchContext, engineWindow, type WindowStats } from './context';
import { formatCpu } from './cpu';
import { allowReceiveBuffer } from './receive-buffer';
import { type FigureResult, verdict } from './report';
import { count, medianBy, round, sleep, wallMs } from './stats';
import type { UdpReceived, UdpSent } from './traffic-udp';

/** The raw receiver has finished once nothing new arrived for this long after the sender finished. */
const QUIET_MS = 500;
/** The page's count may pause longer while it catches up with a backlog of batches. */
const PAGE_QUIET_MS = 2000;
/** How long the log is scrolled through afterwards. */
const SCROLL_MS = 3000;
/**
 * Datagrams a second that fill the log for scrolling: within 85 % of the page's display budget (its
 * payload bytes and its events a second), so all are shown.
 */
const fillPerSecond = (datagramBytes: number): number =>
  Math.floor(
    0.85 *
      Math.min(DEFAULT_MAX_DISPLAY_EVENTS_PER_SECOND, DEFAULT_MAX_DISPLAY_BYTES_PER_SECOND / datagramBytes),
  );

/**
 * Fills the page's log with datagrams to `target` entries (its cap evicts the oldest beyond), at a
 * pace the page is shown whole; resolves with the entries it then holds.
 */
async function fillLog(ctx: BenchContext, app: AppPage, port: number, target: number): Promise<number> {
  const { datagramBytes } = ctx.sizes;
  const entries = (await app.value('entries')).value;
  if (entries >= target) return entries;
  // A few more than missing: the oldest go as the cap is reached, so the log ends full.
  const count = Math.ceil((target - entries) * 1.02);
  const perSecond = fillPerSecond(datagramBytes);
  await ctx.load.call<UdpSent>('udpSend', { port, count, size: datagramBytes, perSecond });
  const deadline = wallMs() + ctx.sizes.waitMs;
  let seen = await app.value('entries');
  while (seen.value < target && wallMs() < deadline && wallMs() - seen.at < PAGE_QUIET_MS) {
    await sleep(200);
    seen = await app.value('entries');
  }
  return seen.value;
}

interface UdpRound {
  sent: UdpSent;
  received: number;
  /** Until the last datagram was taken (the raw socket's clock, or the time the log shows for it). */
  lastAt: number;
  /** The app's only: when the page's RX showed the final count. */
  shownAt?: number;
  stats?: WindowStats;
}

const rateOf = (r: UdpRound): number => r.received / ((r.lastAt - r.sent.startAt) / 1000);

async function rawRound(ctx: BenchContext, port: number): Promise<UdpRound> {
  const { datagrams, datagramBytes } = ctx.sizes;
  await ctx.raw.call('udpReceiverReset');
  const sent = await ctx.load.call<UdpSent>('udpSend', { port, count: datagrams, size: datagramBytes });
  let got = await ctx.raw.call<UdpReceived>('udpReceived');
  while (got.received < datagrams && wallMs() - Math.max(got.lastAt, sent.endAt) < QUIET_MS) {
    await sleep(50);
    got = await ctx.raw.call<UdpReceived>('udpReceived');
  }
  return { sent, received: got.received, lastAt: got.lastAt };
}

async function appRound(ctx: BenchContext, app: AppPage, port: number): Promise<UdpRound> {
  const { datagrams, datagramBytes, waitMs } = ctx.sizes;
  const before = (await app.value('rx')).value;
  const expected = before + datagrams * datagramBytes;
  // The window runs until the page has caught up, so the engine's CPU covers every datagram.
  const [[sent, shown], stats] = await engineWindow(ctx, async () => {
    const s = await ctx.load.call<UdpSent>('udpSend', { port, count: datagrams, size: datagramBytes });
    let seen = await app.value('rx');
    while (
      seen.value < expected &&
      wallMs() - Math.max(seen.at, s.endAt) < PAGE_QUIET_MS &&
      wallMs() - s.endAt < waitMs
    ) {
      await sleep(50);
      seen = await app.value('rx');
    }
    return [s, seen] as const;
  });
  const last = await app.eval<{ data: boolean; time: string } | undefined>('__bench.lastDataRow()');
  const engineLastAt = last?.data ? rowTimeToWall(last.time, sent.startAt) : undefined;
  return {
    sent,
    received: Math.floor((shown.value - before) / datagramBytes),
    lastAt: engineLastAt ?? shown.at,
    shownAt: shown.at,
    stats,
  };
}

/**
 * When the engine took the last datagram the log shows, from that row's time (HH:MM:SS.mmm, local):
 * the engine's own clock, whatever the page's delay in showing it.
 */
export function rowTimeToWall(time: string, near: number): number | undefined {
  const m = /^(\d\d):(\d\d):(\d\d)\.(\d\d\d)$/.exec(time.trim());
  if (!m) return undefined;
  const d = new Date(near);
  d.setHours(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4]));
  const t = d.getTime();
  // A run across midnight: the row's day is the one nearest to `near`.
  const day = 86_400_000;
  return t - near > day / 2 ? t - day : near - t > day / 2 ? t + day : t;
}

async function openUdpWithBuffer(app: AppPage, bytes: number): Promise<number> {
  const { page, ui } = app;
  await ui.protocol.selectOption({ label: 'UDP' });
  const field = page.getByLabel('Receive buffer (bytes)', { exact: true });
  if (!(await field.isVisible())) await page.locator('summary', { hasText: 'Options' }).click();
  await field.fill(String(bytes));
  let port = await ui.openUdp(0, '127.0.0.1');
  // The state line can show the asked port 0 for a moment before the engine's bound one.
  for (let i = 0; i < 50 && !(port > 0); i++) {
    await sleep(100);
    port = await ui.boundPort();
  }
  if (!(port > 0)) throw new Error('the UDP session shows no bound port');
  return port;
}

export async function runUdp(ctx: BenchContext): Promise<FigureResult> {
  const { datagrams, datagramBytes, udpReceiveBuffer } = ctx.sizes;
  const app = await ctx.app();
  const cap = allowReceiveBuffer(udpReceiveBuffer);
  let receiver: { port: number; bufferBytes: number };
  let port: number;
  try {
    receiver = await ctx.raw.call('udpReceiverStart', { bufferBytes: udpReceiveBuffer });
    port = await openUdpWithBuffer(app, udpReceiveBuffer);
  } finally {
    cap.restore();
  }
  await app.watch();
  const raws: UdpRound[] = [];
  const apps: UdpRound[] = [];
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    raws.push(await rawRound(ctx, receiver.port));
    apps.push(await appRound(ctx, app, port));
  }
  // The log holds an entry per datagram shown (filled up to its cap in the full run): how smoothly
  // does it scroll?
  const filled = ctx.sizes.pageLogEntries > 0;
  const entries = filled
    ? await fillLog(ctx, app, port, ctx.sizes.pageLogEntries)
    : (await app.value('entries')).value;
  const scroll = await app.eval<{ frames: number; p50: number; p99: number; max: number }>(
    `__bench.scrollLog(${SCROLL_MS})`,
  );
  await app.ui.closeAllSessions();

  const rawMid = medianBy(raws, rateOf);
  const appMid = medianBy(apps, rateOf);
  const ratio = rateOf(appMid) / rateOf(rawMid);
  const rawGot = medianBy(raws, (r) => r.received).received;
  const appGot = medianBy(apps, (r) => r.received).received;
  const pct = (n: number) => `${round((100 * n) / datagrams, 1)} %`;
  const list = (rs: UdpRound[], f: (r: UdpRound) => string) => rs.map(f).join(', ');
  const stats = appMid.stats;
  return {
    rows: [
      {
        figure: `3 UDP: ${count(datagrams)} datagrams of ${datagramBytes} B received`,
        raw: pct(rawGot),
        app: pct(appGot),
        target: '>= 99 %',
        verdict: verdict(appGot >= 0.99 * datagrams),
        note: `median of ${ctx.sizes.rounds} rounds (app ${list(apps, (r) => pct(r.received))}; raw ${list(raws, (r) => pct(r.received))}); one Node socket sends as fast as it can; receive buffer ${count(udpReceiveBuffer)} B asked, ${count(receiver.bufferBytes)} B granted by the system${cap.note}`,
      },
      {
        figure: '3 UDP: receive rate',
        raw: `${count(rateOf(rawMid))} dgram/s`,
        app: `${count(rateOf(appMid))} dgram/s`,
        ratio,
        target: '>= 0.80x',
        verdict: verdict(ratio >= 0.8),
        note: `datagrams received per second from the first one sent to the last one received, median of ${ctx.sizes.rounds} rounds; the app's last is the time its log shows for the last datagram (the engine's clock, to the ms); in the median round the page showed the final RX count ${Math.round((appMid.shownAt ?? appMid.lastAt) - appMid.lastAt)} ms after that, the engine event-loop delay p99 was ${round(stats?.loopDelayP99Ms ?? Number.NaN)} ms and the engine spent ${stats?.cpu.engine === undefined ? '?' : round(((stats.cpu.engine / 100) * stats.windowMs * 1000) / Math.max(1, appMid.received), 1)} us of CPU per datagram received; CPU in percent of one core: ${stats ? formatCpu(stats.cpu) : ''}`,
      },
      {
        figure: `6 log: scrolling ${count(entries)} entries in the page, frame gap p99`,
        raw: '',
        app: `${round(scroll.p99)} ms`,
        target: '< 50 ms',
        verdict: verdict(scroll.frames > 0 && scroll.p99 < 50),
        note: `the UDP figure's log${filled ? `, filled with datagrams at ${count(fillPerSecond(datagramBytes))} a second (all shown) to ${count(ctx.sizes.pageLogEntries)} entries` : ''}, scrolled up a screen per frame for ${SCROLL_MS / 1000} s (${scroll.frames} frames, median ${round(scroll.p50)} ms, max ${round(scroll.max)} ms); "smooth" taken as no frame over 50 ms at p99`,
      },
    ],
    details: { receiveBufferBytes: receiver.bufferBytes, raw: raws, app: apps, scroll },
  };
}
