// A test case as the runner sees it, after the file was parsed, its variables substituted and every
// field checked (see parse-case.ts for the file format; docs/test-cases.md for users).
import type {
  ExpectRule,
  FramingSpec,
  LineEnding,
  Payload,
  Phrase,
  Protocol,
  TextEncodingName,
} from '../contract/model';
import type { BoardId } from '../presets/boards';

export interface CaseBoard {
  mode: Protocol;
  /** tcp-client and udp: the board's address. */
  host?: string;
  /** tcp-client and udp: the board's port; tcp-server: the port this PC listens on. */
  port?: number;
  /** tcp-server: the address to listen on; tcp-client and udp: the local address to bind. */
  localAddress?: string;
  /** tcp-client and udp: our own port (udp default 0: any). */
  localPort?: number;
  framing: FramingSpec;
  /** Defaults for text sends and text rules. */
  encoding: TextEncodingName;
  lineEnding: LineEnding;
}

/** What a step waits for: a reply judged by a rule, or the board closing the connection. */
export type StepExpect = { kind: 'rule'; rule: ExpectRule } | { kind: 'closed' };

interface StepBase {
  /** "3", "4.2": the step's place in the file, for messages and reports. */
  number: string;
  /** Shown in the summary and as the JUnit test case's name. */
  label: string;
  /** `label` as a catalogue phrase when SocketBench wrote it (the step has no name of its own). */
  labelDetail?: Phrase;
}

export type CaseStep =
  | (StepBase & { kind: 'connect'; timeoutMs: number })
  | (StepBase & { kind: 'listen'; timeoutMs: number })
  | (StepBase & { kind: 'send'; payload: Payload; expect?: StepExpect; timeoutMs: number })
  | (StepBase & { kind: 'expect'; expect: StepExpect; timeoutMs: number })
  | (StepBase & { kind: 'wait'; ms: number })
  | (StepBase & { kind: 'repeat'; count: number; steps: CaseStep[] })
  | (StepBase & { kind: 'close' });

export type StepKind = CaseStep['kind'];

export interface TestCase {
  name: string;
  /** Where it came from, for messages ("examples/w55rp20-prefix-echo.yaml"). */
  file: string;
  board: CaseBoard;
  /** The simulated board `--simulate` starts for this case. */
  simulate?: BoardId;
  /** Keep running the steps after one fails (default: the rest are skipped). */
  continueOnFailure: boolean;
  steps: CaseStep[];
}

/** Built-in waits when neither the step nor `defaults.timeout` gives one. */
export const DEFAULT_TIMEOUTS_MS = { expect: 2000, connect: 5000, listen: 30_000 } as const;

/** A problem with a case file: `message` names the file, the step, the field and the line. */
export class CaseFormatError extends Error {
  /** `message` as a catalogue phrase, for a window in another language. */
  readonly detail?: Phrase;
  constructor(message: string, detail?: Phrase) {
    super(message);
    this.name = 'CaseFormatError';
    if (detail) this.detail = detail;
  }
}
