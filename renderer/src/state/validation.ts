// Why Connect / Listen / Open is disabled: the session settings as typed, checked field by field for
// the chosen protocol, each fault put as the sentence shown next to the button.
import { isMulticast } from '../../../shared/net/ip';
import { type MessageKey, t } from '../i18n';
import { framingFromSettings } from './framing-settings';
import type { SessionSettings } from './sessions-reducer';
import type { TextSetting } from './settings';

export type SettingsField = TextSetting;

export interface SettingsProblem {
  field: SettingsField;
  reason: string;
}

const WHOLE = /^\d+$/;
const MAX_HOST_LENGTH = 255;

/** "[fe80::1]" is how people paste IPv6; the engine wants the bare literal. */
export const unbracket = (host: string): string => {
  const h = host.trim();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
};

type AddressWhat = 'host' | 'localAddress' | 'remoteHost';

const ADDRESS_KEYS: Record<AddressWhat, { spaces: MessageKey; tooLong: MessageKey }> = {
  host: { spaces: 'validation.hostSpaces', tooLong: 'validation.hostTooLong' },
  localAddress: { spaces: 'validation.localAddressSpaces', tooLong: 'validation.localAddressTooLong' },
  remoteHost: { spaces: 'validation.remoteHostSpaces', tooLong: 'validation.remoteHostTooLong' },
};

function addressReason(value: string, what: AddressWhat): string | undefined {
  const h = unbracket(value);
  if (/\s/.test(h)) return t(ADDRESS_KEYS[what].spaces);
  if (h.length > MAX_HOST_LENGTH) return t(ADDRESS_KEYS[what].tooLong, { max: MAX_HOST_LENGTH });
  // "192.168.1.123:8087" pasted whole is the commonest slip; one colon is never an IPv6 literal.
  const withPort = /^([^:]+):(\d*)$/.exec(h);
  if (withPort) {
    if (what === 'localAddress') return t('validation.localAddressWithPort');
    const [host, port] = [withPort[1] as string, withPort[2] as string];
    if (what === 'host') {
      return port
        ? t('validation.hostWithPort', { host, port })
        : t('validation.hostWithEmptyPort', { host });
    }
    return port
      ? t('validation.remoteHostWithPort', { host, port })
      : t('validation.remoteHostWithEmptyPort', { host });
  }
  return undefined;
}

/** A whole number within bounds, or undefined when it is not one. */
function wholeIn(value: string, min: number, max: number): number | undefined {
  const t = value.trim();
  if (!WHOLE.test(t)) return undefined;
  const n = Number(t);
  return n >= min && n <= max ? n : undefined;
}

export function hostReason(host: string): string | undefined {
  if (unbracket(host) === '') return t('validation.enterHost');
  return addressReason(host, 'host');
}

export function portReason(port: string): string | undefined {
  if (port.trim() === '') return t('validation.enterPort');
  return wholeIn(port, 1, 65535) === undefined ? t('validation.port') : undefined;
}

export function remoteHostReason(host: string): string | undefined {
  if (unbracket(host) === '') return t('validation.enterRemoteHost');
  return addressReason(host, 'remoteHost');
}

export function remotePortReason(port: string): string | undefined {
  if (port.trim() === '') return t('validation.enterRemotePort');
  return wholeIn(port, 1, 65535) === undefined ? t('validation.remotePort') : undefined;
}

/** A server may listen on port 0: the system picks a free port and the state shows which. */
export function listenPortReason(port: string): string | undefined {
  if (port.trim() === '') return t('validation.enterListenPort');
  return wholeIn(port, 0, 65535) === undefined ? t('validation.listenPort') : undefined;
}

export function localAddressReason(address: string): string | undefined {
  return unbracket(address) === '' ? undefined : addressReason(address, 'localAddress');
}

export function localPortReason(port: string): string | undefined {
  if (port.trim() === '' || wholeIn(port, 0, 65535) !== undefined) return undefined;
  return t('validation.localPort');
}

/** Empty means "default"; otherwise a whole number within bounds, or the sentence. */
const optionalWhole = (value: string, min: number, max: number, reason: MessageKey): string | undefined =>
  value.trim() === '' || wholeIn(value, min, max) !== undefined ? undefined : t(reason);

export const timeoutReason = (ms: string): string | undefined =>
  optionalWhole(ms, 100, 600_000, 'validation.timeout');

export const keepAliveReason = (s: string): string | undefined =>
  optionalWhole(s, 1, 7200, 'validation.keepAlive');

export const ttlReason = (ttl: string): string | undefined => optionalWhole(ttl, 0, 255, 'validation.ttl');

export const receiveBufferReason = (bytes: string): string | undefined =>
  optionalWhole(bytes, 1024, 256 * 1024 * 1024, 'validation.receiveBuffer');

export function groupReason(group: string): string | undefined {
  // Joining anything else fails in the kernel with a far vaguer message.
  if (unbracket(group) === '' || isMulticast(group)) return undefined;
  return t('validation.group');
}

/**
 * Reconnect backoff, checked only while Reconnect automatically is ticked; empty = the default.
 * The bounds are the engine's (shared/contract/schema.ts), so what passes here is never refused there.
 */
export function reconnectChecks(s: SessionSettings): Check[] {
  if (!s.reconnect) return [];
  const first = wholeIn(s.reconnectFirstMs, 100, 600_000);
  const max = wholeIn(s.reconnectMaxMs, 100, 3_600_000);
  const firstReason = optionalWhole(s.reconnectFirstMs, 100, 600_000, 'validation.reconnectFirst');
  const maxReason =
    optionalWhole(s.reconnectMaxMs, 100, 3_600_000, 'validation.reconnectMax') ??
    (first !== undefined && max !== undefined && max < first ? t('validation.reconnectOrder') : undefined);
  return [
    ['reconnectFirstMs', firstReason],
    ['reconnectMaxMs', maxReason],
    ['reconnectMaxTries', optionalWhole(s.reconnectMaxTries, 0, 1_000_000, 'validation.reconnectTries')],
  ];
}

type Check = [SettingsField, string | undefined];

/** UDP datagrams are messages already; TCP streams are framed as the Framing fields say. */
function framingCheck(s: SessionSettings): Check[] {
  const framing = framingFromSettings(s);
  return framing.ok ? [] : [[framing.field, framing.reason]];
}

function checksFor(s: SessionSettings): Check[] {
  switch (s.protocol) {
    case 'tcp-client':
      return [
        ['host', hostReason(s.host)],
        ['port', portReason(s.port)],
        ['localAddress', localAddressReason(s.localAddress)],
        ['localPort', localPortReason(s.localPort)],
        ['connectTimeoutMs', timeoutReason(s.connectTimeoutMs)],
        ['keepAliveS', keepAliveReason(s.keepAliveS)],
        ...reconnectChecks(s),
        ...framingCheck(s),
      ];
    case 'tcp-server':
      return [
        ['serverAddress', localAddressReason(s.serverAddress)],
        ['serverPort', listenPortReason(s.serverPort)],
        ...framingCheck(s),
      ];
    case 'udp':
      return [
        ['udpAddress', localAddressReason(s.udpAddress)],
        ['udpPort', localPortReason(s.udpPort)],
        ['multicastGroup', groupReason(s.multicastGroup)],
        ['multicastInterface', localAddressReason(s.multicastInterface)],
        ['multicastTtl', ttlReason(s.multicastTtl)],
        ['receiveBufferBytes', receiveBufferReason(s.receiveBufferBytes)],
      ];
  }
}

/** Every fault of the chosen protocol's fields, in the order the fields appear. */
export function settingsProblems(s: SessionSettings): SettingsProblem[] {
  return checksFor(s).flatMap(([field, reason]) => (reason ? [{ field, reason }] : []));
}

/** Fields under the Options disclosure: a fault there must open it, or the reason points nowhere. */
export const OPTION_FIELDS: readonly SettingsField[] = [
  'localAddress',
  'localPort',
  'connectTimeoutMs',
  'keepAliveS',
  'reconnectFirstMs',
  'reconnectMaxMs',
  'reconnectMaxTries',
  'multicastGroup',
  'multicastInterface',
  'multicastTtl',
  'receiveBufferBytes',
];
