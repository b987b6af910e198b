// A helper process of the bench: the raw references (sink, echo server, UDP socket) in one, the
// loads (pushers, boards, many clients, senders) in another, so neither shares a loop with what it
// measures. Commands arrive over IPC (see ipc.ts).
import type { Server, Socket } from 'node:net';
import type { SessionConfig } from '../shared/contract/model';
import { Subscriber } from './engine-subscriber';
import { serve } from './ipc';
import { measureLog } from './log-measure';
import { measureRoundTrips } from './round-trip-clients';
import { ClientPool } from './traffic-clients';
import {
  closeServer,
  type Flood,
  flood,
  listen,
  type PushBoard,
  push,
  pushBoard,
  rawEcho,
  rawSink,
  readAll,
  sendMessages,
} from './traffic-tcp';
import { RawUdpReceiver, sendDatagrams } from './traffic-udp';

const servers: { server: Server; sockets: Set<Socket> }[] = [];
const pool = new ClientPool();
/** The clients that send a line: released after each round, while `pool` keeps holding. */
const linePool = new ClientPool();
let sink: ReturnType<typeof rawSink> | undefined;
let board: PushBoard | undefined;
let floods: Flood[] = [];
let udp: RawUdpReceiver | undefined;
let subscriber: Subscriber | undefined;
const sub = (): Subscriber => {
  if (!subscriber) throw new Error('subConnect first');
  return subscriber;
};

async function started(tracked: { server: Server; sockets: Set<Socket> }): Promise<number> {
  servers.push(tracked);
  return listen(tracked.server);
}

serve({
  // The raw references.
  sinkStart: async () => {
    sink = rawSink();
    return started(sink);
  },
  sinkReceived: () => sink?.received() ?? 0,
  echoStart: () => started(rawEcho()),
  readAll: ({ port }: { port: number }) => readAll(port),
  udpReceiverStart: async ({ bufferBytes }: { bufferBytes: number }) => {
    udp = await RawUdpReceiver.start(bufferBytes);
    return { port: udp.port, bufferBytes: udp.bufferBytes };
  },
  udpReceiverReset: () => udp?.reset(),
  udpReceived: () => udp?.result(),

  // The loads.
  push: ({ port, bytes }: { port: number; bytes: number }) => push(port, bytes),
  floodStart: async ({ port }: { port: number }) => {
    floods.push(await flood(port));
  },
  floodStop: async () => {
    const running = floods;
    floods = [];
    return Promise.all(running.map((f) => f.stop()));
  },
  messages: ({ port, count, size }: { port: number; count: number; size: number }) =>
    sendMessages(port, count, size),
  boardStart: async () => {
    board = await pushBoard();
    return board.port;
  },
  /** Resolves when the armed connection closed, so the caller starts it without awaiting. */
  boardNext: (plan: { bytes: number } | { flood: true }) => {
    if (!board) throw new Error('boardStart first');
    return board.next(plan);
  },
  boardStopFlood: () => board?.stopFlood(),
  hold: ({ port, count, concurrency }: { port: number; count: number; concurrency: number }) =>
    pool.hold(port, count, concurrency),
  lines: ({ port, count, echo }: { port: number; count: number; echo: boolean }) =>
    linePool.lines(port, count, echo),
  releaseLines: () => linePool.release(),
  release: () => Promise.all([pool.release(), linePool.release()]),
  poolSize: () => pool.size,
  udpSend: ({
    port,
    count,
    size,
    perSecond,
  }: {
    port: number;
    count: number;
    size: number;
    perSecond?: number;
  }) => sendDatagrams(port, count, size, perSecond),
  log: ({ entries }: { entries: number }) => measureLog(entries),
  roundTrips: ({
    port,
    count,
    warmup,
    size,
  }: {
    port: number;
    count: number;
    warmup: number;
    size: number;
  }) => measureRoundTrips(port, count, warmup, size),

  // The subscriber: a page that renders nothing (the engine-alone figure).
  subConnect: async ({ url }: { url: string }) => {
    subscriber = await Subscriber.connect(url);
  },
  subOpen: ({ config }: { config: SessionConfig }) => sub().open(config),
  subClose: ({ id }: { id: string }) => sub().request('close', { id }),
  subWaitRx: ({ id, bytes, quietMs }: { id: string; bytes: number; quietMs: number }) =>
    sub().waitRx(id, bytes, quietMs),

  closeAll: async () => {
    await Promise.all([pool.release(), linePool.release()]);
    await Promise.all(floods.map((f) => f.stop()));
    floods = [];
    await board?.close();
    board = undefined;
    await udp?.close();
    udp = undefined;
    await Promise.all(servers.splice(0).map((s) => closeServer(s.server, s.sockets)));
  },
});

process.send?.({ ready: true });
