// One TCP client session: connect to a board's TCP server, send, receive, count, close. Plain Node.
// It reports every state change, chunk and counter update as EngineEvents into the injected sink.
import { Socket } from 'node:net';
import type { MacroContext } from '../../shared/codec/macros';
import type { SendResult } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type {
  FramingSpec,
  Payload,
  SendTarget,
  SessionId,
  SessionState,
  TcpClientConfig,
} from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { refusal } from './engine-said';
import { describeError, type ErrorContext, formatEndpoint } from './error-messages';
import { Reconnector } from './reconnect';
import { bareHost } from './resolve';
import {
  asBytes,
  type ByteTap,
  CountersPace,
  DEFAULT_CLOSE_GRACE_MS,
  DEFAULT_MAX_QUEUED_SEND_BYTES,
  type EngineSession,
  encodeOrThrow,
  type SessionEmit,
  type SessionStatus,
} from './session';
import { StreamFramer } from './stream-framer';
import { connectSocket, writeBytes } from './tcp-client-socket';
import { clientStateEvent, notConnectedSaid } from './tcp-client-status';

export { DEFAULT_CLOSE_GRACE_MS, DEFAULT_MAX_QUEUED_SEND_BYTES } from './session';
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

export interface TcpClientOptions {
  id: SessionId;
  config: TcpClientConfig;
  emit: SessionEmit;
  now?: () => number;
  closeGraceMs?: number;
  maxQueuedSendBytes?: number;
  /** Where the socket comes from; a test keeps a reference to check the options applied to it. */
  createSocket?: () => Socket;
}

export type TcpClientStatus = SessionStatus;

export class TcpClientSession implements EngineSession {
  readonly id: SessionId;
  readonly config: TcpClientConfig;
  private readonly emit: SessionEmit;
  private readonly now: () => number;
  private readonly closeGraceMs: number;
  private readonly maxQueuedSendBytes: number;
  private readonly errorContext: ErrorContext;
  private readonly createSocket: () => Socket;

  private socket: Socket | undefined;
  private socketClosed: Promise<void> = Promise.resolve();
  private graceTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private status: TcpClientStatus = { state: 'connecting', counters: zeroCounters() };
  private framingSpec: FramingSpec;
  /** Made at the first received chunk, when the peer's name is known. */
  private framer: StreamFramer | undefined;
  private tap: ByteTap | undefined;
  private readingPaused = false;
  private readonly reconnector: Reconnector;
  private readonly counted = new CountersPace(() =>
    this.emit({ type: 'counters', id: this.id, counters: { ...this.status.counters } }),
  );

  constructor(opts: TcpClientOptions) {
    this.id = opts.id;
    this.config = opts.config;
    this.emit = opts.emit;
    this.now = opts.now ?? Date.now;
    this.closeGraceMs = opts.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
    this.maxQueuedSendBytes = opts.maxQueuedSendBytes ?? DEFAULT_MAX_QUEUED_SEND_BYTES;
    this.createSocket = opts.createSocket ?? (() => new Socket());
    this.framingSpec = opts.config.framing ?? { kind: 'raw' };
    this.reconnector = new Reconnector(opts.config.reconnect);
    const { port, localAddress, localPort } = opts.config;
    this.errorContext = {
      host: bareHost(opts.config.host),
      port,
      localAddress: localAddress || undefined,
      localPort: localPort || undefined,
      connectTimeoutMs: opts.config.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    };
  }

  get state(): SessionState {
    return this.status.state;
  }

  /** A copy: callers may keep it while the session goes on counting. */
  getStatus(): TcpClientStatus {
    return { ...this.status, counters: { ...this.status.counters } };
  }

  start(): Promise<void> {
    this.connect();
    return Promise.resolve();
  }

  get framing(): FramingSpec {
    return this.framingSpec;
  }

  setFraming(spec: FramingSpec): void {
    this.framingSpec = spec;
    this.framer?.setSpec(spec);
  }

  resetCounters(): void {
    Object.assign(this.status.counters, zeroCounters());
    this.counted.emit();
  }

  setTap(tap: ByteTap | undefined): void {
    this.tap = tap;
  }

  setReadingPaused(paused: boolean): void {
    this.readingPaused = paused;
    const socket = this.socket;
    if (!socket || socket.destroyed) return;
    if (paused) socket.pause();
    else socket.resume();
  }

  /** Starts connecting; failures arrive as an 'error' (or 'reconnecting') state, never as a throw. */
  connect(): void {
    if (this.socket || this.closing) return;
    this.setState('connecting');
    const socket = this.createSocket();
    this.socket = socket;
    const { noDelay = true, keepAliveMs, connectTimeoutMs = DEFAULT_CONNECT_TIMEOUT_MS } = this.config;
    const target = {
      ...this.errorContext,
      connectTimeoutMs,
      noDelay,
      keepAliveMs,
      paused: this.readingPaused,
    };
    this.socketClosed = connectSocket(socket, target, {
      onConnect: () => this.onConnect(socket),
      onData: (chunk) => this.onData(socket, chunk),
      onError: (err) => this.fail(err),
      onClose: () => this.onClose(socket),
    });
  }

  /**
   * Encodes and writes one payload; resolves once the socket has taken the bytes. A client has one
   * peer, so the only target it accepts besides none is "all".
   */
  async send(payload: Payload, to?: SendTarget, macros?: MacroContext): Promise<SendResult> {
    if (to && to.kind !== 'all') {
      throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.client.otherTarget', {
        target: formatEndpoint(this.errorContext.host, this.errorContext.port),
        kind: to.kind,
      });
    }
    return this.sendBytes(encodeOrThrow(payload, macros));
  }

  sendBytes(bytes: Uint8Array): Promise<SendResult> {
    const socket = this.socket;
    if (this.status.state !== 'connected' || !socket || !socket.writable) {
      const target = formatEndpoint(this.errorContext.host, this.errorContext.port);
      const why = notConnectedSaid(this.status, target, this.reconnector.nextAttemptAt);
      return Promise.reject(new ApiError(CONTRACT_ERROR_CODES.notConnected, why.message, why.detail));
    }
    if (bytes.byteLength === 0) return Promise.resolve({ bytes: 0 });
    // A single payload may exceed the limit when nothing waits; that keeps memory bounded by
    // limit + one payload without making large sends impossible.
    if (socket.writableLength > 0 && socket.writableLength + bytes.byteLength > this.maxQueuedSendBytes) {
      const info = describeError({ code: 'ENOBUFS' }, this.errorContext);
      return Promise.reject(new ApiError(info.code, info.message, info.detail));
    }
    const handedOverAt = performance.now();
    const written = writeBytes(socket, bytes, this.errorContext);
    // Counted and logged at hand-over, before the write completes, so the log shows the request
    // ahead of the reply it provokes even when a large write drains after the first echo arrives.
    // Nothing is read while this runs, so no reply can come before it.
    const counters = this.status.counters;
    counters.txBytes += bytes.byteLength;
    counters.txChunks += 1;
    const at = this.now();
    const peer = this.status.remote ?? '';
    this.tap?.write('tx', at, peer, bytes);
    this.emit({ type: 'data', id: this.id, dir: 'tx', at, peer, bytes }, handedOverAt);
    this.counted.emit();
    return written;
  }

  /** Ends politely, then destroys after a short grace; resolves when the socket is fully closed. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.reconnector.cancel();
    const socket = this.socket;
    if (!socket) {
      if (this.status.state === 'connecting' || this.status.state === 'reconnecting')
        this.setState('disconnected');
      this.closing = Promise.resolve();
      return this.closing;
    }
    if (!socket.destroyed) {
      if (this.status.state === 'connected') {
        socket.end();
        this.graceTimer = setTimeout(() => {
          this.graceTimer = undefined;
          socket.destroy();
        }, this.closeGraceMs);
      } else {
        socket.destroy();
      }
    }
    this.closing = this.socketClosed.then(() => this.clearGraceTimer());
    return this.closing;
  }

  private onConnect(socket: Socket): void {
    if (this.status.state !== 'connecting') return;
    this.status.local = formatEndpoint(socket.localAddress ?? '', socket.localPort);
    this.status.remote = formatEndpoint(socket.remoteAddress ?? this.errorContext.host, socket.remotePort);
    this.reconnector.connected();
    this.status.error = undefined;
    this.setState('connected');
  }

  private onData(socket: Socket, chunk: Buffer): void {
    const readAt = performance.now();
    const counters = this.status.counters;
    counters.rxBytes += chunk.byteLength;
    counters.rxChunks += 1;
    const peer = this.status.remote ?? formatEndpoint(socket.remoteAddress ?? '', socket.remotePort);
    const bytes = asBytes(chunk);
    // The capture sees the chunk before anything else, so it can pause the socket right here.
    this.tap?.write('rx', this.now(), peer, bytes);
    this.framer ??= new StreamFramer({
      id: this.id,
      peer,
      emit: this.emit,
      now: this.now,
      spec: this.framingSpec,
    });
    this.framer.push(bytes, readAt);
    this.counted.mark();
  }

  private onClose(socket: Socket): void {
    if (socket !== this.socket) return;
    this.clearGraceTimer();
    // What the framing still held is the end of the stream: shown before the state changes. Each
    // connection gets its own framer, as the next one starts a new stream.
    this.framer?.end();
    this.framer = undefined;
    this.counted.flush();
    if (!this.closing && this.reconnector.enabled) {
      // Gone before the wait: close() meanwhile must find no socket, and connect() may make one.
      this.socket = undefined;
      const at = this.now();
      const next = this.reconnector.afterClose(at, () => this.connect());
      this.status.error = next.error;
      this.setState(next.state, next.attempt, at);
      return;
    }
    // A FIN from the board (or our own Disconnect) is a normal end; errors were reported already.
    if (this.status.state === 'connecting' || this.status.state === 'connected')
      this.setState('disconnected');
  }

  private fail(err: unknown): void {
    if (this.status.state === 'error' || this.status.state === 'disconnected') return;
    const info = describeError(err, this.errorContext);
    // With reconnect on, the close that follows decides: another attempt, or giving up.
    if (this.reconnector.enabled && !this.closing) this.reconnector.noteFailure(info);
    else {
      this.status.error = info;
      this.setState('error');
    }
  }

  private setState(state: SessionState, attempt?: number, at = this.now()): void {
    // The totals so far go out first: a receiver sees them before the session stops.
    this.counted.flush();
    this.status.state = state;
    const next = { attempt, at: this.reconnector.nextAttemptAt };
    this.emit(clientStateEvent(this.id, at, this.status, next));
  }

  private clearGraceTimer(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }
}
