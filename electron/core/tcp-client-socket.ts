// One connection attempt of a TCP client session: the socket's options, its handlers and the
// connect deadline. Plain Node (node:net).
import type { Socket } from 'node:net';
import type { SendResult } from '../../shared/contract/api';
import { ApiError } from '../../shared/contract/errors';
import { describeError, type ErrorContext } from './error-messages';
import { lookup } from './resolve';

export interface ConnectTarget {
  host: string;
  port: number;
  localAddress?: string;
  localPort?: number;
  connectTimeoutMs: number;
  noDelay: boolean;
  keepAliveMs?: number;
  /** Start with reading paused (a capture is holding the session back). */
  paused: boolean;
}

export interface ConnectHandlers {
  onConnect(): void;
  onData(chunk: Buffer): void;
  /** Also called for the deadline and for a connect() that throws; a 'close' always follows. */
  onError(err: unknown): void;
  onClose(): void;
}

export const connectTimeoutError = (ms: number) =>
  Object.assign(new Error(`connect ETIMEDOUT (no answer within ${ms} ms)`), {
    code: 'ETIMEDOUT',
    syscall: 'connect',
  });

/** Starts connecting `socket`; resolves `closed` once it is fully closed, whatever happened. */
export function connectSocket(socket: Socket, target: ConnectTarget, on: ConnectHandlers): Promise<void> {
  const { host, port, localAddress, localPort, connectTimeoutMs } = target;
  // Stored now, applied by net as soon as the connection exists. Nagle off by default: a bench
  // tool sends small commands and wants each on the wire at once, not coalesced with the next.
  socket.setNoDelay(target.noDelay);
  if (target.keepAliveMs !== undefined) socket.setKeepAlive(true, target.keepAliveMs);
  // net's own timeout is an idle timeout, not a connect deadline, so the deadline is ours.
  let deadline: NodeJS.Timeout | undefined = setTimeout(() => {
    deadline = undefined;
    if (!socket.connecting) return;
    on.onError(connectTimeoutError(connectTimeoutMs));
    socket.destroy();
  }, connectTimeoutMs);
  const clearDeadline = () => {
    if (deadline) clearTimeout(deadline);
    deadline = undefined;
  };
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  socket.on('connect', () => {
    clearDeadline();
    on.onConnect();
  });
  socket.on('data', (chunk: Buffer) => on.onData(chunk));
  if (target.paused) socket.pause();
  socket.on('error', (err) => {
    clearDeadline();
    on.onError(err);
  });
  socket.on('close', () => {
    clearDeadline();
    on.onClose();
  });
  try {
    socket.connect({ host, port, localAddress, localPort, lookup });
  } catch (err) {
    // A malformed local address throws before any I/O starts.
    clearDeadline();
    on.onError(err);
    socket.destroy();
  }
  return closed;
}

/** Resolves once the socket has taken the bytes; rejects with the sentence for what stopped it. */
export function writeBytes(socket: Socket, bytes: Uint8Array, ctx: ErrorContext): Promise<SendResult> {
  return new Promise((resolve, reject) => {
    socket.write(bytes, (err) => {
      // A reset that destroys the socket mid-write calls back without an error; the socket
      // still holds it, and those bytes never went out.
      const failure = err ?? socket.errored;
      if (!failure) return resolve({ bytes: bytes.byteLength });
      const info = describeError(failure, ctx);
      reject(new ApiError(info.code, info.message, info.detail));
    });
  });
}
