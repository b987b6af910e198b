// The TCP client session's failures and cleanup, each against a real loopback listener.
import { afterEach, describe, expect, it } from 'vitest';
import {
  findFreePort,
  startFullBacklogListener,
  startResettingBoard,
  startW55rp20Board,
} from '../../e2e/fixtures/boards';
import {
  finalState,
  isState,
  resourcesAddedSince,
  type SessionConfigInput,
  startTestSession,
  trackedResources,
} from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});
const startSession = (config: SessionConfigInput) => startTestSession(config, (fn) => cleanups.push(fn));

describe('TcpClientSession failures, each with its code and sentence', () => {
  it('refused: nothing listening on the port', async () => {
    const port = await findFreePort();
    const { session, recorder } = startSession({ host: '127.0.0.1', port });
    const final = await finalState(recorder);
    expect(final.state).toBe('error');
    expect(final.error).toMatchObject({
      code: 'ECONNREFUSED',
      message: `Nothing is listening at 127.0.0.1:${port}. Is the board's program running, and is the port right?`,
    });
    expect(session.getStatus().error).toEqual(final.error);
    await expect(session.send({ hex: '00' })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringContaining('the connection failed (ECONNREFUSED)'),
    });
  });

  it('reset: the board resets the connection on the first byte', async () => {
    const board = await startResettingBoard();
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');
    await session.send({ text: 'boom', encoding: 'ascii', escapes: false, lineEnding: 'none' });
    const final = await finalState(recorder);
    expect(final.state).toBe('error');
    expect(final.error?.code).toBe('ECONNRESET');
    expect(final.error?.message).toMatch(
      new RegExp(`^The board reset the connection to 127\\.0\\.0\\.1:${board.port}\\.`),
    );
  });

  it('reset on demand while idle', async () => {
    const board = await startResettingBoard();
    cleanups.push(() => board.close());
    const { recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');
    await board.waitForConnection();
    board.resetConnections();
    const final = await finalState(recorder);
    expect(final.error?.code).toBe('ECONNRESET');
  });

  it('timeout: a listener that never answers (full accept queue)', async () => {
    const listener = await startFullBacklogListener();
    cleanups.push(() => listener.close());
    const started = Date.now();
    const { recorder } = startSession({ host: listener.host, port: listener.port, connectTimeoutMs: 400 });
    const final = await finalState(recorder);
    expect(Date.now() - started).toBeGreaterThanOrEqual(390);
    expect(final.error).toMatchObject({
      code: 'ETIMEDOUT',
      message: `No answer from 127.0.0.1:${listener.port} within 400 ms. Is the board powered and on this network, and is the address right?`,
    });
    expect(recorder.of('state').map((e) => e.state)).toEqual(['connecting', 'error']);
  });

  it('not found: a name under .invalid is answered locally, without asking a name server', async () => {
    const { recorder } = startSession({ host: 'w55rp20-evb.invalid', port: 8087 });
    const final = await finalState(recorder);
    expect(final.error).toMatchObject({
      code: 'ENOTFOUND',
      message:
        'The host name "w55rp20-evb.invalid" could not be resolved. Check the spelling, or type the board\'s IP address.',
    });
  });

  it('local port in use', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const busy = await startW55rp20Board();
    cleanups.push(() => busy.close());
    const { recorder } = startSession({
      host: board.host,
      port: board.port,
      localAddress: '127.0.0.1',
      localPort: busy.port,
    });
    const final = await finalState(recorder);
    expect(final.error).toMatchObject({
      code: 'EADDRINUSE',
      message: `Local port ${busy.port} is already in use on 127.0.0.1. Choose another local port, or leave it empty to let the system pick one.`,
    });
  });

  it('local address that is not one of this computer', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    // TEST-NET-1 (RFC 5737) is never assigned to a machine; bind() fails before any packet is sent.
    const { recorder } = startSession({ host: board.host, port: board.port, localAddress: '192.0.2.1' });
    const final = await finalState(recorder);
    expect(final.error?.code).toBe('EADDRNOTAVAIL');
    expect(final.error?.message).toMatch(
      /^The local address 192\.0\.2\.1 is not an address of this computer\./,
    );
  });

  it('local address that is not an IP address at all', async () => {
    const { recorder } = startSession({ host: '127.0.0.1', port: 8087, localAddress: 'eth0' });
    const final = await finalState(recorder);
    expect(final.error?.code).toBe('ERR_INVALID_IP_ADDRESS');
    expect(final.error?.message).toMatch(/^The local address "eth0" is not an IP address\./);
  });
});

describe('TcpClientSession cleanup', () => {
  it('close ends politely, emits disconnected, and leaves no socket or timer behind', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const before = await trackedResources();
    const { session, recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');
    await session.send({ hex: '68 69' });
    await recorder.waitFor((e) => e.type === 'data' && e.dir === 'rx', 'the reply');
    await session.close();
    expect(recorder.of('state').map((e) => e.state)).toEqual(['connecting', 'connected', 'disconnected']);
    await board.waitForNoConnections();
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it('close while connecting, and after a failure, leaves nothing behind either', async () => {
    const listener = await startFullBacklogListener();
    cleanups.push(() => listener.close());
    const before = await trackedResources();
    const hanging = startSession({ host: listener.host, port: listener.port });
    const refused = startSession({ host: '127.0.0.1', port: await findFreePort() });
    await finalState(refused.recorder);
    await Promise.all([hanging.session.close(), refused.session.close()]);
    expect(hanging.recorder.of('state').map((e) => e.state)).toEqual(['connecting', 'disconnected']);
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it('close is idempotent and a closed session never connects again', async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { session, recorder } = startSession({ host: board.host, port: board.port });
    await recorder.waitFor(isState('connected'), 'connected');
    await Promise.all([session.close(), session.close()]);
    session.connect();
    expect(session.state).toBe('disconnected');
    expect(recorder.of('state').filter((e) => e.state === 'disconnected')).toHaveLength(1);
  });
});
