// Nothing lost under a 1 GiB flood: a board floods a TCP client session whose capture is on, while
// the window acknowledges slowly; the counters and the capture file both equal what the board sent.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startHashedFloodBoard } from '../../e2e/fixtures/boards';
import type { EngineEvent, EventBatch } from '../../shared/contract/events';
import type { CaptureStatus, SessionSnapshot } from '../../shared/contract/model';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import type { Dispatch, ServerEndpoint } from '../../shared/rpc/transport';
import { attachEndpoint } from './attach-endpoint';
import { createEventHub } from './event-hub';
import { createSessionManager } from './session-manager';
import { resourcesAddedSince, trackedResources } from './test-recorder';

const MiB = 1024 * 1024;
const GiB = 1024 * MiB;
/** Each acknowledgement leaves this long after its batch arrived: a window far slower than the wire. */
const ACK_DELAY_MS = 50;
/** Far above what the engine may hold (the display window, a batch, the capture queue), far below 1 GiB. */
const MAX_RSS_GROWTH = 200 * MiB;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path, { highWaterMark: 4 * MiB })) hash.update(piece as Buffer);
  return hash.digest('hex');
}

/** A window that keeps no payloads and acknowledges each batch ACK_DELAY_MS late. */
function slowWindow() {
  const shown = { bytes: 0, droppedBytes: 0 };
  const timers = new Set<NodeJS.Timeout>();
  const acks = new Set<(seq: number) => void>();
  let dispatch: Dispatch | undefined;
  const endpoint: ServerEndpoint = {
    serve: (d) => {
      dispatch = d;
    },
    sendEvents(batch: EventBatch) {
      for (const event of batch.events) {
        if (event.type === 'data' && event.dir === 'rx') shown.bytes += event.bytes.byteLength;
        else if (event.type === 'dropped' && event.dir === 'rx') shown.droppedBytes += event.bytes;
      }
      const timer = setTimeout(() => {
        timers.delete(timer);
        for (const ack of acks) ack(batch.seq);
      }, ACK_DELAY_MS);
      timers.add(timer);
    },
    onAck(listener) {
      acks.add(listener);
      return () => acks.delete(listener);
    },
    onClose: () => () => {},
  };
  /** A request the way the window makes it: through the dispatcher, which validates it first. */
  async function call<T>(method: string, arg: unknown): Promise<T> {
    if (!dispatch) throw new Error('the window is not attached');
    const result = await dispatch(method, arg);
    if (!result.ok) throw new Error(`${method}: ${result.error.code} ${result.error.message}`);
    return result.value as T;
  }
  return {
    endpoint,
    shown,
    call,
    close() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}

/** Follows the engine's own events (before any batching): latest totals, state, capture status. */
function watch(hub: ReturnType<typeof createEventHub>) {
  const seen = { rxBytes: 0, rxChunks: 0, connected: false, peakRss: process.memoryUsage.rss() };
  let wake: (() => void) | undefined;
  const off = hub.subscribe((event: EngineEvent) => {
    if (event.type === 'counters') {
      seen.rxBytes = event.counters.rxBytes;
      seen.rxChunks = event.counters.rxChunks;
      if ((seen.rxChunks & 0xff) === 0) seen.peakRss = Math.max(seen.peakRss, process.memoryUsage.rss());
    } else if (event.type === 'state' && event.state === 'connected') seen.connected = true;
    wake?.();
  });
  const until = (test: () => boolean) =>
    new Promise<void>((resolve) => {
      wake = () => {
        if (!test()) return;
        wake = undefined;
        resolve();
      };
      wake();
    });
  return { seen, until, off };
}

describe('nothing lost under a 1 GiB flood', () => {
  it('with capture on and a window that acknowledges slowly, the counters and the capture file equal what the board sent (size and SHA-256)', {
    timeout: 180_000,
  }, async () => {
    const started = Date.now();
    const dir = await mkdtemp(join(tmpdir(), 'socketbench-flood-capture-'));
    cleanups.push(() => rm(dir, { recursive: true, force: true }));
    const board = await startHashedFloodBoard({ bytes: GiB, autoStart: false });
    cleanups.push(() => board.close());
    const before = await trackedResources();
    const rssBefore = process.memoryUsage.rss();

    const hub = createEventHub();
    const manager = createSessionManager({ sink: hub.sink, closeGraceMs: 200 });
    cleanups.push(() => manager.dispose());
    const window = slowWindow();
    cleanups.push(() => window.close());
    const detach = attachEndpoint({ endpoint: window.endpoint, dispatch: createDispatcher(manager), hub });
    cleanups.push(detach);
    const { seen, until, off } = watch(hub);
    cleanups.push(off);

    const { id } = await window.call<SessionSnapshot>('open', {
      config: { protocol: 'tcp-client', host: board.host, port: board.port },
    });
    await until(() => seen.connected);
    const path = join(dir, 'flood.bin');
    expect(await window.call<CaptureStatus>('startCapture', { id, path })).toEqual({
      path,
      active: true,
      bytes: 0,
      records: 0,
    });
    // Only now does the board start, so the file must hold the flood from its first byte.
    board.start();
    const sent = await board.streamed();
    await until(() => seen.rxBytes === sent.bytes);
    const final = await window.call<CaptureStatus>('stopCapture', { id });
    const flooded = Date.now();

    expect(sent.bytes).toBe(GiB);
    expect(board.sentBytes()).toBe(GiB);
    const [snapshot] = await window.call<SessionSnapshot[]>('list', {});
    expect(snapshot?.counters).toMatchObject({ rxBytes: GiB, rxChunks: seen.rxChunks, txBytes: 0 });
    expect(final).toEqual({ path, active: false, bytes: GiB, records: seen.rxChunks });
    expect((await stat(path)).size).toBe(GiB);
    expect(await sha256File(path)).toBe(sent.sha256);
    // The slow window saw part of it; what it did not see was announced as dropped, never silently lost.
    expect(window.shown.droppedBytes).toBeGreaterThan(0);
    expect(seen.peakRss - rssBefore).toBeLessThan(MAX_RSS_GROWTH);

    await window.call('close', { id });
    detach();
    window.close();
    await board.waitForNoConnections();
    expect(await resourcesAddedSince(before)).toEqual({});
    console.info(
      `1 GiB flood with capture: streamed and captured in ${((flooded - started) / 1000).toFixed(1)} s, checked in ${((Date.now() - flooded) / 1000).toFixed(1)} s; peak RSS growth ${((seen.peakRss - rssBefore) / MiB).toFixed(0)} MiB`,
    );
  });
});
