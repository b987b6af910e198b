// A send step's payload and an expect step's rule, as a case file writes them: the forms allowed,
// the board's defaults, and a short description of each for reports.
import { phrase } from '../codec/codec-error';
import { parseHex } from '../codec/hex';
import { encodePayload } from '../codec/payload';
import { encodeText } from '../codec/text';
import {
  CHECKSUM_KINDS,
  type ChecksumSpec,
  type ExpectRule,
  LINE_ENDINGS,
  type Payload,
  TEXT_ENCODINGS,
  type TextEncodingName,
} from '../contract/model';
import {
  checkKeys,
  describeType,
  type FieldContext,
  fail,
  isRecord,
  type Place,
  readBoolean,
  readChoice,
  readString,
  typePhrase,
} from './case-fields';
import type { CaseBoard, StepExpect } from './case-types';

/** Options of a text payload, allowed inside `send: {...}` or beside it on the step. */
export const PAYLOAD_OPTIONS = ['encoding', 'lineEnding', 'escapes', 'macros', 'checksum'] as const;
export const RULE_KEYS = ['echo', 'prefix-echo', 'text', 'hex', 'regex'] as const;

const quote = (text: string, max = 40) =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}...` : text);

export function describeRule(expect: StepExpect): string {
  if (expect.kind === 'closed') return 'closed';
  const r = expect.rule;
  switch (r.kind) {
    case 'echo':
      return 'echo';
    case 'prefix-echo':
      return `prefix-echo ${quote(r.prefix)}`;
    case 'text':
      return `text ${quote(r.text)}`;
    case 'hex':
      return `hex ${r.hex}`;
    case 'regex':
      return `regex /${r.pattern}/`;
  }
}

export function describePayload(p: Payload): string {
  if ('hex' in p) return `hex ${p.hex}`;
  if ('base64' in p) return `base64 ${p.base64}`;
  if ('text' in p) return quote(p.text);
  return `${p.bytes.length} bytes`;
}

function readChecksum(ctx: FieldContext, place: Place, value: unknown): ChecksumSpec {
  if (!isRecord(value)) return { kind: readChoice(ctx, place, 'checksum', value, CHECKSUM_KINDS) };
  checkKeys(ctx, { ...place, path: [...place.path, 'checksum'] }, value, ['kind', 'order']);
  const kind = readChoice(ctx, place, 'checksum', value.kind, CHECKSUM_KINDS);
  if (value.order === undefined) return { kind };
  return { kind, order: readChoice(ctx, place, 'checksum', value.order, ['be', 'le'] as const) };
}

export function readPayload(
  ctx: FieldContext,
  place: Place,
  step: Record<string, unknown>,
  board: CaseBoard,
): Payload {
  const raw = step.send;
  // Options may sit inside `send: {...}` or beside it on the step; inside wins.
  const inner = isRecord(raw) ? raw : {};
  const innerPlace = { ...place, path: [...place.path, 'send'] };
  if (isRecord(raw)) checkKeys(ctx, innerPlace, raw, ['text', 'hex', 'base64', ...PAYLOAD_OPTIONS]);
  const option = (key: (typeof PAYLOAD_OPTIONS)[number]): [Place, unknown] =>
    inner[key] !== undefined ? [innerPlace, inner[key]] : [place, step[key]];
  const [csPlace, csValue] = option('checksum');
  const checksum = csValue === undefined ? undefined : readChecksum(ctx, csPlace, csValue);

  let payload: Payload;
  const kinds = ['text', 'hex', 'base64'].filter((k) => inner[k] !== undefined);
  if (!isRecord(raw) && (typeof raw === 'string' || typeof raw === 'number')) kinds.push('plain');
  if (kinds.length !== 1) {
    return fail(
      ctx,
      place,
      'send',
      'give the message as text (send: hello) or as one of text, hex or base64',
      phrase('cases.giveMessage'),
    );
  }
  if (inner.hex !== undefined) {
    const hex = readString(ctx, innerPlace, 'hex', inner.hex);
    const parsed = parseHex(hex);
    if (!parsed.ok) return fail(ctx, innerPlace, 'hex', parsed.error.message, parsed.error.detail);
    payload = { hex, ...(checksum ? { checksum } : {}) };
  } else if (inner.base64 !== undefined) {
    payload = {
      base64: readString(ctx, innerPlace, 'base64', inner.base64),
      ...(checksum ? { checksum } : {}),
    };
  } else {
    const text = isRecord(raw)
      ? readString(ctx, innerPlace, 'text', inner.text)
      : readString(ctx, place, 'send', raw);
    const read = <T>(
      key: (typeof PAYLOAD_OPTIONS)[number],
      dflt: T,
      reader: (p: Place, v: unknown) => T,
    ): T => {
      const [p, v] = option(key);
      return v === undefined ? dflt : reader(p, v);
    };
    payload = {
      text,
      encoding: read('encoding', board.encoding, (p, v) => readChoice(ctx, p, 'encoding', v, TEXT_ENCODINGS)),
      lineEnding: read('lineEnding', board.lineEnding, (p, v) =>
        readChoice(ctx, p, 'lineEnding', v, LINE_ENDINGS),
      ),
      escapes: read('escapes', true, (p, v) => readBoolean(ctx, p, 'escapes', v)),
      macros: read('macros', false, (p, v) => readBoolean(ctx, p, 'macros', v)),
      ...(checksum ? { checksum } : {}),
    };
  }
  const encoded = encodePayload(payload);
  if (!encoded.ok) return fail(ctx, place, 'send', encoded.error.message, encoded.error.detail);
  return payload;
}

export function readRule(
  ctx: FieldContext,
  place: Place,
  value: unknown,
  board: CaseBoard,
  afterSend: boolean,
): StepExpect {
  const rulePlace = { ...place, path: [...place.path, 'expect'] };
  let expect: StepExpect | undefined;
  if (value === 'closed') expect = { kind: 'closed' };
  else if (value === 'echo') expect = { kind: 'rule', rule: { kind: 'echo' } };
  else if (isRecord(value)) {
    checkKeys(ctx, rulePlace, value, [...RULE_KEYS, 'encoding']);
    const keys = RULE_KEYS.filter((k) => value[k] !== undefined);
    if (keys.length !== 1) {
      return fail(
        ctx,
        place,
        'expect',
        `give exactly one rule (${RULE_KEYS.join(', ')}); found ${keys.length}`,
        phrase('cases.giveOneRule', { rules: RULE_KEYS.join(', '), count: keys.length }),
      );
    }
    const key = keys[0] as (typeof RULE_KEYS)[number];
    const encoding: TextEncodingName =
      value.encoding === undefined
        ? board.encoding
        : readChoice(ctx, rulePlace, 'encoding', value.encoding, TEXT_ENCODINGS);
    let rule: ExpectRule;
    if (key === 'echo') {
      if (value.echo !== true) {
        return fail(
          ctx,
          rulePlace,
          'echo',
          'write `expect: echo` (or echo: true)',
          phrase('cases.writeEcho'),
        );
      }
      rule = { kind: 'echo' };
    } else if (key === 'hex') {
      const hex = readString(ctx, rulePlace, 'hex', value.hex);
      const parsed = parseHex(hex);
      if (!parsed.ok) return fail(ctx, rulePlace, 'hex', parsed.error.message, parsed.error.detail);
      rule = { kind: 'hex', hex };
    } else if (key === 'regex') {
      const pattern = readString(ctx, rulePlace, 'regex', value.regex);
      try {
        new RegExp(pattern);
      } catch (error) {
        return fail(ctx, rulePlace, 'regex', error instanceof Error ? error.message : String(error));
      }
      rule = { kind: 'regex', pattern, encoding };
    } else {
      const text = readString(ctx, rulePlace, key, value[key]);
      const encoded = encodeText(text, encoding);
      if (!encoded.ok) return fail(ctx, rulePlace, key, encoded.error.message, encoded.error.detail);
      rule =
        key === 'text' ? { kind: 'text', text, encoding } : { kind: 'prefix-echo', prefix: text, encoding };
    }
    expect = { kind: 'rule', rule };
  }
  if (!expect) {
    return fail(
      ctx,
      place,
      'expect',
      `expected echo, closed, or a map with one of ${RULE_KEYS.join(', ')}; found ${describeType(value)}`,
      phrase('cases.expectedRule', { rules: RULE_KEYS.join(', '), found: typePhrase(value) }),
    );
  }
  const rule = expect.kind === 'rule' ? expect.rule.kind : undefined;
  if (!afterSend && (rule === 'echo' || rule === 'prefix-echo')) {
    return fail(
      ctx,
      place,
      'expect',
      `${rule} compares the reply with what was sent: put it on a send step`,
      phrase('cases.ruleNeedsSend', { rule }),
    );
  }
  return expect;
}
