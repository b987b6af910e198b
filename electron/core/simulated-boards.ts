// Simulated seed boards on loopback: small servers and a client that answer like the boards' stock
// programs, so every mode can be tried without hardware and the example cases run in CI. Plain Node.
import { createSocket, type Socket as UdpSocket } from 'node:dgram';
import { createServer, isIPv6, type Server, Socket } from 'node:net';
import { type BoardId, isBoardId } from '../../shared/presets/boards';

export type SimulatedBoardKind = BoardId;
export const isSimulatedBoardKind = isBoardId;

export interface SimulatedBoardOptions {
  /** Where a server board listens (default 127.0.0.1). */
  host?: string;
  /** Where a server board listens (default 0: any free port). */
  port?: number;
  /** esp8266 only: the PC it connects to (default: `host` and `port`). */
  target?: { host: string; port: number };
  /** Human-readable lines: a board connected, left, retries. */
  log?: (line: string) => void;
  /** esp8266: delay before trying again after a refused or lost connection (default 500 ms). */
  retryMs?: number;
}

export interface SimulatedBoard {
  kind: SimulatedBoardKind;
  /** A server board: where it listens. esp8266: the address it connects to. */
  host: string;
  port: number;
  close(): Promise<void>;
}

/** What the K230's stock program sends to each new connection. */
export const K230_GREETING = 'Hello!\n';
export const W55RP20_PREFIX = 'TCP Server : ';
export const K230_PREFIX = 'recv: ';
/** The ESP8266 program's two sends after connecting, without any separator (TCP may glue them). */
export const ESP8266_HELLO = ['Hello', 'This is my IP.'] as const;

const endpoint = (host: string, port: number) => (isIPv6(host) ? `[${host}]:${port}` : `${host}:${port}`);
const peerOf = (socket: Socket) => endpoint(socket.remoteAddress ?? '?', socket.remotePort ?? 0);

type Handler = (socket: Socket) => void;

/** Every connection gets its own handler, like the boards' per-client loops. */
const HANDLERS: Record<'w55rp20' | 'k230' | 'quecpython-tcp', Handler> = {
  w55rp20: (socket) => {
    socket.on('data', (data) => socket.write(Buffer.concat([Buffer.from(W55RP20_PREFIX), data])));
  },
  k230: (socket) => {
    socket.write(K230_GREETING);
    socket.on('data', (data) => {
      socket.write(Buffer.concat([Buffer.from(K230_PREFIX), data]));
      // The board checks each received chunk for "end", then closes after its reply.
      if (data.includes('end')) socket.end();
    });
  },
  'quecpython-tcp': (socket) => {
    socket.on('data', (data) => socket.write(data));
  },
};

async function startTcpServerBoard(
  kind: keyof typeof HANDLERS,
  host: string,
  port: number,
  log: (line: string) => void,
): Promise<SimulatedBoard> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    const peer = peerOf(socket);
    log(`${peer} connected`);
    socket.setNoDelay(true);
    // A reset from the PC is an ordinary end of a conversation for a test board.
    socket.on('error', () => {});
    socket.on('close', () => {
      sockets.delete(socket);
      log(`${peer} left`);
    });
    HANDLERS[kind](socket);
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const bound = typeof address === 'object' && address ? address.port : port;
  let closing: Promise<void> | undefined;
  return {
    kind,
    host,
    port: bound,
    close() {
      closing ??= new Promise<void>((resolve) => {
        server.close(() => resolve());
        for (const socket of sockets) socket.destroy();
      });
      return closing;
    },
  };
}

async function startUdpEchoBoard(
  host: string,
  port: number,
  log: (line: string) => void,
): Promise<SimulatedBoard> {
  const socket: UdpSocket = createSocket(isIPv6(host) ? 'udp6' : 'udp4');
  const seen = new Set<string>();
  socket.on('message', (data, from) => {
    const peer = endpoint(from.address, from.port);
    if (!seen.has(peer)) {
      seen.add(peer);
      log(`first datagram from ${peer}`);
    }
    socket.send(data, from.port, from.address);
  });
  // ICMP "port unreachable" for an echo to a sender that went away surfaces here; a board ignores it.
  socket.on('error', () => {});
  await new Promise<void>((resolve, reject) => {
    socket.once('error', reject);
    socket.bind({ address: host, port }, () => {
      socket.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    kind: 'quecpython-udp',
    host,
    port: socket.address().port,
    close() {
      closing ??= new Promise<void>((resolve) => socket.close(() => resolve()));
      return closing;
    },
  };
}

/**
 * The ESP8266 program connects to the PC, says its two lines and echoes. The simulation keeps
 * trying while nothing listens, and connects again after the PC closes, as a board that reboots
 * would; so it can be started before or after the PC's `Listen`.
 */
function startEsp8266Board(
  target: { host: string; port: number },
  log: (line: string) => void,
  retryMs: number,
): SimulatedBoard {
  let closed = false;
  let socket: Socket | undefined;
  let timer: NodeJS.Timeout | undefined;
  let lastError = '';
  const where = endpoint(target.host, target.port);

  const retry = () => {
    if (closed) return;
    timer = setTimeout(connect, retryMs);
  };
  function connect(): void {
    timer = undefined;
    if (closed) return;
    const s = new Socket();
    socket = s;
    s.setNoDelay(true);
    s.on('connect', () => {
      lastError = '';
      log(`connected to ${where}`);
      // Two writes, as the board makes them; the PC may read them as one chunk.
      for (const line of ESP8266_HELLO) s.write(line);
    });
    s.on('data', (data) => s.write(data));
    s.on('error', (error: NodeJS.ErrnoException) => {
      const code = error.code ?? error.message;
      if (code !== lastError) log(`cannot reach ${where} (${code}); trying again`);
      lastError = code;
    });
    s.on('close', (hadError) => {
      if (socket === s) socket = undefined;
      if (!hadError && !closed) log(`${where} closed the connection`);
      retry();
    });
    s.connect({ host: target.host, port: target.port });
  }
  connect();
  return {
    kind: 'esp8266',
    host: target.host,
    port: target.port,
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      timer = undefined;
      const s = socket;
      if (!s || s.destroyed) return;
      await new Promise<void>((resolve) => {
        s.once('close', () => resolve());
        s.destroy();
      });
    },
  };
}

/** Starts a simulated board. Server boards are listening when this resolves. */
export async function startSimulatedBoard(
  kind: SimulatedBoardKind,
  opts: SimulatedBoardOptions = {},
): Promise<SimulatedBoard> {
  const host = opts.host ?? '127.0.0.1';
  const port = opts.port ?? 0;
  const log = opts.log ?? (() => {});
  switch (kind) {
    case 'w55rp20':
    case 'k230':
    case 'quecpython-tcp':
      return startTcpServerBoard(kind, host, port, log);
    case 'quecpython-udp':
      return startUdpEchoBoard(host, port, log);
    case 'esp8266': {
      const target = opts.target ?? { host, port };
      if (!target.port) throw new Error('The simulated ESP8266 needs the port of the PC it connects to.');
      return startEsp8266Board(target, log, opts.retryMs ?? 500);
    }
  }
}
