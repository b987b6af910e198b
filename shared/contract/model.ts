// The nouns every layer shares: session ids, configs, states, counters and outgoing payloads.
// Pure data: no behaviour lives here.
import type { BoardId } from '../presets/boards';

export type SessionId = string;

export const PROTOCOLS = ['tcp-client', 'tcp-server', 'udp'] as const;
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
  /** TCP_NODELAY: send small writes at once instead of coalescing them (default true). */
  noDelay?: boolean;
  /** TCP keepalive probes after this many idle milliseconds; absent = off. */
  keepAliveMs?: number;
  /** Framing of received bytes into messages (default raw chunks). */
  framing?: FramingSpec;
  /** Reconnect by itself when the board drops or reboots; absent = stay disconnected. */
  reconnect?: ReconnectSpec;
}

/** Backoff for a client that reconnects by itself: the delay doubles from initial to max. */
export interface ReconnectSpec {
  initialDelayMs: number;
  maxDelayMs: number;
  /** Attempts before giving up; 0 = keep trying until the user disconnects. */
  maxTries: number;
}

/** A TCP server session: boards connect to us; many at once. */
export interface TcpServerConfig {
  protocol: 'tcp-server';
  /** One of this PC's addresses; absent or empty = all interfaces (IPv4 and IPv6). */
  localAddress?: string;
  port: number;
  framing?: FramingSpec;
}

export interface MulticastSpec {
  /** Group address, e.g. 239.1.2.3 or ff02::1:3. */
  group: string;
  /** Local interface address to join on; absent = the system's choice. */
  interface?: string;
  ttl?: number;
  /** Receive our own multicast datagrams (default true). */
  loopback?: boolean;
}

/** A UDP socket: datagrams to and from any peer. */
export interface UdpConfig {
  protocol: 'udp';
  localAddress?: string;
  /** 0 = any free port. */
  localPort: number;
  /** Default destination for sends. */
  remoteHost?: string;
  remotePort?: number;
  /** SO_BROADCAST, needed to send to 255.255.255.255 or a subnet's broadcast address. */
  broadcast?: boolean;
  multicast?: MulticastSpec;
  /** SO_RCVBUF in bytes, for floods of datagrams. */
  receiveBufferSize?: number;
}

export type SessionConfig = TcpClientConfig | TcpServerConfig | UdpConfig;

/**
 * connecting/connected: a TCP client; reconnecting: a client waiting before its next attempt after
 * the board dropped (see ReconnectSpec); listening: a TCP server accepting boards; open: a bound UDP
 * socket; disconnected: not active (closed by either side, or stopped); error: failed, with ErrorInfo.
 */
export const SESSION_STATES = [
  'connecting',
  'connected',
  'reconnecting',
  'listening',
  'open',
  'disconnected',
  'error',
] as const;
export type SessionState = (typeof SESSION_STATES)[number];

/** One board connected to a TCP server session. `peer` ("address:port") identifies it. */
export interface ClientInfo {
  peer: string;
  connectedAt: number;
  counters: Counters;
}

/** Framing decides where a received message ends; TCP itself has no message boundaries. */
export type FramingSpec =
  | { kind: 'raw' }
  /** Delimiter as hex bytes ("0A", "0D 0A"); kept at the end of each frame. */
  | { kind: 'delimiter'; delimiterHex: string; maxFrameBytes?: number }
  | { kind: 'fixed'; length: number }
  | {
      kind: 'length-prefix';
      /** Bytes of the length field. */
      size: 1 | 2 | 4;
      order: 'be' | 'le';
      /** Bytes before the length field. */
      offset: number;
      /** Whether the length counts the header (offset + size) too. */
      includesHeader: boolean;
      maxFrameBytes?: number;
    }
  | { kind: 'idle-gap'; gapMs: number; maxFrameBytes?: number };

/** A failure as the user sees it: the system code plus a sentence that says what to check. */
export interface ErrorInfo {
  code: string;
  message: string;
  /** `message` as a catalogue key and values, so a window can show it in its own language. */
  detail?: Phrase;
}

/** Exact traffic totals, counted in the engine from every byte (never from what was displayed). */
/**
 * A UDP socket's receive buffer: the bytes the config asked for and what the system granted (Linux
 * grants twice the size asked, up to twice net.core.rmem_max).
 */
export interface ReceiveBuffer {
  asked: number;
  granted: number;
}

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
  /** TCP server sessions: the boards connected now. */
  clients?: ClientInfo[];
  /** UDP sessions whose config asks for a receive buffer size, once the socket is open. */
  receiveBuffer?: ReceiveBuffer;
  /** The framing in force (absent = raw chunks). */
  framing?: FramingSpec;
  capture?: CaptureStatus;
}

/** A capture-to-file: where, how much so far, and whether it stopped on an error. */
export interface CaptureStatus {
  path: string;
  active: boolean;
  /** Bytes written to the file so far (all directions). */
  bytes: number;
  /** Chunks recorded in the index. */
  records: number;
  error?: ErrorInfo;
}

export const TEXT_ENCODINGS = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;
export type TextEncodingName = (typeof TEXT_ENCODINGS)[number];

export const LINE_ENDINGS = ['none', 'cr', 'lf', 'crlf'] as const;
export type LineEnding = (typeof LINE_ENDINGS)[number];

export const CHECKSUM_KINDS = ['sum8', 'xor8', 'crc8', 'crc16-modbus', 'crc16-ccitt-false', 'crc32'] as const;
export type ChecksumKind = (typeof CHECKSUM_KINDS)[number];

/** Appended after the payload (and its line ending). `order` matters for 16 and 32 bit sums. */
export interface ChecksumSpec {
  kind: ChecksumKind;
  /** Default: little-endian for CRC-16/MODBUS (as Modbus RTU sends it), big-endian otherwise. */
  order?: 'be' | 'le';
}

/** Text to encode: escapes (\r \n \xNN ...) are expanded when `escapes` is true. */
export interface TextPayload {
  text: string;
  encoding: TextEncodingName;
  escapes: boolean;
  lineEnding: LineEnding;
  /** Expand {counter}, {date}, {time}, {unix}, {random:N} at send time; "{{" and "}}" stay literal braces. */
  macros?: boolean;
  checksum?: ChecksumSpec;
}

/** Bytes written as hex digits: "31 32 33", "313233", "0x31 0x32". */
export interface HexPayload {
  hex: string;
  checksum?: ChecksumSpec;
}

/** Bytes written as Base64. */
export interface Base64Payload {
  base64: string;
  checksum?: ChecksumSpec;
}

/** Raw bytes, e.g. one chunk of a file being sent. */
export interface BytesPayload {
  bytes: Uint8Array;
  checksum?: ChecksumSpec;
}

export type Payload = TextPayload | HexPayload | Base64Payload | BytesPayload;

/** Where a send goes: a server's one client or all of them; a UDP socket's explicit peer or last sender. */
export type SendTarget =
  | { kind: 'all' }
  | { kind: 'client'; peer: string }
  | { kind: 'address'; host: string; port: number }
  | { kind: 'last-sender' };

/** One address of one of this PC's network interfaces. */
export interface InterfaceAddress {
  name: string;
  address: string;
  family: 'IPv4' | 'IPv6';
  prefixLength: number;
  internal: boolean;
  mac: string;
}

/** Result of connecting to our own listener through one local address. */
export interface SelfTestResult {
  address: string;
  ok: boolean;
  /** Round trip of the connect, in milliseconds, when ok. */
  ms?: number;
  error?: ErrorInfo;
}

export const isHexPayload = (p: Payload): p is HexPayload => 'hex' in p;
export const isBase64Payload = (p: Payload): p is Base64Payload => 'base64' in p;
export const isBytesPayload = (p: Payload): p is BytesPayload => 'bytes' in p;

export const zeroCounters = (): Counters => ({ rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 });

/** What a board's reply to each send must be. The session's framing decides where a reply ends. */
export type ExpectRule =
  /** The same bytes back. */
  | { kind: 'echo' }
  /** A fixed prefix, then the same bytes (W55RP20: "TCP Server : ", K230: "recv: "). */
  | { kind: 'prefix-echo'; prefix: string; encoding?: TextEncodingName }
  | { kind: 'text'; text: string; encoding?: TextEncodingName }
  | { kind: 'hex'; hex: string }
  /** A JavaScript regular expression over the reply decoded as `encoding` (default UTF-8). */
  | { kind: 'regex'; pattern: string; encoding?: TextEncodingName };

export interface ExpectSpec {
  rule: ExpectRule;
  /** A reply not complete within this many milliseconds is a TIMEOUT. */
  timeoutMs: number;
}

export type Verdict = 'pass' | 'fail' | 'timeout';

/** One send and the board's reply, judged against the session's expect rule. */
export interface ExchangeResult {
  /** 1, 2, 3 ... per session. */
  seq: number;
  verdict: Verdict;
  sentAt: number;
  peer: string;
  /** Round trip to the first byte and to the complete reply, in milliseconds (monotonic clock). */
  firstByteMs?: number;
  completeMs?: number;
  /** What the rule expected (absent for regex) and what came. */
  expected?: Uint8Array;
  actual?: Uint8Array;
  /** First byte offset where actual differs from expected. */
  diffAt?: number;
  /** A sentence: why it failed or timed out. */
  reason?: string;
  /** `reason` as a catalogue key and values, so a window can show it in its own language. */
  reasonDetail?: Phrase;
}

/**
 * A sentence as a catalogue key and its values, sent beside its English text; a value may be a
 * sentence of its own (a codec fault inside "The expected hex is not valid: ...").
 */
export interface Phrase {
  key: string;
  params?: Readonly<Record<string, string | number | Phrase>>;
}

export const MATCH_KINDS = ['exact', 'contains', 'prefix', 'regex', 'hex'] as const;
export type MatchKind = (typeof MATCH_KINDS)[number];

/** Stand in for a host or a board: answer what matches. */
export interface AutoReplyRule {
  match: { kind: MatchKind; pattern: string; encoding?: TextEncodingName };
  /** Text payloads may use the match's groups ({0}, {1} ...) and the macros. */
  reply: Payload;
  delayMs?: number;
  enabled?: boolean;
}

export interface SoakStats {
  sent: number;
  passed: number;
  failed: number;
  timedOut: number;
  outOfOrder: number;
  /** Round trip to the complete reply, in milliseconds. */
  rtt: { min: number; p50: number; p95: number; p99: number; max: number } | null;
  /** Reply bytes per second over the run. */
  throughputBps: number;
  elapsedMs: number;
}

export type TaskKind = 'periodic' | 'soak';
export type TaskState = 'running' | 'done' | 'stopped' | 'error';

/** A simulated seed board running on loopback, started from the UI. */
export interface SimulatedBoardInfo {
  /** Names it for stopSimulatedBoard. */
  id: string;
  kind: BoardId;
  /** A server board: where it listens. esp8266: the PC address it connects to. */
  host: string;
  port: number;
}

export type CaseStepVerdict = 'pass' | 'fail' | 'timeout' | 'skipped';

/** One step of a case run, as the app shows it. */
export interface CaseStepRow {
  /** "4.2": the step's place in the file. */
  number: string;
  /** The repeat rounds around it ("3", "3.2"); absent outside repeats. */
  round?: string;
  kind: string;
  label: string;
  /** `label` as a catalogue phrase, when SocketBench wrote it (a step without a name of its own). */
  labelDetail?: Phrase;
  verdict: CaseStepVerdict;
  durationMs: number;
  /** Send steps with an expectation: round trip to the first byte and to the complete reply. */
  firstByteMs?: number;
  completeMs?: number;
  /** Why it failed, the byte diff of expected against actual, what came: the report's lines. */
  details?: string;
  /** Each line of `details` as a catalogue phrase (null: shown as it is). */
  detailLines?: (Phrase | null)[];
}

/** A case run's summary: JSON-safe (no bytes), for the UI. */
export interface CaseRunResult {
  name: string;
  file: string;
  /** The board as the user knows it: "127.0.0.1:40123", "listening on 0.0.0.0:8888". */
  target: string;
  simulated?: BoardId;
  passed: boolean;
  steps: CaseStepRow[];
  counts: { passed: number; failed: number; timedOut: number; skipped: number };
  /** Over the round trips of every passed send, in milliseconds. */
  rtt: { min: number; p50: number; p95: number; p99: number; max: number } | null;
  durationMs: number;
  notes: string[];
  /** Each note as a catalogue phrase. */
  noteDetails?: Phrase[];
  /** `target` as a catalogue phrase, when it has words in it ("listening on ..."). */
  targetDetail?: Phrase;
  /** The whole run as the command line prints it. */
  text: string;
}
