// SessionApi: the one interface between the UI and the engine, written once. Every method takes
// one object argument; transports derive their channel names from API_METHODS.
import type { Payload, SessionConfig, SessionId, SessionSnapshot } from './model';

export interface OpenArgs {
  config: SessionConfig;
  /** Shown in lists; defaults to "host:port". */
  name?: string;
}

export interface SendResult {
  /** Bytes handed to the socket. */
  bytes: number;
}

export interface SessionApi {
  /** Create a session and start it (a TCP client starts connecting). */
  open(args: OpenArgs): Promise<SessionSnapshot>;
  /** Stop a session, close its sockets and forget it. */
  close(args: { id: SessionId }): Promise<void>;
  send(args: { id: SessionId; payload: Payload }): Promise<SendResult>;
  /** Every live session, for a UI that starts, reloads or reconnects. */
  list(args: Record<string, never>): Promise<SessionSnapshot[]>;
}

export type ApiMethod = keyof SessionApi;
export type ApiArgs<M extends ApiMethod> = Parameters<SessionApi[M]>[0];
export type ApiReturn<M extends ApiMethod> = Awaited<ReturnType<SessionApi[M]>>;

/** Adding a method to SessionApi without listing it here fails to compile. */
const METHOD_TABLE: Record<ApiMethod, true> = { open: true, close: true, send: true, list: true };
export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];

export const isApiMethod = (name: unknown): name is ApiMethod =>
  typeof name === 'string' && Object.hasOwn(METHOD_TABLE, name);

/** IPC channel for a method, e.g. "api:open". */
export const apiChannel = (method: ApiMethod): string => `api:${method}`;
/** Engine -> UI event batches. */
export const EVENTS_CHANNEL = 'events';
/** UI -> engine acknowledgement of a batch's seq (flow control for the batcher). */
export const EVENTS_ACK_CHANNEL = 'events:ack';
