// Boards that come and go: a TCP server session, through the session manager, takes waves of
// loopback clients that connect, send one line and leave, for a minute; nothing may stay behind.
import { connect } from 'node:net';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/contract/events';
import { createSessionManager } from './session-manager';
import { resourcesAddedSince, trackedResources } from './test-recorder';

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/** The issue asks for 60 s; SOCKETBENCH_CHURN_SECONDS shortens it for a quick local run. */
const SECONDS = Number(process.env.SOCKETBENCH_CHURN_SECONDS ?? 60);
/** Clients per wave, and waves running side by side: up to LANES * WAVE clients at once. */
const WAVE = 100;
const LANES = 10;
/** Room for the `seen` bitmap, allocated before the baseline so it is not counted as growth. */
const MAX_CLIENTS = 4_000_000;
const MiB = 1024 * 1024;
/**
 * Slack for the heap after a full collection. V8's caches wobble by under 1 MB (0.1-0.3 MB
 * measured); a minute brings some 90,000 clients, so even 100 bytes kept per departed client fails.
 */
const HEAP_SLACK = 8 * MiB;
/** The allocator returns freed pages lazily, so RSS gets a wider margin than the heap. */
const RSS_SLACK = 96 * MiB;

/** A full collection, with or without --expose-gc: the flag can be set at run time for a new context. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

async function settledMemory() {
  collectGarbage();
  await new Promise((resolve) => setImmediate(resolve));
  collectGarbage();
  const { heapUsed, rss } = process.memoryUsage();
  return { heapUsed, rss };
}

interface Tally {
  connected: number;
  disconnected: number;
  lines: number;
  duplicates: number;
  malformed: string[];
  rxBytes: number;
}

/**
 * The window's side: rx data gathered per peer until that client leaves, then each line checked
 * against `seen`; nothing else is kept, so the test's own memory stays flat.
 */
function lineChecker(seen: Uint8Array) {
  const tally: Tally = { connected: 0, disconnected: 0, lines: 0, duplicates: 0, malformed: [], rxBytes: 0 };
  const partial = new Map<string, string>();
  let idle: (() => void) | undefined;
  const sink = (event: EngineEvent) => {
    if (event.type === 'client-connected') tally.connected += 1;
    else if (event.type === 'data' && event.dir === 'rx') {
      partial.set(event.peer, (partial.get(event.peer) ?? '') + Buffer.from(event.bytes).toString('latin1'));
    } else if (event.type === 'counters') tally.rxBytes = event.counters.rxBytes;
    else if (event.type === 'client-disconnected') {
      tally.disconnected += 1;
      const text = partial.get(event.peer) ?? '';
      partial.delete(event.peer);
      for (const line of text.split('\n').slice(0, -1)) {
        const digits = /^client (\d+)$/.exec(line)?.[1];
        const n = digits === undefined ? -1 : Number(digits);
        if (n < 0 || n >= seen.length) tally.malformed.push(line);
        else if (seen[n]) tally.duplicates += 1;
        else {
          seen[n] = 1;
          tally.lines += 1;
        }
      }
      if (!text.endsWith('\n') && text !== '') tally.malformed.push(text);
      if (tally.connected === tally.disconnected) idle?.();
    }
  };
  return {
    sink,
    tally,
    partialPeers: () => partial.size,
    /** Resolves once every client the server admitted has left it. */
    allLeft: () =>
      new Promise<void>((resolve) => {
        idle = resolve;
        if (tally.connected === tally.disconnected) resolve();
      }),
  };
}

/** One client: connects, sends "client N\n", ends; resolves with the bytes sent once it is closed. */
function oneClient(port: number, n: number): Promise<{ bytes: number; error?: string }> {
  return new Promise((resolve) => {
    const line = `client ${n}\n`;
    let error: string | undefined;
    const socket = connect({ host: '127.0.0.1', port });
    socket.once('connect', () => socket.end(line));
    socket.on('error', (err: NodeJS.ErrnoException) => {
      error ??= err.code ?? err.message;
    });
    socket.once('close', () => resolve(error ? { bytes: 0, error } : { bytes: line.length }));
  });
}

describe('clients connecting and leaving', () => {
  it(`${(LANES * WAVE).toLocaleString('en-US')} clients at a time connect, send a line and leave, for ${SECONDS} s: every line counted, none left, handles and memory back to baseline`, {
    timeout: SECONDS * 1000 + 120_000,
  }, async () => {
    const seen = new Uint8Array(MAX_CLIENTS);
    const checker = lineChecker(seen);
    const manager = createSessionManager({ sink: checker.sink, closeGraceMs: 200 });
    cleanups.push(() => manager.dispose());
    const server = await manager.open({
      config: { protocol: 'tcp-server', localAddress: '127.0.0.1', port: 0 },
    });
    expect(server.state).toBe('listening');
    const port = Number(server.local?.split(':').at(-1));

    let next = 0;
    let sentBytes = 0;
    const failures: string[] = [];
    const wave = async () => {
      const results = await Promise.all(Array.from({ length: WAVE }, () => oneClient(port, next++)));
      for (const r of results) {
        sentBytes += r.bytes;
        if (r.error) failures.push(r.error);
      }
    };

    // One wave first, so lazily built things (JIT code, buffer pools) are in the baseline.
    await wave();
    await checker.allLeft();
    const handlesBefore = await trackedResources();
    const memoryBefore = await settledMemory();

    const deadline = Date.now() + SECONDS * 1000;
    const lane = async () => {
      while (Date.now() < deadline && next + WAVE <= MAX_CLIENTS) await wave();
    };
    await Promise.all(Array.from({ length: LANES }, lane));
    await checker.allLeft();

    const [snapshot] = await manager.list({});
    expect(failures.slice(0, 5)).toEqual([]);
    expect(next).toBeGreaterThanOrEqual(1_000);
    expect(snapshot).toMatchObject({ id: server.id, state: 'listening', clients: [] });
    expect(checker.tally).toMatchObject({
      connected: next,
      disconnected: next,
      lines: next,
      duplicates: 0,
      malformed: [],
      rxBytes: sentBytes,
    });
    expect(snapshot?.counters).toMatchObject({ rxBytes: sentBytes, txBytes: 0 });
    expect(seen.subarray(0, next).every((flag) => flag === 1)).toBe(true);
    expect(checker.partialPeers()).toBe(0);

    expect(await resourcesAddedSince(handlesBefore)).toEqual({});
    const memoryAfter = await settledMemory();
    const growth = {
      heapUsed: memoryAfter.heapUsed - memoryBefore.heapUsed,
      rss: memoryAfter.rss - memoryBefore.rss,
    };
    console.info(
      `churn: ${next} clients in ${SECONDS} s; heapUsed ${(growth.heapUsed / MiB).toFixed(1)} MiB, rss ${(growth.rss / MiB).toFixed(1)} MiB after a full collection`,
    );
    expect(growth.heapUsed).toBeLessThan(HEAP_SLACK);
    expect(growth.rss).toBeLessThan(RSS_SLACK);

    await manager.close({ id: server.id });
    expect(await manager.list({})).toEqual([]);
  });
});
