// The TCP client session against loopback stand-ins of real boards: real sockets, no mocks.
import { readFileSync } from 'node:fs';
import { createServer, type Server, Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findFreePort,
  startFullBacklogListener,
  startW55rp20Board,
  W55RP20_REPLY_PREFIX,
} from '../../e2e/fixtures/boards';
import type { DataEvent } from '../../shared/contract/events';
import {
  finalState,
  isState,
  type Recorder,
  type SessionConfigInput,
  type SessionExtras,
  startTestSession,
} from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const startSession = (config: SessionConfigInput, extra?: SessionExtras) =>
  startTestSession(config, (fn) => cleanups.push(fn), extra);

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);
const rxText = (r: Recorder) =>
  r
    .of('data')
    .filter((e) => e.dir === 'rx')
    .map((e) => text(e.bytes))
    .join('');

async function loopbackAvailable(host: string): Promise<boolean> {
  const server = createServer();
  const ok = await new Promise<boolean>((resolve) => {
    server.once('error', () => resolve(false));
    server.listen({ host, port: 0 }, () => resolve(true));
  });
  if (ok) await new Promise<void>((resolve) => server.close(() => resolve()));
  return ok;
}

describe('TcpClientSession against the W55RP20 board', () => {
  it('connects, sends hello and receives "TCP Server : hello" with exact events and counters', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: board.host, port: board.port });

    const connected = await recorder.waitFor(isState('connected'), 'connected');
    expect(connected.remote).toBe(`127.0.0.1:${board.port}`);
    expect(connected.local).toMatch(/^127\.0\.0\.1:\d+$/);
    const result = await session.send({
      text: 'hello',
      encoding: 'ascii',
      escapes: false,
      lineEnding: 'none',
    });
    expect(result).toEqual({ bytes: 5 });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 18, '18 bytes received');

    const data = recorder.of('data');
    expect(data.map((e) => [e.dir, e.peer, text(e.bytes)])).toEqual([
      ['tx', `127.0.0.1:${board.port}`, 'hello'],
      ['rx', `127.0.0.1:${board.port}`, 'TCP Server : hello'],
    ]);
    expect(recorder.of('state').map((e) => e.state)).toEqual(['connecting', 'connected']);
    expect(session.getStatus().counters).toEqual({ rxBytes: 18, txBytes: 5, rxChunks: 1, txChunks: 1 });
    expect(recorder.of('counters').at(-1)?.counters).toEqual(session.getStatus().counters);
    expect(data.every((e) => typeof e.at === 'number' && e.at > 0)).toBe(true);
  });

  it('sends hex bytes as they are, and refuses an invalid hex payload without sending anything', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');

    const bad = session.send({ hex: '31 3G' });
    await expect(bad).rejects.toMatchObject({ code: 'E_BAD_PAYLOAD' });
    await expect(bad).rejects.toThrow(/position 5/);
    expect(recorder.of('data')).toEqual([]);
    expect(session.getStatus().counters.txBytes).toBe(0);

    await session.send({ hex: '31 32 33' });
    await recorder.waitFor((e) => e.type === 'data' && e.dir === 'rx', 'the reply');
    expect(rxText(recorder)).toBe('TCP Server : 123');
    expect(board.stats().receivedBytes).toBe(3);
  });

  it('connects to the IPv6 loopback literal ::1', async (ctx) => {
    if (!(await loopbackAvailable('::1'))) ctx.skip('IPv6 loopback ::1 is not available on this machine');
    const board = await startW55rp20Board({ host: '::1' });
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: '::1', port: board.port });
    const connected = await recorder.waitFor(isState('connected'), 'connected');
    expect(connected.remote).toBe(`[::1]:${board.port}`);
    expect(connected.local).toMatch(/^\[::1\]:\d+$/);
    await session.send({ text: 'v6', encoding: 'ascii', escapes: false, lineEnding: 'none' });
    await recorder.waitFor((e) => e.type === 'data' && e.dir === 'rx', 'the reply');
    expect(rxText(recorder)).toBe('TCP Server : v6');
  });

  it('resolves the host name localhost', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { recorder } = startSession({ host: 'localhost', port: board.port });
    const connected = await recorder.waitFor(isState('connected'), 'connected');
    expect(connected.remote).toBe(`127.0.0.1:${board.port}`);
  });

  it('binds the chosen local address and port', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const localPort = await findFreePort();
    const { recorder } = startSession({
      host: board.host,
      port: board.port,
      localAddress: '127.0.0.1',
      localPort,
    });
    const connected = await recorder.waitFor(isState('connected'), 'connected');
    expect(connected.local).toBe(`127.0.0.1:${localPort}`);
  });

  it('goes to disconnected, without an error, when the board closes the connection', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');
    await board.endConnections();
    const final = await finalState(recorder);
    expect(final.state).toBe('disconnected');
    expect(final.error).toBeUndefined();
    expect(session.getStatus().error).toBeUndefined();

    const late = session.send({ text: 'x', encoding: 'ascii', escapes: false, lineEnding: 'none' });
    await expect(late).rejects.toMatchObject({ code: 'E_NOT_CONNECTED' });
    await expect(late).rejects.toThrow(/Not connected to 127\.0\.0\.1:\d+: the connection is closed/);
  });

  it('refuses to send while still connecting', async () => {
    const listener = await startFullBacklogListener();
    cleanups.push(() => listener.close());
    const { session } = startSession({ host: listener.host, port: listener.port, connectTimeoutMs: 2000 });
    await expect(session.send({ hex: '00' })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringMatching(/^Still connecting to 127\.0\.0\.1:\d+/),
      detail: { key: 'error.client.connecting', params: { target: `${listener.host}:${listener.port}` } },
    });
  });

  it('counts a multi-megabyte echo exactly', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');

    const piece = '0123456789'.repeat(100_000);
    const sends = 4;
    await Promise.all(
      Array.from({ length: sends }, () =>
        session.send({ text: piece, encoding: 'ascii', escapes: false, lineEnding: 'none' }),
      ),
    );
    const total = piece.length * sends;
    // The board's last reply is written after it read the last byte, so this condition holds only
    // once every reply has arrived.
    await recorder.waitFor(
      (e) =>
        e.type === 'counters' &&
        board.stats().receivedBytes === total &&
        e.counters.rxBytes === board.stats().sentBytes,
      'every reply',
    );
    const rx = recorder.of('data').filter((e): e is DataEvent => e.dir === 'rx');
    expect(session.getStatus().counters).toEqual({
      txBytes: total,
      txChunks: sends,
      rxBytes: rx.reduce((sum, e) => sum + e.bytes.byteLength, 0),
      rxChunks: rx.length,
    });
    expect(session.getStatus().counters.rxBytes).toBe(
      total + W55RP20_REPLY_PREFIX.length * board.stats().replies,
    );
    const echoed = rxText(recorder).split(W55RP20_REPLY_PREFIX);
    expect(echoed[0]).toBe('');
    expect(echoed.join('')).toBe(piece.repeat(sends));
  });

  it('refuses a send that would queue too much for a board that does not read', async () => {
    const sockets = new Set<Socket>();
    // A board stuck in its own loop: it accepted the connection but never reads.
    const server: Server = createServer((socket) => {
      socket.pause();
      sockets.add(socket);
    });
    await new Promise<void>((resolve) => server.listen({ host: '127.0.0.1', port: 0 }, () => resolve()));
    cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())));
    const address = server.address();
    if (address === null || typeof address === 'string') throw new Error('no port');
    const limit = 1024 * 1024;
    const chunkBytes = 256 * 1024;
    const { session, recorder } = startSession(
      { host: '127.0.0.1', port: address.port },
      { maxQueuedSendBytes: limit },
    );
    cleanups.push(() => {
      for (const socket of sockets) socket.destroy();
    });
    await recorder.waitFor(isState('connected'), 'connected');

    const chunk = { hex: 'ab'.repeat(chunkBytes) };
    let refused: unknown;
    let accepted = 0;
    // The kernel's buffers take the first megabytes; then the session's own queue fills to the limit.
    for (let i = 0; i < 2000 && !refused; i++) {
      session.send(chunk).then(
        () => {},
        (err: unknown) => {
          refused = err;
        },
      );
      // One event-loop turn lets the socket hand bytes to the kernel and the rejection settle.
      await new Promise((resolve) => setImmediate(resolve));
      if (!refused) accepted++;
    }
    expect(refused).toMatchObject({
      code: 'ENOBUFS',
      message: expect.stringMatching(/not reading it fast enough/),
    });
    expect(session.state).toBe('connected');
    expect(session.getStatus().counters).toMatchObject({
      txBytes: accepted * chunkBytes,
      txChunks: accepted,
    });
  });

  it('applies TCP_NODELAY (on unless turned off) and keepalive when asked', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const sockets: Socket[] = [];
    const createSocket = () => {
      const socket = new Socket();
      sockets.push(socket);
      return socket;
    };
    const plain = startSession({ host: board.host, port: board.port }, { createSocket });
    const tuned = startSession(
      { host: board.host, port: board.port, noDelay: false, keepAliveMs: 3000 },
      { createSocket },
    );
    await plain.recorder.waitFor(isState('connected'), 'plain connected');
    await tuned.recorder.waitFor(isState('connected'), 'tuned connected');
    const [plainSocket, tunedSocket] = sockets;
    if (!plainSocket || !tunedSocket) throw new Error('no sockets');
    // What net applied to the connected handle (it keeps the flags it set under these symbols).
    expect(socketFlags(plainSocket)).toMatchObject({ kSetNoDelay: true });
    expect(socketFlags(plainSocket).kSetKeepAlive).toBeFalsy();
    expect(socketFlags(tunedSocket)).toMatchObject({
      kSetNoDelay: false,
      kSetKeepAlive: true,
      kSetKeepAliveInitialDelay: 3,
    });
    if (process.platform !== 'linux') return;
    // The kernel's own view: an idle connection with SO_KEEPALIVE runs the keepalive timer (02).
    expect(tcpTimer(tunedSocket.localPort ?? 0)).toBe('02');
    expect(tcpTimer(plainSocket.localPort ?? 0)).toBe('00');
  });
});

/** The kSet* flags net.Socket records for the options it applied to its handle. */
function socketFlags(socket: Socket): Record<string, unknown> {
  const flags: Record<string, unknown> = {};
  for (const symbol of Object.getOwnPropertySymbols(socket)) {
    const name = symbol.description ?? '';
    if (name.startsWith('kSet')) flags[name] = (socket as unknown as Record<symbol, unknown>)[symbol];
  }
  return flags;
}

/** Linux: the timer field ("tr") of the loopback TCP connection with this local port. */
function tcpTimer(localPort: number): string | undefined {
  const hexPort = localPort.toString(16).toUpperCase().padStart(4, '0');
  for (const line of readFileSync('/proc/net/tcp', 'latin1').split('\n')) {
    const fields = line.trim().split(/\s+/);
    if (fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '01') return fields[5]?.split(':')[0];
  }
  return undefined;
}
