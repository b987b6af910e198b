// One TCP client session: connect to a board's TCP server, send, receive, count, close. Plain Node.
// It reports every state change, chunk and counter update as EngineEvents into the injected sink.
import { Socket } from 'node:net';
import type { MacroContext } from '../../shared/codec/macros';
import type { SendResult } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type {
  FramingSpec,
  Payload,
  SendTarget,
  SessionId,
  SessionState,
  TcpClientConfig,
} from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { describeError, type ErrorContext, formatEndpoint } from './error-messages';
import { bareHost, lookup } from './resolve';
import {
  asBytes,
  type ByteTap,
  DEFAULT_CLOSE_GRACE_MS,
  DEFAULT_MAX_QUEUED_SEND_BYTES,
  type EngineSession,
  encodeOrThrow,
  type SessionStatus,
} from './session';
import { StreamFramer } from './stream-framer';

export { DEFAULT_CLOSE_GRACE_MS, DEFAULT_MAX_QUEUED_SEND_BYTES } from './session';
export const DEFAULT_CONNECT_TIMEOUT_MS = 5000;

export interface TcpClientOptions {
  id: SessionId;
  config: TcpClientConfig;
  emit: EventSink;
  now?: () => number;
  closeGraceMs?: number;
  maxQueuedSendBytes?: number;
  /** Where the socket comes from; a test keeps a reference to check the options applied to it. */
  createSocket?: () => Socket;
}

export type TcpClientStatus = SessionStatus;

const connectTimeoutError = (ms: number) =>
  Object.assign(new Error(`connect ETIMEDOUT (no answer within ${ms} ms)`), {
    code: 'ETIMEDOUT',
    syscall: 'connect',
  });

export class TcpClientSession implements EngineSession {
  readonly id: SessionId;
  readonly config: TcpClientConfig;
  private readonly emit: EventSink;
  private readonly now: () => number;
  private readonly closeGraceMs: number;
  private readonly maxQueuedSendBytes: number;
  private readonly errorContext: ErrorContext;
  private readonly createSocket: () => Socket;

  private socket: Socket | undefined;
  private socketClosed: Promise<void> = Promise.resolve();
  private connectTimer: NodeJS.Timeout | undefined;
  private graceTimer: NodeJS.Timeout | undefined;
  private closing: Promise<void> | undefined;
  private status: TcpClientStatus = { state: 'connecting', counters: zeroCounters() };
  private framingSpec: FramingSpec;
  /** Made at the first received chunk, when the peer's name is known. */
  private framer: StreamFramer | undefined;
  private tap: ByteTap | undefined;
  private readingPaused = false;

  constructor(opts: TcpClientOptions) {
    this.id = opts.id;
    this.config = opts.config;
    this.emit = opts.emit;
    this.now = opts.now ?? Date.now;
    this.closeGraceMs = opts.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
    this.maxQueuedSendBytes = opts.maxQueuedSendBytes ?? DEFAULT_MAX_QUEUED_SEND_BYTES;
    this.createSocket = opts.createSocket ?? (() => new Socket());
    this.framingSpec = opts.config.framing ?? { kind: 'raw' };
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
    this.emitCounters();
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

  /** Starts connecting; failures arrive as an 'error' state, never as a throw. */
  connect(): void {
    if (this.socket || this.closing) return;
    const { host, port, localAddress, localPort } = this.errorContext;
    const connectTimeoutMs = this.errorContext.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.setState('connecting');
    const socket = this.createSocket();
    this.socket = socket;
    // Stored now, applied by net as soon as the connection exists. Nagle off by default: a bench
    // tool sends small commands and wants each on the wire at once, not coalesced with the next.
    socket.setNoDelay(this.config.noDelay ?? true);
    if (this.config.keepAliveMs !== undefined) socket.setKeepAlive(true, this.config.keepAliveMs);
    this.socketClosed = new Promise((resolve) => socket.once('close', () => resolve()));
    socket.on('connect', () => this.onConnect(socket));
    socket.on('data', (chunk: Buffer) => this.onData(socket, chunk));
    if (this.readingPaused) socket.pause();
    socket.on('error', (err) => this.fail(err));
    socket.on('close', () => this.onClose());
    // net's own timeout is an idle timeout, not a connect deadline, so the deadline is ours.
    this.connectTimer = setTimeout(() => {
      this.connectTimer = undefined;
      if (this.status.state !== 'connecting') return;
      this.fail(connectTimeoutError(connectTimeoutMs));
      socket.destroy();
    }, connectTimeoutMs);
    try {
      socket.connect({ host, port, localAddress, localPort, lookup });
    } catch (err) {
      // A malformed local address throws before any I/O starts.
      this.fail(err);
      socket.destroy();
    }
  }

  /**
   * Encodes and writes one payload; resolves once the socket has taken the bytes. A client has one
   * peer, so the only target it accepts besides none is "all".
   */
  async send(payload: Payload, to?: SendTarget, macros?: MacroContext): Promise<SendResult> {
    if (to && to.kind !== 'all') {
      throw new ApiError(
        CONTRACT_ERROR_CODES.badArgument,
        `A TCP client session sends to the board it is connected to (${formatEndpoint(this.errorContext.host, this.errorContext.port)}); it has no "${to.kind}" target.`,
      );
    }
    return this.sendBytes(encodeOrThrow(payload, macros));
  }

  sendBytes(bytes: Uint8Array): Promise<SendResult> {
    const socket = this.socket;
    if (this.status.state !== 'connected' || !socket || !socket.writable) {
      return Promise.reject(new ApiError(CONTRACT_ERROR_CODES.notConnected, this.notConnectedSentence()));
    }
    if (bytes.byteLength === 0) return Promise.resolve({ bytes: 0 });
    // A single payload may exceed the limit when nothing waits; that keeps memory bounded by
    // limit + one payload without making large sends impossible.
    if (socket.writableLength > 0 && socket.writableLength + bytes.byteLength > this.maxQueuedSendBytes) {
      const info = describeError({ code: 'ENOBUFS' }, this.errorContext);
      return Promise.reject(new ApiError(info.code, info.message));
    }
    // Counted and logged at hand-over, before the write completes, so the log shows the request
    // ahead of the reply it provokes even when a large write drains after the first echo arrives.
    const counters = this.status.counters;
    counters.txBytes += bytes.byteLength;
    counters.txChunks += 1;
    const at = this.now();
    const peer = this.status.remote ?? '';
    this.tap?.write('tx', at, peer, bytes);
    this.emit({ type: 'data', id: this.id, dir: 'tx', at, peer, bytes });
    this.emitCounters();
    return new Promise((resolve, reject) => {
      socket.write(bytes, (err) => {
        // A reset that destroys the socket mid-write calls back without an error; the socket
        // still holds it, and those bytes never went out.
        const failure = err ?? socket.errored;
        if (!failure) return resolve({ bytes: bytes.byteLength });
        const info = describeError(failure, this.errorContext);
        reject(new ApiError(info.code, info.message));
      });
    });
  }

  /** Ends politely, then destroys after a short grace; resolves when the socket is fully closed. */
  close(): Promise<void> {
    if (this.closing) return this.closing;
    this.clearConnectTimer();
    const socket = this.socket;
    if (!socket) {
      if (this.status.state === 'connecting') this.setState('disconnected');
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
    this.clearConnectTimer();
    if (this.status.state !== 'connecting') return;
    this.status.local = formatEndpoint(socket.localAddress ?? '', socket.localPort);
    this.status.remote = formatEndpoint(socket.remoteAddress ?? this.errorContext.host, socket.remotePort);
    this.setState('connected');
  }

  private onData(socket: Socket, chunk: Buffer): void {
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
    this.framer.push(bytes);
    this.emitCounters();
  }

  private onClose(): void {
    this.clearConnectTimer();
    this.clearGraceTimer();
    // What the framing still held is the end of the stream: shown before the state changes.
    this.framer?.end();
    // A FIN from the board (or our own Disconnect) is a normal end; errors were reported already.
    if (this.status.state === 'connecting' || this.status.state === 'connected')
      this.setState('disconnected');
  }

  private fail(err: unknown): void {
    this.clearConnectTimer();
    if (this.status.state === 'error' || this.status.state === 'disconnected') return;
    this.status.error = describeError(err, this.errorContext);
    this.setState('error');
  }

  private notConnectedSentence(): string {
    const target = formatEndpoint(this.errorContext.host, this.errorContext.port);
    switch (this.status.state) {
      case 'connecting':
        return `Still connecting to ${target}. Wait until it shows Connected, then send again.`;
      case 'error':
        return `Not connected to ${target}: the connection failed (${this.status.error?.code ?? 'error'}). Connect again, then send.`;
      default:
        return `Not connected to ${target}: the connection is closed. Connect again, then send.`;
    }
  }

  private setState(state: SessionState): void {
    this.status.state = state;
    const { error, local, remote } = this.status;
    this.emit({
      type: 'state',
      id: this.id,
      state,
      at: this.now(),
      ...(state === 'error' && error ? { error } : {}),
      ...(local ? { local } : {}),
      ...(remote ? { remote } : {}),
    });
  }

  private emitCounters(): void {
    this.emit({ type: 'counters', id: this.id, counters: { ...this.status.counters } });
  }

  private clearConnectTimer(): void {
    if (this.connectTimer) clearTimeout(this.connectTimer);
    this.connectTimer = undefined;
  }

  private clearGraceTimer(): void {
    if (this.graceTimer) clearTimeout(this.graceTimer);
    this.graceTimer = undefined;
  }
}
