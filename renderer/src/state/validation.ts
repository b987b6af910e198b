// Why Connect / Listen / Open is disabled: the session settings as typed, checked field by field for
// the chosen protocol, each fault put as the sentence shown next to the button.
import { isMulticast } from '../../../shared/net/ip';
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

type AddressWhat = 'host' | 'local address' | 'remote host';

function addressReason(value: string, what: AddressWhat): string | undefined {
  const h = unbracket(value);
  if (/\s/.test(h)) return `The ${what} must not contain spaces.`;
  if (h.length > MAX_HOST_LENGTH) return `The ${what} is too long (at most ${MAX_HOST_LENGTH} characters).`;
  // "192.168.1.123:8087" pasted whole is the commonest slip; one colon is never an IPv6 literal.
  const withPort = /^([^:]+):(\d*)$/.exec(h);
  if (withPort) {
    if (what === 'local address') return 'Leave the port out of Local address: it goes in Local port.';
    const [field, portField] = what === 'host' ? ['Host', 'Port'] : ['Remote host', 'Remote port'];
    return `Leave the port out of ${field}: write ${withPort[1]} here and ${withPort[2] || 'the port'} in ${portField}.`;
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
  if (unbracket(host) === '') return "Enter the board's IP address or host name.";
  return addressReason(host, 'host');
}

export function portReason(port: string): string | undefined {
  if (port.trim() === '') return 'Enter the port the board listens on (1 to 65535).';
  return wholeIn(port, 1, 65535) === undefined ? 'Port must be a whole number from 1 to 65535.' : undefined;
}

export function remoteHostReason(host: string): string | undefined {
  if (unbracket(host) === '') return "Enter the board's address in Remote host.";
  return addressReason(host, 'remote host');
}

export function remotePortReason(port: string): string | undefined {
  if (port.trim() === '') return 'Enter the port the board receives on in Remote port.';
  return wholeIn(port, 1, 65535) === undefined
    ? 'Remote port must be a whole number from 1 to 65535.'
    : undefined;
}

/** A server may listen on port 0: the system picks a free port and the state shows which. */
export function listenPortReason(port: string): string | undefined {
  if (port.trim() === '') return 'Enter the port to listen on (the one the board connects to).';
  return wholeIn(port, 0, 65535) === undefined
    ? 'Port must be a whole number from 0 to 65535 (0 picks a free port).'
    : undefined;
}

export function localAddressReason(address: string): string | undefined {
  return unbracket(address) === '' ? undefined : addressReason(address, 'local address');
}

export function localPortReason(port: string): string | undefined {
  if (port.trim() === '' || wholeIn(port, 0, 65535) !== undefined) return undefined;
  return 'Local port must be a whole number from 0 to 65535 (empty or 0 lets the system choose).';
}

/** Empty means "default"; otherwise a whole number within bounds, or the sentence. */
const optionalWhole = (value: string, min: number, max: number, reason: string): string | undefined =>
  value.trim() === '' || wholeIn(value, min, max) !== undefined ? undefined : reason;

export const timeoutReason = (ms: string): string | undefined =>
  optionalWhole(
    ms,
    100,
    600_000,
    'Connect timeout must be a whole number of milliseconds from 100 to 600000.',
  );

export const keepAliveReason = (s: string): string | undefined =>
  optionalWhole(
    s,
    1,
    7200,
    'Keepalive must be a whole number of seconds from 1 to 7200 (empty turns it off).',
  );

export const ttlReason = (ttl: string): string | undefined =>
  optionalWhole(ttl, 0, 255, 'TTL must be a whole number from 0 to 255.');

export const receiveBufferReason = (bytes: string): string | undefined =>
  optionalWhole(
    bytes,
    1024,
    256 * 1024 * 1024,
    'Receive buffer must be a whole number of bytes from 1024 to 268435456.',
  );

export function groupReason(group: string): string | undefined {
  // Joining anything else fails in the kernel with a far vaguer message.
  if (unbracket(group) === '' || isMulticast(group)) return undefined;
  return 'Group must be a multicast address: 224.0.0.0 to 239.255.255.255, or ff00::/8 for IPv6.';
}

/** Reconnect backoff, checked only while Reconnect automatically is ticked; empty = the default. */
export function reconnectChecks(s: SessionSettings): Check[] {
  if (!s.reconnect) return [];
  const first = wholeIn(s.reconnectFirstMs, 1, 3_600_000);
  const max = wholeIn(s.reconnectMaxMs, 1, 3_600_000);
  const firstReason = optionalWhole(
    s.reconnectFirstMs,
    1,
    3_600_000,
    'First retry must be a whole number of milliseconds from 1 to 3600000.',
  );
  const maxReason =
    optionalWhole(
      s.reconnectMaxMs,
      1,
      3_600_000,
      'Max retry must be a whole number of milliseconds from 1 to 3600000.',
    ) ??
    (first !== undefined && max !== undefined && max < first
      ? 'Max retry must be at least First retry: the wait doubles from one up to the other.'
      : undefined);
  return [
    ['reconnectFirstMs', firstReason],
    ['reconnectMaxMs', maxReason],
    [
      'reconnectMaxTries',
      optionalWhole(
        s.reconnectMaxTries,
        0,
        1_000_000,
        'Max tries must be a whole number (0 keeps trying until Disconnect).',
      ),
    ],
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
