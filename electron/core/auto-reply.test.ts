// Auto-reply rules through the session manager: a server standing in for a host, a UDP socket
// standing in for a board, a client answering a board's greeting; hit counters and refusals.
import { createSocket } from 'node:dgram';
import { connect, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startK230Board } from '../../e2e/fixtures/boards';
import type { AutoReplyEvent } from '../../shared/contract/events';
import type { AutoReplyRule } from '../../shared/contract/model';
import { benchHarness, bytes, stateIs, text } from './bench-test-kit';

const { setup, track } = benchHarness();

/** A board connecting to the session; collects what it receives. */
async function boardClient(port: number) {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  socket.setNoDelay(true);
  let received = '';
  let waiters: { text: string; wake: () => void }[] = [];
  socket.on('data', (chunk: Buffer) => {
    received += chunk.toString('utf8');
    const ready = waiters.filter((w) => received.includes(w.text));
    waiters = waiters.filter((w) => !ready.includes(w));
    for (const w of ready) w.wake();
  });
  await new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  track({
    close: () => {
      socket.destroy();
      return closed;
    },
  });
  return {
    write: (value: string) => socket.write(value),
    received: () => received,
    waitFor: (value: string) =>
      received.includes(value)
        ? Promise.resolve()
        : new Promise<void>((wake) => waiters.push({ text: value, wake })),
  };
}

const hitsOf = (events: readonly { type: string }[], rule: number) =>
  events
    .filter((e): e is AutoReplyEvent => e.type === 'auto-reply' && (e as AutoReplyEvent).rule === rule)
    .map((e) => e.hits);

describe('auto-reply', () => {
  it('answers a board from a server: contains, and a regex whose groups fill the reply', async () => {
    const { manager, recorder } = setup();
    const server = await manager.open({
      config: {
        protocol: 'tcp-server',
        localAddress: '127.0.0.1',
        port: 0,
        framing: { kind: 'delimiter', delimiterHex: '0A' },
      },
    });
    const rules: AutoReplyRule[] = [
      { match: { kind: 'contains', pattern: 'TEMP' }, reply: text('TEMP=25.0\n') },
      { match: { kind: 'exact', pattern: 'never' }, reply: text('no\n'), enabled: false },
      {
        match: { kind: 'regex', pattern: '^set (\\w+)=(\\d+)' },
        reply: text('OK {1}={2} #{counter}\\n', { escapes: true, macros: true }),
        delayMs: 20,
      },
    ];
    await manager.setAutoReply({ id: server.id, rules });
    const board = await boardClient(Number(server.local?.split(':').pop()));
    board.write('GET TEMP?\n');
    await board.waitFor('TEMP=25.0\n');
    const sentAt = performance.now();
    board.write('set led=1\nnever\n');
    await board.waitFor('OK led=1 #1\n');
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(15);
    board.write('set fan=42\n');
    await board.waitFor('OK fan=42 #2\n');
    expect(board.received()).toBe('TEMP=25.0\nOK led=1 #1\nOK fan=42 #2\n');
    expect(hitsOf(recorder.events, 0)).toEqual([1]);
    expect(hitsOf(recorder.events, 1)).toEqual([]);
    expect(hitsOf(recorder.events, 2)).toEqual([1, 2]);
    // Replies count and show in the log like any send.
    const tx = recorder.of('data').filter((e) => e.id === server.id && e.dir === 'tx');
    expect(tx.map((e) => new TextDecoder().decode(e.bytes))).toEqual([
      'TEMP=25.0\n',
      'OK led=1 #1\n',
      'OK fan=42 #2\n',
    ]);
  });

  it('answers each UDP peer from a UDP session, hex matches included', async () => {
    const { manager, recorder } = setup();
    const session = await manager.open({
      config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 },
    });
    await manager.setAutoReply({
      id: session.id,
      rules: [
        { match: { kind: 'exact', pattern: 'ping' }, reply: text('pong') },
        {
          match: { kind: 'hex', pattern: '01 03 00 00 00 01 84 0A' },
          reply: { hex: '01 03 02 00 2A 38 5B' },
        },
      ],
    });
    const port = Number(session.local?.split(':').pop());
    const peer = createSocket('udp4');
    track({ close: () => new Promise<void>((resolve) => peer.close(() => resolve())) });
    const replies: Buffer[] = [];
    let wake: (() => void) | undefined;
    peer.on('message', (msg) => {
      replies.push(msg);
      wake?.();
    });
    await new Promise<void>((resolve) => peer.bind({ address: '127.0.0.1', port: 0 }, () => resolve()));
    const reply = () => new Promise<void>((resolve) => (wake = resolve));
    let next = reply();
    peer.send('ping', port, '127.0.0.1');
    await next;
    next = reply();
    peer.send(Buffer.from([1, 3, 0, 0, 0, 1, 0x84, 0x0a]), port, '127.0.0.1');
    await next;
    expect(replies.map((r) => r.toString('hex'))).toEqual([
      Buffer.from('pong').toString('hex'),
      '010302002a385b',
    ]);
    expect(recorder.of('auto-reply').map((e) => [e.rule, e.hits])).toEqual([
      [0, 1],
      [1, 1],
    ]);
  });

  it('answers the K230’s greeting from a client session, and refuses a rule that cannot match', async () => {
    const board = track(await startK230Board());
    const { manager, recorder } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await expect(
      manager.setAutoReply({ id, rules: [{ match: { kind: 'regex', pattern: '(' }, reply: text('x') }] }),
    ).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT', message: expect.stringMatching(/^Rule 1: /) });
    await manager.setAutoReply({
      id,
      rules: [{ match: { kind: 'exact', pattern: 'Hello!' }, reply: text('hi') }],
    });
    await recorder.waitFor(stateIs(id, 'connected'), 'connected');
    await recorder.waitFor(
      (e) => e.type === 'data' && e.dir === 'rx' && new TextDecoder().decode(e.bytes) === 'recv: hi',
      'the board answers the reply',
    );
    expect(recorder.of('data').map((e) => [e.dir, new TextDecoder().decode(e.bytes)])).toEqual([
      ['rx', 'Hello!\n'],
      ['tx', 'hi'],
      ['rx', 'recv: hi'],
    ]);
    expect(bytes('hi')).toEqual(recorder.of('data')[1]?.bytes);
  });
});
