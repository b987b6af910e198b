// A session's settings as the user typed them, for every protocol at once, so switching Protocol
// back and forth loses nothing; and the way back from an engine config to such settings.
import type { FramingSpec, MatchKind, Protocol, SessionConfig } from '../../../shared/contract/model';
import { catalogWords } from './catalog-words';

/** Strings, so "70000" can be shown back with the reason it is refused. */
export interface SessionSettings {
  protocol: Protocol;
  // TCP client: the board's address, and Options.
  host: string;
  port: string;
  localAddress: string;
  localPort: string;
  connectTimeoutMs: string;
  noDelay: boolean;
  keepAliveS: string;
  // TCP server: where to listen.
  serverAddress: string;
  serverPort: string;
  // UDP: where to bind, where sends go, and Options.
  udpAddress: string;
  udpPort: string;
  remoteHost: string;
  remotePort: string;
  replyToSender: boolean;
  broadcast: boolean;
  multicastGroup: string;
  multicastInterface: string;
  multicastTtl: string;
  multicastLoopback: boolean;
  receiveBufferBytes: string;
  /** The board's IP for the "Which IP?" panel when the board is the client (server, UDP). */
  boardAddress: string;
  // Framing of received bytes (TCP), editable while the session runs.
  framing: FramingKind;
  delimiterHex: string;
  frameLength: string;
  lengthSize: '1' | '2' | '4';
  lengthOrder: 'be' | 'le';
  lengthOffset: string;
  lengthIncludesHeader: boolean;
  gapMs: string;
  maxFrameBytes: string;
  /** Capture to file: a path on the machine running the engine. */
  capturePath: string;
  // TCP client Options: reconnect by itself when the board drops or reboots.
  reconnect: boolean;
  reconnectFirstMs: string;
  reconnectMaxMs: string;
  /** 0 or empty = keep trying until Disconnect. */
  reconnectMaxTries: string;
  // Expect: what every reply must be (applied live, like Framing).
  expectKind: ExpectKind;
  expectPrefix: string;
  expectText: string;
  expectHex: string;
  expectPattern: string;
  expectTimeoutMs: string;
  /** Auto-reply rules as typed, in order (their index is the engine's rule number). */
  autoReply: AutoReplyRow[];
  // Periodic send, soak run and file send, as last typed.
  periodicIntervalMs: string;
  periodicCount: string;
  soakRounds: string;
  soakDurationS: string;
  soakIntervalMs: string;
  fileChunkBytes: string;
  fileDelayMs: string;
  /** The board preset last applied ('' = none): only shown, the fields hold the values. */
  boardPreset: string;
}

export const EXPECT_KINDS = ['off', 'echo', 'prefix-echo', 'text', 'hex', 'regex'] as const;
export type ExpectKind = (typeof EXPECT_KINDS)[number];

/** One auto-reply rule as typed: strings, so a half-typed delay can be shown with its fault. */
export interface AutoReplyRow {
  /** Stable across edits, for React keys; never sent. */
  id: number;
  match: MatchKind;
  pattern: string;
  /** Text with escapes, the match's groups ({0}, {1} …) and the macros. */
  reply: string;
  delayMs: string;
  enabled: boolean;
}

export const FRAMING_KINDS = ['raw', 'delimiter', 'fixed', 'length-prefix', 'idle-gap'] as const;
export type FramingKind = (typeof FRAMING_KINDS)[number];

export type TextSetting = {
  [K in keyof SessionSettings]: SessionSettings[K] extends string ? K : never;
}[keyof SessionSettings];
export type FlagSetting = {
  [K in keyof SessionSettings]: SessionSettings[K] extends boolean ? K : never;
}[keyof SessionSettings];

export const PROTOCOL_LABELS: Readonly<Record<Protocol, string>> = catalogWords<Protocol>({
  'tcp-client': 'session.protocol.tcp-client',
  'tcp-server': 'session.protocol.tcp-server',
  udp: 'session.protocol.udp',
});

export const defaultSettings = (): SessionSettings => ({
  protocol: 'tcp-client',
  host: '',
  port: '',
  localAddress: '',
  localPort: '',
  connectTimeoutMs: '',
  noDelay: true,
  keepAliveS: '',
  serverAddress: '',
  serverPort: '',
  udpAddress: '',
  udpPort: '',
  remoteHost: '',
  remotePort: '',
  replyToSender: false,
  broadcast: false,
  multicastGroup: '',
  multicastInterface: '',
  multicastTtl: '',
  multicastLoopback: true,
  receiveBufferBytes: '',
  boardAddress: '',
  framing: 'raw',
  delimiterHex: '0A',
  frameLength: '',
  lengthSize: '2',
  lengthOrder: 'be',
  lengthOffset: '0',
  lengthIncludesHeader: false,
  gapMs: '20',
  maxFrameBytes: '',
  capturePath: '',
  reconnect: false,
  reconnectFirstMs: '',
  reconnectMaxMs: '',
  reconnectMaxTries: '',
  expectKind: 'off',
  expectPrefix: '',
  expectText: '',
  expectHex: '',
  expectPattern: '',
  expectTimeoutMs: '2000',
  autoReply: [],
  periodicIntervalMs: '1000',
  periodicCount: '',
  soakRounds: '100',
  soakDurationS: '',
  soakIntervalMs: '0',
  fileChunkBytes: '1024',
  fileDelayMs: '0',
  boardPreset: '',
});

/** "address:port", with IPv6 in brackets; an empty address means every interface ("*"). */
export const joinHostPort = (host: string, port: number): string =>
  host === '' ? `*:${port}` : host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;

/** Where a config points: the board for a client, the local address for a server or UDP socket. */
export function targetOfConfig(config: SessionConfig): string {
  switch (config.protocol) {
    case 'tcp-client':
      return joinHostPort(config.host, config.port);
    case 'tcp-server':
      return joinHostPort(config.localAddress ?? '', config.port);
    case 'udp':
      return joinHostPort(config.localAddress ?? '', config.localPort);
  }
}

const text = (value: number | string | undefined): string => (value === undefined ? '' : String(value));

/** A framing spec as the fields that describe it; the other framing fields keep their defaults. */
export function framingSettings(spec: FramingSpec | undefined): Partial<SessionSettings> {
  const max = (n: number | undefined) => ({ maxFrameBytes: text(n) });
  switch (spec?.kind) {
    case 'delimiter':
      return { framing: 'delimiter', delimiterHex: spec.delimiterHex, ...max(spec.maxFrameBytes) };
    case 'fixed':
      return { framing: 'fixed', frameLength: String(spec.length) };
    case 'length-prefix':
      return {
        framing: 'length-prefix',
        lengthSize: String(spec.size) as SessionSettings['lengthSize'],
        lengthOrder: spec.order,
        lengthOffset: String(spec.offset),
        lengthIncludesHeader: spec.includesHeader,
        ...max(spec.maxFrameBytes),
      };
    case 'idle-gap':
      return { framing: 'idle-gap', gapMs: String(spec.gapMs), ...max(spec.maxFrameBytes) };
    default:
      return { framing: 'raw' };
  }
}

/**
 * An engine session's config as settings (a reloaded window adopting it); the rest stay default.
 * `framing`: the framing in force, which a live change may have made differ from the config's.
 */
export function settingsFromConfig(config: SessionConfig, framing?: FramingSpec): SessionSettings {
  const inForce = framing ?? (config.protocol === 'udp' ? undefined : config.framing);
  const base = { ...defaultSettings(), ...framingSettings(inForce), protocol: config.protocol };
  switch (config.protocol) {
    case 'tcp-client':
      return {
        ...base,
        host: config.host,
        port: String(config.port),
        localAddress: config.localAddress ?? '',
        localPort: text(config.localPort),
        connectTimeoutMs: text(config.connectTimeoutMs),
        noDelay: config.noDelay ?? true,
        keepAliveS: config.keepAliveMs === undefined ? '' : String(Math.round(config.keepAliveMs / 1000)),
        ...(config.reconnect
          ? {
              reconnect: true,
              reconnectFirstMs: String(config.reconnect.initialDelayMs),
              reconnectMaxMs: String(config.reconnect.maxDelayMs),
              reconnectMaxTries: String(config.reconnect.maxTries),
            }
          : {}),
      };
    case 'tcp-server':
      return { ...base, serverAddress: config.localAddress ?? '', serverPort: String(config.port) };
    case 'udp':
      return {
        ...base,
        udpAddress: config.localAddress ?? '',
        udpPort: String(config.localPort),
        remoteHost: config.remoteHost ?? '',
        remotePort: text(config.remotePort),
        broadcast: config.broadcast ?? false,
        multicastGroup: config.multicast?.group ?? '',
        multicastInterface: config.multicast?.interface ?? '',
        multicastTtl: text(config.multicast?.ttl),
        multicastLoopback: config.multicast?.loopback ?? true,
        receiveBufferBytes: text(config.receiveBufferSize),
      };
  }
}
