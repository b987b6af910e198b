// Figure 5's measurement, run in a load process: sequential round trips to a raw echo server, from a
// raw Node client (timed with hrtime) and from the engine's TCP client session as its verification
// engine measures them (an Expect rule on the session), interleaved in blocks so drift hits both.
import { once } from 'node:events';
import { connect } from 'node:net';
import { createSessionManager } from '../electron/core/session-manager';
import type { EngineEvent } from '../shared/contract/events';
import type { TextPayload } from '../shared/contract/model';
import { LOOPBACK } from './traffic-tcp';

export interface RoundTripSamples {
  /** Microseconds, from handing the request over to the first byte of the reply. */
  raw: number[];
  app: number[];
}

const BLOCK = 250;

/** One request at a time: `roundTrip(i)` resolves with the microseconds to the first reply byte. */
type Tripper = (i: number) => Promise<number>;

function replyWaiter(size: number) {
  let got = 0;
  let firstAt = 0n;
  let wake: ((us: number) => void) | undefined;
  let sentAt = 0n;
  return {
    arm(at: bigint): Promise<number> {
      sentAt = at;
      got = 0;
      firstAt = 0n;
      return new Promise((resolve) => {
        wake = resolve;
      });
    },
    /** The reply may come in pieces: timed at the first, finished at the last. */
    data(n: number, at: bigint): void {
      if (got === 0) firstAt = at;
      got += n;
      if (got >= size && wake) {
        const w = wake;
        wake = undefined;
        w(Number(firstAt - sentAt) / 1000);
      }
    },
  };
}

async function rawTripper(port: number, payload: Buffer): Promise<{ trip: Tripper; close(): void }> {
  const socket = connect({ host: LOOPBACK, port, noDelay: true });
  await once(socket, 'connect');
  const waiter = replyWaiter(payload.length);
  socket.on('data', (d: Buffer) => waiter.data(d.length, process.hrtime.bigint()));
  return {
    trip() {
      const at = process.hrtime.bigint();
      const reply = waiter.arm(at);
      socket.write(payload);
      return reply;
    },
    close: () => socket.destroy(),
  };
}

/**
 * The verification engine's own measure: the session judges every send against an Expect rule
 * (`echo`) and reports each exchange's round trip to the first reply byte, on its monotonic clock.
 */
async function engineTripper(
  port: number,
  payload: TextPayload,
): Promise<{ trip: Tripper; close(): Promise<void> }> {
  let judged: ((us: number) => void) | undefined;
  let failed: ((error: Error) => void) | undefined;
  let connected: (() => void) | undefined;
  const isConnected = new Promise<void>((resolve) => {
    connected = resolve;
  });
  const sink = (e: EngineEvent) => {
    if (e.type === 'exchange') {
      const { verdict, firstByteMs, reason } = e.result;
      if (verdict === 'pass' && firstByteMs !== undefined) judged?.(firstByteMs * 1000);
      else failed?.(new Error(`an echo was judged ${verdict}${reason ? `: ${reason}` : ''}`));
    } else if (e.type === 'state' && e.state === 'connected') connected?.();
  };
  const manager = createSessionManager({ sink });
  const { id } = await manager.open({ config: { protocol: 'tcp-client', host: LOOPBACK, port } });
  await isConnected;
  await manager.setExpect({ id, expect: { rule: { kind: 'echo' }, timeoutMs: 5000 } });
  return {
    async trip() {
      const reply = new Promise<number>((resolve, reject) => {
        judged = resolve;
        failed = reject;
      });
      await manager.send({ id, payload });
      return reply;
    },
    close: () => manager.dispose(),
  };
}

async function runBlock(trip: Tripper, n: number, out: number[] | undefined): Promise<void> {
  for (let i = 0; i < n; i++) {
    const us = await trip(i);
    out?.push(us);
  }
}

/** `count` round trips each way (after `warmup` unrecorded ones each) of `size`-byte requests. */
export async function measureRoundTrips(
  port: number,
  count: number,
  warmup: number,
  size: number,
): Promise<RoundTripSamples> {
  const text = 'R'.repeat(size);
  const raw = await rawTripper(port, Buffer.from(text, 'latin1'));
  const app = await engineTripper(port, { text, encoding: 'ascii', escapes: false, lineEnding: 'none' });
  const samples: RoundTripSamples = { raw: [], app: [] };
  try {
    await runBlock(raw.trip, warmup, undefined);
    await runBlock(app.trip, warmup, undefined);
    for (let done = 0; done < count; done += BLOCK) {
      const n = Math.min(BLOCK, count - done);
      await runBlock(raw.trip, n, samples.raw);
      await runBlock(app.trip, n, samples.app);
    }
  } finally {
    raw.close();
    await app.close();
  }
  return samples;
}
