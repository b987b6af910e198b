// The times a session hands its automation with each data and pending event: when the bytes met the
// socket (handed over, or read), not when the session got round to reporting them. Real sockets.
import { Socket } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { startEsp8266Client, startUdpEchoBoard, startW55rp20Board } from '../../e2e/fixtures/boards';
import type { EngineEvent } from '../../shared/contract/events';
import type { SessionConfig } from '../../shared/contract/model';
import type { SessionEmit } from './session';
import { createSession } from './session-factory';
import { TcpClientSession } from './tcp-client';
import { createRecorder } from './test-recorder';

interface Seen {
  event: EngineEvent;
  mono: number | undefined;
  /** performance.now() when the session emitted it. */
  emittedAt: number;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const GAP_MS = 60;
const payload = { text: 'hello', encoding: 'ascii', escapes: false, lineEnding: 'none' } as const;

/** A recorder of the session's events that also keeps the time each came with, and when. */
function recording() {
  const recorder = createRecorder();
  const times = new Map<EngineEvent, Omit<Seen, 'event'>>();
  const emit: SessionEmit = (event, mono) => {
    times.set(event, { mono, emittedAt: performance.now() });
    recorder.sink(event);
  };
  const seen = (event: EngineEvent): Seen => ({ event, ...(times.get(event) as Omit<Seen, 'event'>) });
  return {
    emit,
    /** Forgets what came so far. */
    clear: () => recorder.events.splice(0),
    waitFor: async (match: (e: EngineEvent) => boolean, what: string) =>
      seen(await recorder.waitFor(match, what)),
    find: (match: (e: EngineEvent) => boolean): Seen | undefined => {
      const event = recorder.events.find(match);
      return event && seen(event);
    },
  };
}

const isData = (dir: 'tx' | 'rx') => (e: EngineEvent) => e.type === 'data' && e.dir === dir;
const isState = (state: string) => (e: EngineEvent) => e.type === 'state' && e.state === state;

/** A round trip's two ends and what came with them, after one `hello` and its reply. */
async function oneExchange(r: ReturnType<typeof recording>) {
  const tx = await r.waitFor(isData('tx'), 'the send');
  const rx = await r.waitFor(isData('rx'), 'the reply');
  const pending = r.find((e) => e.type === 'pending' && e.bytes > 0);
  return { tx, rx, pending };
}

/** Idle-gap framing reports the reply a silence after its chunk came; its time is the chunk's. */
function expectChunkTime({ tx, rx, pending }: Awaited<ReturnType<typeof oneExchange>>) {
  expect(tx.mono).toBeDefined();
  expect(rx.mono).toBeDefined();
  expect(rx.emittedAt - (rx.mono ?? 0)).toBeGreaterThanOrEqual(GAP_MS - 5);
  expect(rx.mono).toBeGreaterThan(tx.mono ?? 0);
  expect((rx.mono ?? 0) - (tx.mono ?? 0)).toBeLessThan(GAP_MS - 5);
  // The framing held the chunk first: that moment is the first byte's.
  expect(pending?.mono).toBe(rx.mono);
}

describe('the times a session gives its automation', () => {
  it('TCP client: taken before the write, and at the read under idle-gap framing', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const r = recording();
    const writes: number[] = [];
    const session = new TcpClientSession({
      id: 's1',
      config: {
        protocol: 'tcp-client',
        host: '127.0.0.1',
        port: board.port,
        framing: { kind: 'idle-gap', gapMs: GAP_MS },
      },
      emit: r.emit,
      // The socket notes when the session hands it bytes (net puts its own write back at connect).
      createSocket: () => {
        const socket = new Socket();
        socket.once('connect', () => {
          const write = socket.write;
          socket.write = function (this: Socket, ...args: Parameters<Socket['write']>) {
            writes.push(performance.now());
            return write.apply(this, args);
          } as Socket['write'];
        });
        return socket;
      },
    });
    cleanups.push(() => session.close());
    await session.start();
    await r.waitFor(isState('connected'), 'connected');
    await session.send(payload);
    const exchange = await oneExchange(r);
    expect(writes).toHaveLength(1);
    expect(exchange.tx.mono).toBeLessThanOrEqual(writes[0] ?? 0);
    expectChunkTime(exchange);
  });

  it('TCP server: the same for a connected board', async () => {
    const r = recording();
    const config: SessionConfig = {
      protocol: 'tcp-server',
      localAddress: '127.0.0.1',
      port: 0,
      framing: { kind: 'idle-gap', gapMs: GAP_MS },
    };
    const session = createSession(config, { id: 's1', emit: r.emit });
    cleanups.push(() => session.close());
    await session.start();
    const port = Number(session.getStatus().local?.split(':').pop());
    const board = await startEsp8266Client({ host: '127.0.0.1', port });
    cleanups.push(() => board.close());
    // The board's greeting comes first; the exchange below is the send and its echo.
    await r.waitFor((e) => e.type === 'data' && e.dir === 'rx', 'the greeting');
    r.clear();
    await session.send(payload);
    expectChunkTime(await oneExchange(r));
  });

  it('UDP: taken before the datagram went out and when it was read', async () => {
    const board = await startUdpEchoBoard();
    cleanups.push(() => board.close());
    const r = recording();
    const config: SessionConfig = {
      protocol: 'udp',
      localAddress: '127.0.0.1',
      localPort: 0,
      remoteHost: board.host,
      remotePort: board.port,
    };
    const session = createSession(config, { id: 's1', emit: r.emit });
    cleanups.push(() => session.close());
    await session.start();
    const before = performance.now();
    await session.send(payload);
    const { tx, rx } = await oneExchange(r);
    expect(tx.mono).toBeGreaterThanOrEqual(before);
    expect(tx.mono).toBeLessThan(tx.emittedAt);
    expect(rx.mono).toBeGreaterThan(tx.mono ?? 0);
    expect(rx.mono).toBeLessThanOrEqual(rx.emittedAt);
  });
});
