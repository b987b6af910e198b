// The envelopes transports move, and the two ends of a transport. Transports only move envelopes:
// validation and calling the engine belong to the dispatcher.
import type { ApiMethod } from '../contract/api';
import type { Result } from '../contract/errors';
import type { EventBatch } from '../contract/events';

export type WireMessage =
  | { t: 'req'; id: number; method: string; arg: unknown }
  | { t: 'res'; id: number; result: Result<unknown> }
  | { t: 'evt'; batch: EventBatch }
  | { t: 'ack'; seq: number };

/** Validates, calls the engine and wraps the outcome; never throws, never rejects. */
export type Dispatch = (method: unknown, arg: unknown) => Promise<Result<unknown>>;

/** The UI's end: what createApiClient needs. */
export interface ClientTransport {
  request(method: ApiMethod, arg: unknown): Promise<Result<unknown>>;
  /** Batches in seq order; the transport acknowledges each after the listeners ran. */
  onEvents(listener: (batch: EventBatch) => void): () => void;
}

/** The engine's end of one connection (one window, one browser tab). */
export interface ServerEndpoint {
  /** Requests from the UI go to this dispatch. */
  serve(dispatch: Dispatch): void;
  sendEvents(batch: EventBatch): void;
  onAck(listener: (seq: number) => void): () => void;
  onClose(listener: () => void): () => void;
}

/**
 * What the preload exposes on `window[PRELOAD_GLOBAL]`: one function per API method, each
 * resolving to a Result envelope (Electron's IPC would drop an Error's code), plus onEvents.
 */
export type PreloadApi = { [M in ApiMethod]: (arg: unknown) => Promise<Result<unknown>> } & {
  onEvents(listener: (batch: EventBatch) => void): () => void;
};

export const PRELOAD_GLOBAL = 'socketbench';
