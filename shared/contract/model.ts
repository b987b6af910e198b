// The nouns every layer shares: session ids, configs, states, counters and outgoing payloads.
// Pure data: no behaviour lives here.

export type SessionId = string;

export const PROTOCOLS = ['tcp-client'] as const;
export type Protocol = (typeof PROTOCOLS)[number];

/** A TCP client session: we connect to a board that runs a TCP server. */
export interface TcpClientConfig {
  protocol: 'tcp-client';
  /** Host name, IPv4 literal or IPv6 literal (without brackets). */
  host: string;
  port: number;
  localAddress?: string;
  localPort?: number;
  /** Give up connecting after this many milliseconds (default 5000). */
  connectTimeoutMs?: number;
}

export type SessionConfig = TcpClientConfig;

export const SESSION_STATES = ['connecting', 'connected', 'disconnected', 'error'] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** A failure as the user sees it: the system code plus a sentence that says what to check. */
export interface ErrorInfo {
  code: string;
  message: string;
}

/** Exact traffic totals, counted in the engine from every byte (never from what was displayed). */
export interface Counters {
  rxBytes: number;
  txBytes: number;
  rxChunks: number;
  txChunks: number;
}

export interface SessionSnapshot {
  id: SessionId;
  name: string;
  config: SessionConfig;
  state: SessionState;
  error?: ErrorInfo;
  /** "address:port" of our side once connected. */
  local?: string;
  /** "address:port" of the board once connected. */
  remote?: string;
  counters: Counters;
  /** Epoch milliseconds when the session was opened. */
  openedAt: number;
}

export const TEXT_ENCODINGS = ['ascii', 'utf-8'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const LINE_ENDINGS = ['none', 'cr', 'lf', 'crlf'] as const;
export type LineEnding = (typeof LINE_ENDINGS)[number];

/** Text to encode: escapes (\r \n \xNN ...) are expanded when `escapes` is true. */
export interface TextPayload {
  text: string;
  encoding: TextEncodingName;
  escapes: boolean;
  lineEnding: LineEnding;
}

/** Bytes written as hex digits: "31 32 33", "313233", "0x31 0x32". */
export interface HexPayload {
  hex: string;
}

export type Payload = TextPayload | HexPayload;

export const isHexPayload = (p: Payload): p is HexPayload => 'hex' in p;

export const zeroCounters = (): Counters => ({ rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 });
