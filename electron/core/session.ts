// What every session kind (TCP client, TCP server, UDP) offers the session manager, and the small
// functions they share. Plain Node.
import { encodePayload } from '../../shared/codec/payload';
import type { SendResult } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type {
  ClientInfo,
  Counters,
  ErrorInfo,
  Payload,
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
}

/** What the manager passes to every session. */
export interface SessionDeps {
  id: SessionId;
  emit: EventSink;
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
  /** Encodes and sends one payload; rejects with an ApiError carrying a sentence. */
  send(payload: Payload, to?: SendTarget): Promise<SendResult>;
  /** Stops politely; resolves when every socket of the session is closed. */
  close(): Promise<void>;
  /** A copy: callers may keep it while the session goes on counting. */
  getStatus(): SessionStatus;
}

/** The payload's bytes, or an E_BAD_PAYLOAD ApiError that says what is wrong with it. */
export function encodeOrThrow(payload: Payload): Uint8Array {
  const encoded = encodePayload(payload);
  if (!encoded.ok) throw new ApiError(CONTRACT_ERROR_CODES.badPayload, encoded.error.message);
  return encoded.bytes;
}

/** Plain Uint8Array view of a Buffer chunk: no copy, and no Buffer-only behaviour leaks into events. */
export const asBytes = (chunk: Buffer): Uint8Array =>
  new Uint8Array(chunk.buffer, chunk.byteOffset, chunk.byteLength);

export const apiErrorFrom = (info: ErrorInfo): ApiError => new ApiError(info.code, info.message);
