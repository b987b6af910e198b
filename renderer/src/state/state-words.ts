// A session's state in the words the UI shows, per protocol: the status panel's label and details,
// the sidebar's short form, and the start / stop button names (DESIGN.md section 6).
import type { Protocol } from '../../../shared/contract/model';
import type { UiSession } from './sessions-reducer';

export type StateTone = 'live' | 'busy' | 'error' | 'idle';

export interface StateWords {
  label: string;
  /** Addresses, in monospace. */
  detail?: string;
  /** A sentence under the details ("Waiting for a board to connect…"). */
  note?: string;
  tone: StateTone;
}

export const START_LABEL: Record<Protocol, string> = {
  'tcp-client': 'Connect',
  'tcp-server': 'Listen',
  udp: 'Open',
};
export const STOP_LABEL: Record<Protocol, string> = {
  'tcp-client': 'Disconnect',
  'tcp-server': 'Stop',
  udp: 'Close',
};

const IDLE_LABEL: Record<Protocol, string> = {
  'tcp-client': 'Disconnected',
  'tcp-server': 'Not listening',
  udp: 'Closed',
};
const BUSY_LABEL: Record<Protocol, string> = {
  'tcp-client': 'Connecting…',
  'tcp-server': 'Starting…',
  udp: 'Opening…',
};

export const clientCount = (n: number): string => `${n} ${n === 1 ? 'client' : 'clients'}`;

/** "Reconnecting… (attempt 3 in 2 s)", counting down to the attempt; "now" once it is due. */
export function reconnectingLabel(
  attempt: number | undefined,
  nextAttemptAt: number | undefined,
  now: number,
): string {
  if (attempt === undefined) return 'Reconnecting…';
  if (nextAttemptAt === undefined) return `Reconnecting… (attempt ${attempt})`;
  const seconds = Math.ceil((nextAttemptAt - now) / 1000);
  return seconds <= 0
    ? `Reconnecting… (attempt ${attempt} now)`
    : `Reconnecting… (attempt ${attempt} in ${seconds} s)`;
}

/** `now` matters only while reconnecting: the countdown to the next attempt. */
export function describeSession(s: UiSession, now: number = Date.now()): StateWords {
  const protocol = s.engineId || s.opening ? s.protocol : s.settings.protocol;
  if (s.opening || s.state === 'connecting') {
    const detail = s.target ? `${protocol === 'tcp-client' ? 'to' : 'on'} ${s.target}` : undefined;
    return { label: BUSY_LABEL[protocol], detail, tone: 'busy' };
  }
  switch (s.state) {
    case 'connected':
      return {
        label: 'Connected',
        detail: s.local && s.remote ? `${s.local} → ${s.remote}` : s.remote,
        tone: 'live',
      };
    case 'listening':
      return {
        label: 'Listening',
        detail: s.local ? `on ${s.local}` : undefined,
        note:
          s.clients.length === 0
            ? 'Waiting for a board to connect…'
            : `${clientCount(s.clients.length)} connected`,
        tone: 'live',
      };
    case 'open':
      return { label: 'Open', detail: s.local ? `on ${s.local}` : undefined, tone: 'live' };
    case 'reconnecting':
      return {
        label: reconnectingLabel(s.attempt, s.nextAttemptAt, now),
        detail: s.target ? `to ${s.target}` : undefined,
        note: s.error ? `Dropped: ${s.error.message}` : 'The board dropped the connection.',
        tone: 'busy',
      };
    case 'error':
      return { label: `Error: ${s.error?.message ?? 'the session failed.'}`, tone: 'error' };
    default:
      return { label: IDLE_LABEL[protocol], detail: s.error?.message, tone: 'idle' };
  }
}

/** One or two words for the sessions list. */
export function shortState(s: UiSession): { text: string; tone: StateTone } {
  const words = describeSession(s);
  if (words.tone === 'error') return { text: 'Error', tone: 'error' };
  if (s.state === 'listening' && !s.opening) {
    return { text: `Listening · ${clientCount(s.clients.length)}`, tone: 'live' };
  }
  if (s.state === 'reconnecting' && !s.opening) return { text: 'Reconnecting…', tone: 'busy' };
  return { text: words.label, tone: words.tone };
}
