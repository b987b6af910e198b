// A session's state in the words the UI shows, per protocol: the status panel's label and details,
// the sidebar's short form, and the start / stop button names (DESIGN.md section 6).
import type { Protocol, ReceiveBuffer } from '../../../shared/contract/model';
import { translateCount } from '../../../shared/i18n/catalog';
import { formatCount } from '../format';
import { currentLanguage, type PluralKey, t } from '../i18n';
import { catalogWords } from './catalog-words';
import { faultText } from './phrase';
import type { SessionSetup } from './session-setup';
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

export const START_LABEL: Readonly<Record<Protocol, string>> = catalogWords({
  'tcp-client': 'session.start.tcp-client',
  'tcp-server': 'session.start.tcp-server',
  udp: 'session.start.udp',
});
export const STOP_LABEL: Readonly<Record<Protocol, string>> = catalogWords({
  'tcp-client': 'session.stop.tcp-client',
  'tcp-server': 'session.stop.tcp-server',
  udp: 'session.stop.udp',
});

const IDLE_LABEL = catalogWords<Protocol>({
  'tcp-client': 'session.state.disconnected',
  'tcp-server': 'session.state.notListening',
  udp: 'session.state.closed',
});
const BUSY_LABEL = catalogWords<Protocol>({
  'tcp-client': 'session.state.connecting',
  'tcp-server': 'session.state.starting',
  udp: 'session.state.opening',
});

// Counts as plain digits ("1000 clients"), the way these words always read.
const count = (stem: PluralKey, n: number): string => translateCount(currentLanguage(), stem, n);

export const clientCount = (n: number): string => count('session.clients', n);

/** "Reconnecting… (attempt 3 in 2 s)", counting down to the attempt; "now" once it is due. */
export function reconnectingLabel(
  attempt: number | undefined,
  nextAttemptAt: number | undefined,
  now: number,
): string {
  if (attempt === undefined) return t('session.state.reconnecting');
  if (nextAttemptAt === undefined) return t('session.state.attempt', { attempt });
  const seconds = Math.ceil((nextAttemptAt - now) / 1000);
  return seconds <= 0
    ? t('session.state.attemptNow', { attempt })
    : t('session.state.attemptIn', { attempt, seconds });
}

/** The sentence for a UDP receive buffer smaller than asked; undefined when it got what it asked. */
export function cappedBufferText(buffer: ReceiveBuffer | undefined): string | undefined {
  if (!buffer || buffer.granted >= buffer.asked) return undefined;
  return t('session.state.bufferCapped', {
    granted: formatCount(buffer.granted),
    asked: formatCount(buffer.asked),
  });
}

/** `now` matters only while reconnecting: the countdown to the next attempt. */
export function describeSession(s: SessionSetup, now: number = Date.now()): StateWords {
  const protocol = s.engineId || s.opening ? s.protocol : s.settings.protocol;
  if (s.opening || s.state === 'connecting') {
    const detail = s.target
      ? t(protocol === 'tcp-client' ? 'session.state.to' : 'session.state.on', { target: s.target })
      : undefined;
    return { label: BUSY_LABEL[protocol], detail, tone: 'busy' };
  }
  switch (s.state) {
    case 'connected':
      return {
        label: t('session.state.connected'),
        detail: s.local && s.remote ? `${s.local} → ${s.remote}` : s.remote,
        tone: 'live',
      };
    case 'listening':
      return {
        label: t('session.state.listening'),
        detail: s.local ? t('session.state.on', { target: s.local }) : undefined,
        note:
          s.clients.length === 0
            ? t('session.state.waiting')
            : count('session.state.clientsConnected', s.clients.length),
        tone: 'live',
      };
    case 'open':
      return {
        label: t('session.state.open'),
        detail: s.local ? t('session.state.on', { target: s.local }) : undefined,
        note: cappedBufferText(s.receiveBuffer),
        tone: 'live',
      };
    case 'reconnecting':
      return {
        label: reconnectingLabel(s.attempt, s.nextAttemptAt, now),
        detail: s.target ? t('session.state.to', { target: s.target }) : undefined,
        note: s.error
          ? t('session.state.dropped', { message: faultText(s.error) })
          : t('session.state.boardDropped'),
        tone: 'busy',
      };
    case 'error':
      return {
        label: t('session.state.errorSentence', {
          message: s.error ? faultText(s.error) : t('session.state.failed'),
        }),
        tone: 'error',
      };
    default:
      return { label: IDLE_LABEL[protocol], detail: s.error && faultText(s.error), tone: 'idle' };
  }
}

/** One or two words for the sessions list. */
export function shortState(s: UiSession): { text: string; tone: StateTone } {
  const words = describeSession(s);
  if (words.tone === 'error') return { text: t('session.state.error'), tone: 'error' };
  if (s.state === 'listening' && !s.opening) {
    return {
      text: t('session.state.listeningClients', { clients: clientCount(s.clients.length) }),
      tone: 'live',
    };
  }
  if (s.state === 'reconnecting' && !s.opening)
    return { text: t('session.state.reconnecting'), tone: 'busy' };
  return { text: words.label, tone: words.tone };
}
