// The TCP server's failures and edges: ports in use or privileged, quick restarts, boards that reset,
// hang on to the connection or stop reading. Real loopback sockets, port 0, no sleeps.
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEsp8266Client } from '../../e2e/fixtures/boards';
import type { TcpServerConfig } from '../../shared/contract/model';
import { listInterfaces } from './interfaces';
import { TcpServerSession } from './tcp-server';
import { createRecorder, resourcesAddedSince, trackedResources } from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function startServer(
  config: Partial<Omit<TcpServerConfig, 'protocol'>> = {},
  extra: { maxQueuedSendBytes?: number; closeGraceMs?: number } = {},
) {
  const recorder = createRecorder();
  const session = new TcpServerSession({
    id: 'srv',
    config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0, ...config },
    emit: recorder.sink,
    closeGraceMs: 200,
    ...extra,
  });
  cleanups.push(() => session.close());
  await session.start();
  return { session, recorder, port: session.listening()?.port ?? 0 };
}

/** A raw loopback connection, closed after the test. */
async function rawClient(port: number, opts: { allowHalfOpen?: boolean } = {}): Promise<Socket> {
  const socket = connect({ host: '127.0.0.1', port, allowHalfOpen: opts.allowHalfOpen ?? false });
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  cleanups.push(() => {
    socket.destroy();
  });
  return socket;
}

/** Linux: a connection on this local port sits in TIME_WAIT (state 06 in /proc/net/tcp). */
function timeWaitOn(port: number): boolean {
  const hexPort = port.toString(16).toUpperCase().padStart(4, '0');
  return readFileSync('/proc/net/tcp', 'latin1')
    .split('\n')
    .some((line) => {
      const fields = line.trim().split(/\s+/);
      return fields[1]?.endsWith(`:${hexPort}`) && fields[3] === '06';
    });
}

const peerOf = (socket: Socket) => `127.0.0.1:${socket.localPort}`;

describe('TcpServerSession listening failures', () => {
  it('says so when the port is already in use', async () => {
    const first = await startServer();
    const second = await startServer({ port: first.port });
    expect(second.session.state).toBe('error');
    expect(second.session.getStatus().error).toMatchObject({
      code: 'EADDRINUSE',
      message: `Port ${first.port} is already in use on this PC: another program (or another SocketBench session) is listening on it. Stop it, or pick another port.`,
    });
    expect(second.recorder.of('state').map((e) => e.state)).toEqual(['error']);
    expect(first.session.state).toBe('listening');
  });

  it('says a privileged port needs administrator rights', async (ctx) => {
    const { session } = await startServer({ port: 1 });
    if (session.state === 'listening') {
      ctx.skip(
        'port 1 could be bound here (root or CAP_NET_BIND_SERVICE); the sentence itself is tested through describeError',
      );
    }
    expect(session.getStatus().error).toMatchObject({
      code: 'EACCES',
      message: expect.stringMatching(/^Port 1 is below 1024: on Linux and macOS only an administrator/),
    });
  });

  it('says so when the local address is not one of this PC', async (ctx) => {
    const address = '203.0.113.77';
    if (listInterfaces().some((i) => i.address === address))
      ctx.skip(`${address} is assigned to this machine`);
    const { session } = await startServer({ localAddress: address });
    expect(session.getStatus().error).toMatchObject({
      code: 'EADDRNOTAVAIL',
      message: `${address} is not an address of this PC, so nothing can listen on it. Pick one of this PC's addresses, or all interfaces.`,
    });
  });

  it('listens again on the same port right after a stop that closed live connections', async () => {
    const first = await startServer();
    const board = await startEsp8266Client({ host: '127.0.0.1', port: first.port });
    cleanups.push(() => board.close());
    await first.recorder.waitFor((e) => e.type === 'client-connected', 'the board connected');
    await first.session.send({ hex: '41' });
    await board.waitFor('A');
    // Stopping first puts the server's side of the connection into TIME_WAIT.
    await first.session.close();
    await board.closed();
    if (process.platform === 'linux') expect(timeWaitOn(first.port)).toBe(true);
    const again = await startServer({ port: first.port });
    expect(again.session.state).toBe('listening');
    const next = await startEsp8266Client({ host: '127.0.0.1', port: first.port });
    cleanups.push(() => next.close());
    await again.recorder.waitFor((e) => e.type === 'client-connected', 'a board on the restarted server');
  });
});

describe('TcpServerSession clients', () => {
  it('reports a board that resets its connection, with the reason', async () => {
    const { recorder, port } = await startServer();
    const socket = await rawClient(port);
    const peer = peerOf(socket);
    await recorder.waitFor((e) => e.type === 'client-connected', 'connected');
    socket.resetAndDestroy();
    const gone = await recorder.waitFor(
      (e) => e.type === 'client-disconnected' && e.peer === peer,
      'client-disconnected',
    );
    expect(gone).toMatchObject({
      error: {
        code: 'ECONNRESET',
        message: expect.stringMatching(/^The board reset the connection to 127\.0\.0\.1:\d+\./),
      },
    });
  });

  it('resets a board that does not answer the FIN once the grace has passed', async () => {
    const before = await trackedResources();
    const { session, recorder, port } = await startServer({}, { closeGraceMs: 50 });
    // allowHalfOpen: this board keeps its side open after our FIN, as a stuck program would.
    const socket = await rawClient(port, { allowHalfOpen: true });
    await recorder.waitFor((e) => e.type === 'client-connected', 'connected');
    const ended = new Promise<void>((resolve) => socket.once('end', () => resolve()));
    socket.resume();
    const started = Date.now();
    await session.close();
    await ended;
    expect(Date.now() - started).toBeGreaterThanOrEqual(45);
    expect(recorder.of('client-disconnected')).toHaveLength(1);
    expect(session.state).toBe('disconnected');
    // The stuck board's own socket is the test's to close; nothing of the server's may remain.
    await new Promise<void>((resolve) => {
      socket.once('close', () => resolve());
      socket.destroy();
    });
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it('refuses sends it cannot deliver, each with a sentence', async () => {
    const { session, port } = await startServer();
    await expect(session.send({ hex: '00' })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: 'No board is connected to this server yet. Wait until one appears under Clients, then send.',
      // The window says it in its own language from this phrase.
      detail: { key: 'error.server.noClient' },
    });
    await expect(session.send({ hex: '00' }, { kind: 'client', peer: '127.0.0.1:1' })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringContaining('No board 127.0.0.1:1 is connected'),
      detail: { key: 'error.server.unknownClient', params: { peer: '127.0.0.1:1' } },
    });
    await expect(session.send({ hex: '00' }, { kind: 'last-sender' })).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      detail: { key: 'error.server.udpTarget', params: { kind: 'last-sender' } },
    });
    await expect(session.disconnectClient('127.0.0.1:1')).rejects.toMatchObject({ code: 'E_NOT_CONNECTED' });
    await expect(session.send({ hex: 'zz' })).rejects.toMatchObject({ code: 'E_BAD_PAYLOAD' });
    await rawClient(port);
    await session.close();
    await expect(session.send({ hex: '00' })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringMatching(/^The server is not listening/),
      detail: { key: 'error.server.notListening' },
    });
  });

  it('keeps memory bounded per client: a board that stops reading is skipped, the others still get data', async () => {
    const limit = 1024 * 1024;
    const chunkBytes = 256 * 1024;
    const { session, recorder, port } = await startServer({}, { maxQueuedSendBytes: limit });
    const slow = await rawClient(port);
    slow.pause();
    const fast = await rawClient(port);
    let fastBytes = 0;
    const fastGotChunk = new Promise<void>((resolve) =>
      fast.on('data', (chunk: Buffer) => {
        fastBytes += chunk.byteLength;
        if (fastBytes === chunkBytes) resolve();
      }),
    );
    await recorder.waitFor(() => recorder.of('client-connected').length === 2, 'two clients');

    const chunk = { hex: 'ab'.repeat(chunkBytes) };
    let refused: unknown;
    let sent = 0;
    // The kernel's buffers take the first megabytes; then the client's own queue fills to the limit.
    for (let i = 0; i < 2000 && !refused; i++) {
      session.send(chunk, { kind: 'client', peer: peerOf(slow) }).then(
        () => {},
        (err: unknown) => {
          refused = err;
        },
      );
      // One turn lets the socket hand bytes to the kernel and a rejection settle.
      await new Promise((resolve) => setImmediate(resolve));
      if (!refused) sent++;
    }
    expect(refused).toMatchObject({
      code: 'ENOBUFS',
      message: expect.stringMatching(/not reading it fast enough/),
    });
    expect(sent).toBeGreaterThan(0);

    const toAll = session.send(chunk);
    await expect(toAll).rejects.toMatchObject({
      code: 'ENOBUFS',
      message: `Not sent to ${peerOf(slow)}: too much data is still waiting for that board, which is not reading fast enough. The other 1 client got it.`,
    });
    await fastGotChunk;
    const perClient = session.getStatus().clients ?? [];
    expect(perClient.find((c) => c.peer === peerOf(fast))?.counters.txBytes).toBe(chunkBytes);
    expect(perClient.find((c) => c.peer === peerOf(slow))?.counters.txBytes).toBe(sent * chunkBytes);
    expect(session.getStatus().counters.txBytes).toBe((sent + 1) * chunkBytes);
  });
});
