// The UDP session against a loopback echo board and against itself: datagrams, replies to the last
// sender, broadcast and multicast on loopback, refusals with sentences. Real sockets, port 0.
import { createSocket } from 'node:dgram';
import { afterEach, describe, expect, it } from 'vitest';
import { startUdpEchoBoard } from '../../e2e/fixtures/boards';
import type { DataEvent } from '../../shared/contract/events';
import type { UdpConfig } from '../../shared/contract/model';
import { listInterfaces } from './interfaces';
import { createRecorder, resourcesAddedSince, trackedResources } from './test-recorder';
import { MAX_DATAGRAM_BYTES, UdpSession, udpSocketType } from './udp';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

let nextId = 0;
async function openUdp(config: Partial<Omit<UdpConfig, 'protocol'>> = {}) {
  const recorder = createRecorder();
  const session = new UdpSession({
    id: `u${++nextId}`,
    config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0, ...config },
    emit: recorder.sink,
  });
  cleanups.push(() => session.close());
  await session.start();
  const local = session.getStatus().local ?? '';
  return { session, recorder, port: Number(local.slice(local.lastIndexOf(':') + 1)) };
}

const ascii = (t: string) => ({ text: t, encoding: 'ascii', escapes: false, lineEnding: 'none' }) as const;
const text = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');
const rx = (e: { type: string; dir?: string }): e is DataEvent => e.type === 'data' && e.dir === 'rx';

const ipv6Loopback = async () => {
  const probe = createSocket('udp6');
  const ok = await new Promise<boolean>((resolve) => {
    probe.once('error', () => resolve(false));
    probe.bind({ address: '::1', port: 0 }, () => resolve(true));
  });
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return ok;
};

describe('UdpSession receive buffer', () => {
  /** What the system grants a plain socket asking for `bytes`: the session must report the same. */
  async function grantedTo(bytes: number): Promise<number> {
    const probe = createSocket('udp4');
    await new Promise<void>((resolve) => probe.bind({ address: '127.0.0.1', port: 0 }, () => resolve()));
    probe.setRecvBufferSize(bytes);
    const granted = probe.getRecvBufferSize();
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    return granted;
  }

  it('reports what the system granted beside what was asked, in its state and its status', async () => {
    // More than most systems allow (Linux caps it at net.core.rmem_max): the grant may be smaller.
    const asked = 256 * 1024 * 1024;
    const { session, recorder } = await openUdp({ receiveBufferSize: asked });
    const receiveBuffer = { asked, granted: await grantedTo(asked) };
    expect(recorder.of('state')).toMatchObject([{ state: 'open', receiveBuffer }]);
    expect(session.getStatus().receiveBuffer).toEqual(receiveBuffer);
  });

  it('says nothing of a buffer when none was asked', async () => {
    const { session, recorder } = await openUdp();
    expect(recorder.of('state')[0]).not.toHaveProperty('receiveBuffer');
    expect(session.getStatus()).not.toHaveProperty('receiveBuffer');
  });
});

describe('UdpSession with the UDP echo board', () => {
  it('opens, sends to the remote host, and logs each echoed datagram with its sender', async () => {
    const board = await startUdpEchoBoard();
    cleanups.push(() => board.close());
    const { session, recorder, port } = await openUdp({ remoteHost: board.host, remotePort: board.port });
    expect(session.getStatus()).toMatchObject({ state: 'open', local: `127.0.0.1:${port}` });
    expect(recorder.of('state').map((e) => e.state)).toEqual(['open']);

    for (const word of ['one', 'two', 'three'])
      expect(await session.send(ascii(word))).toEqual({ bytes: word.length });
    await recorder.waitFor(() => recorder.events.filter(rx).length === 3, 'three echoes');
    const data = recorder.of('data');
    expect(data.filter((e) => e.dir === 'tx').map((e) => [e.peer, text(e.bytes)])).toEqual([
      [`127.0.0.1:${board.port}`, 'one'],
      [`127.0.0.1:${board.port}`, 'two'],
      [`127.0.0.1:${board.port}`, 'three'],
    ]);
    expect(data.filter(rx).map((e) => [e.peer, text(e.bytes)])).toEqual([
      [`127.0.0.1:${board.port}`, 'one'],
      [`127.0.0.1:${board.port}`, 'two'],
      [`127.0.0.1:${board.port}`, 'three'],
    ]);
    expect(session.getStatus().counters).toEqual({ rxBytes: 11, txBytes: 11, rxChunks: 3, txChunks: 3 });
    expect(board.datagrams()).toBe(3);
  });

  it('sends to an explicit address, and resolves host names (but never names under .invalid)', async () => {
    const board = await startUdpEchoBoard();
    cleanups.push(() => board.close());
    const { session, recorder } = await openUdp();
    await session.send(ascii('direct'), { kind: 'address', host: 'localhost', port: board.port });
    await recorder.waitFor((e) => rx(e) && text(e.bytes) === 'direct', 'the echo');
    await expect(
      session.send(ascii('x'), { kind: 'address', host: 'board.invalid', port: board.port }),
    ).rejects.toMatchObject({
      code: 'ENOTFOUND',
      message: expect.stringContaining('"board.invalid" could not be resolved'),
    });
  });

  it('sends the largest IPv4 datagram whole, and refuses one byte more before sending anything', async () => {
    const board = await startUdpEchoBoard();
    cleanups.push(() => board.close());
    const { session, recorder } = await openUdp({ remoteHost: board.host, remotePort: board.port });
    const max = MAX_DATAGRAM_BYTES[4];
    await expect(session.send({ hex: 'ab'.repeat(max + 1) })).rejects.toMatchObject({
      code: 'EMSGSIZE',
      message:
        'This datagram is 65,508 bytes, but one UDP datagram over IPv4 carries at most 65,507 bytes. Nothing was sent: send it in smaller pieces, or use TCP.',
    });
    expect(recorder.of('data')).toEqual([]);
    expect(await session.send({ hex: 'ab'.repeat(max) })).toEqual({ bytes: max });
    const echo = await recorder.waitFor(rx, 'the echo');
    expect(echo.bytes.byteLength).toBe(max);
    expect(board.datagrams()).toBe(1);
  });
});

describe('UdpSession targets', () => {
  it('replies to the last sender, and says when there is none or no remote is set', async () => {
    const { session, recorder, port } = await openUdp();
    await expect(session.send(ascii('x'), { kind: 'last-sender' })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringMatching(/^No datagram has arrived yet/),
    });
    await expect(session.send(ascii('x'))).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: expect.stringMatching(/^No remote host and port are set/),
    });
    await expect(session.send(ascii('x'), { kind: 'all' })).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });

    const board = createSocket('udp4');
    cleanups.push(() => new Promise<void>((resolve) => board.close(() => resolve())));
    const reply = new Promise<string>((resolve) => board.once('message', (msg) => resolve(msg.toString())));
    await new Promise<void>((resolve) => board.bind({ address: '127.0.0.1', port: 0 }, () => resolve()));
    board.send('hi', port, '127.0.0.1');
    const got = await recorder.waitFor(rx, 'the board datagram');
    expect(got.peer).toBe(`127.0.0.1:${board.address().port}`);
    await session.send(ascii('back'), { kind: 'last-sender' });
    expect(await reply).toBe('back');
  });

  it('refuses an IPv6 destination on an IPv4 socket with a sentence', async () => {
    const { session } = await openUdp();
    await expect(session.send(ascii('x'), { kind: 'address', host: '::1', port: 9 })).rejects.toMatchObject({
      code: 'EAFNOSUPPORT',
      message: expect.stringMatching(/^This UDP socket is IPv4/),
    });
  });

  it('chooses the socket family from the addresses', () => {
    expect(udpSocketType({ protocol: 'udp', localPort: 0 })).toBe('udp4');
    expect(udpSocketType({ protocol: 'udp', localAddress: '::1', localPort: 0 })).toBe('udp6');
    expect(udpSocketType({ protocol: 'udp', localPort: 0, remoteHost: '[fd00::7]' })).toBe('udp6');
    expect(udpSocketType({ protocol: 'udp', localPort: 0, multicast: { group: 'ff02::1:3' } })).toBe('udp6');
    expect(
      udpSocketType({ protocol: 'udp', localAddress: '127.0.0.1', localPort: 0, remoteHost: '::1' }),
    ).toBe('udp4');
  });

  it('talks IPv6 on ::1 and refuses an IPv6 datagram over 65,527 bytes', async (ctx) => {
    if (!(await ipv6Loopback())) ctx.skip('IPv6 loopback ::1 is not available on this machine');
    const a = await openUdp({ localAddress: '::1' });
    const b = await openUdp({ localAddress: '::1' });
    expect(a.session.getStatus().local).toBe(`[::1]:${a.port}`);
    await a.session.send(ascii('v6'), { kind: 'address', host: '::1', port: b.port });
    const got = await b.recorder.waitFor(rx, 'the datagram');
    expect([got.peer, text(got.bytes)]).toEqual([`[::1]:${a.port}`, 'v6']);
    await expect(
      a.session.send(
        { hex: '00'.repeat(MAX_DATAGRAM_BYTES[6] + 1) },
        { kind: 'address', host: '::1', port: b.port },
      ),
    ).rejects.toMatchObject({ code: 'EMSGSIZE', message: expect.stringContaining('at most 65,527 bytes') });
  });
});

describe('UdpSession broadcast and multicast on loopback', () => {
  it('sends to a broadcast address only with Broadcast on', async (ctx) => {
    // Bound to all addresses: a socket bound to 127.0.0.1 does not take datagrams sent to a broadcast address.
    const receiver = await openUdp({ localAddress: '' });
    const quiet = await openUdp();
    const sentence = (host: string) =>
      `${host} is a broadcast address: turn on Broadcast for this session to send to it.`;
    // Refused before sending: no datagram ever leaves for 255.255.255.255 here.
    await expect(
      quiet.session.send(ascii('x'), { kind: 'address', host: '255.255.255.255', port: receiver.port }),
    ).rejects.toMatchObject({ code: 'EACCES', message: sentence('255.255.255.255') });
    // Refused by the system (loopback's broadcast address), with the same sentence.
    await expect(
      quiet.session.send(ascii('x'), { kind: 'address', host: '127.255.255.255', port: receiver.port }),
    ).rejects.toMatchObject({ code: 'EACCES', message: sentence('127.255.255.255') });
    expect(quiet.session.getStatus().counters.txChunks).toBe(0);

    const loud = await openUdp({ broadcast: true });
    const sent = await loud.session
      .send(ascii('to everyone'), { kind: 'address', host: '127.255.255.255', port: receiver.port })
      .catch((err: { code?: string }) => err);
    if ('code' in sent) ctx.skip(`this kernel refuses broadcast on loopback (${sent.code})`);
    const got = await receiver.recorder.waitFor(rx, 'the broadcast datagram');
    expect([got.peer, text(got.bytes)]).toEqual([`127.0.0.1:${loud.port}`, 'to everyone']);
  });

  it('joins a multicast group on 127.0.0.1 and receives its own datagram', async (ctx) => {
    const group = `239.255.${Math.floor(Math.random() * 250) + 1}.${Math.floor(Math.random() * 250) + 1}`;
    // TTL 0 keeps the datagram on this host; loopback hands it back to our own socket.
    const m = await openUdp({
      localAddress: '',
      multicast: { group, interface: '127.0.0.1', ttl: 0, loopback: true },
    });
    if (m.session.state === 'error') {
      ctx.skip(`this kernel refuses multicast on loopback: ${m.session.getStatus().error?.message}`);
    }
    await m.session.send(ascii('to the group'), { kind: 'address', host: group, port: m.port });
    const got = await m.recorder.waitFor(rx, 'our own multicast datagram');
    expect([got.peer, text(got.bytes)]).toEqual([`127.0.0.1:${m.port}`, 'to the group']);
  });

  it('explains a group that is not multicast, and an interface that is not this PC', async (ctx) => {
    const bad = await openUdp({ localAddress: '', multicast: { group: '10.1.2.3' } });
    expect(bad.session.getStatus().error).toMatchObject({
      code: 'EINVAL',
      message: expect.stringMatching(/^10\.1\.2\.3 is not a multicast group address/),
    });
    const foreign = '203.0.113.77';
    if (listInterfaces().some((i) => i.address === foreign))
      ctx.skip(`${foreign} is assigned to this machine`);
    const elsewhere = await openUdp({
      localAddress: '',
      multicast: { group: '239.255.1.1', interface: foreign },
    });
    expect(elsewhere.session.getStatus().error?.message).toMatch(
      /^Could not join the multicast group 239\.255\.1\.1 on 203\.0\.113\.77/,
    );
  });
});

describe('UdpSession lifecycle', () => {
  it('says so when the port is in use', async () => {
    const first = await openUdp();
    const second = await openUdp({ localPort: first.port });
    expect(second.session.getStatus()).toMatchObject({
      state: 'error',
      error: {
        code: 'EADDRINUSE',
        message: `UDP port ${first.port} is already in use on this PC: another program (or another SocketBench session) has it open. Close it, or pick another local port (0 picks a free one).`,
      },
    });
  });

  it('counts a burst exactly and sends its totals before it says it closed', async () => {
    const { session, recorder, port } = await openUdp();
    const sender = createSocket('udp4');
    cleanups.push(() => new Promise<void>((resolve) => sender.close(() => resolve())));
    const sent = Array.from(
      { length: 200 },
      (_, i) =>
        new Promise<void>((resolve) => sender.send(`datagram ${i}`, port, '127.0.0.1', () => resolve())),
    );
    await Promise.all(sent);
    await recorder.waitFor(() => recorder.events.filter(rx).length === 200, '200 datagrams');
    const bytes = recorder.events.filter(rx).reduce((n, e) => n + e.bytes.length, 0);
    await session.close();
    const events = recorder.events;
    const closed = events.findIndex((e) => e.type === 'state' && e.state === 'disconnected');
    const last = events.findLastIndex((e) => e.type === 'counters');
    expect(last).toBeLessThan(closed);
    expect(events[last]).toMatchObject({ counters: { rxBytes: bytes, rxChunks: 200 } });
  });

  it('closes cleanly, leaves no handle behind, and refuses sends afterwards', async () => {
    const before = await trackedResources();
    const { session, recorder } = await openUdp({ remoteHost: '127.0.0.1', remotePort: 9 });
    await session.close();
    expect(recorder.of('state').map((e) => e.state)).toEqual(['open', 'disconnected']);
    await expect(session.send(ascii('late'))).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: 'The UDP socket is not open: it is closed. Press Open, then send.',
    });
    expect(await resourcesAddedSince(before)).toEqual({});
  });
});
