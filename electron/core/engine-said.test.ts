// The engine's own sentences (sessions, capture, UDP limits, multicast, reconnect, self-test, tasks,
// simulated boards, the link) carry their catalogue key: the English catalogue renders each exactly
// as the engine said it before it had keys, the engine's errors name the key, and Chinese fills the
// same values.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import type { ErrorInfo, Phrase } from '../../shared/contract/model';
import { type MessageKey, translate } from '../../shared/i18n/catalog';
import { engineErrors } from '../../shared/i18n/en/errors';
import { createApiClient } from '../../shared/rpc/client';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { createCapture } from './capture';
import { englishOf, said } from './engine-said';
import { describeError } from './error-messages';
import { gaveUp } from './reconnect';
import { probeError } from './self-test';
import { createSessionManager } from './session-manager';
import { createRecorder } from './test-recorder';
import { describeMulticastError } from './udp-multicast';
import { checkDatagram, pickTarget } from './udp-target';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The keys whose English is checked below: every engine sentence added beside error-messages.ts. */
const covered = new Set<string>();

/** The phrase names its key, renders `english` in English, and fills every value in Chinese. */
function expectSaid(detail: Phrase | undefined, key: string, english: string, message?: string): void {
  expect(detail?.key).toBe(key);
  if (!detail) return;
  cover(detail);
  expect(englishOf(detail)).toBe(english);
  if (message !== undefined) expect(message).toBe(english);
  const zh = chinese(detail);
  expect(zh, key).not.toMatch(/\{\w+\}/);
  expect(zh, key).toMatch(/[\u4e00-\u9fff]/);
}

function cover(phrase: Phrase): void {
  covered.add(phrase.key);
  for (const value of Object.values(phrase.params ?? {})) if (typeof value === 'object') cover(value);
}

function chinese(phrase: Phrase): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.params ?? {})) {
    params[name] = typeof value === 'object' ? chinese(value) : value;
  }
  return translate('zh-CN', phrase.key as MessageKey, params);
}

async function refusalOf(work: () => unknown): Promise<ApiError> {
  try {
    await work();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('no refusal');
}

const expectRefusal = async (work: () => unknown, code: string, key: string, english: string) => {
  const error = await refusalOf(work);
  expect(error.code).toBe(code);
  expectSaid(error.detail, key, english, error.message);
};

const expectInfo = (info: ErrorInfo, code: string, key: string, english: string) => {
  expect(info.code).toBe(code);
  expectSaid(info.detail, key, english, info.message);
};

function manager() {
  const recorder = createRecorder();
  let n = 0;
  const api = createSessionManager({ sink: recorder.sink, newId: () => `s${++n}`, closeGraceMs: 100 });
  cleanups.push(() => api.dispose());
  return api;
}

function scratch(): string {
  const dir = mkdtempSync(join(tmpdir(), 'socketbench-said-'));
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const udpOnLoopback = { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } as const;

describe('the session manager', () => {
  it('says a session is gone, unnamed, of the wrong kind, or the engine is closing', async () => {
    const api = manager();
    await expectRefusal(
      () => api.close({ id: 'gone' }),
      'E_UNKNOWN_SESSION',
      'error.session.unknown',
      'There is no session "gone": it was closed, or the engine restarted. Open the connection again.',
    );
    const { id } = await api.open({ config: udpOnLoopback });
    await expectRefusal(
      () => api.rename({ id, name: '  ' }),
      'E_BAD_ARGUMENT',
      'error.session.emptyName',
      'A session name must not be empty.',
    );
    await expectRefusal(
      () => api.disconnectClient({ id, peer: '127.0.0.1:9' }),
      'E_BAD_ARGUMENT',
      'error.session.notServer.clients',
      'Only a TCP server session has clients to disconnect. This session is a UDP socket.',
    );
    await expectRefusal(
      () => api.selfTest({ id }),
      'E_BAD_ARGUMENT',
      'error.session.notServer.selfTest',
      'The self-test checks that boards can reach a listening TCP server; run it on a TCP server session. This session is a UDP socket.',
    );
    await expectRefusal(
      () => api.setFraming({ id, framing: { kind: 'raw' } }),
      'E_BAD_ARGUMENT',
      'error.udp.noFraming',
      'A UDP session shows each datagram as one message, so it has no framing. Framing splits TCP streams.',
    );
    await expectRefusal(
      () => api.stopTask({ id, taskId: 'periodic-9' }),
      'E_BAD_ARGUMENT',
      'error.task.unknown',
      'There is no running task "periodic-9" on this session: it may have ended already.',
    );
    await expectRefusal(
      () =>
        api.startPeriodic({
          id,
          payload: { hex: '01' },
          intervalMs: 0,
          to: { kind: 'address', host: '127.0.0.1', port: 9 },
        }),
      'E_BAD_ARGUMENT',
      'error.task.interval',
      'A periodic send needs an interval of at least 1 ms.',
    );
    await expectRefusal(
      () => api.send({ id, payload: { hex: '01' } }),
      'E_BAD_ARGUMENT',
      'error.udp.noRemote',
      "No remote host and port are set for this UDP session. Type the board's address in Remote host and Remote port, or reply to the last sender.",
    );
    await expectRefusal(
      () => api.send({ id, payload: { hex: '01' }, to: { kind: 'last-sender' } }),
      'E_NOT_CONNECTED',
      'error.udp.noLastSender',
      'No datagram has arrived yet, so there is no last sender to reply to. Wait until the board sends one, or type its address in Remote host and Remote port.',
    );
    await expectRefusal(
      () => api.send({ id, payload: { hex: '01' }, to: { kind: 'all' } }),
      'E_BAD_ARGUMENT',
      'error.udp.serverTarget',
      'A UDP session sends to an address or to the last sender; "all" is a TCP server target.',
    );
    await api.dispose();
    await expectRefusal(
      () => api.open({ config: udpOnLoopback }),
      'E_INTERNAL',
      'error.engine.noNewSessions',
      'The engine is shutting down; no new sessions.',
    );
  });

  it('says why a capture cannot start or stop', async () => {
    const api = manager();
    const dir = scratch();
    const { id } = await api.open({ config: udpOnLoopback });
    await expectRefusal(
      () => api.stopCapture({ id }),
      'E_BAD_ARGUMENT',
      'error.capture.none',
      'This session has no capture to stop.',
    );
    await expectRefusal(
      () => api.startCapture({ id, path: 'relative.bin' }),
      'E_BAD_ARGUMENT',
      'error.capture.notFullPath',
      `"relative.bin" is not a full path. Give a full path, e.g. ${process.platform === 'win32' ? 'C:\\Users\\you\\capture.bin' : '/home/you/capture.bin'}`,
    );
    await expectRefusal(
      () => api.startCapture({ id, path: dir }),
      'EISDIR',
      'error.capture.EISDIR',
      `Cannot capture to "${dir}": it is a folder. Choose a file name.`,
    );
    const taken = join(dir, 'taken.bin');
    writeFileSync(taken, 'x');
    await expectRefusal(
      () => api.startCapture({ id, path: taken }),
      'EEXIST',
      'error.capture.fileExists',
      `Cannot capture to "${taken}": the file "${taken}" already exists, and a capture never overwrites a file. Choose a new file name.`,
    );
    const indexed = join(dir, 'indexed.bin');
    writeFileSync(`${indexed}.idx.csv`, 'x');
    await expectRefusal(
      () => api.startCapture({ id, path: indexed }),
      'EEXIST',
      'error.capture.indexExists',
      `Cannot capture to "${indexed}": the index file of an earlier capture "${indexed}.idx.csv" already exists, and a capture never overwrites a file. Choose a new file name.`,
    );
    const missing = join(dir, 'no-such-folder', 'x.bin');
    await expectRefusal(
      () => api.startCapture({ id, path: missing }),
      'ENOENT',
      'error.capture.ENOENT',
      `Cannot capture to "${missing}": its folder does not exist.`,
    );
    const path = join(dir, 'first.bin');
    await api.startCapture({ id, path });
    await expectRefusal(
      () => api.startCapture({ id, path: join(dir, 'second.bin') }),
      'E_BAD_ARGUMENT',
      'error.capture.alreadyTo',
      `This session is already capturing to "${path}". Stop that capture first.`,
    );
    await api.stopCapture({ id });
  });

  it('says why a simulated board cannot start or stop', async () => {
    const api = manager();
    await expectRefusal(
      () => api.startSimulatedBoard({ kind: 'esp8266' }),
      'E_BAD_ARGUMENT',
      'error.board.esp8266Target',
      'The simulated ESP8266 connects to a TCP server: give the host and port of a listening session.',
    );
    // Refused before any socket is made: nothing is sent anywhere.
    await expectRefusal(
      () => api.startSimulatedBoard({ kind: 'esp8266', target: { host: '192.168.1.5', port: 8888 } }),
      'E_BAD_ARGUMENT',
      'error.board.notLoopback',
      'Simulated boards stay on this PC: 192.168.1.5 is not a loopback address.',
    );
    await expectRefusal(
      () => api.stopSimulatedBoard({ id: 'b1' }),
      'E_BAD_ARGUMENT',
      'error.board.unknown',
      'There is no simulated board "b1": it was stopped already.',
    );
  });
});

describe('a capture file', () => {
  it('names a folder given as its path, in English and with its key', async () => {
    const dir = scratch();
    const error = await createCapture({ path: dir }).then(
      () => undefined,
      (e: unknown) => e as { code: string; message: string; detail: Phrase },
    );
    expect(error?.code).toBe('EISDIR');
    expectSaid(
      error?.detail,
      'error.capture.EISDIR',
      `Cannot capture to "${dir}": it is a folder. Choose a file name.`,
      error?.message,
    );
  });
});

describe('a UDP datagram', () => {
  const ctx = { host: '127.0.0.1', port: 9, role: 'udp' as const };
  it('is refused when too large or of the wrong family', () => {
    const v4 = { type: 'udp4' as const, broadcast: false };
    const tooLarge = (() => {
      try {
        checkDatagram(v4, 70_000, '127.0.0.1', ctx);
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(tooLarge?.code).toBe('EMSGSIZE');
    expectSaid(
      tooLarge?.detail,
      'error.udp.tooLarge',
      'This datagram is 70,000 bytes, but one UDP datagram over IPv4 carries at most 65,507 bytes. Nothing was sent: send it in smaller pieces, or use TCP.',
      tooLarge?.message,
    );
    const family = (() => {
      try {
        checkDatagram(v4, 1, '::1', ctx);
      } catch (error) {
        return error as ApiError;
      }
    })();
    expect(family?.code).toBe('EAFNOSUPPORT');
    expectSaid(
      family?.detail,
      'error.udp.ipv4Only',
      'This UDP socket is IPv4, so it cannot send to the IPv6 address ::1. Set an IPv6 local address (or leave it empty and type an IPv6 remote host), then open it again.',
      family?.message,
    );
    // The same refusal pickTarget makes, without a session.
    expect(() => pickTarget({ protocol: 'udp', localPort: 0 }, undefined, undefined)).toThrow(
      translate('en', 'error.udp.noRemote'),
    );
  });

  it('says a group is no multicast group, and why one could not be joined', () => {
    for (const [code, iface, key, english] of [
      [
        'EADDRNOTAVAIL',
        '192.168.1.10',
        'error.multicast.notLocal',
        "Could not join the multicast group 239.1.2.3 on 192.168.1.10: that is not an address of one of this PC's interfaces. Pick one of its addresses, or leave the interface empty.",
      ],
      [
        'ENODEV',
        undefined,
        'error.multicast.noInterface',
        'Could not join the multicast group 239.1.2.3: no interface of this PC can take multicast right now (is it connected to a network?). Pick an interface address.',
      ],
      [
        'EINVAL',
        undefined,
        'error.multicast.family',
        'Could not join the multicast group 239.1.2.3: the group, the interface and the local address must all be IPv4 or all IPv6.',
      ],
      [
        'EAFNOSUPPORT',
        '192.168.1.10',
        'error.multicast.family.on',
        'Could not join the multicast group 239.1.2.3 on 192.168.1.10: the group, the interface and the local address must all be IPv4 or all IPv6.',
      ],
      [
        'ENOBUFS',
        undefined,
        'error.multicast.tooMany',
        'Could not join the multicast group 239.1.2.3: this PC has joined as many groups as it allows on that socket. Close other multicast sessions, then open this one again.',
      ],
      [
        'ENOBUFS',
        '192.168.1.10',
        'error.multicast.tooMany.on',
        'Could not join the multicast group 239.1.2.3 on 192.168.1.10: this PC has joined as many groups as it allows on that socket. Close other multicast sessions, then open this one again.',
      ],
      [
        'EPROTO',
        undefined,
        'error.multicast.other',
        'Could not join the multicast group 239.1.2.3: addMembership EPROTO',
      ],
      [
        'EPROTO',
        '192.168.1.10',
        'error.multicast.other.on',
        'Could not join the multicast group 239.1.2.3 on 192.168.1.10: addMembership EPROTO',
      ],
    ] as const) {
      const err = Object.assign(new Error(`addMembership ${code}`), { code });
      expectInfo(describeMulticastError(err, '239.1.2.3', iface), code, key, english);
    }
  });
});

describe('a client that gave up reconnecting', () => {
  it('says how many attempts, after the last failure in its own words', () => {
    expectInfo(
      gaveUp(undefined, 1),
      'ECONNRESET',
      'error.reconnect.closed_one',
      'The board closed the connection. Gave up after 1 attempt.',
    );
    expectInfo(
      gaveUp(undefined, 3),
      'ECONNRESET',
      'error.reconnect.closed_other',
      'The board closed the connection. Gave up after 3 attempts.',
    );
    const refused = describeError({ code: 'ECONNREFUSED' }, { host: '127.0.0.1', port: 9 });
    expectInfo(
      gaveUp(refused, 1),
      'ECONNREFUSED',
      'error.reconnect.gaveUp_one',
      `${refused.message} Gave up after 1 attempt.`,
    );
    const info = gaveUp(refused, 5);
    expectInfo(
      info,
      'ECONNREFUSED',
      'error.reconnect.gaveUp_other',
      `${refused.message} Gave up after 5 attempts.`,
    );
    // The failure inside is itself a phrase, so Chinese says both parts in Chinese.
    expect(chinese(info.detail as Phrase)).toContain(chinese(refused.detail as Phrase));
  });
});

describe('the listener self-test', () => {
  it('says what a failed probe usually means', () => {
    const cases = [
      [
        'ETIMEDOUT',
        'error.selfTest.ETIMEDOUT',
        'Could not reach the listener through 192.168.1.10: the connection timed out, which usually means a firewall on this PC drops incoming connections on port 8080.',
      ],
      [
        'ECONNREFUSED',
        'error.selfTest.ECONNREFUSED',
        'Could not reach the listener through 192.168.1.10: the connection was refused, which usually means a firewall on this PC rejects incoming connections on port 8080.',
      ],
      [
        'EPERM',
        'error.selfTest.EACCES',
        'Could not reach the listener through 192.168.1.10: this PC blocked the connection, which usually means a firewall or security software forbids port 8080.',
      ],
      [
        'EHOSTUNREACH',
        'error.selfTest.noRoute',
        'Could not reach the listener through 192.168.1.10: this PC has no route to that address right now. Is that network adapter up?',
      ],
      [
        'ECONNRESET',
        'error.selfTest.other',
        `Could not reach the listener through 192.168.1.10: ${describeError({ code: 'ECONNRESET' }, { host: '192.168.1.10', port: 8080 }).message}`,
      ],
    ] as const;
    for (const [code, key, english] of cases) {
      expectInfo(probeError({ code, syscall: 'connect' }, '192.168.1.10', 8080), code, key, english);
    }
  });
});

describe('the link between a window and the engine', () => {
  it('says an engine failure and a request that got no answer', async () => {
    const dispatch = createDispatcher({
      list: async () => {
        throw new Error('boom');
      },
    } as unknown as Parameters<typeof createDispatcher>[0]);
    const failed = await dispatch('list', {});
    expect(failed.ok).toBe(false);
    if (!failed.ok)
      expectSaid(
        failed.error.detail,
        'error.engine.failed',
        'SocketBench failed unexpectedly while running "list". boom',
        failed.error.message,
      );
    const silent = await createDispatcher({
      list: async () => {
        throw {};
      },
    } as unknown as Parameters<typeof createDispatcher>[0])('list', {});
    if (!silent.ok)
      expectSaid(
        silent.error.detail,
        'error.engine.failedReport',
        'SocketBench failed unexpectedly while running "list". Please report it with what you were doing.',
        silent.error.message,
      );

    const client = createApiClient({
      request: () => Promise.reject(new Error('socket hang up')),
      onEvents: () => () => {},
    });
    await expectRefusal(
      () => client.list({}),
      'E_TRANSPORT',
      'error.engine.noAnswerBecause',
      'The request "list" did not reach the engine or got no answer (socket hang up). Reload the window to reconnect.',
    );
    const empty = createApiClient({ request: () => Promise.reject('x'), onEvents: () => () => {} });
    await expectRefusal(
      () => empty.list({}),
      'E_TRANSPORT',
      'error.engine.noAnswer',
      'The request "list" did not reach the engine or got no answer. Reload the window to reconnect.',
    );
  });
});

/** Sentences whose situations a test cannot make without a race or a full disk, by their values. */
const BY_VALUES: [MessageKey, Record<string, string | number>, string][] = [
  [
    'error.udp.notMulticast',
    { group: '10.0.0.1' },
    '10.0.0.1 is not a multicast group address: IPv4 groups run from 224.0.0.0 to 239.255.255.255 (239.x.y.z is for local use), IPv6 groups start with ff.',
  ],
  [
    'error.udp.notOpen.failed',
    { code: 'EADDRINUSE' },
    'The UDP socket is not open: it failed (EADDRINUSE). Press Open, then send.',
  ],
  ['error.udp.notOpen.closed', {}, 'The UDP socket is not open: it is closed. Press Open, then send.'],
  ['error.session.closedWhileStarting', {}, 'The session was closed while it was starting.'],
  ['error.engine.shuttingDown', {}, 'The engine is shutting down.'],
  ['error.engine.notAttached', {}, 'The engine is not attached to this connection yet.'],
  ['error.engine.notAttachedWindow', {}, 'The engine is not attached to this window yet.'],
  ['error.engine.foreignFrame', {}, 'This request did not come from the SocketBench window.'],
  [
    'error.selfTest.notListening',
    {},
    'The server is not listening, so there is nothing to test. Press Listen, then run the self-test.',
  ],
  [
    'error.capture.ENOTDIR',
    { path: '/data/x/y.bin' },
    'Cannot capture to "/data/x/y.bin": part of the path is a file, not a folder.',
  ],
  [
    'error.capture.EACCES',
    { path: '/data/y.bin' },
    'Cannot capture to "/data/y.bin": permission denied. Choose a folder you can write to.',
  ],
  [
    'error.capture.EEXIST',
    { path: '/data/y.bin' },
    'Cannot capture to "/data/y.bin": the file already exists, and a capture never overwrites one. Choose a new file name.',
  ],
  ['error.capture.EROFS', { path: '/data/y.bin' }, 'Cannot capture to "/data/y.bin": the disk is read-only.'],
  ['error.capture.ENOSPC', { path: '/data/y.bin' }, 'Capture to "/data/y.bin" stopped: the disk is full.'],
  [
    'error.capture.failed',
    { path: '/data/y.bin', reason: 'EIO: i/o error, write' },
    'Capture to "/data/y.bin" failed: EIO: i/o error, write',
  ],
  [
    'error.capture.behind',
    { path: '/data/y.bin', mib: 256 },
    'Capture to "/data/y.bin" stopped: the disk fell 256 MiB behind the traffic. The file holds everything up to that point.',
  ],
  ['error.capture.already', {}, 'This session is already capturing. Stop that capture first.'],
  [
    'error.capture.closedWhileStarting',
    {},
    'The session was closed while its capture was starting; the file holds nothing.',
  ],
  ['error.task.tooMany', { max: 16 }, 'This session already runs 16 tasks. Stop one first.'],
  ['error.session.kind.tcp-client', {}, 'a TCP client'],
  ['error.session.kind.tcp-server', {}, 'a TCP server'],
  // The TCP sessions' send refusals (tcp-server.ts, tcp-server-clients.ts, tcp-client.ts,
  // tcp-client-status.ts), word for word as they were before they named their keys.
  [
    'error.server.notListening',
    {},
    'The server is not listening. Press Listen, let a board connect, then send.',
  ],
  [
    'error.server.noClient',
    {},
    'No board is connected to this server yet. Wait until one appears under Clients, then send.',
  ],
  [
    'error.server.unknownClient',
    { peer: '192.168.1.50:51234' },
    'No board 192.168.1.50:51234 is connected to this server: it may have disconnected. Pick one from Clients.',
  ],
  [
    'error.server.clientClosing',
    { peer: '192.168.1.50:51234' },
    '192.168.1.50:51234 is disconnecting; nothing more can be sent to it.',
  ],
  [
    'error.server.udpTarget',
    { kind: 'last-sender' },
    'A TCP server sends to one of its clients or to all of them; "last-sender" is a UDP target.',
  ],
  [
    'error.server.slowOne',
    { peer: '192.168.1.50:51234', others: 'No client got it.' },
    'Not sent to 192.168.1.50:51234: too much data is still waiting for that board, which is not reading fast enough. No client got it.',
  ],
  [
    'error.server.slowMany',
    { peer: '192.168.1.50:51234', more: 2, others: 'The other 1 client got it.' },
    'Not sent to 192.168.1.50:51234 and 2 more: too much data is still waiting for those boards, which are not reading fast enough. The other 1 client got it.',
  ],
  ['error.server.noneGot', {}, 'No client got it.'],
  ['error.server.othersGot_one', { count: 1 }, 'The other 1 client got it.'],
  ['error.server.othersGot_other', { count: 3 }, 'The other 3 clients got it.'],
  [
    'error.client.otherTarget',
    { target: '192.168.1.123:8087', kind: 'all' },
    'A TCP client session sends to the board it is connected to (192.168.1.123:8087); it has no "all" target.',
  ],
  [
    'error.client.connecting',
    { target: '192.168.1.123:8087' },
    'Still connecting to 192.168.1.123:8087. Wait until it shows Connected, then send again.',
  ],
  [
    'error.client.reconnecting',
    { target: '192.168.1.123:8087' },
    'The connection to 192.168.1.123:8087 dropped; reconnecting. Send again once it shows Connected.',
  ],
  [
    'error.client.reconnectingAt',
    { target: '192.168.1.123:8087', time: '14:03:07' },
    'The connection to 192.168.1.123:8087 dropped; reconnecting (next attempt at 14:03:07). Send again once it shows Connected.',
  ],
  [
    'error.client.failed',
    { target: '192.168.1.123:8087', code: 'ECONNRESET' },
    'Not connected to 192.168.1.123:8087: the connection failed (ECONNRESET). Connect again, then send.',
  ],
  [
    'error.client.closed',
    { target: '192.168.1.123:8087' },
    'Not connected to 192.168.1.123:8087: the connection is closed. Connect again, then send.',
  ],
];

describe('sentences said by their values', () => {
  it('read in English as the engine says them', () => {
    for (const [key, params, english] of BY_VALUES) {
      expectSaid(said(key, params).detail, key, english);
    }
  });

  it('cover every sentence of the engine beyond the socket errors', () => {
    expect(Object.keys(engineErrors).filter((key) => !covered.has(key))).toEqual([]);
  });
});
