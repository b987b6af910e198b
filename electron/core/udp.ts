// One UDP session: bind a local address and port, take datagrams from anyone, send to an address,
// the configured remote or the last sender; broadcast and multicast. Plain Node (node:dgram).
import { createSocket, type Socket as DgramSocket, type RemoteInfo } from 'node:dgram';
import type { MacroContext } from '../../shared/codec/macros';
import type { SendResult } from '../../shared/contract/api';
import { CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type {
  ErrorInfo,
  FramingSpec,
  Payload,
  SendTarget,
  SessionId,
  SessionState,
  UdpConfig,
} from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { type IpFamily, isMulticast } from '../../shared/net/ip';
import { errorInfo, refusal } from './engine-said';
import { describeError, type ErrorContext, formatEndpoint, formatPeer } from './error-messages';
import { bareHost, resolveHost } from './resolve';
import {
  apiErrorFrom,
  asBytes,
  type ByteTap,
  CountersPace,
  DEFAULT_MAX_QUEUED_SEND_BYTES,
  type EngineSession,
  encodeOrThrow,
  type SessionDeps,
  type SessionEmit,
  type SessionStatus,
} from './session';
import { describeMulticastError } from './udp-multicast';
import { UdpSenders } from './udp-senders';
import { checkDatagram, pickTarget, udpSocketType } from './udp-target';

export { MAX_DATAGRAM_BYTES, udpSocketType } from './udp-target';

export interface UdpOptions extends SessionDeps {
  config: UdpConfig;
}

export class UdpSession implements EngineSession {
  readonly id: SessionId;
  readonly config: UdpConfig;
  readonly type: 'udp4' | 'udp6';
  private readonly emit: SessionEmit;
  private readonly now: () => number;
  private readonly maxQueuedSendBytes: number;
  private readonly localAddress: string;
  private socket: DgramSocket | undefined;
  private readonly senders = new UdpSenders();
  private queuedBytes = 0;
  private started: Promise<void> | undefined;
  private closing: Promise<void> | undefined;
  private status: SessionStatus = { state: 'disconnected', counters: zeroCounters() };
  private tap: ByteTap | undefined;
  private readonly counted = new CountersPace(() =>
    this.emit({ type: 'counters', id: this.id, counters: { ...this.status.counters } }),
  );

  constructor(opts: UdpOptions) {
    this.id = opts.id;
    this.config = opts.config;
    this.emit = opts.emit;
    this.now = opts.now ?? Date.now;
    this.maxQueuedSendBytes = opts.maxQueuedSendBytes ?? DEFAULT_MAX_QUEUED_SEND_BYTES;
    this.localAddress = bareHost(opts.config.localAddress ?? '');
    this.type = udpSocketType(opts.config);
    const { remoteHost, remotePort } = opts.config;
    if (remoteHost?.trim() && remotePort)
      this.status.remote = formatEndpoint(bareHost(remoteHost), remotePort);
  }

  get state(): SessionState {
    return this.status.state;
  }

  getStatus(): SessionStatus {
    return { ...this.status, counters: { ...this.status.counters } };
  }

  start(): Promise<void> {
    this.started ??= this.bind();
    return this.started;
  }

  /** A datagram is one message already: no framing applies. */
  get framing(): undefined {
    return undefined;
  }

  setFraming(_spec: FramingSpec): void {
    throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.udp.noFraming');
  }

  resetCounters(): void {
    Object.assign(this.status.counters, zeroCounters());
    this.counted.emit();
  }

  setTap(tap: ByteTap | undefined): void {
    this.tap = tap;
  }

  /** A sender of datagrams cannot be held back; a capture bounds its own queue instead. */
  setReadingPaused(_paused: boolean): void {}

  private async bind(): Promise<void> {
    const ctx = this.ctx(this.localAddress || 'any address', this.config.localPort);
    const group = this.config.multicast?.group;
    if (group !== undefined && !isMulticast(group)) {
      return this.fail(errorInfo('EINVAL', 'error.udp.notMulticast', { group }));
    }
    let address = this.type === 'udp6' ? '::' : '0.0.0.0';
    try {
      if (this.localAddress)
        address = (await resolveHost(this.localAddress, this.type === 'udp4' ? 4 : undefined)).address;
    } catch (err) {
      return this.fail(describeError(err, { ...ctx, role: 'listen' }));
    }
    // Several programs may share one multicast port, so only then is the port shared; otherwise a
    // port in use is reported as such instead of two sockets silently splitting the datagrams.
    const socket = createSocket({ type: this.type, reuseAddr: group !== undefined, ipv6Only: false });
    this.socket = socket;
    const bindError = await new Promise<unknown>((resolve) => {
      socket.once('error', resolve);
      try {
        socket.bind({ address, port: this.config.localPort, exclusive: true }, () => {
          socket.off('error', resolve);
          resolve(undefined);
        });
      } catch (err) {
        resolve(err);
      }
    });
    if (bindError) {
      this.fail(describeError(bindError, ctx));
      return this.closeSocket();
    }
    const optionError = this.applyOptions(socket);
    if (optionError) {
      this.fail(optionError);
      return this.closeSocket();
    }
    socket.on('message', (msg, rinfo) => this.onMessage(msg, rinfo));
    socket.on('error', (err) => {
      this.fail(describeError(err, ctx));
      void this.closeSocket();
    });
    const bound = socket.address();
    this.status.local = formatEndpoint(bound.address, bound.port);
    this.setState('open');
  }

  /** Socket options that need a bound socket; returns what went wrong, if anything. */
  private applyOptions(socket: DgramSocket): ErrorInfo | undefined {
    const { broadcast, receiveBufferSize, multicast } = this.config;
    try {
      if (broadcast) socket.setBroadcast(true);
      // The system may round this (Linux doubles it and caps it at net.core.rmem_max).
      if (receiveBufferSize) {
        socket.setRecvBufferSize(receiveBufferSize);
        this.status.receiveBuffer = { asked: receiveBufferSize, granted: socket.getRecvBufferSize() };
      }
    } catch (err) {
      return describeError(err, this.ctx(this.localAddress, this.config.localPort));
    }
    if (!multicast) return undefined;
    const iface = multicast.interface?.trim() ? bareHost(multicast.interface) : undefined;
    try {
      if (multicast.ttl !== undefined) socket.setMulticastTTL(multicast.ttl);
      socket.setMulticastLoopback(multicast.loopback ?? true);
      if (iface) socket.setMulticastInterface(iface);
      socket.addMembership(multicast.group, iface);
    } catch (err) {
      return describeMulticastError(err, multicast.group, iface);
    }
    return undefined;
  }

  private onMessage(msg: Buffer, rinfo: RemoteInfo): void {
    const readAt = performance.now();
    const { peer } = this.senders.of(rinfo.address, rinfo.port);
    this.status.counters.rxBytes += msg.byteLength;
    this.status.counters.rxChunks += 1;
    const at = this.now();
    const bytes = asBytes(msg);
    this.tap?.write('rx', at, peer, bytes);
    this.emit({ type: 'data', id: this.id, dir: 'rx', at, peer, bytes }, readAt);
    this.counted.mark();
  }

  /**
   * One payload as one datagram. Counted once the system took it: a datagram it refused (too large,
   * broadcast not allowed) never went out. Never truncated: an oversized payload is refused whole.
   */
  async send(payload: Payload, to?: SendTarget, macros?: MacroContext): Promise<SendResult> {
    const bytes = encodeOrThrow(payload, macros);
    this.requireOpen();
    const target = pickTarget(this.config, this.senders.lastSender, to);
    const ctx = this.ctx(target.host, target.port);
    let dest: { address: string; family: IpFamily };
    try {
      dest = await resolveHost(target.host, this.type === 'udp4' ? 4 : undefined);
    } catch (err) {
      throw apiErrorFrom(describeError(err, ctx));
    }
    const address = checkDatagram(
      { type: this.type, broadcast: this.config.broadcast ?? false },
      bytes.byteLength,
      dest.address,
      ctx,
    );
    const n = bytes.byteLength;
    if (this.queuedBytes > 0 && this.queuedBytes + n > this.maxQueuedSendBytes) {
      throw apiErrorFrom(describeError({ code: 'ENOBUFS' }, ctx));
    }
    const socket = this.requireOpen();
    this.queuedBytes += n;
    const handedOverAt = performance.now();
    try {
      await new Promise<void>((resolve, reject) =>
        socket.send(bytes, target.port, address, (err) => (err ? reject(err) : resolve())),
      );
    } catch (err) {
      throw apiErrorFrom(describeError(err, ctx));
    } finally {
      this.queuedBytes -= n;
    }
    this.status.counters.txBytes += n;
    this.status.counters.txChunks += 1;
    const peer = formatPeer(address, target.port);
    const at = this.now();
    this.tap?.write('tx', at, peer, bytes);
    this.emit({ type: 'data', id: this.id, dir: 'tx', at, peer, bytes }, handedOverAt);
    this.counted.emit();
    return { bytes: n };
  }

  /** Resolves when the socket is closed. */
  close(): Promise<void> {
    this.closing ??= (async () => {
      await this.started;
      await this.closeSocket();
      this.counted.flush();
      if (this.status.state === 'open') this.setState('disconnected');
    })();
    return this.closing;
  }

  private requireOpen(): DgramSocket {
    if (this.status.state === 'open' && this.socket && !this.closing) return this.socket;
    throw this.status.state === 'error'
      ? refusal(CONTRACT_ERROR_CODES.notConnected, 'error.udp.notOpen.failed', {
          code: this.status.error?.code ?? 'error',
        })
      : refusal(CONTRACT_ERROR_CODES.notConnected, 'error.udp.notOpen.closed');
  }

  private ctx(host: string, port: number): ErrorContext {
    const bound =
      this.socket && this.status.state === 'open' ? this.socket.address().port : this.config.localPort;
    return { host, port, localAddress: this.localAddress || undefined, localPort: bound, role: 'udp' };
  }

  private closeSocket(): Promise<void> {
    const socket = this.socket;
    this.socket = undefined;
    if (!socket) return Promise.resolve();
    return new Promise((resolve) => {
      try {
        socket.close(() => resolve());
      } catch {
        resolve();
      }
    });
  }

  private fail(info: ErrorInfo): void {
    if (this.status.state === 'error') return;
    this.status.error = info;
    this.setState('error');
  }

  private setState(state: SessionState): void {
    // The totals so far go out first: a receiver sees them before the session stops.
    this.counted.flush();
    this.status.state = state;
    const { error, local, remote, receiveBuffer } = this.status;
    this.emit({
      type: 'state',
      id: this.id,
      state,
      at: this.now(),
      ...(state === 'error' && error ? { error } : {}),
      ...(local ? { local } : {}),
      ...(remote ? { remote } : {}),
      ...(state === 'open' && receiveBuffer ? { receiveBuffer } : {}),
    });
  }
}
