// Plain Node TCP traffic for the bench: the raw references (sink, echo server, reading client) and
// the loads (a push, an endless flood, small messages, a board that pushes). Loopback only.
import { once } from 'node:events';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { LISTEN_BACKLOG } from '../electron/core/tcp-server';
import { wallMs } from './stats';

export const LOOPBACK = '127.0.0.1';
/** The write size for a push. */
export const PUSH_CHUNK = 64 * 1024;

/** Printable lines, as a board's log stream would be; the log renders them as text. */
export function pushChunk(size = PUSH_CHUNK): Buffer {
  const line = 'SocketBench flood 0123456789 abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ\r\n';
  return Buffer.from(line.repeat(Math.ceil(size / line.length)).slice(0, size), 'latin1');
}

/** Message `i` of `size` bytes: its number, zero-padded, then LF. */
export const message = (i: number, size: number): Buffer =>
  Buffer.from(`${String(i).padStart(size - 1, '0')}\n`, 'latin1');

/**
 * With the backlog the app's TCP server session asks for: with Node's default (511), a thousand
 * clients connecting at once overflow it and the raw server's time becomes a 1 s SYN retry.
 */
export async function listen(server: Server): Promise<number> {
  server.listen({ host: LOOPBACK, port: 0, backlog: LISTEN_BACKLOG });
  await once(server, 'listening');
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no TCP port');
  return address.port;
}

/** Closes a server and every socket it accepted. */
export async function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  for (const s of sockets) s.destroy();
  await new Promise<void>((done) => server.close(() => done()));
}

/** A server that tracks its sockets, so it can be closed whole. */
export function trackedServer(onSocket: (s: Socket) => void): { server: Server; sockets: Set<Socket> } {
  const sockets = new Set<Socket>();
  const server = createServer({ noDelay: true }, (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
  });
  return { server, sockets };
}

/** The raw sink: reads and counts; Node ends its side when the sender has (no half-open). */
export function rawSink(): { server: Server; sockets: Set<Socket>; received: () => number } {
  let received = 0;
  const tracked = trackedServer((s) => s.on('data', (d: Buffer) => (received += d.length)));
  return { ...tracked, received: () => received };
}

/** The raw echo server: every chunk straight back. */
export function rawEcho(): { server: Server; sockets: Set<Socket> } {
  return trackedServer((s) => s.on('data', (d: Buffer) => s.write(d)));
}

/** Resolves when the socket can take more, or has closed; leaves no listener behind. */
export function drained(socket: Socket): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      socket.off('drain', done);
      socket.off('close', done);
      resolve();
    };
    socket.on('drain', done);
    socket.on('close', done);
  });
}

/** Writes `total` bytes in `chunk`-sized writes, honouring back-pressure; stops early if `stop()`. */
async function writeBytes(
  socket: Socket,
  total: number,
  chunk: Buffer,
  stop?: () => boolean,
): Promise<number> {
  let sent = 0;
  while (sent < total && !socket.destroyed && !stop?.()) {
    const n = Math.min(chunk.length, total - sent);
    const ok = socket.write(n === chunk.length ? chunk : chunk.subarray(0, n));
    sent += n;
    if (!ok) await drained(socket);
  }
  return sent;
}

export interface Transfer {
  bytes: number;
  /** From connect (or accept) until the receiver had read everything and closed. */
  ms: number;
  startAt: number;
  endAt: number;
}

async function finish(socket: Socket, bytes: number, startAt: number): Promise<Transfer> {
  socket.end();
  if (!socket.destroyed) await once(socket, 'close');
  const endAt = wallMs();
  return { bytes, ms: endAt - startAt, startAt, endAt };
}

function dial(port: number, onData: (d: Buffer) => void = () => {}): Promise<Socket> {
  const socket = connect({ host: LOOPBACK, port });
  socket.on('error', () => {});
  socket.on('data', onData);
  return once(socket, 'connect').then(() => socket);
}

/** Pushes `total` bytes to a listener: the time includes the receiver reading the end of it. */
export async function push(port: number, total: number): Promise<Transfer> {
  const socket = await dial(port);
  const startAt = wallMs();
  const bytes = await writeBytes(socket, total, pushChunk());
  return finish(socket, bytes, startAt);
}

/** One message per write, as a small client sends them; the time includes the receiver's reading. */
export async function sendMessages(port: number, n: number, size: number): Promise<Transfer> {
  const socket = await dial(port);
  const startAt = wallMs();
  let bytes = 0;
  for (let i = 0; i < n && !socket.destroyed; i++) {
    const m = message(i, size);
    bytes += m.length;
    if (!socket.write(m)) await drained(socket);
  }
  return finish(socket, bytes, startAt);
}

export interface Flood {
  /** Ends the flood; resolves with its totals once the receiver closed. */
  stop(): Promise<Transfer>;
}

/** A push without an end until stop(); the receiver's counters must then match `bytes` exactly. */
export async function flood(port: number): Promise<Flood> {
  const socket = await dial(port);
  return floodOn(socket);
}

function floodOn(socket: Socket): Flood {
  const startAt = wallMs();
  let stopping = false;
  const writing = writeBytes(socket, Number.POSITIVE_INFINITY, pushChunk(), () => stopping);
  return {
    async stop() {
      stopping = true;
      return finish(socket, await writing, startAt);
    },
  };
}

/** A board that runs a TCP server: the next connection gets a push of `bytes`, or a flood. */
export interface PushBoard {
  port: number;
  /** Arms the next connection; resolves when that connection has closed. */
  next(plan: { bytes: number } | { flood: true }): Promise<Transfer>;
  stopFlood(): void;
  close(): Promise<void>;
}

export async function pushBoard(): Promise<PushBoard> {
  let plan: { bytes: number } | { flood: true } | undefined;
  let done: ((t: Transfer) => void) | undefined;
  let failed: ((e: Error) => void) | undefined;
  let current: Flood | undefined;
  const settle = (p: Promise<Transfer>) => {
    const [ok, ko] = [done, failed];
    done = undefined;
    failed = undefined;
    p.then(ok, ko);
  };
  const { server, sockets } = trackedServer((socket) => {
    socket.resume();
    const armed = plan;
    plan = undefined;
    if (!armed) return socket.destroy();
    if ('flood' in armed) {
      current = floodOn(socket);
      return;
    }
    const startAt = wallMs();
    settle(writeBytes(socket, armed.bytes, pushChunk()).then((bytes) => finish(socket, bytes, startAt)));
  });
  const port = await listen(server);
  return {
    port,
    next(p) {
      plan = p;
      return new Promise<Transfer>((resolve, reject) => {
        done = resolve;
        failed = reject;
      });
    },
    stopFlood() {
      const f = current;
      current = undefined;
      if (f) settle(f.stop());
    },
    close: () => closeServer(server, sockets),
  };
}

/** The raw reading client: connects to a board and reads until the board ends. */
export async function readAll(port: number): Promise<number> {
  let bytes = 0;
  const socket = await dial(port, (d) => {
    bytes += d.length;
  });
  if (!socket.destroyed) await once(socket, 'close');
  return bytes;
}
