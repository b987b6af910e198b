// What the engine reports: the EngineEvent union, and the numbered batches the UI receives.
import type {
  CaptureStatus,
  ClientInfo,
  Counters,
  ErrorInfo,
  ExchangeResult,
  ReceiveBuffer,
  SessionId,
  SessionSnapshot,
  SessionState,
  SoakStats,
  TaskKind,
  TaskState,
} from './model';

export type Direction = 'rx' | 'tx';

/** A session appeared (opened by this or another window). */
export interface SessionOpenedEvent {
  type: 'session-opened';
  session: SessionSnapshot;
}

export interface SessionClosedEvent {
  type: 'session-closed';
  id: SessionId;
}

export interface StateEvent {
  type: 'state';
  id: SessionId;
  state: SessionState;
  at: number;
  error?: ErrorInfo;
  local?: string;
  remote?: string;
  /** Reconnecting: the attempt about to be made (1, 2 ...) and when. */
  attempt?: number;
  nextAttemptAt?: number;
  /** UDP 'open', when the config asks for a receive buffer size: what the system granted. */
  receiveBuffer?: ReceiveBuffer;
}

/**
 * Bytes that crossed the wire. `peer` is "address:port" of the other side. Received bytes are one
 * chunk (raw framing), one datagram (UDP) or one framed message; `issue` flags a frame that is
 * not a clean message.
 */
export interface DataEvent {
  type: 'data';
  id: SessionId;
  dir: Direction;
  at: number;
  peer: string;
  bytes: Uint8Array;
  issue?: FrameIssue;
}

export type FrameIssue = 'oversized' | 'bad-length' | 'incomplete';

/** Bytes of a message still incomplete under the session's framing; 0 when none waits. */
export interface PendingEvent {
  type: 'pending';
  id: SessionId;
  peer: string;
  bytes: number;
}

/** A capture started, progressed, stopped or failed. */
export interface CaptureEvent {
  type: 'capture';
  id: SessionId;
  capture: CaptureStatus;
}

/** Display payloads the batcher could not deliver; the counters still include them. */
export interface DroppedEvent {
  type: 'dropped';
  id: SessionId;
  dir: Direction;
  bytes: number;
  chunks: number;
  at: number;
}

/** A session's exact totals; the batcher keeps only the latest per session in a batch. */
export interface CountersEvent {
  type: 'counters';
  id: SessionId;
  counters: Counters;
}

/** A session's name changed. */
export interface RenamedEvent {
  type: 'renamed';
  id: SessionId;
  name: string;
}

/** A board connected to a TCP server session. */
export interface ClientConnectedEvent {
  type: 'client-connected';
  id: SessionId;
  client: ClientInfo;
  at: number;
}

/** A board left a TCP server session (closed, reset, or disconnected by the user). */
export interface ClientDisconnectedEvent {
  type: 'client-disconnected';
  id: SessionId;
  peer: string;
  at: number;
  error?: ErrorInfo;
}

/** One client's exact totals; the batcher keeps only the latest per session and peer in a batch. */
export interface ClientCountersEvent {
  type: 'client-counters';
  id: SessionId;
  peer: string;
  counters: Counters;
}

/** A send's reply was judged. */
export interface ExchangeEvent {
  type: 'exchange';
  id: SessionId;
  result: ExchangeResult;
}

/** A periodic send or soak run started, progressed or ended. */
export interface TaskEvent {
  type: 'task';
  id: SessionId;
  taskId: string;
  kind: TaskKind;
  state: TaskState;
  sent: number;
  total?: number;
  /** Periodic sends: slots skipped because the previous send was late by a whole interval or more. */
  skipped?: number;
  /** Soak runs: live figures (the batcher keeps the latest per task). */
  stats?: SoakStats;
  error?: ErrorInfo;
}

/** An auto-reply rule answered; `hits` is its running total. */
export interface AutoReplyEvent {
  type: 'auto-reply';
  id: SessionId;
  rule: number;
  hits: number;
}

export type EngineEvent =
  | SessionOpenedEvent
  | SessionClosedEvent
  | StateEvent
  | DataEvent
  | DroppedEvent
  | CountersEvent
  | RenamedEvent
  | ClientConnectedEvent
  | ClientDisconnectedEvent
  | ClientCountersEvent
  | PendingEvent
  | CaptureEvent
  | ExchangeEvent
  | TaskEvent
  | AutoReplyEvent;

export type EventSink = (event: EngineEvent) => void;

export interface EventBatch {
  /** 1, 2, 3 ... per subscriber; a gap never happens, drops are explicit events. */
  seq: number;
  events: EngineEvent[];
}
