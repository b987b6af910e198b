// What a TCP client session says: its state events, and why it cannot send. Plain Node.
import type { StateEvent } from '../../shared/contract/events';
import type { ErrorInfo, SessionId, SessionState } from '../../shared/contract/model';
import { said } from './engine-said';
import type { SessionStatus } from './session';

/**
 * A state event with the session's addresses; 'error' and 'reconnecting' carry the error, and
 * 'reconnecting' the attempt about to be made and when (epoch milliseconds).
 */
export function clientStateEvent(
  id: SessionId,
  at: number,
  status: SessionStatus,
  next?: { attempt?: number; at?: number },
): StateEvent {
  const { state, error, local, remote } = status;
  const waiting = state === 'reconnecting';
  return {
    type: 'state',
    id,
    state,
    at,
    ...((state === 'error' || waiting) && error ? { error } : {}),
    ...(local ? { local } : {}),
    ...(remote ? { remote } : {}),
    ...(waiting && next?.attempt !== undefined ? { attempt: next.attempt, nextAttemptAt: next.at } : {}),
  };
}

const clock = (epochMs: number): string => new Date(epochMs).toTimeString().slice(0, 8);

/** Why a send was refused, for the state the session is in; `target` is "host:port". */
export function notConnectedSaid(
  status: { state: SessionState; error?: ErrorInfo },
  target: string,
  nextAttemptAt?: number,
): ReturnType<typeof said> {
  switch (status.state) {
    case 'connecting':
      return said('error.client.connecting', { target });
    case 'reconnecting':
      return nextAttemptAt !== undefined
        ? said('error.client.reconnectingAt', { target, time: clock(nextAttemptAt) })
        : said('error.client.reconnecting', { target });
    case 'error':
      return said('error.client.failed', { target, code: status.error?.code ?? 'error' });
    default:
      return said('error.client.closed', { target });
  }
}
