// Where Send goes for the active session, and why it cannot go yet: a client's board, a server's one
// client or all of them, a UDP socket's remote address or last sender. Pure.
import type { ClientInfo, SendTarget } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { t } from '../i18n';
import type { UiSession } from './sessions-reducer';
import { remoteHostReason, remotePortReason, unbracket } from './validation';

export type SendPlan =
  | { ok: true; to?: SendTarget }
  /** `fault`: the user typed something wrong; otherwise the reason is a prompt (a hint). */
  | { ok: false; reason: string; fault?: boolean };

/** One "Send to" choice; value '' is All clients. */
export interface SendToOption {
  value: string;
  label: string;
  /** The chosen client left: kept in the list so the choice does not silently become All clients. */
  gone?: boolean;
  /** Not a choice: says how many clients the list leaves out (they are chosen in Clients). */
  more?: boolean;
}

export const ALL_CLIENTS = '';
/** The value of the line that counts the clients left out; disabled, so never chosen. */
export const MORE_CLIENTS = '\u0000more';
/**
 * Clients Send to names at most, the newest: a menu of ten thousand boards is read by no one and
 * redrawn with every update; any board can be chosen with its Send to button in Clients.
 */
export const SEND_TO_LISTED = 100;

/** All clients, the chosen client, the newest clients, and a count of the rest. */
export function sendToOptions(
  clients: readonly ClientInfo[],
  chosen: string,
  listed = SEND_TO_LISTED,
): SendToOption[] {
  const options: SendToOption[] = [{ value: ALL_CLIENTS, label: t('compose.allClients') }];
  const newest = clients.length > listed ? clients.slice(clients.length - listed) : clients;
  const connected = chosen !== ALL_CLIENTS && clients.some((c) => c.peer === chosen);
  const chosenApart = connected && !newest.some((c) => c.peer === chosen);
  if (chosenApart) options.push({ value: chosen, label: chosen });
  for (const c of newest) options.push({ value: c.peer, label: c.peer });
  const rest = clients.length - newest.length - (chosenApart ? 1 : 0);
  if (rest > 0) {
    options.push({
      value: MORE_CLIENTS,
      label: t('compose.moreClients', { count: formatCount(rest) }),
      more: true,
    });
  }
  if (chosen !== ALL_CLIENTS && !connected) {
    options.push({ value: chosen, label: t('compose.clientGone', { peer: chosen }), gone: true });
  }
  return options;
}

function serverPlan(session: UiSession): SendPlan {
  if (session.state !== 'listening') return { ok: false, reason: t('compose.planListen') };
  if (session.clients.length === 0) return { ok: false, reason: t('compose.planNoClient') };
  if (session.sendTo === ALL_CLIENTS) return { ok: true, to: { kind: 'all' } };
  if (!session.clients.some((c) => c.peer === session.sendTo)) {
    return { ok: false, reason: t('compose.planClientGone', { peer: session.sendTo }) };
  }
  return { ok: true, to: { kind: 'client', peer: session.sendTo } };
}

function udpPlan(session: UiSession): SendPlan {
  if (session.state !== 'open') return { ok: false, reason: t('compose.planOpenUdp') };
  const s = session.settings;
  if (s.replyToSender) {
    return session.counters.rxChunks > 0
      ? { ok: true, to: { kind: 'last-sender' } }
      : { ok: false, reason: t('compose.planNoSender') };
  }
  // An empty field is a prompt, not a mistake.
  const hostReason = remoteHostReason(s.remoteHost);
  if (hostReason) return { ok: false, reason: hostReason, fault: s.remoteHost.trim() !== '' || undefined };
  const portReason = remotePortReason(s.remotePort);
  if (portReason) return { ok: false, reason: portReason, fault: s.remotePort.trim() !== '' || undefined };
  const host = unbracket(s.remoteHost);
  if (host === '255.255.255.255' && !s.broadcast) {
    return {
      ok: false,
      reason: t('compose.planBroadcast'),
      fault: true,
    };
  }
  return { ok: true, to: { kind: 'address', host, port: Number(s.remotePort.trim()) } };
}

export function sendPlan(session: UiSession): SendPlan {
  if (!session.engineId) {
    const first = {
      'tcp-client': 'compose.planConnect',
      'tcp-server': 'compose.planListen',
      udp: 'compose.planOpenUdp',
    } as const;
    return { ok: false, reason: t(first[session.settings.protocol]) };
  }
  switch (session.protocol) {
    case 'tcp-client':
      return session.state === 'connected' ? { ok: true } : { ok: false, reason: t('compose.planConnect') };
    case 'tcp-server':
      return serverPlan(session);
    case 'udp':
      return udpPlan(session);
  }
}
