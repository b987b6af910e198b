// One TCP server session: listen on one of this PC's addresses (or all of them), accept many boards
// at once, send to one or all, count per client and in total, stop. Plain Node.
import { createServer, type Server, type Socket } from 'node:net';
import type { MacroContext } from '../../shared/codec/macros';
import type { SendResult } from '../../shared/contract/api';
import { CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type {
  FramingSpec,
  Payload,
  SendTarget,
  SessionId,
  SessionState,
  TcpServerConfig,
} from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { refusal } from './engine-said';
import { describeError, type ErrorContext, formatEndpoint } from './error-messages';
import { bareHost, resolveHost } from './resolve';
import {
  type ByteTap,
  DEFAULT_CLOSE_GRACE_MS,
  DEFAULT_MAX_QUEUED_SEND_BYTES,
  type EngineSession,
  encodeOrThrow,
  type SessionDeps,
  type SessionEmit,
  type SessionStatus,
} from './session';
import { ServerClients } from './tcp-server-clients';
import { type ProbeHandle, ProbeRegistry } from './tcp-server-probes';

export interface TcpServerOptions extends SessionDeps {
  config: TcpServerConfig;
}

/** Where the listener is bound, for the self-test. */
export interface ListenInfo {
  address: string;
  family: 'IPv4' | 'IPv6';
  port: number;
}

const errorCode = (err: unknown) => (err as { code?: unknown } | undefined)?.code;

/**
 * Node's default accept backlog (511) overflows when a thousand boards power up at once, and each
 * overflowed SYN waits a second for its retry; the kernel caps this at somaxconn anyway.
 */
export const LISTEN_BACKLOG = 4096;

export class TcpServerSession implements EngineSession {
  readonly id: SessionId;
  readonly config: TcpServerConfig;
  private readonly emit: SessionEmit;
  private readonly now: () => number;
  private readonly listenCtx: ErrorContext;
  private readonly clients: ServerClients;
  private readonly probes = new ProbeRegistry((socket, address, port) =>
    this.closing ? socket.destroy() : this.clients.admit(socket, address, port),
  );
  private server: Server | undefined;
  private listenInfo: ListenInfo | undefined;
  private started: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private status: SessionStatus = { state: 'disconnected', counters: zeroCounters() };
  private framingSpec: FramingSpec;

  constructor(opts: TcpServerOptions) {
    this.id = opts.id;
    this.config = opts.config;
    this.emit = opts.emit;
    this.now = opts.now ?? Date.now;
    this.clients = new ServerClients({
      id: opts.id,
      emit: opts.emit,
      now: this.now,
      closeGraceMs: opts.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS,
      maxQueuedSendBytes: opts.maxQueuedSendBytes ?? DEFAULT_MAX_QUEUED_SEND_BYTES,
      totals: this.status.counters,
      framing: opts.config.framing,
    });
    this.framingSpec = opts.config.framing ?? { kind: 'raw' };
    const localAddress = bareHost(opts.config.localAddress ?? '');
    this.listenCtx = {
      host: localAddress || 'all interfaces',
      port: opts.config.port,
      ...(localAddress ? { localAddress } : {}),
      role: 'listen',
    };
  }

  get state(): SessionState {
    return this.status.state;
  }

  getStatus(): SessionStatus {
    return {
      ...this.status,
      counters: { ...this.status.counters },
      clients: this.clients.infos(),
    };
  }

  get framing(): FramingSpec {
    return this.framingSpec;
  }

  setFraming(spec: FramingSpec): void {
    this.framingSpec = spec;
    this.clients.setFraming(spec);
  }

  resetCounters(): void {
    this.clients.resetCounters();
  }

  setTap(tap: ByteTap | undefined): void {
    this.clients.setTap(tap);
  }

  /** All boards at once: a capture that waits for the disk holds every one of them back. */
  setReadingPaused(paused: boolean): void {
    this.clients.setPaused(paused);
  }

  /** The bound address and port while listening. */
  listening(): ListenInfo | undefined {
    return this.status.state === 'listening' ? this.listenInfo : undefined;
  }

  /** For the self-test: connections from a probe are never shown as boards (see ProbeRegistry). */
  beginProbe(): ProbeHandle {
    return this.probes.begin();
  }

  start(): Promise<void> {
    this.started ??= this.listen();
    return this.started;
  }

  private async listen(): Promise<void> {
    const requested = this.listenCtx.localAddress;
    let host = '::';
    try {
      if (requested) host = (await resolveHost(requested)).address;
    } catch (err) {
      return this.fail(err);
    }
    let err = await this.listenOn(host);
    // No IPv6 on this PC: "all interfaces" then means every IPv4 address.
    if (err && !requested && ['EAFNOSUPPORT', 'EADDRNOTAVAIL'].includes(String(errorCode(err)))) {
      err = await this.listenOn('0.0.0.0');
    }
    if (err) this.fail(err);
  }

  /**
   * Resolves with the listen error, or undefined once listening. Node sets SO_REUSEADDR on every
   * listening socket on Unix, so a quick Stop and Listen on the same port is not refused while old
   * connections sit in TIME_WAIT; Windows rebinds such a port anyway (and its SO_REUSEADDR would
   * let another program steal the port, so it stays off there).
   */
  private listenOn(host: string): Promise<unknown> {
    return new Promise((resolve) => {
      // noDelay: replies to a board go out at once instead of waiting behind Nagle's algorithm.
      const server = createServer({ noDelay: true }, (socket) => this.onConnection(socket));
      server.once('error', resolve);
      try {
        server.listen({ host, port: this.config.port, ipv6Only: false, backlog: LISTEN_BACKLOG }, () => {
          server.off('error', resolve);
          server.on('error', (err) => this.onListenerError(err));
          this.server = server;
          const address = server.address();
          if (address && typeof address === 'object') {
            this.listenInfo = {
              address: address.address,
              family: address.family as 'IPv4',
              port: address.port,
            };
            this.status.local = formatEndpoint(address.address, address.port);
          }
          this.setState('listening');
          resolve(undefined);
        });
      } catch (err) {
        // A bad port or address throws before any I/O starts.
        resolve(err);
      }
    });
  }

  private onConnection(socket: Socket): void {
    // Errors of a socket not yet admitted (or hidden) have no one to report to.
    socket.on('error', () => {});
    const { remoteAddress, remotePort } = socket;
    if (remoteAddress === undefined || remotePort === undefined || this.closing || !this.server) {
      socket.destroy();
      return;
    }
    this.probes.route(socket, remoteAddress, remotePort);
  }

  /** To one client, or to all of them (the default); see ServerClients.send. */
  async send(payload: Payload, to: SendTarget = { kind: 'all' }, macros?: MacroContext): Promise<SendResult> {
    const bytes = encodeOrThrow(payload, macros);
    if (this.status.state !== 'listening') {
      throw refusal(CONTRACT_ERROR_CODES.notConnected, 'error.server.notListening');
    }
    return this.clients.send(bytes, to);
  }

  /** Closes one board's connection: FIN first, a reset after the grace if it does not answer. */
  disconnectClient(peer: string): Promise<void> {
    return this.clients.disconnect(peer);
  }

  /** Ends every client cleanly and closes the listener; resolves when all of it is closed. */
  close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  private async stop(): Promise<void> {
    await this.started;
    const server = this.server;
    this.server = undefined;
    const listenerClosed = new Promise<void>((resolve) =>
      server ? server.close(() => resolve()) : resolve(),
    );
    this.probes.dispose();
    await this.clients.endAll();
    // The listener reports closed only once every connection (hidden probes too) has closed.
    await listenerClosed;
    if (this.status.state === 'listening') this.setState('disconnected');
  }

  private onListenerError(err: unknown): void {
    this.fail(err);
    void this.close();
  }

  private fail(err: unknown): void {
    if (this.status.state === 'error') return;
    this.status.error = describeError(err, this.listenCtx);
    this.setState('error');
  }

  private setState(state: SessionState): void {
    this.status.state = state;
    const { error, local } = this.status;
    this.emit({
      type: 'state',
      id: this.id,
      state,
      at: this.now(),
      ...(state === 'error' && error ? { error } : {}),
      ...(local ? { local } : {}),
    });
  }
}
