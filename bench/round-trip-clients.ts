// Figure 5's measurement, run in a load process: sequential round trips to a raw echo server, from a
// raw Node client (timed with hrtime) and from the engine's TCP client session as its verification
// engine measures them (an Expect rule on the session), taking turns trip by trip so drift hits both.
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

/**
 * Trips that take turns, the raw client first every other time: this machine's tail (a core that
 * wakes late, the other programs) comes in bursts, and a burst then hits both sides alike.
 */
async function takeTurns(raw: Tripper, app: Tripper, n: number, out?: RoundTripSamples): Promise<void> {
  for (let i = 0; i < n; i++) {
    const rawFirst = i % 2 === 0;
    const first = await (rawFirst ? raw : app)(i);
    const second = await (rawFirst ? app : raw)(i);
    out?.raw.push(rawFirst ? first : second);
    out?.app.push(rawFirst ? second : first);
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
    await takeTurns(raw.trip, app.trip, warmup);
    await takeTurns(raw.trip, app.trip, count, samples);
  } finally {
    raw.close();
    await app.close();
  }
  return samples;
}
