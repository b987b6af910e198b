// Capture to file through the session manager: a 256 MiB flood byte-exact while the display drops,
// both directions indexed, servers held back by the disk, a clean file at close, UDP's loud
// failure, and every path the user can get wrong, each with its sentence.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  hashedFloodBlock,
  startEsp8266Client,
  startHashedFloodBoard,
  startUdpEchoBoard,
  startW55rp20Board,
} from '../../e2e/fixtures/boards';
import type { CaptureEvent, CountersEvent, EngineEvent, EventSink } from '../../shared/contract/events';
import type { TextPayload } from '../../shared/contract/model';
import { INDEX_HEADER, INDEX_SUFFIX } from './capture';
import { createEventBatcher } from './event-batcher';
import { createSessionManager, type SessionManagerOptions } from './session-manager';
import { createRecorder, type Recorder, resourcesAddedSince, trackedResources } from './test-recorder';

const MiB = 1024 * 1024;
let dir: string;
const cleanups: (() => Promise<void> | void)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-session-capture-'));
});
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await rm(dir, { recursive: true, force: true });
});

function later<T extends { close(): Promise<void> }>(board: T): T {
  cleanups.push(() => board.close());
  return board;
}

/** A manager whose data events go through `sink` only; the recorder keeps everything else. */
function setup(extra: Partial<SessionManagerOptions> = {}, sink?: EventSink) {
  const recorder = createRecorder();
  let n = 0;
  const manager = createSessionManager({
    sink: (event) => {
      sink?.(event);
      if (!sink || event.type !== 'data') recorder.sink(event);
    },
    newId: () => `s${++n}`,
    closeGraceMs: 200,
    ...extra,
  });
  cleanups.push(() => manager.dispose());
  return { recorder, manager };
}

const text = (t: string): TextPayload => ({ text: t, encoding: 'ascii', escapes: false, lineEnding: 'none' });
const connected = (id: string) => (e: EngineEvent) =>
  e.type === 'state' && e.id === id && e.state === 'connected';
const rxTotal = (id: string, test: (rx: number) => boolean) => (e: EngineEvent) =>
  e.type === 'counters' && e.id === id && test(e.counters.rxBytes);
const lastCounters = (r: Recorder, id: string) =>
  r
    .of('counters')
    .filter((e): e is CountersEvent => e.id === id)
    .at(-1)?.counters;
const captures = (r: Recorder, id: string) =>
  r
    .of('capture')
    .filter((e): e is CaptureEvent => e.id === id)
    .map((e) => e.capture);

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

async function readIndex(path: string) {
  const content = await readFile(path + INDEX_SUFFIX, 'utf8');
  expect(content.startsWith(INDEX_HEADER)).toBe(true);
  return content
    .slice(INDEX_HEADER.length)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [offset, length, , direction, peer] = line.split(',');
      return { offset: Number(offset), length: Number(length), direction, peer };
    });
}

/** The index lists the file back to back, exactly to its end. */
async function expectIndexCoversFile(path: string, bytes: number) {
  const rows = await readIndex(path);
  let offset = 0;
  for (const row of rows) {
    expect(row.offset).toBe(offset);
    offset += row.length;
  }
  expect(offset).toBe(bytes);
  expect((await stat(path)).size).toBe(bytes);
  return rows;
}

describe('capture of a TCP client session', () => {
  it('writes a 256 MiB flood byte-exact while the display drops it, with exact counters', async () => {
    const bytes = 256 * MiB;
    const board = later(await startHashedFloodBoard({ bytes, autoStart: false }));
    const before = await trackedResources();
    const shown = { data: 0, dropped: 0 };
    // The window never acknowledges a batch: after its first 8 MiB every display copy is dropped.
    const batcher = createEventBatcher({
      send: (batch) => {
        for (const e of batch.events) {
          if (e.type === 'data') shown.data += e.bytes.byteLength;
          if (e.type === 'dropped') shown.dropped += e.bytes;
        }
      },
    });
    const { recorder, manager } = setup({}, batcher.push);
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await recorder.waitFor(connected(id), 'connected');
    const path = join(dir, 'flood.bin');
    expect(await manager.startCapture({ id, path })).toEqual({ path, active: true, bytes: 0, records: 0 });
    board.start();

    const sent = await board.streamed();
    await recorder.waitFor(
      rxTotal(id, (rx) => rx === bytes),
      'every byte counted',
    );
    const final = await manager.stopCapture({ id });
    const counters = lastCounters(recorder, id);
    expect(counters?.rxBytes).toBe(bytes);
    expect(final).toEqual({ path, active: false, bytes, records: counters?.rxChunks });
    expect((await stat(path)).size).toBe(sent.bytes);
    expect(await sha256File(path)).toBe(sent.sha256);
    const rows = await expectIndexCoversFile(path, bytes);
    expect(rows.length).toBe(counters?.rxChunks);
    expect(new Set(rows.map((r) => r.direction))).toEqual(new Set(['rx']));

    batcher.flush();
    expect(shown.dropped).toBeGreaterThan(0);
    expect(shown.data).toBeLessThan(bytes);
    const statuses = captures(recorder, id);
    expect(statuses[0]).toEqual({ path, active: true, bytes: 0, records: 0 });
    expect(statuses.at(-1)).toEqual(final);
    expect((await manager.list({}))[0]?.capture).toEqual(final);

    await manager.dispose();
    batcher.dispose();
    await board.waitForNoConnections();
    expect(await resourcesAddedSince(before)).toEqual({});
  }, 180_000);

  it('records both directions in wire order, each indexed with its peer', async () => {
    const board = later(await startW55rp20Board());
    const { recorder, manager } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await recorder.waitFor(connected(id), 'connected');
    const path = join(dir, 'both.bin');
    await manager.startCapture({ id, path });
    await manager.send({ id, payload: text('hello') });
    await recorder.waitFor(
      rxTotal(id, (rx) => rx === 18),
      'the reply',
    );
    const final = await manager.stopCapture({ id });
    expect(final).toEqual({ path, active: false, bytes: 23, records: 2 });
    expect((await readFile(path)).toString('latin1')).toBe('helloTCP Server : hello');
    const rows = await expectIndexCoversFile(path, 23);
    const remote = `${board.host}:${board.port}`;
    expect(rows.map((r) => [r.direction, r.length, r.peer])).toEqual([
      ['tx', 5, remote],
      ['rx', 18, remote],
    ]);
    // Stopping again gives the same final status; traffic after the stop is not recorded.
    await manager.send({ id, payload: text('more') });
    await recorder.waitFor(
      rxTotal(id, (rx) => rx === 35),
      'the second reply',
    );
    expect(await manager.stopCapture({ id })).toEqual(final);
    expect((await stat(path)).size).toBe(23);
  });

  it('completes the file when the session is closed mid-flood: every byte counted is in it', async () => {
    const board = later(await startHashedFloodBoard({ bytes: 512 * MiB, autoStart: false }));
    const before = await trackedResources();
    const { recorder, manager } = setup({}, () => {});
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await recorder.waitFor(connected(id), 'connected');
    const path = join(dir, 'cut.bin');
    await manager.startCapture({ id, path });
    board.start();
    await recorder.waitFor(
      rxTotal(id, (rx) => rx >= 4 * MiB),
      'the flood under way',
    );
    await manager.close({ id });

    const final = captures(recorder, id).at(-1);
    const counted = lastCounters(recorder, id)?.rxBytes ?? 0;
    expect(final).toMatchObject({ path, active: false, bytes: counted });
    expect(final?.error).toBeUndefined();
    await expectIndexCoversFile(path, counted);
    const expected = createHash('sha256');
    for (let k = 0; k * 65536 < counted; k++)
      expected.update(hashedFloodBlock(k, Math.min(65536, counted - k * 65536)));
    expect(await sha256File(path)).toBe(expected.digest('hex'));
    await manager.dispose();
    await board.waitForNoConnections();
    expect(await resourcesAddedSince(before)).toEqual({});
  }, 60_000);
});

function floodInto(port: number, blocks: number): Promise<void> {
  const socket: Socket = connect({ host: '127.0.0.1', port });
  socket.on('error', () => {});
  return new Promise((resolve) => {
    let k = 0;
    const pump = () => {
      while (k < blocks) {
        if (!socket.write(hashedFloodBlock(k++))) return void socket.once('drain', pump);
      }
      socket.end(() => resolve());
    };
    socket.once('connect', pump);
  });
}

describe('capture of a TCP server session', () => {
  it('holds every board back while the disk catches up, and loses nothing', async () => {
    // A small queue: without pausing the boards, the capture would fail within a megabyte.
    const { recorder, manager } = setup(
      { captureHighWaterBytes: 64 * 1024, captureMaxQueuedBytes: MiB },
      () => {},
    );
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    const port = Number(server.local?.split(':')[1]);
    const path = join(dir, 'server.bin');
    await manager.startCapture({ id: server.id, path });
    const greeter = later(await startEsp8266Client({ host: '127.0.0.1', port }));
    await floodInto(port, 512);
    const total = 32 * MiB + 'HelloThis is my IP.'.length;
    await recorder.waitFor(
      rxTotal(server.id, (rx) => rx === total),
      'every byte counted',
    );
    const final = await manager.stopCapture({ id: server.id });
    expect(final).toMatchObject({ active: false, bytes: total });
    expect(final.error).toBeUndefined();
    const rows = await expectIndexCoversFile(path, total);
    expect(new Set(rows.map((r) => r.peer)).has(greeter.peer)).toBe(true);
    // The flooding board's bytes, picked out of the file by the index, are exactly what it sent.
    const file = await readFile(path);
    const flood = createHash('sha256');
    for (const row of rows) {
      if (row.peer !== greeter.peer) flood.update(file.subarray(row.offset, row.offset + row.length));
    }
    const sent = createHash('sha256');
    for (let k = 0; k < 512; k++) sent.update(hashedFloodBlock(k));
    expect(flood.digest('hex')).toBe(sent.digest('hex'));
  }, 60_000);
});

describe('capture of a UDP session', () => {
  it('cannot hold a sender back: past its bound it stops with a sentence instead of dropping', async () => {
    const echo = later(await startUdpEchoBoard());
    const { recorder, manager } = setup({ captureMaxQueuedBytes: 64 });
    const udp = await manager.open({
      config: {
        protocol: 'udp',
        localAddress: '127.0.0.1',
        localPort: 0,
        remoteHost: echo.host,
        remotePort: echo.port,
      },
    });
    const path = join(dir, 'udp.bin');
    await manager.startCapture({ id: udp.id, path });
    await manager.send({ id: udp.id, payload: { hex: '00'.repeat(100) } });
    const failed = await recorder.waitFor(
      (e): e is CaptureEvent => e.type === 'capture' && e.capture.error !== undefined,
      'the capture failing',
    );
    expect(failed.capture).toMatchObject({ path, active: false, bytes: 0, records: 0 });
    expect(failed.capture.error?.code).toBe('CAPTURE_BEHIND');
    expect(failed.capture.error?.message).toMatch(/behind the traffic/);
    // The session itself goes on, and the final status keeps the reason.
    await recorder.waitFor(
      rxTotal(udp.id, (rx) => rx === 100),
      'the echo counted',
    );
    expect(await manager.stopCapture({ id: udp.id })).toEqual(failed.capture);
    // A new capture may start after a failed one.
    expect(await manager.startCapture({ id: udp.id, path: join(dir, 'udp2.bin') })).toMatchObject({
      active: true,
    });
  });
});

describe('capture paths and refusals', () => {
  it('says what is wrong with the path, in a sentence, and never overwrites a file', async () => {
    const board = later(await startW55rp20Board());
    const { manager } = setup();
    const { id } = await manager.open({
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });

    await expect(manager.startCapture({ id, path: 'capture.bin' })).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: expect.stringMatching(/Give a full path, e\.g\. /),
    });
    await expect(manager.startCapture({ id, path: dir })).rejects.toMatchObject({
      code: 'EISDIR',
      message: expect.stringMatching(/is a folder/),
    });
    const existing = join(dir, 'notes.txt');
    await writeFile(existing, 'keep me');
    await expect(manager.startCapture({ id, path: existing })).rejects.toMatchObject({
      code: 'EEXIST',
      message: expect.stringMatching(/already exists.*never overwrites/),
    });
    expect(await readFile(existing, 'utf8')).toBe('keep me');
    const orphan = join(dir, 'old.bin');
    await writeFile(orphan + INDEX_SUFFIX, INDEX_HEADER);
    await expect(manager.startCapture({ id, path: orphan })).rejects.toMatchObject({
      code: 'EEXIST',
      message: expect.stringMatching(/index file of an earlier capture/),
    });
    await expect(manager.startCapture({ id, path: join(dir, 'missing', 'c.bin') })).rejects.toMatchObject({
      code: 'ENOENT',
      message: expect.stringMatching(/folder does not exist/),
    });
    expect((await manager.list({}))[0]?.capture).toBeUndefined();
  });

  it('refuses a second capture while one runs, and a stop without a capture', async () => {
    const { manager } = setup();
    const udp = await manager.open({ config: { protocol: 'udp', localAddress: '127.0.0.1', localPort: 0 } });
    await expect(manager.stopCapture({ id: udp.id })).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: 'This session has no capture to stop.',
    });
    const path = join(dir, 'one.bin');
    await manager.startCapture({ id: udp.id, path });
    await expect(manager.startCapture({ id: udp.id, path: join(dir, 'two.bin') })).rejects.toMatchObject({
      code: 'E_BAD_ARGUMENT',
      message: expect.stringContaining(path),
    });
    expect((await manager.list({}))[0]?.capture).toMatchObject({ path, active: true });
    await expect(manager.startCapture({ id: 'gone', path: join(dir, 'x.bin') })).rejects.toMatchObject({
      code: 'E_UNKNOWN_SESSION',
    });
  });
});
