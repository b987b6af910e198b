// The simulated boards answer like the seed boards' programs, on 127.0.0.1, and leave nothing open.

import { createSocket } from 'node:dgram';
import { once } from 'node:events';
import { connect, createServer, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { BOARD_IDS, BOARD_PRESETS } from '../../shared/presets/boards';
import { checkExpectRule } from '../../shared/verify';
import { ESP8266_HELLO, K230_GREETING, startSimulatedBoard } from './simulated-boards';
import { resourcesAddedSince, trackedResources } from './test-recorder';

/**
 * Runs a test body and fails it if a socket or timer it started is still open at its end. Checked
 * inside the test, not in afterEach: the test runner starts timers of its own around hooks.
 */
function leakFree(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    const before = await trackedResources();
    await body();
    expect(await resourcesAddedSince(before)).toEqual({});
  };
}

/** A TCP client that collects what it reads until it has `n` bytes or the board closes. */
async function open(port: number) {
  const socket = connect({ host: '127.0.0.1', port });
  await once(socket, 'connect');
  let buffer = Buffer.alloc(0);
  let ended = false;
  const waiters: (() => void)[] = [];
  const wake = () => {
    for (const w of waiters.splice(0)) w();
  };
  socket.on('data', (d) => {
    buffer = Buffer.concat([buffer, d]);
    wake();
  });
  socket.on('close', () => {
    ended = true;
    wake();
  });
  const read = async (n: number): Promise<string> => {
    while (buffer.length < n && !ended) await new Promise<void>((r) => waiters.push(r));
    const out = buffer.subarray(0, n).toString('utf8');
    buffer = buffer.subarray(n);
    return out;
  };
  const closed = async () => {
    while (!ended) await new Promise<void>((r) => waiters.push(r));
  };
  return { socket, read, closed };
}

const finish = async (socket: Socket) => {
  socket.destroy();
  if (!socket.closed) await once(socket, 'close');
};

describe('simulated boards', () => {
  it(
    'w55rp20 answers with its prefix',
    leakFree(async () => {
      const board = await startSimulatedBoard('w55rp20');
      expect(board.host).toBe('127.0.0.1');
      const c = await open(board.port);
      c.socket.write('hello');
      expect(await c.read(18)).toBe('TCP Server : hello');
      await finish(c.socket);
      await board.close();
    }),
  );

  it(
    'k230 greets, answers with recv: and closes after end',
    leakFree(async () => {
      const board = await startSimulatedBoard('k230');
      const c = await open(board.port);
      expect(await c.read(K230_GREETING.length)).toBe(K230_GREETING);
      c.socket.write('abc');
      expect(await c.read(9)).toBe('recv: abc');
      c.socket.write('the end');
      expect(await c.read(13)).toBe('recv: the end');
      await c.closed();
      await board.close();
    }),
  );

  it(
    'quecpython-tcp echoes and serves several clients at once',
    leakFree(async () => {
      const board = await startSimulatedBoard('quecpython-tcp');
      const [a, b] = await Promise.all([open(board.port), open(board.port)]);
      a.socket.write('one');
      b.socket.write('two');
      expect([await a.read(3), await b.read(3)]).toEqual(['one', 'two']);
      await Promise.all([finish(a.socket), finish(b.socket)]);
      await board.close();
    }),
  );

  it(
    'quecpython-udp sends each datagram back to its sender',
    leakFree(async () => {
      const board = await startSimulatedBoard('quecpython-udp');
      const socket = createSocket('udp4');
      socket.bind(0, '127.0.0.1');
      await once(socket, 'listening');
      socket.send(Buffer.from([0, 1, 0xff]), board.port, '127.0.0.1');
      const [reply, from] = (await once(socket, 'message')) as [Buffer, { port: number }];
      expect([...reply]).toEqual([0, 1, 0xff]);
      expect(from.port).toBe(board.port);
      socket.close();
      await board.close();
    }),
  );

  it(
    'esp8266 keeps trying until the PC listens, says its two lines, echoes, and comes back',
    leakFree(async () => {
      // A free port with nothing on it yet: the board meets ECONNREFUSED first.
      const probe = createServer().listen(0, '127.0.0.1');
      await once(probe, 'listening');
      const port = (probe.address() as { port: number }).port;
      await new Promise((r) => probe.close(r));
      const log: string[] = [];
      let refused!: () => void;
      const wasRefused = new Promise<void>((r) => {
        refused = r;
      });
      const board = await startSimulatedBoard('esp8266', {
        target: { host: '127.0.0.1', port },
        retryMs: 20,
        log: (line) => {
          log.push(line);
          if (line.includes('ECONNREFUSED')) refused();
        },
      });
      await wasRefused;
      const server = createServer();
      const accepted: Socket[] = [];
      server.on('connection', (s) => accepted.push(s));
      server.listen(port, '127.0.0.1');
      await once(server, 'listening');
      const [first] = (await once(server, 'connection')) as [Socket];
      let got = '';
      const hello = ESP8266_HELLO.join('');
      for await (const chunk of first) {
        got += chunk.toString();
        if (got.length >= hello.length) break;
      }
      expect(got).toBe(hello);
      // The loop above destroyed the socket; the board reconnects, as a rebooting board would.
      const [second] = (await once(server, 'connection')) as [Socket];
      second.write('ping');
      let again = '';
      for await (const chunk of second) {
        again += chunk.toString();
        if (again.length >= hello.length + 4) break;
      }
      expect(again).toBe(`${hello}ping`);
      expect(log.some((l) => l.startsWith('connected to 127.0.0.1:'))).toBe(true);
      await board.close();
      for (const s of accepted) s.destroy();
      await new Promise((r) => server.close(r));
    }),
  );

  it('has a preset per board whose expect rule is valid', () => {
    for (const id of BOARD_IDS) {
      const preset = BOARD_PRESETS[id];
      expect(preset.id).toBe(id);
      expect(checkExpectRule(preset.expect)).toBeUndefined();
    }
    expect(BOARD_PRESETS.esp8266.protocol).toBe('tcp-server');
    expect(BOARD_PRESETS['quecpython-udp'].protocol).toBe('udp');
  });
});
