// A test case file (YAML, or JSON, which is YAML) into a checked TestCase. Every problem is a
// CaseFormatError whose message names the file, the step, the field and the line.
import { LineCounter, parseDocument } from 'yaml';
import { phrase } from '../codec/codec-error';
import { type FramingSpec, LINE_ENDINGS, PROTOCOLS, TEXT_ENCODINGS } from '../contract/model';
import { validateFraming } from '../framing/validate';
import { BOARD_IDS } from '../presets/boards';
import {
  checkKeys,
  describeType,
  type FieldContext,
  fail,
  isRecord,
  type Place,
  readBoolean,
  readChoice,
  readDuration,
  readInteger,
  readString,
  typePhrase,
  VAR_NAME,
} from './case-fields';
import { readSteps } from './case-steps';
import { type CaseBoard, CaseFormatError, type CaseStep, type TestCase } from './case-types';

export interface ParseCaseOptions {
  /** How messages name the file. */
  file: string;
  /** `--var name=value`: win over the file's `vars`. */
  vars?: Readonly<Record<string, string>>;
}

const TOP_KEYS = ['name', 'board', 'simulate', 'vars', 'defaults', 'continueOnFailure', 'steps'];
const BOARD_KEYS = ['mode', 'host', 'port', 'localAddress', 'localPort', 'framing', 'encoding', 'lineEnding'];
const FRAMING_SHORTHANDS: Record<string, FramingSpec> = {
  raw: { kind: 'raw' },
  lf: { kind: 'delimiter', delimiterHex: '0A' },
  crlf: { kind: 'delimiter', delimiterHex: '0D 0A' },
};

function readFraming(ctx: FieldContext, place: Place, value: unknown): FramingSpec {
  if (value === undefined) return { kind: 'raw' };
  if (typeof value === 'string' && Object.hasOwn(FRAMING_SHORTHANDS, value)) {
    return FRAMING_SHORTHANDS[value] as FramingSpec;
  }
  if (!isRecord(value)) {
    return fail(
      ctx,
      place,
      'framing',
      `expected raw, lf, crlf or a map with kind; found ${describeType(value)}`,
      phrase('cases.expectedFraming', { found: typePhrase(value) }),
    );
  }
  const problem = validateFraming(value as unknown as FramingSpec);
  if (problem) return fail(ctx, place, 'framing', problem);
  return value as unknown as FramingSpec;
}

function readBoard(ctx: FieldContext, value: unknown): CaseBoard {
  const place: Place = { path: ['board'], where: 'board' };
  if (!isRecord(value)) {
    return fail(
      ctx,
      { path: [], where: 'the case' },
      'board',
      `expected a map with mode, host, port ...; found ${describeType(value)}`,
      phrase('cases.expectedBoard', { found: typePhrase(value) }),
    );
  }
  checkKeys(ctx, place, value, BOARD_KEYS);
  const mode = readChoice(ctx, place, 'mode', value.mode, PROTOCOLS);
  const opt = <T>(key: string, read: (v: unknown) => T): T | undefined =>
    value[key] === undefined ? undefined : read(value[key]);
  const host = opt('host', (v) => readString(ctx, place, 'host', v).trim());
  const port = opt('port', (v) => readInteger(ctx, place, 'port', v, 0, 65535));
  const localAddress = opt('localAddress', (v) => readString(ctx, place, 'localAddress', v).trim());
  const localPort = opt('localPort', (v) => readInteger(ctx, place, 'localPort', v, 0, 65535));
  if (mode === 'tcp-server' && host !== undefined) {
    return fail(
      ctx,
      place,
      'host',
      'a tcp-server case listens; give the address to listen on as localAddress',
      phrase('cases.serverHost'),
    );
  }
  const framing = readFraming(ctx, place, value.framing);
  if (mode === 'udp' && framing.kind !== 'raw') {
    return fail(
      ctx,
      place,
      'framing',
      'UDP is not framed: each datagram is one message',
      phrase('cases.udpFraming'),
    );
  }
  return {
    mode,
    ...(host ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
    ...(localAddress ? { localAddress } : {}),
    ...(localPort !== undefined ? { localPort } : {}),
    framing,
    encoding:
      value.encoding === undefined
        ? 'utf-8'
        : readChoice(ctx, place, 'encoding', value.encoding, TEXT_ENCODINGS),
    lineEnding:
      value.lineEnding === undefined
        ? 'none'
        : readChoice(ctx, place, 'lineEnding', value.lineEnding, LINE_ENDINGS),
  };
}

function readVars(
  ctx: FieldContext,
  value: unknown,
  overrides: Readonly<Record<string, string>>,
): Record<string, string> {
  const place: Place = { path: ['vars'], where: 'vars' };
  if (value !== undefined && !isRecord(value)) {
    return fail(
      ctx,
      { path: [], where: 'the case' },
      'vars',
      `expected a map of name: value, found ${describeType(value)}`,
      phrase('cases.expectedVars', { found: typePhrase(value) }),
    );
  }
  const vars: Record<string, string> = {};
  for (const [name, v] of Object.entries(value ?? {})) {
    if (!VAR_NAME.test(name))
      fail(
        ctx,
        place,
        name,
        'a variable name is letters, digits, _ . and -, not starting with a digit',
        phrase('cases.varName'),
      );
    if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean') {
      fail(
        ctx,
        place,
        name,
        `a variable's value is text or a number, found ${describeType(v)}`,
        phrase('cases.varValue', { found: typePhrase(v) }),
      );
    }
    // Values are literal: a variable does not expand others, so no order or cycles to explain.
    vars[name] = String(v);
  }
  return { ...vars, ...overrides };
}

/** A send or expect with no connection open would only fail at run time; say so now. */
function checkOrder(
  ctx: FieldContext,
  steps: CaseStep[],
  board: CaseBoard,
  path: (string | number)[],
  open: boolean,
): boolean {
  steps.forEach((step, i) => {
    const place: Place = { path: [...path, i], where: `step ${step.number} (${step.kind})` };
    if (step.kind === 'connect' && board.mode === 'tcp-server') {
      fail(
        ctx,
        place,
        undefined,
        'a tcp-server case waits for the board: use listen',
        phrase('cases.serverConnect'),
      );
    }
    if (step.kind === 'listen' && board.mode !== 'tcp-server') {
      fail(
        ctx,
        place,
        undefined,
        `listen belongs to tcp-server cases; this case is ${board.mode}: use connect`,
        phrase('cases.listenNotServer', { mode: board.mode }),
      );
    }
    if ((step.kind === 'send' || step.kind === 'expect' || step.kind === 'close') && !open) {
      const first = board.mode === 'tcp-server' ? 'listen' : 'connect';
      fail(
        ctx,
        place,
        undefined,
        `nothing is open yet: ${first} first`,
        phrase('cases.nothingOpen', { first }),
      );
    }
    const closed = step.kind === 'send' || step.kind === 'expect' ? step.expect : undefined;
    if (closed?.kind === 'closed' && board.mode === 'udp') {
      fail(
        ctx,
        place,
        'expect',
        'UDP has no connection to close: expect a reply instead',
        phrase('cases.udpClosed'),
      );
    }
    if (step.kind === 'connect' || step.kind === 'listen') open = true;
    if (step.kind === 'close' || closed?.kind === 'closed') open = false;
    if (step.kind === 'repeat') {
      const after = checkOrder(ctx, step.steps, board, [...path, i, 'steps'], open);
      // A body must leave the connection as it found it, or its second round starts wrong.
      if (step.count > 1 && after !== open) {
        fail(
          ctx,
          place,
          'steps',
          'the repeated steps must leave the connection open or closed as they found it',
          phrase('cases.repeatBalance'),
        );
      }
      open = after;
    }
  });
  return open;
}

export function parseCase(text: string, opts: ParseCaseOptions): TestCase {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const syntax = doc.errors[0];
  if (syntax) {
    const line = lines.linePos(syntax.pos[0]).line;
    const first = syntax.message.split('\n')[0];
    // The YAML parser's own words for the fault stay as they are.
    throw new CaseFormatError(
      `${opts.file}: not valid YAML or JSON: ${first}${line ? ` (line ${line})` : ''}`,
      line
        ? phrase('cases.notYamlLine', { file: opts.file, error: first ?? '', line })
        : phrase('cases.notYaml', { file: opts.file, error: first ?? '' }),
    );
  }
  const ctx: FieldContext = { file: opts.file, doc, lines, vars: {} };
  const root = doc.toJS({ maxAliasCount: 100 }) as unknown;
  const top: Place = { path: [], where: 'the case' };
  if (!isRecord(root))
    return fail(
      ctx,
      top,
      undefined,
      `expected a map with name, board and steps; found ${describeType(root)}`,
      phrase('cases.expectedCase', { found: typePhrase(root) }),
    );
  checkKeys(ctx, top, root, TOP_KEYS);
  ctx.vars = readVars(ctx, root.vars, opts.vars ?? {});

  const name =
    root.name === undefined ? opts.file : readString(ctx, top, 'name', root.name).trim() || opts.file;
  const board = readBoard(ctx, root.board);
  const simulate =
    root.simulate === undefined ? undefined : readChoice(ctx, top, 'simulate', root.simulate, BOARD_IDS);
  const defaultsPlace: Place = { path: ['defaults'], where: 'defaults' };
  let timeoutMs: number | undefined;
  if (root.defaults !== undefined) {
    if (!isRecord(root.defaults))
      return fail(
        ctx,
        top,
        'defaults',
        `expected a map, found ${describeType(root.defaults)}`,
        phrase('cases.expectedMap', { found: typePhrase(root.defaults) }),
      );
    checkKeys(ctx, defaultsPlace, root.defaults, ['timeout']);
    if (root.defaults.timeout !== undefined)
      timeoutMs = readDuration(ctx, defaultsPlace, 'timeout', root.defaults.timeout);
  }
  const continueOnFailure =
    root.continueOnFailure === undefined
      ? false
      : readBoolean(ctx, top, 'continueOnFailure', root.continueOnFailure);
  const steps = readSteps(ctx, ['steps'], root.steps, {
    board,
    ...(timeoutMs !== undefined ? { timeoutMs } : {}),
  });
  checkOrder(ctx, steps, board, ['steps'], false);
  return { name, file: opts.file, board, ...(simulate ? { simulate } : {}), continueOnFailure, steps };
}

/** Where to run a case: the file's board with the command line's --host and --port on top. */
export function resolveBoard(testCase: TestCase, overrides: { host?: string; port?: number }): CaseBoard {
  const board = { ...testCase.board };
  if (overrides.port !== undefined) board.port = overrides.port;
  if (overrides.host !== undefined) {
    if (board.mode === 'tcp-server') board.localAddress = overrides.host;
    else board.host = overrides.host;
  }
  const missing = (field: string, flag: string) =>
    new CaseFormatError(
      `${testCase.file}: board, field '${field}': missing; give it in the file or with ${flag}`,
      phrase('cases.missing', { file: testCase.file, field, flag }),
    );
  if (board.mode !== 'tcp-server' && !board.host) throw missing('host', '--host');
  if (board.port === undefined || (board.mode !== 'tcp-server' && board.port === 0))
    throw missing('port', '--port');
  return board;
}
