// Engine events as log entries: data as raw bytes, state changes, drops and clients as the rows
// a user reads ("Connected 192.168.1.119:53891 → 192.168.1.123:8087"), in the window's language. Pure.
import type { Direction, EngineEvent, FrameIssue, StateEvent } from '../../../shared/contract/events';
import type { ExchangeResult, Protocol, SessionId } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { t } from '../i18n';
import { faultText } from './phrase';
import { cappedBufferText } from './state-words';

export interface DataEntry {
  kind: 'data';
  /** Stable and increasing: the list's React key and the virtualizer's anchor. */
  key: number;
  at: number;
  session: SessionId;
  dir: Direction;
  peer: string;
  /** The raw bytes: text is decoded at render time with the current "Decode as". */
  bytes: Uint8Array;
  /** A received frame that is not a clean message (cut at the maximum size, bad length, unfinished). */
  issue?: FrameIssue;
}

export type SystemTone = 'info' | 'ok' | 'warn' | 'error';

export interface SystemEntry {
  kind: 'system';
  key: number;
  at: number;
  session?: SessionId;
  tone: SystemTone;
  text: string;
  /** Bytes the display never received (the batcher dropped them): exports say so. */
  dropped?: number;
}

/** A send's reply judged against the session's expect rule: a result row after the reply. */
export interface ExchangeEntry {
  kind: 'exchange';
  key: number;
  at: number;
  session: SessionId;
  result: ExchangeResult;
}

export type LogEntry = DataEntry | SystemEntry | ExchangeEntry;

/** What the log needs to know about sessions to word its rows. */
export interface LogContext {
  /** "host:port" the session was asked to reach (a client) or to listen on (a server, UDP). */
  targetOf(id: SessionId): string | undefined;
  /** Absent means a TCP client, the only kind before servers and UDP existed. */
  protocolOf?(id: SessionId): Protocol | undefined;
}

type Row = { tone: SystemTone; text: string };

const withReason = (base: string, event: StateEvent): string =>
  event.error ? t('log.sys.withReason', { text: base, reason: faultText(event.error) }) : base;

function clientStateText(event: StateEvent, target: string | undefined): Row | undefined {
  switch (event.state) {
    case 'connecting':
      return { tone: 'info', text: target ? t('log.sys.connectingTo', { target }) : t('log.sys.connecting') };
    case 'connected':
      return {
        tone: 'ok',
        text:
          event.local && event.remote
            ? t('log.sys.connectedPair', { local: event.local, remote: event.remote })
            : t('log.sys.connected'),
      };
    case 'disconnected':
      return {
        tone: 'info',
        text: withReason(
          target ? t('log.sys.disconnectedFrom', { target }) : t('log.sys.disconnected'),
          event,
        ),
      };
    case 'reconnecting':
      return { tone: 'warn', text: reconnectingText(event, target) };
    default:
      return undefined;
  }
}

/** "Reconnecting to 192.168.1.123:8087: attempt 3 in 2 s (Connection reset by the board)". */
function reconnectingText(event: StateEvent, target: string | undefined): string {
  let text = target ? t('log.sys.reconnectingTo', { target }) : t('log.sys.reconnecting');
  const wait =
    event.nextAttemptAt === undefined
      ? 0
      : Math.max(0, Math.round((event.nextAttemptAt - event.at) / 100) / 10);
  if (event.attempt !== undefined) {
    text =
      wait > 0
        ? t('log.sys.attemptIn', { text, attempt: event.attempt, seconds: wait })
        : t('log.sys.attempt', { text, attempt: event.attempt });
  }
  return event.error ? t('log.sys.because', { text, reason: faultText(event.error) }) : text;
}

/** Servers and UDP sockets: what matters is where they listen, which `local` says once bound. */
function boundStateText(event: StateEvent, protocol: Protocol): Row | undefined {
  const server = protocol === 'tcp-server';
  const local = event.local;
  switch (event.state) {
    case 'connecting':
      return { tone: 'info', text: server ? t('log.sys.startListening') : t('log.sys.opening') };
    case 'listening':
    case 'open': {
      const text = server
        ? local
          ? t('log.sys.listeningOn', { local })
          : t('log.sys.listening')
        : local
          ? t('log.sys.openOn', { local })
          : t('log.sys.open');
      const capped = cappedBufferText(event.receiveBuffer);
      return capped
        ? { tone: 'warn', text: t('log.sys.withNote', { text, note: capped }) }
        : { tone: 'ok', text };
    }
    case 'disconnected':
      return {
        tone: 'info',
        text: withReason(server ? t('log.sys.stoppedListening') : t('log.sys.closed'), event),
      };
    default:
      return undefined;
  }
}

function stateText(event: StateEvent, ctx: LogContext): Row {
  if (event.state === 'error') {
    return {
      tone: 'error',
      text: event.error ? t('log.sys.error', { message: faultText(event.error) }) : t('log.sys.errorUnknown'),
    };
  }
  const protocol = ctx.protocolOf?.(event.id) ?? 'tcp-client';
  const row =
    protocol === 'tcp-client'
      ? clientStateText(event, event.remote ?? ctx.targetOf(event.id))
      : boundStateText(event, protocol);
  return row ?? { tone: 'info', text: event.state };
}

export const droppedText = (bytes: number): string => t('log.sys.dropped', { bytes: formatCount(bytes) });

/** When the verdict was reached, as near as the result tells: the reply's end, else the send. */
const judgedAt = (r: ExchangeResult): number => r.sentAt + (r.completeMs ?? r.firstByteMs ?? 0);

export function toEntry(event: EngineEvent, key: number, ctx: LogContext): LogEntry | undefined {
  switch (event.type) {
    case 'data': {
      const entry: DataEntry = {
        kind: 'data',
        key,
        at: event.at,
        session: event.id,
        dir: event.dir,
        peer: event.peer,
        bytes: event.bytes,
      };
      if (event.issue) entry.issue = event.issue;
      return entry;
    }
    case 'state':
      return { kind: 'system', key, at: event.at, session: event.id, ...stateText(event, ctx) };
    case 'dropped':
      return {
        kind: 'system',
        key,
        at: event.at,
        session: event.id,
        tone: 'warn',
        text: droppedText(event.bytes),
        dropped: event.bytes,
      };
    case 'client-connected':
      return {
        kind: 'system',
        key,
        at: event.at,
        session: event.id,
        tone: 'ok',
        text: t('log.sys.clientConnected', { peer: event.client.peer }),
      };
    case 'exchange':
      return { kind: 'exchange', key, at: judgedAt(event.result), session: event.id, result: event.result };
    case 'client-disconnected':
      return {
        kind: 'system',
        key,
        at: event.at,
        session: event.id,
        tone: event.error ? 'warn' : 'info',
        text: event.error
          ? t('log.sys.clientDisconnectedBecause', { peer: event.peer, reason: faultText(event.error) })
          : t('log.sys.clientDisconnected', { peer: event.peer }),
      };
    default:
      return undefined;
  }
}
