// One case run's view of its engine session: opens it through SessionApi, follows its events (the
// board's connection, received bytes or messages, sent bytes) and lets the runner wait on them.
// A client of the engine like the UI; plain Node.
import { phrase } from '../../shared/codec/codec-error';
import type { SessionApi } from '../../shared/contract/api';
import type { EngineEvent, EventSink } from '../../shared/contract/events';
import type {
  ErrorInfo,
  Payload,
  Phrase,
  SendTarget,
  SessionConfig,
  SessionId,
  SessionSnapshot,
} from '../../shared/contract/model';

export interface LinkDeps {
  api: SessionApi;
  /** Every engine event; returns the unsubscribe. */
  subscribe(listener: EventSink): () => void;
  /** Monotonic milliseconds. */
  now: () => number;
}

interface Received {
  bytes: Uint8Array;
  at: number;
  issue?: string;
}

export type Wait<T> = { ok: true; value: T } | { ok: false; why: 'timeout' | 'aborted' };

const concat = (parts: readonly Uint8Array[]): Uint8Array => {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

let nextName = 1;

export class CaseLink {
  id?: SessionId;
  /** The board: a server's first client, a client's remote end. */
  peer?: string;
  /** The board is there: connected, accepted, or (UDP) the socket is open. */
  ready = false;
  /** Set when the connection ended (or the session failed), with the engine's sentence. */
  ended?: string;
  /** `ended` as a catalogue phrase, when it has one. */
  endedDetail?: Phrase;
  /** Bytes or messages received and not yet used by an expectation. */
  private readonly rx: Received[] = [];
  /** Bytes of rx[0] already used (raw streams). */
  private offset = 0;
  private txParts: Uint8Array[] | undefined;
  private txAt: number | undefined;
  private listeners = new Set<() => void>();
  private readonly unsubscribe: () => void;
  private readonly name: string;
  private config?: SessionConfig;
  lastRxAt = 0;
  /** Bytes another board sent to this server session; reported, never judged. */
  othersBytes = 0;

  constructor(
    private readonly deps: LinkDeps,
    label: string,
  ) {
    // A unique name identifies our session among everyone's 'session-opened' events, before open() returns.
    this.name = `${label} #${nextName++}`;
    this.unsubscribe = deps.subscribe((event) => this.onEvent(event));
  }

  private onEvent(event: EngineEvent): void {
    if (event.type === 'session-opened') {
      if (event.session.name === this.name && this.id === undefined) this.id = event.session.id;
      return;
    }
    if (!('id' in event) || event.id !== this.id) return;
    const at = this.deps.now();
    switch (event.type) {
      case 'state':
        if (event.state === 'connected' || event.state === 'open') {
          this.ready = true;
          if (event.remote) this.peer ??= event.remote;
        } else if (event.state === 'disconnected' || event.state === 'error') {
          this.end(event.error, 'The board closed the connection.', phrase('cases.boardClosed'));
        }
        break;
      case 'client-connected':
        if (!this.peer) {
          this.peer = event.client.peer;
          this.ready = true;
        }
        break;
      case 'client-disconnected':
        if (event.peer === this.peer)
          this.end(event.error, 'The board closed the connection.', phrase('cases.boardClosed'));
        break;
      case 'data':
        if (event.dir === 'tx') {
          if (this.txParts) {
            this.txParts.push(event.bytes);
            this.txAt ??= at;
          }
        } else if (this.peer && event.peer !== this.peer && this.config?.protocol === 'tcp-server') {
          this.othersBytes += event.bytes.length;
        } else {
          this.rx.push({ bytes: event.bytes, at, ...(event.issue ? { issue: event.issue } : {}) });
          this.lastRxAt = at;
        }
        break;
      default:
        return;
    }
    for (const listener of [...this.listeners]) listener();
  }

  /** The first end is the one to report: the engine's error when there is one, else `fallback`. */
  private end(error: ErrorInfo | undefined, fallback: string, detail: Phrase): void {
    if (this.ended !== undefined) return;
    this.ended = error?.message ?? fallback;
    const said = error ? error.detail : detail;
    if (said) this.endedDetail = said;
  }

  /** Opens the session; the snapshot carries a server's bound address in `local`. */
  async open(config: SessionConfig): Promise<SessionSnapshot> {
    this.config = config;
    const snapshot = await this.deps.api.open({ config, name: this.name });
    this.id ??= snapshot.id;
    if (snapshot.state === 'error') {
      this.end(snapshot.error, 'The session failed to start.', phrase('cases.sessionFailed'));
    }
    if (snapshot.state === 'open') this.ready = true;
    return snapshot;
  }

  /** Sends one payload; resolves with the bytes that went out and when the first of them did. */
  async send(payload: Payload): Promise<{ sent: Uint8Array; at: number }> {
    if (!this.id) throw new Error('The session is not open.');
    const to: SendTarget | undefined =
      this.config?.protocol === 'tcp-server' && this.peer ? { kind: 'client', peer: this.peer } : undefined;
    this.txParts = [];
    this.txAt = undefined;
    const before = this.deps.now();
    try {
      await this.deps.api.send({ id: this.id, payload, ...(to ? { to } : {}) });
      return { sent: concat(this.txParts), at: this.txAt ?? before };
    } finally {
      this.txParts = undefined;
    }
  }

  /** Raw streams: every unread byte, and when the newest of them came. */
  unreadBytes(): Uint8Array {
    const parts = this.rx.map((r, i) => (i === 0 ? r.bytes.subarray(this.offset) : r.bytes));
    return parts.length === 0 ? new Uint8Array(0) : concat(parts);
  }

  /** When the first byte received at or after `since` came. */
  firstRxSince(since: number): number | undefined {
    return this.rx.find((r) => r.at >= since)?.at;
  }

  consumeBytes(n: number): void {
    let left = n;
    while (left > 0 && this.rx.length > 0) {
      const head = this.rx[0] as Received;
      const available = head.bytes.length - this.offset;
      if (left < available) {
        this.offset += left;
        return;
      }
      left -= available;
      this.rx.shift();
      this.offset = 0;
    }
  }

  /** Framed sessions and UDP: the next unread message. */
  nextMessage(): Received | undefined {
    return this.rx[0];
  }

  consumeMessage(): void {
    this.rx.shift();
    this.offset = 0;
  }

  /** Count of unread bytes (what nobody's expectation checked). */
  get unreadCount(): number {
    return this.rx.reduce((n, r) => n + r.bytes.length, 0) - this.offset;
  }

  /**
   * Resolves with `check`'s first defined answer, evaluated now and after each event of this
   * session; or with why not, after `timeoutMs` or on `signal`.
   */
  waitFor<T>(check: () => T | undefined, timeoutMs: number, signal?: AbortSignal): Promise<Wait<T>> {
    const first = check();
    if (first !== undefined) return Promise.resolve({ ok: true, value: first });
    if (signal?.aborted) return Promise.resolve({ ok: false, why: 'aborted' });
    return new Promise((resolve) => {
      const finish = (result: Wait<T>) => {
        clearTimeout(timer);
        this.listeners.delete(listener);
        signal?.removeEventListener('abort', onAbort);
        resolve(result);
      };
      const listener = () => {
        const value = check();
        if (value !== undefined) finish({ ok: true, value });
      };
      const onAbort = () => finish({ ok: false, why: 'aborted' });
      const timer = setTimeout(() => finish({ ok: false, why: 'timeout' }), timeoutMs);
      this.listeners.add(listener);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  /** Closes the session (if the engine still has it) and stops listening to events. */
  async close(): Promise<void> {
    const id = this.id;
    this.id = undefined;
    this.ready = false;
    this.end(undefined, 'Closed by the case.', phrase('cases.closedByCase'));
    if (id) {
      await this.deps.api.close({ id }).catch(() => {});
    }
  }

  dispose(): void {
    this.unsubscribe();
    this.listeners.clear();
  }
}
