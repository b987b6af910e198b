// The engine by itself: the ingest, message-rate and UDP loads with a subscriber that decodes every
// batch and acknowledges it at once instead of a page, against the same raw references. It shows
// what the engine costs apart from the page that shares the machine's cores with it.
import { join } from 'node:path';
import { type BenchContext, cpuWindow, engineWindow, type WindowStats } from './context';
import { type CpuShares, formatCpu } from './cpu';
import type { SubscriberTotals } from './engine-subscriber';
import { type Child, forkChild } from './ipc';
import { allowReceiveBuffer } from './receive-buffer';
import type { FigureResult, Row } from './report';
import { count, MiB, medianBy, round, sleep, wallMs } from './stats';
import { LOOPBACK, type Transfer } from './traffic-tcp';
import type { UdpReceived, UdpSent } from './traffic-udp';

/** How long without a new count the subscriber waits before it takes the total as final. */
const QUIET_MS = 2000;

interface Pair {
  raw: number;
  app: number;
  rawCpu: CpuShares;
  stats: WindowStats;
  exact: boolean;
  /** What the subscriber was shown this round: payload bytes, or data events for datagrams. */
  shown: number;
}

const portOf = (endpoint: string | undefined): number =>
  Number(endpoint?.slice(endpoint.lastIndexOf(':') + 1));

function row(
  figure: string,
  unit: string,
  pairs: Pair[],
  perUnit: (p: Pair) => string,
  shownUnit = 'payload bytes',
): Row {
  const app = medianBy(pairs, (p) => p.app);
  const raw = medianBy(pairs, (p) => p.raw);
  const exact = pairs.every((p) => p.exact);
  const all = (pick: (p: Pair) => number) => pairs.map((p) => count(pick(p))).join(', ');
  return {
    figure: `engine alone: ${figure}`,
    raw: `${count(raw.raw)} ${unit}`,
    app: `${count(app.app)} ${unit}`,
    ratio: app.app / raw.raw,
    target: 'the same ratio as above',
    verdict: 'info',
    note: `a subscriber that decodes every batch and acknowledges it at once, instead of the page; rounds app ${all((p) => p.app)}, raw ${all((p) => p.raw)} ${unit}; counters ${exact ? 'exact' : 'NOT exact'}; shown to the subscriber per round ${pairs.map((p) => count(p.shown)).join(', ')} ${shownUnit}; ${perUnit(app)}; engine event-loop delay p99 ${round(app.stats.loopDelayP99Ms)} ms; CPU in percent of one core (browser = the subscriber): ${formatCpu(app.stats.cpu)}; raw: ${formatCpu(raw.rawCpu)}`,
  };
}

async function tcpRounds(
  ctx: BenchContext,
  sub: Child,
  kind: 'server' | 'client' | 'messages',
): Promise<Pair[]> {
  const { ingestBytes, messages, messageBytes } = ctx.sizes;
  const sinkPort = await ctx.raw.call<number>('sinkStart');
  const boardPort = kind === 'client' ? await ctx.load.call<number>('boardStart') : 0;
  let serverId = '';
  let serverPort = 0;
  if (kind !== 'client') {
    const s = await sub.call<{ id: string; local?: string }>('subOpen', {
      config: { protocol: 'tcp-server', localAddress: LOOPBACK, port: 0 },
    });
    serverId = s.id;
    serverPort = portOf(s.local);
  }
  const pairs: Pair[] = [];
  let expected = 0;
  let shownBefore = 0;
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    const load = (port: number) =>
      kind === 'messages'
        ? ctx.load.call<Transfer>('messages', { port, count: messages, size: messageBytes })
        : ctx.load.call<Transfer>('push', { port, bytes: ingestBytes });
    let raw: Transfer;
    let rawCpu: CpuShares;
    if (kind === 'client') {
      [raw, rawCpu] = await cpuWindow(ctx, async () => {
        const done = ctx.load.call<Transfer>('boardNext', { bytes: ingestBytes });
        await ctx.raw.call('readAll', { port: boardPort });
        return done;
      });
    } else [raw, rawCpu] = await cpuWindow(ctx, () => load(sinkPort));
    let id = serverId;
    const [sent, stats] = await engineWindow(ctx, async () => {
      if (kind !== 'client') return load(serverPort);
      const done = ctx.load.call<Transfer>('boardNext', { bytes: ingestBytes });
      id = (
        await sub.call<{ id: string }>('subOpen', {
          config: { protocol: 'tcp-client', host: LOOPBACK, port: boardPort },
        })
      ).id;
      return done;
    });
    expected = kind === 'client' ? sent.bytes : expected + sent.bytes;
    const totals = await sub.call<SubscriberTotals>('subWaitRx', { id, bytes: expected, quietMs: QUIET_MS });
    if (kind === 'client') await sub.call('subClose', { id });
    const per = kind === 'messages' ? messages : sent.bytes / MiB;
    pairs.push({
      raw: per / (raw.ms / 1000),
      app: per / (sent.ms / 1000),
      rawCpu,
      stats,
      exact: totals.rx === expected,
      shown: totals.dataBytes - shownBefore,
    });
    shownBefore = kind === 'client' ? 0 : totals.dataBytes;
  }
  if (serverId) await sub.call('subClose', { id: serverId });
  await Promise.all([ctx.load.call('closeAll'), ctx.raw.call('closeAll')]);
  return pairs;
}

async function udpRounds(ctx: BenchContext, sub: Child): Promise<Pair[]> {
  const { datagrams, datagramBytes, udpReceiveBuffer } = ctx.sizes;
  // Both sockets get the buffer figure 3's get (see receive-buffer.ts).
  const cap = allowReceiveBuffer(udpReceiveBuffer);
  let receiver: { port: number };
  let s: { id: string; local?: string };
  try {
    receiver = await ctx.raw.call('udpReceiverStart', { bufferBytes: udpReceiveBuffer });
    s = await sub.call('subOpen', {
      config: { protocol: 'udp', localAddress: LOOPBACK, localPort: 0, receiveBufferSize: udpReceiveBuffer },
    });
  } finally {
    cap.restore();
  }
  const port = portOf(s.local);
  const pairs: Pair[] = [];
  let expected = 0;
  let shownBefore = 0;
  for (let r = 0; r < ctx.sizes.rounds; r++) {
    await ctx.raw.call('udpReceiverReset');
    const [rawSent, rawCpu] = await cpuWindow(ctx, () =>
      ctx.load.call<UdpSent>('udpSend', { port: receiver.port, count: datagrams, size: datagramBytes }),
    );
    let got = await ctx.raw.call<UdpReceived>('udpReceived');
    while (got.received < datagrams && wallMs() - Math.max(got.lastAt, rawSent.endAt) < 500) {
      await sleep(50);
      got = await ctx.raw.call<UdpReceived>('udpReceived');
    }
    const before = expected;
    expected += datagrams * datagramBytes;
    const [[sent, totals], stats] = await engineWindow(ctx, async () => {
      const sentNow = await ctx.load.call<UdpSent>('udpSend', {
        port,
        count: datagrams,
        size: datagramBytes,
      });
      const t = await sub.call<SubscriberTotals>('subWaitRx', { id: s.id, bytes: expected, quietMs: 500 });
      return [sentNow, t] as const;
    });
    const received = (totals.rx - before) / datagramBytes;
    expected = totals.rx;
    pairs.push({
      raw: got.received / ((got.lastAt - rawSent.startAt) / 1000),
      // Until the engine took the last datagram (the log ends on it: its event's time), as figure 3
      // does; the counters reach the subscriber up to a batch interval later.
      app: received / (((totals.lastDataAt || totals.rxAt) - sent.startAt) / 1000),
      rawCpu,
      stats,
      exact: received === datagrams,
      shown: totals.dataEvents - shownBefore,
    });
    shownBefore = totals.dataEvents;
    (pairs[pairs.length - 1] as Pair & { received: number[] }).received = [got.received, received];
  }
  await sub.call('subClose', { id: s.id });
  await ctx.raw.call('closeAll');
  return pairs;
}

export async function runEngineAlone(ctx: BenchContext): Promise<FigureResult> {
  const here = ctx.benchDir;
  const sub = (await forkChild(join(here, 'peer.mjs'), ['subscriber'])).child;
  try {
    await sub.call('subConnect', { url: ctx.url });
    const server = await tcpRounds(ctx, sub, 'server');
    const client = await tcpRounds(ctx, sub, 'client');
    const msgs = await tcpRounds(ctx, sub, 'messages');
    const udp = await udpRounds(ctx, sub);
    const mib = ctx.sizes.ingestBytes / MiB;
    const cpuPerMiB = (p: Pair) =>
      `CPU per MiB: engine ${round(((p.stats.cpu.engine ?? 0) / 100) * (1000 / p.app), 2)} ms, raw ${round(((p.rawCpu.raw ?? 0) / 100) * (1000 / p.raw), 2)} ms`;
    const cpuPerItem = (p: Pair) =>
      `CPU per item: engine ${round(((p.stats.cpu.engine ?? 0) / 100) * (1e6 / p.app), 2)} us, raw ${round(((p.rawCpu.raw ?? 0) / 100) * (1e6 / p.raw), 2)} us`;
    const udpReceived = udp.map((p) => (p as Pair & { received: number[] }).received);
    const rows: Row[] = [
      row(`ingest ${count(mib)} MiB into a TCP server session`, 'MiB/s', server, cpuPerMiB),
      row(`ingest ${count(mib)} MiB into a TCP client session`, 'MiB/s', client, cpuPerMiB),
      row(
        `${count(ctx.sizes.messages)} x ${ctx.sizes.messageBytes} B into a TCP server session`,
        'msg/s',
        msgs,
        cpuPerItem,
      ),
      {
        ...row(`${count(ctx.sizes.datagrams)} datagrams into a UDP session`, 'dgram/s', udp, cpuPerItem),
        note: `the app's rate up to when the engine took the last datagram (its data event's time); received (raw, app) per round: ${udpReceived.map((r) => r.map(count).join(' / ')).join('; ')}; ${row('', '', udp, cpuPerItem, 'datagrams').note}`,
      },
    ];
    return { rows, details: { server, client, messages: msgs, udp } };
  } finally {
    await sub.stop();
  }
}
