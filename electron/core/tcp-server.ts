// One TCP server session: listen on one of this PC's addresses (or all of them), accept many boards
// at once, send to one or all, count per client and in total, stop. Plain Node.
import { createServer, type Server, type Socket } from 'node:net';
import type { SendResult } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type {
  ClientInfo,
  Counters,
  ErrorInfo,
  Payload,
  SendTarget,
  SessionId,
  SessionState,
  TcpServerConfig,
} from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { splitEndpoint, unmapIPv4 } from '../../shared/net/ip';
import { describeError, type ErrorContext, formatEndpoint, formatPeer } from './error-messages';
import { bareHost, resolveHost } from './resolve';
import {
  apiErrorFrom,
  asBytes,
  DEFAULT_CLOSE_GRACE_MS,
  DEFAULT_MAX_QUEUED_SEND_BYTES,
  type EngineSession,
  encodeOrThrow,
  type SessionDeps,
  type SessionStatus,
} from './session';
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

interface Client {
  socket: Socket;
  peer: string;
  ctx: ErrorContext;
  connectedAt: number;
  counters: Counters;
  error?: ErrorInfo;
  closed: Promise<void>;
  ending: boolean;
  graceTimer?: NodeJS.Timeout;
}

const errorCode = (err: unknown) => (err as { code?: unknown } | undefined)?.code;

export class TcpServerSession implements EngineSession {
  readonly id: SessionId;
  readonly config: TcpServerConfig;
  private readonly emit: EventSink;
  private readonly now: () => number;
  private readonly closeGraceMs: number;
  private readonly maxQueuedSendBytes: number;
  private readonly listenCtx: ErrorContext;
  private readonly clients = new Map<string, Client>();
  private readonly probes = new ProbeRegistry((socket, address, port) => this.admit(socket, address, port));
  private server: Server | undefined;
  private listenInfo: ListenInfo | undefined;
  private started: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private status: SessionStatus = { state: 'disconnected', counters: zeroCounters() };

  constructor(opts: TcpServerOptions) {
    this.id = opts.id;
    this.config = opts.config;
    this.emit = opts.emit;
    this.now = opts.now ?? Date.now;
    this.closeGraceMs = opts.closeGraceMs ?? DEFAULT_CLOSE_GRACE_MS;
    this.maxQueuedSendBytes = opts.maxQueuedSendBytes ?? DEFAULT_MAX_QUEUED_SEND_BYTES;
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
      clients: [...this.clients.values()].map((c) => this.clientInfo(c)),
    };
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
        server.listen({ host, port: this.config.port, ipv6Only: false }, () => {
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

  private admit(socket: Socket, address: string, port: number): void {
    if (socket.destroyed || this.closing) {
      socket.destroy();
      return;
    }
    const peer = formatPeer(address, port);
    const stale = this.clients.get(peer);
    if (stale) this.forget(stale);
    const client: Client = {
      socket,
      peer,
      ctx: { host: unmapIPv4(address), port },
      connectedAt: this.now(),
      counters: zeroCounters(),
      closed: new Promise((resolve) => socket.once('close', () => resolve())),
      ending: false,
    };
    this.clients.set(peer, client);
    socket.on('data', (chunk: Buffer) => this.onClientData(client, chunk));
    socket.on('error', (err) => {
      client.error ??= describeError(err, client.ctx);
    });
    socket.on('close', () => this.onClientClose(client));
    this.emit({
      type: 'client-connected',
      id: this.id,
      client: this.clientInfo(client),
      at: client.connectedAt,
    });
    socket.resume();
  }

  private onClientData(client: Client, chunk: Buffer): void {
    const n = chunk.byteLength;
    client.counters.rxBytes += n;
    client.counters.rxChunks += 1;
    this.status.counters.rxBytes += n;
    this.status.counters.rxChunks += 1;
    this.emit({
      type: 'data',
      id: this.id,
      dir: 'rx',
      at: this.now(),
      peer: client.peer,
      bytes: asBytes(chunk),
    });
    this.emitClientCounters(client);
    this.emitCounters();
  }

  private onClientClose(client: Client): void {
    if (client.graceTimer) clearTimeout(client.graceTimer);
    client.graceTimer = undefined;
    if (this.clients.get(client.peer) !== client) return;
    this.clients.delete(client.peer);
    const { error } = client;
    this.emit({
      type: 'client-disconnected',
      id: this.id,
      peer: client.peer,
      at: this.now(),
      ...(error ? { error } : {}),
    });
  }

  /** A new connection took this peer's name while the old one still closes: the old one is gone. */
  private forget(client: Client): void {
    this.clients.delete(client.peer);
    this.emit({ type: 'client-disconnected', id: this.id, peer: client.peer, at: this.now() });
    client.socket.destroy();
  }

  /**
   * To one client, or to all (the default). Each client gets its own TX log entry and counters; a
   * send to all counts its bytes once per client it reached. A client whose backlog is over the
   * limit is skipped, and the send then rejects with ENOBUFS naming it, after the others got it.
   */
  async send(payload: Payload, to: SendTarget = { kind: 'all' }): Promise<SendResult> {
    const bytes = encodeOrThrow(payload);
    const targets = this.targetsFor(to);
    const n = bytes.byteLength;
    if (n === 0) return { bytes: 0 };
    const slow = targets.filter(
      (c) => c.socket.writableLength > 0 && c.socket.writableLength + n > this.maxQueuedSendBytes,
    );
    const first = slow[0];
    if (first && to.kind === 'client') throw apiErrorFrom(describeError({ code: 'ENOBUFS' }, first.ctx));
    const ready = targets.filter((c) => !slow.includes(c));
    const writes = ready.map((c) => this.write(c, bytes));
    if (ready.length > 0) this.emitCounters();
    const results = await Promise.allSettled(writes);
    if (first) throw new ApiError('ENOBUFS', this.skippedSentence(slow, ready.length));
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure && (to.kind === 'client' || results.every((r) => r.status === 'rejected')))
      throw failure.reason;
    return { bytes: n * ready.length };
  }

  /** Closes one board's connection: FIN first, a reset after the grace if it does not answer. */
  async disconnectClient(peer: string): Promise<void> {
    await this.endClient(this.findClient(peer));
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
    await Promise.all([...this.clients.values()].map((c) => this.endClient(c)));
    // The listener reports closed only once every connection (hidden probes too) has closed.
    await listenerClosed;
    if (this.status.state === 'listening') this.setState('disconnected');
  }

  private endClient(client: Client): Promise<void> {
    if (!client.ending && !client.socket.destroyed) {
      client.ending = true;
      client.socket.end();
      client.graceTimer = setTimeout(() => {
        client.graceTimer = undefined;
        client.socket.destroy();
      }, this.closeGraceMs);
    }
    return client.closed;
  }

  private write(client: Client, bytes: Uint8Array): Promise<void> {
    // Counted and logged at hand-over, like the TCP client, so a request shows before its reply.
    const n = bytes.byteLength;
    client.counters.txBytes += n;
    client.counters.txChunks += 1;
    this.status.counters.txBytes += n;
    this.status.counters.txChunks += 1;
    this.emit({ type: 'data', id: this.id, dir: 'tx', at: this.now(), peer: client.peer, bytes });
    this.emitClientCounters(client);
    return new Promise((resolve, reject) => {
      client.socket.write(bytes, (err) =>
        err ? reject(apiErrorFrom(describeError(err, client.ctx))) : resolve(),
      );
    });
  }

  private targetsFor(to: SendTarget): Client[] {
    if (this.status.state !== 'listening') {
      throw new ApiError(
        CONTRACT_ERROR_CODES.notConnected,
        'The server is not listening. Press Listen, let a board connect, then send.',
      );
    }
    if (to.kind === 'client') {
      const client = this.findClient(to.peer);
      if (client.socket.writable) return [client];
      throw new ApiError(
        CONTRACT_ERROR_CODES.notConnected,
        `${client.peer} is disconnecting; nothing more can be sent to it.`,
      );
    }
    if (to.kind !== 'all') {
      throw new ApiError(
        CONTRACT_ERROR_CODES.badArgument,
        `A TCP server sends to one of its clients or to all of them; "${to.kind}" is a UDP target.`,
      );
    }
    const all = [...this.clients.values()].filter((c) => c.socket.writable);
    if (all.length > 0) return all;
    throw new ApiError(
      CONTRACT_ERROR_CODES.notConnected,
      'No board is connected to this server yet. Wait until one appears under Clients, then send.',
    );
  }

  private findClient(peer: string): Client {
    const parts = splitEndpoint(peer.trim());
    const key = parts ? formatPeer(parts.address, parts.port) : peer.trim();
    const client = this.clients.get(key);
    if (client) return client;
    throw new ApiError(
      CONTRACT_ERROR_CODES.notConnected,
      `No board ${peer} is connected to this server: it may have disconnected. Pick one from Clients.`,
    );
  }

  private skippedSentence(slow: Client[], reached: number): string {
    const names = slow.length === 1 ? (slow[0]?.peer ?? '') : `${slow[0]?.peer} and ${slow.length - 1} more`;
    const others =
      reached === 0 ? 'No client got it.' : `The other ${reached} client${reached === 1 ? '' : 's'} got it.`;
    return `Not sent to ${names}: too much data is still waiting for ${slow.length === 1 ? 'that board, which is' : 'those boards, which are'} not reading fast enough. ${others}`;
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

  private clientInfo(client: Client): ClientInfo {
    return { peer: client.peer, connectedAt: client.connectedAt, counters: { ...client.counters } };
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

  private emitClientCounters(client: Client): void {
    this.emit({ type: 'client-counters', id: this.id, peer: client.peer, counters: { ...client.counters } });
  }

  private emitCounters(): void {
    this.emit({ type: 'counters', id: this.id, counters: { ...this.status.counters } });
  }
}
