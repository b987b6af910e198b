// Macros expanded at send time and counter resets, through the session manager against loopback
// boards that record what they receive.
import { afterEach, describe, expect, it } from 'vitest';
import {
  GBK_REPLY_PREFIX,
  startEsp8266Client,
  startGbkBoard,
  startRecordingBoard,
  startW55rp20Board,
} from '../../e2e/fixtures/boards';
import type { EngineEvent } from '../../shared/contract/events';
import type { TextPayload } from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { createSessionManager } from './session-manager';
import { createRecorder } from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function setup() {
  const recorder = createRecorder();
  let n = 0;
  const manager = createSessionManager({ sink: recorder.sink, newId: () => `s${++n}`, closeGraceMs: 200 });
  cleanups.push(() => manager.dispose());
  return { recorder, manager };
}

const macro = (text: string): TextPayload => ({
  text,
  encoding: 'ascii',
  escapes: false,
  lineEnding: 'none',
  macros: true,
});
const plain = (text: string): TextPayload => ({
  text,
  encoding: 'ascii',
  escapes: false,
  lineEnding: 'none',
});

const connected = (id: string) => (e: EngineEvent) =>
  e.type === 'state' && e.id === id && e.state === 'connected';

describe('macros at send time', () => {
  it('numbers the sends with macros on 1, 2, 3, skipping plain sends and refused ones', async () => {
    const board = await startRecordingBoard();
    cleanups.push(() => board.close());
    const { recorder, manager } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    // Still connecting: refused before anything went out, so it does not use up number 1.
    await expect(manager.send({ id, payload: macro('N{counter};') })).rejects.toMatchObject({
      code: 'E_NOT_CONNECTED',
    });
    await recorder.waitFor(connected(id), 'connected');
    await manager.send({ id, payload: macro('N{counter};') });
    await manager.send({ id, payload: macro('N{counter};') });
    await manager.send({ id, payload: plain('P{counter};') });
    await expect(manager.send({ id, payload: macro('N{nope};') })).rejects.toMatchObject({
      code: 'E_BAD_PAYLOAD',
    });
    await manager.send({ id, payload: macro('N{counter};{{literal}};') });
    const expected = 'N1;N2;P{counter};N3;{literal};';
    await board.waitForBytes(expected.length);
    expect(board.received().toString('latin1')).toBe(expected);

    // A counter reset leaves the sequence alone: a board may check it.
    await manager.resetCounters({ id });
    await manager.send({ id, payload: macro('N{counter};') });
    await board.waitForBytes(expected.length + 3);
    expect(board.received().toString('latin1').slice(expected.length)).toBe('N4;');
  });

  it('expands random bytes from the engine, and the clock', async () => {
    const board = await startRecordingBoard();
    cleanups.push(() => board.close());
    const { recorder, manager } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await recorder.waitFor(connected(id), 'connected');
    const before = Math.floor(Date.now() / 1000);
    await manager.send({ id, payload: macro('{random:16}|{unix}') });
    await board.waitForBytes(16 + 1 + String(before).length);
    const got = board.received();
    const unix = Number(got.subarray(17).toString('latin1'));
    expect(got[16]).toBe(0x7c);
    expect(unix).toBeGreaterThanOrEqual(before);
    expect(unix).toBeLessThanOrEqual(Math.floor(Date.now() / 1000));
    // 16 bytes from a real generator are not all alike.
    expect(new Set(got.subarray(0, 16)).size).toBeGreaterThan(1);
  });
});

describe('GBK text', () => {
  it('goes out encoded as GBK, and the board answers in GBK', async () => {
    const board = await startGbkBoard();
    cleanups.push(() => board.close());
    const { recorder, manager } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await recorder.waitFor(connected(id), 'connected');
    const sent = await manager.send({
      id,
      payload: { text: '温度?', encoding: 'gbk', escapes: false, lineEnding: 'none' },
    });
    expect(sent).toEqual({ bytes: 5 });
    const reply = await recorder.waitFor(
      (e): e is Extract<EngineEvent, { type: 'data' }> => e.type === 'data' && e.dir === 'rx',
      'the reply',
    );
    expect(new TextDecoder('gbk').decode(reply.bytes)).toBe(`${GBK_REPLY_PREFIX}温度?`);
    expect(board.stats()).toMatchObject({ receivedBytes: 5, replies: 1 });
  });
});

describe('resetCounters', () => {
  it("starts a client's counters from zero and announces it; traffic after counts from there", async () => {
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { recorder, manager } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await recorder.waitFor(connected(id), 'connected');
    await manager.send({ id, payload: plain('hello') });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 18, 'the reply');

    await manager.resetCounters({ id });
    expect(recorder.of('counters').at(-1)).toEqual({ type: 'counters', id, counters: zeroCounters() });
    expect((await manager.list({}))[0]?.counters).toEqual(zeroCounters());

    await manager.send({ id, payload: plain('hi') });
    await recorder.waitFor((e) => e.type === 'counters' && e.counters.rxBytes === 15, 'the second reply');
    expect((await manager.list({}))[0]?.counters).toEqual({
      rxBytes: 15,
      txBytes: 2,
      rxChunks: 1,
      txChunks: 1,
    });
  });

  it("zeroes a server's totals and each client's, with an event for each", async () => {
    const { recorder, manager } = setup();
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    const board = await startEsp8266Client({ host: '127.0.0.1', port: Number(server.local?.split(':')[1]) });
    cleanups.push(() => board.close());
    await recorder.waitFor(
      (e) => e.type === 'client-counters' && e.counters.rxBytes === 'HelloThis is my IP.'.length,
      'the greeting counted',
    );
    await manager.resetCounters({ id: server.id });
    expect(recorder.of('client-counters').at(-1)).toEqual({
      type: 'client-counters',
      id: server.id,
      peer: board.peer,
      counters: zeroCounters(),
    });
    expect(recorder.of('counters').at(-1)?.counters).toEqual(zeroCounters());
    const [listed] = await manager.list({});
    expect(listed?.counters).toEqual(zeroCounters());
    expect(listed?.clients?.map((c) => c.counters)).toEqual([zeroCounters()]);
  });

  it('zeroes a UDP session too, and refuses an unknown session', async () => {
    const { recorder, manager } = setup();
    const udp = await manager.open({ config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } });
    await manager.resetCounters({ id: udp.id });
    expect(recorder.of('counters').at(-1)).toEqual({
      type: 'counters',
      id: udp.id,
      counters: zeroCounters(),
    });
    await expect(manager.resetCounters({ id: 'gone' })).rejects.toMatchObject({ code: 'E_UNKNOWN_SESSION' });
  });
});
