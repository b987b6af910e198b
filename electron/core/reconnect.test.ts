// A TCP client that reconnects by itself: a board that reboots on the same port is found again,
// the attempts show as states, tries run out into an error, and Disconnect cancels a wait.
import { describe, expect, it } from 'vitest';
import { findFreePort, startFlakyBoard } from '../../e2e/fixtures/boards';
import type { StateEvent } from '../../shared/contract/events';
import type { ReconnectSpec } from '../../shared/contract/model';
import { benchHarness, stateIs, text } from './bench-test-kit';

const { setup, track } = benchHarness();

const statesOf = (events: readonly { type: string }[]) =>
  events
    .filter((e): e is StateEvent => e.type === 'state')
    .map((e) => (e.state === 'reconnecting' ? `reconnecting ${e.attempt}` : e.state));

describe('reconnect', () => {
  it('finds a board again that went down and came back on the same port, counters going on', async () => {
    const board = track(await startFlakyBoard());
    const { manager, recorder } = setup();
    const reconnect: ReconnectSpec = { initialDelayMs: 100, maxDelayMs: 400, maxTries: 0 };
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port, reconnect },
    });
    await recorder.waitFor(stateIs(id, 'connected'), 'connected');
    await manager.send({ id, payload: text('one') });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 16, 'the first reply');

    await board.goDown();
    const waiting = await recorder.waitFor(
      (e): e is StateEvent => e.type === 'state' && e.state === 'reconnecting' && e.attempt === 2,
      'the second attempt scheduled',
    );
    expect(waiting.error?.code).toBe('ECONNREFUSED');
    const first = recorder.of('state').find((e) => e.state === 'reconnecting' && e.attempt === 1);
    expect((first?.nextAttemptAt ?? 0) - (first?.at ?? 0)).toBe(100);
    expect((waiting.nextAttemptAt ?? 0) - waiting.at).toBe(200);
    await expect(manager.send({ id, payload: text('lost') })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
      message: expect.stringMatching(/dropped; reconnecting \(next attempt at \d\d:\d\d:\d\d\)/),
    });

    await board.comeBack();
    await recorder.waitFor(
      (e) => stateIs(id, 'connected')(e) && e !== recorder.of('state')[1],
      'connected again',
    );
    expect(statesOf(recorder.events)).toEqual([
      'connecting',
      'connected',
      'reconnecting 1',
      'connecting',
      'reconnecting 2',
      'connecting',
      'connected',
    ]);
    await manager.send({ id, payload: text('two') });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 32, 'the second reply');
    const [listed] = await manager.list({});
    expect(listed).toMatchObject({ state: 'connected', counters: { txBytes: 6, rxBytes: 32 } });
    expect(listed?.error).toBeUndefined();
    expect(board.accepted()).toBe(2);
  });

  it('reconnects after a reset too, and judges replies again once back', async () => {
    const board = track(await startFlakyBoard());
    const { manager, recorder } = setup();
    const reconnect: ReconnectSpec = { initialDelayMs: 100, maxDelayMs: 100, maxTries: 3 };
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port, reconnect },
    });
    await recorder.waitFor(stateIs(id, 'connected'), 'connected');
    await manager.setExpect({
      id,
      expect: { rule: { kind: 'prefix-echo', prefix: 'TCP Server : ' }, timeoutMs: 2000 },
    });
    await board.goDown('reset');
    await board.comeBack();
    const back = await recorder.waitFor(
      (e): e is StateEvent => stateIs(id, 'connected')(e) && recorder.of('state').indexOf(e) > 1,
      'connected again',
    );
    expect(back.state).toBe('connected');
    const drop = recorder.of('state').find((e) => e.state === 'reconnecting');
    expect(drop?.error?.code).toBe('ECONNRESET');
    await manager.send({ id, payload: text('again') });
    await recorder.waitFor((e) => e.type === 'exchange' && e.result.verdict === 'pass', 'a judged reply');
  });

  it('gives up after maxTries with the last sentence', async () => {
    const port = await findFreePort();
    const { manager, recorder } = setup();
    const reconnect: ReconnectSpec = { initialDelayMs: 100, maxDelayMs: 150, maxTries: 2 };
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: '127.0.0.1', port, reconnect },
    });
    const failed = await recorder.waitFor(stateIs(id, 'error'), 'giving up');
    expect(statesOf(recorder.events)).toEqual([
      'connecting',
      'reconnecting 1',
      'connecting',
      'reconnecting 2',
      'connecting',
      'error',
    ]);
    expect(failed.error?.code).toBe('ECONNREFUSED');
    expect(failed.error?.message).toMatch(
      /^Nothing is listening at 127\.0\.0\.1:\d+\..* Gave up after 2 attempts\.$/,
    );
    const delays = recorder
      .of('state')
      .filter((e) => e.state === 'reconnecting')
      .map((e) => (e.nextAttemptAt ?? 0) - e.at);
    expect(delays).toEqual([100, 150]);
  });

  it('Disconnect during a wait cancels it and leaves nothing running', async () => {
    const port = await findFreePort();
    const { manager, recorder } = setup();
    const reconnect: ReconnectSpec = { initialDelayMs: 60_000, maxDelayMs: 60_000, maxTries: 0 };
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: '127.0.0.1', port, reconnect },
    });
    await recorder.waitFor(stateIs(id, 'reconnecting'), 'waiting to reconnect');
    await manager.close({ id });
    expect(statesOf(recorder.events)).toEqual(['connecting', 'reconnecting 1', 'disconnected']);
  });
});
