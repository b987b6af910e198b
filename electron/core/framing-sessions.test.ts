// Framing of received streams through the session manager, against loopback boards: a reply cut
// into single bytes, length prefixes across chunks, idle gaps on real timers, pending counts,
// live changes, server clients, and the sentences for framing that cannot run.
import { afterEach, describe, expect, it } from 'vitest';
import {
  startDribbleBoard,
  startEsp8266Client,
  startW55rp20Board,
  W55RP20_REPLY_PREFIX,
} from '../../e2e/fixtures/boards';
import type { DataEvent, EngineEvent, PendingEvent, StateEvent } from '../../shared/contract/events';
import type { FramingSpec, TextPayload } from '../../shared/contract/model';
import { validateFraming } from '../../shared/framing';
import { createSessionManager } from './session-manager';
import { createRecorder, type Recorder, resourcesAddedSince, trackedResources } from './test-recorder';

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

function later<T extends { close(): Promise<void> }>(board: T): T {
  cleanups.push(() => board.close());
  return board;
}

const text = (t: string): TextPayload => ({ text: t, encoding: 'ascii', escapes: true, lineEnding: 'none' });
const ascii = (bytes: Uint8Array) => Buffer.from(bytes).toString('latin1');

const connected = (id: string) => (e: EngineEvent) =>
  e.type === 'state' && e.id === id && e.state === 'connected';
const rxOf = (r: Recorder, id = 's1') =>
  r.of('data').filter((e): e is DataEvent => e.id === id && e.dir === 'rx');
const pendingOf = (r: Recorder, id = 's1') => r.of('pending').filter((e) => e.id === id);
const pendingIs =
  (bytes: number, id = 's1', peer?: string) =>
  (e: EngineEvent) =>
    e.type === 'pending' && e.id === id && e.bytes === bytes && (peer === undefined || e.peer === peer);
const rxTotal =
  (bytes: number, id = 's1') =>
  (e: EngineEvent) =>
    e.type === 'counters' && e.id === id && e.counters.rxBytes === bytes;

async function openClient(framing: FramingSpec | undefined, port: number) {
  const { recorder, manager } = setup();
  const opened = await manager.open({
    config: { protocol: 'tcp-client', host: '127.0.0.1', port, ...(framing ? { framing } : {}) },
  });
  await recorder.waitFor(connected(opened.id), 'connected');
  return { recorder, manager, id: opened.id, opened };
}

describe('framing of a TCP client session', () => {
  it('shows a reply dribbled one byte at a time as one entry under delimiter framing', async () => {
    const reply = 'OK 42\r\n';
    const board = later(await startDribbleBoard({ reply, intervalMs: 5 }));
    const framing: FramingSpec = { kind: 'delimiter', delimiterHex: '0D 0A' };
    const { recorder, manager, id, opened } = await openClient(framing, board.port);
    expect(opened.framing).toEqual(framing);

    await manager.send({ id, payload: text('AT+READ?\\r\\n') });
    await recorder.waitFor(pendingIs(0), 'nothing pending once the reply is whole');
    const rx = rxOf(recorder);
    expect(rx.map((e) => ascii(e.bytes))).toEqual([reply]);
    expect(rx[0]?.issue).toBeUndefined();
    // Counters count the network's chunks, not the frames: the board's bytes came one by one.
    const [listed] = await manager.list({});
    expect(listed?.counters.rxBytes).toBe(reply.length);
    expect(listed?.counters.rxChunks).toBeGreaterThan(1);
    // The incomplete frame was shown growing, then cleared.
    const levels = pendingOf(recorder).map((e) => e.bytes);
    expect(levels.at(-1)).toBe(0);
    expect(Math.max(...levels)).toBeGreaterThan(0);
    expect(Math.max(...levels)).toBeLessThan(reply.length);
    expect(levels.slice(0, -1)).toEqual([...levels.slice(0, -1)].sort((a, b) => a - b));
  });

  it('shows the same dribbled reply as several entries under raw chunks, with no pending counts', async () => {
    const reply = 'OK 42\r\n';
    const board = later(await startDribbleBoard({ reply, intervalMs: 5 }));
    const { recorder, manager, id, opened } = await openClient(undefined, board.port);
    expect(opened.framing).toEqual({ kind: 'raw' });
    await manager.send({ id, payload: text('AT') });
    await recorder.waitFor(rxTotal(reply.length), 'the whole reply counted');
    const rx = rxOf(recorder);
    expect(rx.length).toBeGreaterThan(1);
    expect(rx.map((e) => ascii(e.bytes)).join('')).toBe(reply);
    const [listed] = await manager.list({});
    expect(listed?.counters.rxChunks).toBe(rx.length);
    expect(pendingOf(recorder)).toEqual([]);
  });

  it('reassembles length-prefixed frames across chunk boundaries', async () => {
    // Two frames, each a 2-byte big-endian body length and the body, sent one byte per segment.
    const reply = Uint8Array.of(0, 3, 0x61, 0x62, 0x63, 0, 2, 0x68, 0x69);
    const board = later(await startDribbleBoard({ reply, intervalMs: 2 }));
    const framing: FramingSpec = {
      kind: 'length-prefix',
      size: 2,
      order: 'be',
      offset: 0,
      includesHeader: false,
    };
    const { recorder, manager, id } = await openClient(framing, board.port);
    await manager.send({ id, payload: { hex: '01' } });
    await recorder.waitFor(rxTotal(reply.length), 'the whole reply counted');
    await recorder.waitFor(pendingIs(0), 'nothing pending');
    expect(rxOf(recorder).map((e) => Buffer.from(e.bytes).toString('hex'))).toEqual([
      '0003616263',
      '00026869',
    ]);
  });

  it('ends a frame after an idle gap of 30 ms on a real timer, and leaves no timer behind', async () => {
    const board = later(await startW55rp20Board());
    const before = await trackedResources();
    const { recorder, manager, id } = await openClient({ kind: 'idle-gap', gapMs: 30 }, board.port);
    const reply = `${W55RP20_REPLY_PREFIX}one`;

    const sentAt = performance.now();
    await manager.send({ id, payload: text('one') });
    await recorder.waitFor(pendingIs(reply.length), 'the reply held');
    await recorder.waitFor((e) => e.type === 'data' && e.dir === 'rx', 'the frame');
    expect(performance.now() - sentAt).toBeGreaterThanOrEqual(29);
    expect(rxOf(recorder).map((e) => ascii(e.bytes))).toEqual([reply]);
    expect(pendingOf(recorder).map((e) => e.bytes)).toEqual([reply.length, 0]);

    await manager.send({ id, payload: text('two') });
    await recorder.waitFor(() => rxOf(recorder).length === 2, 'the second frame');
    expect(rxOf(recorder).map((e) => ascii(e.bytes))).toEqual([reply, `${W55RP20_REPLY_PREFIX}two`]);

    await manager.dispose();
    await board.waitForNoConnections();
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it('shows what is held when the board closes as an incomplete entry, before Disconnected', async () => {
    const board = later(await startW55rp20Board());
    const { recorder, manager, id } = await openClient({ kind: 'delimiter', delimiterHex: '0A' }, board.port);
    await manager.send({ id, payload: text('abc') });
    await recorder.waitFor(pendingIs(W55RP20_REPLY_PREFIX.length + 3), 'the reply held');
    expect(rxOf(recorder)).toEqual([]);
    await board.endConnections();
    const closed = await recorder.waitFor(
      (e): e is StateEvent => e.type === 'state' && e.state === 'disconnected',
      'disconnected',
    );
    const frame = rxOf(recorder)[0];
    expect(frame && ascii(frame.bytes)).toBe(`${W55RP20_REPLY_PREFIX}abc`);
    expect(frame?.issue).toBe('incomplete');
    const order = recorder.events.filter((e) => e === frame || e === closed || pendingIs(0)(e));
    expect(order.map((e) => e.type)).toEqual(['data', 'pending', 'state']);
  });

  it('changes framing live: the held bytes come out as incomplete, later bytes follow the new rule', async () => {
    const board = later(await startW55rp20Board());
    const { recorder, manager, id } = await openClient({ kind: 'delimiter', delimiterHex: '0A' }, board.port);
    await manager.send({ id, payload: text('abc') });
    await recorder.waitFor(pendingIs(W55RP20_REPLY_PREFIX.length + 3), 'the reply held');

    await manager.setFraming({ id, framing: { kind: 'raw' } });
    expect(rxOf(recorder).map((e) => [ascii(e.bytes), e.issue])).toEqual([
      [`${W55RP20_REPLY_PREFIX}abc`, 'incomplete'],
    ]);
    expect(pendingOf(recorder).at(-1)?.bytes).toBe(0);
    expect((await manager.list({}))[0]?.framing).toEqual({ kind: 'raw' });

    await manager.send({ id, payload: text('def') });
    await recorder.waitFor(() => rxOf(recorder).length === 2, 'the raw reply');
    expect(rxOf(recorder)[1]?.issue).toBeUndefined();
    expect(ascii(rxOf(recorder)[1]?.bytes ?? new Uint8Array())).toBe(`${W55RP20_REPLY_PREFIX}def`);

    await manager.setFraming({ id, framing: { kind: 'delimiter', delimiterHex: '0A' } });
    await manager.send({ id, payload: text('x\\n') });
    await recorder.waitFor(() => rxOf(recorder).length === 3, 'the delimited reply');
    expect(ascii(rxOf(recorder)[2]?.bytes ?? new Uint8Array())).toBe(`${W55RP20_REPLY_PREFIX}x\n`);
  });
});

describe('framing of a TCP server session', () => {
  it("frames each board's stream apart, and applies a new framing to boards that connect later", async () => {
    const { recorder, manager } = setup();
    const server = await manager.open({
      config: {
        protocol: 'tcp-server',
        localAddress: '127.0.0.1',
        port: 0,
        framing: { kind: 'delimiter', delimiterHex: '0A' },
      },
    });
    const port = Number(server.local?.split(':')[1]);
    const first = later(await startEsp8266Client({ host: '127.0.0.1', port }));
    // "Hello" and "This is my IP." carry no line ending: both wait as one incomplete frame.
    const greeting = 'HelloThis is my IP.';
    await recorder.waitFor(pendingIs(greeting.length, 's1', first.peer), 'the greeting held');
    expect(rxOf(recorder)).toEqual([]);
    await manager.send({ id: 's1', payload: text('\\n'), to: { kind: 'client', peer: first.peer } });
    await recorder.waitFor(pendingIs(0, 's1', first.peer), 'the echoed line ending ends the frame');
    expect(rxOf(recorder).map((e) => [e.peer, ascii(e.bytes)])).toEqual([[first.peer, `${greeting}\n`]]);

    await manager.setFraming({ id: 's1', framing: { kind: 'fixed', length: 2 } });
    const second = later(await startEsp8266Client({ host: '127.0.0.1', port }));
    await recorder.waitFor(pendingIs(1, 's1', second.peer), 'the odd byte held');
    await recorder.waitFor(rxTotal(greeting.length * 2 + 1), 'both greetings counted');
    const frames = rxOf(recorder).filter((e) => e.peer === second.peer);
    expect(frames.map((e) => ascii(e.bytes)).join('')).toBe(greeting.slice(0, -1));
    expect(frames.every((e) => e.bytes.byteLength === 2)).toBe(true);

    // The board leaves with a byte held: it is shown, flagged, before the board's departure.
    await second.close();
    await recorder.waitFor(
      (e) => e.type === 'client-disconnected' && e.peer === second.peer,
      'the second board gone',
    );
    const last = rxOf(recorder)
      .filter((e) => e.peer === second.peer)
      .at(-1);
    expect(last && [ascii(last.bytes), last.issue]).toEqual(['.', 'incomplete']);
    const pendingEvents = recorder.events.filter((e): e is PendingEvent => e.type === 'pending');
    expect(pendingEvents.filter((e) => e.peer === second.peer).at(-1)?.bytes).toBe(0);
  });
});

describe('framing that cannot run', () => {
  it('is refused with the sentence that says what to change, at open and when changed', async () => {
    const { manager } = setup();
    const bad: FramingSpec = { kind: 'delimiter', delimiterHex: 'zz' };
    const sentence = validateFraming(bad);
    expect(sentence).toBeTruthy();
    await expect(
      manager.open({ config: { protocol: 'tcp-client', host: '127.0.0.1', port: 9, framing: bad } }),
    ).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT', message: sentence });
    expect(await manager.list({})).toEqual([]);

    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    await expect(
      manager.setFraming({ id: server.id, framing: { kind: 'idle-gap', gapMs: 0 } }),
    ).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: validateFraming({ kind: 'idle-gap', gapMs: 0 }),
    });
    expect((await manager.list({}))[0]?.framing).toEqual({ kind: 'raw' });
  });

  it('is refused for UDP, where each datagram is one message', async () => {
    const { manager } = setup();
    const udp = await manager.open({ config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } });
    expect(udp.framing).toBeUndefined();
    const refusal = manager.setFraming({ id: udp.id, framing: { kind: 'delimiter', delimiterHex: '0A' } });
    await expect(refusal).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT' });
    await expect(refusal).rejects.toThrow(/datagram/);
  });
});
