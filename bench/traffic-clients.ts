// Many boards at once, as plain Node TCP clients on loopback: hold thousands of idle connections,
// or open a thousand that each send one line (and, against an echo server, wait for the echo).
import { connect, type Socket } from 'node:net';
import { wallMs } from './stats';
import { LOOPBACK } from './traffic-tcp';

export interface HoldResult {
  held: number;
  failed: number;
  startAt: number;
  /** Until every handshake completed (or failed). */
  ms: number;
  firstError?: string;
}

export interface LinesResult {
  clients: number;
  failed: number;
  bytes: number;
  startAt: number;
  /** Every line written (and, with echoes, every echo back) by then. */
  doneAt: number;
  firstError?: string;
}

/** "board-00042\n": one distinct line per client. */
export const boardLine = (i: number): string => `board-${String(i).padStart(5, '0')}\n`;

export class ClientPool {
  private readonly sockets = new Set<Socket>();

  get size(): number {
    return this.sockets.size;
  }

  private open(port: number, onConnect: (s: Socket) => void, onFail: (e: Error) => void): Socket {
    const socket = connect({ host: LOOPBACK, port });
    let connected = false;
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.on('error', (err) => {
      if (!connected) onFail(err);
    });
    socket.once('connect', () => {
      connected = true;
      onConnect(socket);
    });
    return socket;
  }

  /** Opens `count` idle connections, `concurrency` handshakes at a time. */
  hold(port: number, count: number, concurrency: number): Promise<HoldResult> {
    const startAt = wallMs();
    let started = 0;
    let settled = 0;
    let held = 0;
    let failed = 0;
    let firstError: string | undefined;
    return new Promise((resolve) => {
      const next = () => {
        if (settled === count) {
          resolve({ held, failed, startAt, ms: wallMs() - startAt, ...(firstError ? { firstError } : {}) });
          return;
        }
        while (started < count && started - settled < concurrency) {
          started++;
          this.open(
            port,
            () => {
              held++;
              settled++;
              next();
            },
            (err) => {
              failed++;
              settled++;
              firstError ??= err.message;
              next();
            },
          );
        }
      };
      next();
    });
  }

  /**
   * Opens `count` connections at once; each writes its line on connect. With `echo`, done when every
   * client got its line back; without, when every line was handed to the kernel.
   */
  lines(port: number, count: number, echo: boolean): Promise<LinesResult> {
    const startAt = wallMs();
    let settled = 0;
    let failed = 0;
    let bytes = 0;
    let firstError: string | undefined;
    return new Promise((resolve) => {
      const settle = () => {
        settled++;
        if (settled < count) return;
        resolve({
          clients: count,
          failed,
          bytes,
          startAt,
          doneAt: wallMs(),
          ...(firstError ? { firstError } : {}),
        });
      };
      const fail = (err: Error) => {
        failed++;
        firstError ??= err.message;
        settle();
      };
      for (let i = 0; i < count; i++) {
        const line = boardLine(i);
        bytes += line.length;
        this.open(
          port,
          (socket) => {
            if (!echo) {
              socket.write(line, () => settle());
              return;
            }
            let got = 0;
            const onData = (d: Buffer) => {
              got += d.length;
              if (got < line.length) return;
              socket.off('data', onData);
              settle();
            };
            socket.on('data', onData);
            socket.write(line);
          },
          fail,
        );
      }
    });
  }

  /** Resets every connection and waits until all are closed. */
  async release(): Promise<void> {
    const closing = [...this.sockets].map(
      (s) => new Promise<void>((done) => (s.destroyed ? done() : s.once('close', () => done()))),
    );
    for (const s of this.sockets) s.destroy();
    await Promise.all(closing);
  }
}
