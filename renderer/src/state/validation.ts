// Why Connect is disabled: the session settings as typed, checked field by field, each fault put as
// the sentence shown next to the button. Also turns valid settings into the engine's config.
import type { TcpClientConfig } from '../../../shared/contract/model';
import type { SessionSettings } from './sessions-reducer';

export type SettingsField = 'host' | 'port' | 'localAddress' | 'localPort' | 'connectTimeoutMs';

export interface SettingsProblem {
  field: SettingsField;
  reason: string;
}

const WHOLE = /^\d+$/;
const MAX_HOST_LENGTH = 255;

/** "[fe80::1]" is how people paste IPv6; the engine wants the bare literal. */
const unbracket = (host: string): string => {
  const h = host.trim();
  return h.startsWith('[') && h.endsWith(']') ? h.slice(1, -1) : h;
};

function addressReason(value: string, what: 'host' | 'local address'): string | undefined {
  const h = unbracket(value);
  if (/\s/.test(h)) return `The ${what} must not contain spaces.`;
  if (h.length > MAX_HOST_LENGTH) return `The ${what} is too long (at most ${MAX_HOST_LENGTH} characters).`;
  // "192.168.1.123:8087" pasted whole is the commonest slip; one colon is never an IPv6 literal.
  const withPort = /^([^:]+):(\d*)$/.exec(h);
  if (withPort) {
    return what === 'host'
      ? `Leave the port out of Host: write ${withPort[1]} here and ${withPort[2] || 'the port'} in Port.`
      : 'Leave the port out of Local address: it goes in Local port.';
  }
  return undefined;
}

export function hostReason(host: string): string | undefined {
  if (unbracket(host) === '') return "Enter the board's IP address or host name.";
  return addressReason(host, 'host');
}

export function portReason(port: string): string | undefined {
  const p = port.trim();
  if (p === '') return 'Enter the port the board listens on (1 to 65535).';
  if (!WHOLE.test(p) || Number(p) < 1 || Number(p) > 65535)
    return 'Port must be a whole number from 1 to 65535.';
  return undefined;
}

export function localAddressReason(address: string): string | undefined {
  return unbracket(address) === '' ? undefined : addressReason(address, 'local address');
}

export function localPortReason(port: string): string | undefined {
  const p = port.trim();
  if (p === '') return undefined;
  if (!WHOLE.test(p) || Number(p) > 65535) {
    return 'Local port must be a whole number from 0 to 65535 (empty or 0 lets the system choose).';
  }
  return undefined;
}

export function timeoutReason(ms: string): string | undefined {
  const t = ms.trim();
  if (t === '') return undefined;
  if (!WHOLE.test(t) || Number(t) < 100 || Number(t) > 600_000) {
    return 'Connect timeout must be a whole number of milliseconds from 100 to 600000.';
  }
  return undefined;
}

/** Every fault, in the order the fields appear; the first is the one shown next to Connect. */
export function settingsProblems(s: SessionSettings): SettingsProblem[] {
  const checks: [SettingsField, string | undefined][] = [
    ['host', hostReason(s.host)],
    ['port', portReason(s.port)],
    ['localAddress', localAddressReason(s.localAddress)],
    ['localPort', localPortReason(s.localPort)],
    ['connectTimeoutMs', timeoutReason(s.connectTimeoutMs)],
  ];
  return checks.flatMap(([field, reason]) => (reason ? [{ field, reason }] : []));
}

export function configFromSettings(
  s: SessionSettings,
): { ok: true; config: TcpClientConfig } | { ok: false; problem: SettingsProblem } {
  const [problem] = settingsProblems(s);
  if (problem) return { ok: false, problem };
  const config: TcpClientConfig = {
    protocol: 'tcp-client',
    host: unbracket(s.host),
    port: Number(s.port.trim()),
  };
  const localAddress = unbracket(s.localAddress);
  if (localAddress !== '') config.localAddress = localAddress;
  if (s.localPort.trim() !== '') config.localPort = Number(s.localPort.trim());
  if (s.connectTimeoutMs.trim() !== '') config.connectTimeoutMs = Number(s.connectTimeoutMs.trim());
  return { ok: true, config };
}
