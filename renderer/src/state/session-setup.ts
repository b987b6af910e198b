// The active session as the setup panel sees it: everything but the traffic figures, so a flood's
// counters (each update of a busy session) do not re-render the forms that never show them.
import type { ClientInfo } from '../../../shared/contract/model';
import type { SessionsState, UiSession } from './sessions-state';
import { activeSession } from './sessions-state';

/** A session without its byte counters and its clients' (the clients themselves stay). */
export type SessionSetup = Omit<UiSession, 'counters' | 'clients'> & {
  clients: readonly Omit<ClientInfo, 'counters'>[];
};

function sameClients(a: readonly ClientInfo[], b: readonly ClientInfo[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as ClientInfo;
    const y = b[i] as ClientInfo;
    if (x.peer !== y.peer || x.connectedAt !== y.connectedAt) return false;
  }
  return true;
}

/** Whether `a` and `b` differ in their traffic figures at most. */
function sameSetup(a: UiSession, b: UiSession): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    if (key === 'counters') continue;
    if (
      key === 'clients'
        ? !sameClients(a.clients, b.clients)
        : a[key as keyof UiSession] !== b[key as keyof UiSession]
    )
      return false;
  }
  return true;
}

/**
 * A selector of the active session's setup: it returns the object it returned before while only the
 * traffic figures changed, so a store subscriber keeps its snapshot. One per subscriber.
 */
export function steadySetupSelector(): (state: SessionsState) => SessionSetup {
  let last: UiSession | undefined;
  return (state) => {
    const now = activeSession(state);
    if (last && sameSetup(last, now)) return last;
    last = now;
    return now;
  };
}
