// The boards connected to one TCP server session: admit them, count their bytes, send to one or
// all, disconnect them. Plain Node.
import type { Socket } from 'node:net';
import type { SendResult } from '../../shared/contract/api';
import { type ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type {
  ClientInfo,
  Counters,
  ErrorInfo,
  FramingSpec,
  Phrase,
  SendTarget,
  SessionId,
} from '../../shared/contract/model';
import { zeroCounters } from '../../shared/contract/model';
import { splitEndpoint, unmapIPv4 } from '../../shared/net/ip';
import { refusal } from './engine-said';
import { describeError, type ErrorContext, formatEndpoint, formatPeer } from './error-messages';
import { apiErrorFrom, asBytes, type ByteTap, CountersPace, type SessionEmit } from './session';
import { StreamFramer } from './stream-framer';

export interface ServerClientsOptions {
  id: SessionId;
  emit: SessionEmit;
  now: () => number;
  closeGraceMs: number;
  maxQueuedSendBytes: number;
  /** The session's totals: every client's bytes are added here too. */
  totals: Counters;
  framing: FramingSpec | undefined;
}

interface Client {
  socket: Socket;
  peer: string;
  ctx: ErrorContext;
  connectedAt: number;
  counters: Counters;
  framer: StreamFramer;
  error?: ErrorInfo;
  closed: Promise<void>;
  ending: boolean;
  graceTimer?: NodeJS.Timeout;
}

export class ServerClients {
  private readonly clients = new Map<string, Client>();
  private framing: FramingSpec | undefined;
  private tap: ByteTap | undefined;
  private paused = false;
  /** Clients whose totals moved this turn; their events and the session's go out together. */
  private readonly moved = new Set<Client>();
  private readonly counted = new CountersPace(() => {
    for (const client of this.moved) this.emitClientCounters(client);
    this.moved.clear();
    this.emitTotals();
  });

  constructor(private readonly opts: ServerClientsOptions) {
    this.framing = opts.framing;
  }

  /** Every client, and each that connects later, splits what it receives by `spec` from now on. */
  setFraming(spec: FramingSpec): void {
    this.framing = spec;
    for (const client of this.clients.values()) client.framer.setSpec(spec);
  }

  setTap(tap: ByteTap | undefined): void {
    this.tap = tap;
  }

  /** Holds every board back (and each that connects meanwhile) until called with false. */
  setPaused(paused: boolean): void {
    this.paused = paused;
    for (const { socket } of this.clients.values()) {
      if (socket.destroyed) continue;
      if (paused) socket.pause();
      else socket.resume();
    }
  }

  resetCounters(): void {
    this.counted.cancel();
    this.moved.clear();
    Object.assign(this.opts.totals, zeroCounters());
    for (const client of this.clients.values()) {
      Object.assign(client.counters, zeroCounters());
      this.emitClientCounters(client);
    }
    this.emitTotals();
  }

  infos(): ClientInfo[] {
    return [...this.clients.values()].map(clientInfo);
  }

  admit(socket: Socket, address: string, port: number): void {
    if (socket.destroyed) return;
    const host = unmapIPv4(address);
    const peer = formatEndpoint(host, port);
    const stale = this.clients.get(peer);
    if (stale) this.forget(stale);
    const { id, emit, now } = this.opts;
    const client: Client = {
      socket,
      peer,
      ctx: { host, port },
      connectedAt: this.opts.now(),
      counters: zeroCounters(),
      framer: new StreamFramer({ id, peer, emit, now, spec: this.framing }),
      closed: new Promise((resolve) => socket.once('close', () => resolve())),
      ending: false,
    };
    this.clients.set(peer, client);
    socket.on('data', (chunk: Buffer) => this.onData(client, chunk));
    socket.on('error', (err) => {
      client.error ??= describeError(err, client.ctx);
    });
    socket.on('close', () => this.onClose(client));
    emit({ type: 'client-connected', id, client: clientInfo(client), at: client.connectedAt });
    if (this.paused) socket.pause();
    else socket.resume();
  }

  /**
   * To one client, or to all. Each client gets its own TX log entry and counters; a send to all
   * counts its bytes once per client it reached. A client whose backlog is over the limit is
   * skipped, and the send then rejects with ENOBUFS naming it, after the others got it.
   */
  async send(bytes: Uint8Array, to: SendTarget): Promise<SendResult> {
    const targets = this.targetsFor(to);
    const n = bytes.byteLength;
    if (n === 0) return { bytes: 0 };
    const limit = this.opts.maxQueuedSendBytes;
    const slow = targets.filter((c) => c.socket.writableLength > 0 && c.socket.writableLength + n > limit);
    const first = slow[0];
    if (first && to.kind === 'client') throw apiErrorFrom(describeError({ code: 'ENOBUFS' }, first.ctx));
    const ready = targets.filter((c) => !slow.includes(c));
    const writes = ready.map((c) => this.write(c, bytes));
    if (ready.length > 0) this.emitTotals();
    const results = await Promise.allSettled(writes);
    if (first) throw skippedRefusal(slow, ready.length);
    const failure = results.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failure && (to.kind === 'client' || results.every((r) => r.status === 'rejected'))) {
      throw failure.reason;
    }
    return { bytes: n * ready.length };
  }

  /** Closes one board's connection: FIN first, a reset after the grace if it does not answer. */
  async disconnect(peer: string): Promise<void> {
    await this.end(this.find(peer));
  }

  /** Ends every connection the same way; resolves when all are closed. */
  async endAll(): Promise<void> {
    await Promise.all([...this.clients.values()].map((c) => this.end(c)));
  }

  private onData(client: Client, chunk: Buffer): void {
    const readAt = performance.now();
    const n = chunk.byteLength;
    const { totals } = this.opts;
    client.counters.rxBytes += n;
    client.counters.rxChunks += 1;
    totals.rxBytes += n;
    totals.rxChunks += 1;
    const bytes = asBytes(chunk);
    // The capture sees the chunk first, so it can pause every board right here.
    this.tap?.write('rx', this.opts.now(), client.peer, bytes);
    client.framer.push(bytes, readAt);
    this.moved.add(client);
    this.counted.mark();
  }

  private onClose(client: Client): void {
    if (client.graceTimer) clearTimeout(client.graceTimer);
    client.graceTimer = undefined;
    if (this.clients.get(client.peer) !== client) return;
    client.framer.end();
    // Its final totals go out before the event that says it left.
    this.counted.flush();
    this.clients.delete(client.peer);
    const { error, peer } = client;
    this.opts.emit({
      type: 'client-disconnected',
      id: this.opts.id,
      peer,
      at: this.opts.now(),
      ...(error ? { error } : {}),
    });
  }

  /** A new connection took this peer's name while the old one still closes: the old one is gone. */
  private forget(client: Client): void {
    this.clients.delete(client.peer);
    client.framer.end();
    this.counted.flush();
    this.opts.emit({ type: 'client-disconnected', id: this.opts.id, peer: client.peer, at: this.opts.now() });
    client.socket.destroy();
  }

  private end(client: Client): Promise<void> {
    if (!client.ending && !client.socket.destroyed) {
      client.ending = true;
      client.socket.end();
      client.graceTimer = setTimeout(() => {
        client.graceTimer = undefined;
        client.socket.destroy();
      }, this.opts.closeGraceMs);
    }
    return client.closed;
  }

  private write(client: Client, bytes: Uint8Array): Promise<void> {
    const handedOverAt = performance.now();
    const written = new Promise<void>((resolve, reject) => {
      client.socket.write(bytes, (err) =>
        err ? reject(apiErrorFrom(describeError(err, client.ctx))) : resolve(),
      );
    });
    // Counted and logged at hand-over, like the TCP client, so a request shows before its reply.
    const n = bytes.byteLength;
    const { totals, id } = this.opts;
    client.counters.txBytes += n;
    client.counters.txChunks += 1;
    totals.txBytes += n;
    totals.txChunks += 1;
    const at = this.opts.now();
    this.tap?.write('tx', at, client.peer, bytes);
    this.opts.emit({ type: 'data', id, dir: 'tx', at, peer: client.peer, bytes }, handedOverAt);
    this.emitClientCounters(client);
    return written;
  }

  private targetsFor(to: SendTarget): Client[] {
    if (to.kind === 'client') {
      const client = this.find(to.peer);
      if (client.socket.writable) return [client];
      throw refusal(CONTRACT_ERROR_CODES.notConnected, 'error.server.clientClosing', { peer: client.peer });
    }
    if (to.kind !== 'all') {
      throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.server.udpTarget', { kind: to.kind });
    }
    const all = [...this.clients.values()].filter((c) => c.socket.writable);
    if (all.length > 0) return all;
    throw refusal(CONTRACT_ERROR_CODES.notConnected, 'error.server.noClient');
  }

  /** By "address:port"; "::ffff:1.2.3.4:80"-style or bracketed spellings of the same peer match too. */
  private find(peer: string): Client {
    const parts = splitEndpoint(peer.trim());
    const key = parts ? formatPeer(parts.address, parts.port) : peer.trim();
    const client = this.clients.get(key);
    if (client) return client;
    throw refusal(CONTRACT_ERROR_CODES.notConnected, 'error.server.unknownClient', { peer });
  }

  private emitClientCounters(client: Client): void {
    const { id, emit } = this.opts;
    emit({ type: 'client-counters', id, peer: client.peer, counters: { ...client.counters } });
  }

  private emitTotals(): void {
    this.opts.emit({ type: 'counters', id: this.opts.id, counters: { ...this.opts.totals } });
  }
}

const clientInfo = (client: Client): ClientInfo => ({
  peer: client.peer,
  connectedAt: client.connectedAt,
  counters: { ...client.counters },
});

/** A send some boards were too slow to take: which ones, and how many others got it. */
function skippedRefusal(slow: Client[], reached: number): ApiError {
  const others: Phrase =
    reached === 0
      ? { key: 'error.server.noneGot' }
      : {
          key: reached === 1 ? 'error.server.othersGot_one' : 'error.server.othersGot_other',
          params: { count: reached },
        };
  const peer = slow[0]?.peer ?? '';
  return slow.length === 1
    ? refusal('ENOBUFS', 'error.server.slowOne', { peer, others })
    : refusal('ENOBUFS', 'error.server.slowMany', { peer, more: slow.length - 1, others });
}
