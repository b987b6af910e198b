// Board presets: for each seed board, the session settings that talk to its stock program (mode,
// port, line ending, encodings, framing, expect rule). Pure data for the UI, the CLI and the simulators.
import type { DecodeAs } from '../codec/display';
import type { ExpectRule, FramingSpec, LineEnding, Protocol, TextEncodingName } from '../contract/model';

/** The seed boards; each also names its simulated board (`socketbench simulate <id>`). */
export const BOARD_IDS = ['w55rp20', 'k230', 'esp8266', 'quecpython-tcp', 'quecpython-udp'] as const;
export type BoardId = (typeof BOARD_IDS)[number];

export const isBoardId = (value: unknown): value is BoardId =>
  typeof value === 'string' && (BOARD_IDS as readonly string[]).includes(value);

export interface BoardPreset {
  id: BoardId;
  /** As menus show it. */
  label: string;
  /** One sentence: what the board's program does, from the PC's side. */
  behaviour: string;
  /** The session SocketBench opens: the board's opposite role. */
  protocol: Protocol;
  /**
   * tcp-client and udp: the board's port; tcp-server: the port this PC listens on for the board.
   * The stock programs' values; a user's board may differ.
   */
  port: number;
  lineEnding: LineEnding;
  encodeAs: TextEncodingName;
  decodeAs: DecodeAs;
  framing: FramingSpec;
  /** What every reply to a send must be. */
  expect: ExpectRule;
  expectTimeoutMs: number;
  /** Something worth sending first. */
  sampleMessage: string;
}

const RAW: FramingSpec = { kind: 'raw' };

export const BOARD_PRESETS: Readonly<Record<BoardId, BoardPreset>> = {
  w55rp20: {
    id: 'w55rp20',
    label: 'W55RP20 (MicroPython TCP server)',
    behaviour: 'Listens on a TCP port and answers each message with "TCP Server : " and the same bytes.',
    protocol: 'tcp-client',
    port: 8087,
    lineEnding: 'none',
    encodeAs: 'ascii',
    decodeAs: 'ascii',
    framing: RAW,
    expect: { kind: 'prefix-echo', prefix: 'TCP Server : ' },
    expectTimeoutMs: 2000,
    sampleMessage: 'hello',
  },
  k230: {
    id: 'k230',
    label: 'K230 (CanMV TCP server)',
    behaviour:
      'Greets each connection with a line, answers each message with "recv: " and the same bytes, and closes the connection after a message containing "end".',
    protocol: 'tcp-client',
    port: 8080,
    lineEnding: 'none',
    encodeAs: 'utf-8',
    decodeAs: 'utf-8',
    framing: RAW,
    expect: { kind: 'prefix-echo', prefix: 'recv: ' },
    expectTimeoutMs: 2000,
    sampleMessage: 'hello',
  },
  esp8266: {
    id: 'esp8266',
    label: 'ESP8266 (MicroPython TCP client)',
    behaviour:
      'Connects to this PC, sends "Hello" and "This is my IP." (with no line ending between them), then echoes every message.',
    protocol: 'tcp-server',
    port: 8888,
    lineEnding: 'none',
    encodeAs: 'ascii',
    decodeAs: 'ascii',
    framing: RAW,
    expect: { kind: 'echo' },
    expectTimeoutMs: 2000,
    sampleMessage: 'hello',
  },
  'quecpython-tcp': {
    id: 'quecpython-tcp',
    label: 'QuecPython module (TCP echo server)',
    behaviour: 'Listens on a TCP port and sends every message back unchanged.',
    protocol: 'tcp-client',
    port: 80,
    lineEnding: 'none',
    encodeAs: 'ascii',
    decodeAs: 'ascii',
    framing: RAW,
    expect: { kind: 'echo' },
    expectTimeoutMs: 2000,
    sampleMessage: '1234567890',
  },
  'quecpython-udp': {
    id: 'quecpython-udp',
    label: 'QuecPython module (UDP echo)',
    behaviour: 'Sends every datagram back to the address and port it came from.',
    protocol: 'udp',
    port: 80,
    lineEnding: 'none',
    encodeAs: 'ascii',
    decodeAs: 'ascii',
    framing: RAW,
    expect: { kind: 'echo' },
    expectTimeoutMs: 2000,
    sampleMessage: '1234567890',
  },
};
