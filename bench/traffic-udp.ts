// Plain Node UDP for the bench: a sender that fires datagrams as fast as one Node socket can, and
// the raw receiving socket the app's UDP session is compared with. Loopback only.
import { createSocket, type Socket } from 'node:dgram';
import { once } from 'node:events';
import { wallMs } from './stats';
import { LOOPBACK } from './traffic-tcp';

export interface UdpSent {
  sent: number;
  errors: number;
  startAt: number;
  endAt: number;
}

/** Datagram `i`: its number, zero-padded to `size` bytes. */
const datagram = (i: number, size: number): Buffer => Buffer.from(String(i).padStart(size, '0'), 'latin1');

/**
 * Sends `count` datagrams to 127.0.0.1:`port`, as fast as it can or `perSecond`; resolves when the
 * kernel took every one.
 */
export async function sendDatagrams(
  port: number,
  count: number,
  size: number,
  perSecond?: number,
): Promise<UdpSent> {
  const socket = createSocket('udp4');
  socket.on('error', () => {});
  socket.bind(0, LOOPBACK);
  await once(socket, 'listening');
  const startAt = wallMs();
  let done = 0;
  let errors = 0;
  await new Promise<void>((resolve) => {
    const onSent = (err: Error | null) => {
      if (err) errors++;
      if (++done === count) resolve();
    };
    // In bursts, so send callbacks run as it goes instead of piling up behind one long loop; paced
    // ones are due by the clock, so a late timer sends what it owes.
    let i = 0;
    const burst = () => {
      const due = perSecond ? Math.floor(((wallMs() - startAt) * perSecond) / 1000) + 1 : i + 512;
      const end = Math.min(count, due);
      for (; i < end; i++) socket.send(datagram(i, size), port, LOOPBACK, onSent);
      if (i < count) {
        if (perSecond) setTimeout(burst, 10);
        else setImmediate(burst);
      }
    };
    burst();
  });
  const endAt = wallMs();
  await new Promise<void>((done) => socket.close(() => done()));
  return { sent: count - errors, errors, startAt, endAt };
}

export interface UdpReceived {
  received: number;
  firstAt: number;
  lastAt: number;
}

/** The raw reference: counts datagrams and when the first and last arrived. */
export class RawUdpReceiver {
  private received = 0;
  private firstAt = 0;
  private lastAt = 0;

  private constructor(
    private readonly socket: Socket,
    readonly port: number,
    readonly bufferBytes: number,
  ) {
    socket.on('message', () => {
      const now = wallMs();
      if (this.received === 0) this.firstAt = now;
      this.lastAt = now;
      this.received++;
    });
  }

  static async start(receiveBufferSize: number): Promise<RawUdpReceiver> {
    const socket = createSocket('udp4');
    socket.on('error', () => {});
    socket.bind(0, LOOPBACK);
    await once(socket, 'listening');
    socket.setRecvBufferSize(receiveBufferSize);
    return new RawUdpReceiver(socket, socket.address().port, socket.getRecvBufferSize());
  }

  reset(): void {
    this.received = 0;
    this.firstAt = 0;
    this.lastAt = 0;
  }

  result(): UdpReceived {
    return { received: this.received, firstAt: this.firstAt, lastAt: this.lastAt };
  }

  close(): Promise<void> {
    return new Promise((done) => this.socket.close(() => done()));
  }
}
