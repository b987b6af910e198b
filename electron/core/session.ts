// What every session kind (TCP client, TCP server, UDP) offers the session manager, and the small
// functions they share. Plain Node.
import { randomBytes } from 'node:crypto';
import type { MacroContext } from '../../shared/codec/macros';
import { encodePayload } from '../../shared/codec/payload';
import type { SendResult } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { Direction, EngineEvent } from '../../shared/contract/events';
import type {
  ClientInfo,
  Counters,
  ErrorInfo,
  FramingSpec,
  Payload,
  ReceiveBuffer,
  SendTarget,
  SessionConfig,
  SessionId,
  SessionState,
} from '../../shared/contract/model';

/** Long enough for a board to answer our FIN with its own, short enough that Disconnect feels instant. */
export const DEFAULT_CLOSE_GRACE_MS = 300;
/** Bytes allowed to wait in one socket for a board that reads slowly; a bigger backlog is refused. */
export const DEFAULT_MAX_QUEUED_SEND_BYTES = 16 * 1024 * 1024;

export interface SessionStatus {
  state: SessionState;
  error?: ErrorInfo;
  local?: string;
  remote?: string;
  counters: Counters;
  /** TCP server sessions only. */
  clients?: ClientInfo[];
  /** UDP sessions asking for a receive buffer size, once bound. */
  receiveBuffer?: ReceiveBuffer;
}

/**
 * How a session reports its events. `mono` (performance.now()) goes with a data or pending event:
 * when its bytes met the socket, handed over or read, taken before the session's own work on them,
 * so a round trip the automation measures is the board's and not the engine's.
 */
export type SessionEmit = (event: EngineEvent, mono?: number) => void;

/** What the manager passes to every session. */
export interface SessionDeps {
  id: SessionId;
  emit: SessionEmit;
  now?: () => number;
  closeGraceMs?: number;
  maxQueuedSendBytes?: number;
}

export interface EngineSession {
  readonly id: SessionId;
  readonly config: SessionConfig;
  readonly state: SessionState;
  /**
   * Connects, listens or binds. Resolves once a server or UDP socket is bound or has failed (a
   * client resolves at once, while still connecting); never rejects: failures become an 'error' state.
   */
  start(): Promise<void>;
  /**
   * Encodes and sends one payload; rejects with an ApiError carrying a sentence. `macros` supplies
   * {counter}, the clock and random bytes when the payload has macros on.
   */
  send(payload: Payload, to?: SendTarget, macros?: MacroContext): Promise<SendResult>;
  /** Stops politely; resolves when every socket of the session is closed. */
  close(): Promise<void>;
  /** A copy: callers may keep it while the session goes on counting. */
  getStatus(): SessionStatus;
  /** The framing of received bytes in force; undefined for UDP, where a datagram is a message. */
  readonly framing: FramingSpec | undefined;
  /** New framing for bytes received from now on; throws an ApiError where framing does not apply. */
  setFraming(spec: FramingSpec): void;
  /** Totals (and a server's per-client totals) from zero again, announced as counters events. */
  resetCounters(): void;
  /** Every byte the session moves from now on, both directions, in wire order; undefined detaches. */
  setTap(tap: ByteTap | undefined): void;
  /**
   * Stop (true) or restart reading from the session's sockets; the kernel's window then holds the
   * board back. A UDP socket cannot hold a sender back and ignores it.
   */
  setReadingPaused(paused: boolean): void;
}

/** Sees every chunk a session receives or hands to a socket (capture to file). */
export interface ByteTap {
  write(dir: Direction, at: number, peer: string, bytes: Uint8Array): void;
}

/** The payload's bytes, or an E_BAD_PAYLOAD ApiError that says what is wrong with it. */
export function encodeOrThrow(payload: Payload, macros?: MacroContext): Uint8Array {
  const encoded = encodePayload(payload, macros);
  if (!encoded.ok) {
    throw new ApiError(CONTRACT_ERROR_CODES.badPayload, encoded.error.message, encoded.error.detail);
  }
  return encoded.bytes;
}

/** Plain Uint8Array view of a Buffer chunk: no copy, and no Buffer-only behaviour leaks into events. */
export const asBytes = (chunk: Buffer): Uint8Array =>
  new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export const apiErrorFrom = (info: ErrorInfo): ApiError => new ApiError(info.code, info.message, info.detail);

/** About one display frame: a counter that moves faster than this is not read any better. */
export const COUNTERS_INTERVAL_MS = 16;

/**
 * Counters events for received bytes at most once per interval: a flood sends one per display
 * frame instead of one per chunk or datagram (a receiver keeps only the latest totals anyway),
 * while a reply that comes alone is counted at once. The session's own totals stay exact all
 * along; what is held goes out when the interval ends, and flush() sends it before an event that
 * must follow it (a state change, a client leaving).
 */
export class CountersPace {
  private timer: NodeJS.Timeout | undefined;
  private lastAt = Number.NEGATIVE_INFINITY;
  /** Moved since the last event. */
  private moved = false;

  constructor(
    private readonly emitNow: () => void,
    private readonly intervalMs = COUNTERS_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The totals moved: an event now, or when the interval since the last one ends. */
  mark(): void {
    if (this.timer) {
      this.moved = true;
      return;
    }
    const now = this.now();
    const wait = this.lastAt + this.intervalMs - now;
    if (wait <= 0) {
      this.send(now);
      return;
    }
    this.moved = true;
    this.timer = setTimeout(this.fire, Math.ceil(wait));
  }

  /** What is held goes out now. */
  flush(): void {
    if (this.moved) this.send(this.now());
    this.cancel();
  }

  /**
   * An event goes out now, held or not (a send, a reset). A pending interval stays, so a request
   * and reply exchange costs no timer each.
   */
  emit(): void {
    this.send(this.now());
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.moved = false;
  }

  private send(now: number): void {
    this.moved = false;
    this.lastAt = now;
    this.emitNow();
  }

  private readonly fire = (): void => {
    this.timer = undefined;
    if (this.moved) this.send(this.now());
  };
}

/**
 * {counter} of a session: 1 for the first send with macros on, one more for each after it. Sends
 * without macros leave it alone, and a counter reset does not touch it, since a board may check it
 * as a sequence number. A send refused before any byte went out gives its number back when no
 * later send took one, so the board sees 1, 2, 3 without gaps.
 */
export class MacroCounter {
  private next = 1;

  /** The number for this payload, or undefined when it has no macros. */
  take(payload: Payload): number | undefined {
    if (!('text' in payload) || !payload.macros) return undefined;
    const n = this.next;
    this.next += 1;
    return n;
  }

  giveBack(n: number): void {
    if (this.next === n + 1) this.next = n;
  }

  context(n: number | undefined): MacroContext {
    return { counter: n ?? 0, now: new Date(), randomBytes: (count) => randomBytes(count) };
  }
}

const REFUSED_BEFORE_SENDING = new Set<string>([
  CONTRACT_ERROR_CODES.notConnected,
  CONTRACT_ERROR_CODES.badArgument,
  CONTRACT_ERROR_CODES.badPayload,
]);

/** Errors that mean nothing reached a socket: the payload or the target was refused up front. */
export const refusedBeforeSending = (err: unknown): boolean =>
  err instanceof ApiError && REFUSED_BEFORE_SENDING.has(err.code);
