// Valid settings become the engine's config for their protocol: trimmed, numbers as numbers, and
// every empty option left out so the engine's defaults apply.
import type {
  ReconnectSpec,
  SessionConfig,
  TcpClientConfig,
  UdpConfig,
} from '../../../shared/contract/model';
import { framingFromSettings } from './framing-settings';
import type { SessionSettings } from './settings';
import {
  portReason,
  remoteHostReason,
  type SettingsProblem,
  settingsProblems,
  unbracket,
} from './validation';

const num = (value: string): number | undefined => (value.trim() === '' ? undefined : Number(value.trim()));

/** Sets only the keys whose value is present, so the config carries no `undefined` members. */
function defined<T extends object>(base: T, extra: Record<string, unknown>): T {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [key, value] of Object.entries(extra)) if (value !== undefined && value !== '') out[key] = value;
  return out as T;
}

/** Raw chunks are the engine's default: only another framing travels. */
function framingOf(s: SessionSettings) {
  const framing = framingFromSettings(s);
  return framing.ok && framing.spec.kind !== 'raw' ? framing.spec : undefined;
}

/** Defaults of the backoff when its fields are left empty: quick first, a reboot's length at most. */
export const RECONNECT_DEFAULTS = { initialDelayMs: 500, maxDelayMs: 10_000, maxTries: 0 } as const;

function reconnectOf(s: SessionSettings): ReconnectSpec | undefined {
  if (!s.reconnect) return undefined;
  const initialDelayMs = num(s.reconnectFirstMs) ?? RECONNECT_DEFAULTS.initialDelayMs;
  return {
    initialDelayMs,
    maxDelayMs: num(s.reconnectMaxMs) ?? Math.max(initialDelayMs, RECONNECT_DEFAULTS.maxDelayMs),
    maxTries: num(s.reconnectMaxTries) ?? RECONNECT_DEFAULTS.maxTries,
  };
}

function clientConfig(s: SessionSettings): TcpClientConfig {
  const keepAlive = num(s.keepAliveS);
  return defined<TcpClientConfig>(
    { protocol: 'tcp-client', host: unbracket(s.host), port: Number(s.port.trim()) },
    {
      localAddress: unbracket(s.localAddress),
      localPort: num(s.localPort),
      connectTimeoutMs: num(s.connectTimeoutMs),
      // The engine's default is on: only the exception travels.
      noDelay: s.noDelay ? undefined : false,
      keepAliveMs: keepAlive === undefined ? undefined : keepAlive * 1000,
      framing: framingOf(s),
      reconnect: reconnectOf(s),
    },
  );
}

function udpConfig(s: SessionSettings): UdpConfig {
  const group = unbracket(s.multicastGroup);
  // The default destination rides along when it is complete; the composer sends to it explicitly.
  const remote = !remoteHostReason(s.remoteHost) && !portReason(s.remotePort);
  return defined<UdpConfig>(
    { protocol: 'udp', localPort: num(s.udpPort) ?? 0 },
    {
      localAddress: unbracket(s.udpAddress),
      remoteHost: remote ? unbracket(s.remoteHost) : undefined,
      remotePort: remote ? Number(s.remotePort.trim()) : undefined,
      broadcast: s.broadcast || undefined,
      multicast:
        group === ''
          ? undefined
          : defined(
              { group },
              {
                interface: unbracket(s.multicastInterface),
                ttl: num(s.multicastTtl),
                loopback: s.multicastLoopback ? undefined : false,
              },
            ),
      receiveBufferSize: num(s.receiveBufferBytes),
    },
  );
}

export function configFromSettings(
  s: SessionSettings,
): { ok: true; config: SessionConfig } | { ok: false; problem: SettingsProblem } {
  const [problem] = settingsProblems(s);
  if (problem) return { ok: false, problem };
  switch (s.protocol) {
    case 'tcp-client':
      return { ok: true, config: clientConfig(s) };
    case 'tcp-server':
      return {
        ok: true,
        config: defined(
          { protocol: 'tcp-server', port: Number(s.serverPort.trim()) },
          { localAddress: unbracket(s.serverAddress), framing: framingOf(s) },
        ),
      };
    case 'udp':
      return { ok: true, config: udpConfig(s) };
  }
}
