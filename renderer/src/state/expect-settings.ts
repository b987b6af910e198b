// The Expect fields as typed, turned into the ExpectSpec the engine judges with (null = Off), or the
// sentence that says which field to fix; and the spec in words for the log. Pure.
import { parseHex } from '../../../shared/codec/hex';
import type { ExpectRule, ExpectSpec, TextEncodingName } from '../../../shared/contract/model';
import { expectRuleProblem } from '../../../shared/verify/judge';
import { formatCount } from '../format';
import { type MessageKey, t } from '../i18n';
import { faultText, say } from './phrase';
import type { ExpectKind, SessionSettings, TextSetting } from './settings';

/** Each kind's option in the Expected reply select, as a catalogue key. */
export const EXPECT_LABELS: Readonly<Record<ExpectKind, MessageKey>> = {
  off: 'expect.off',
  echo: 'expect.echo',
  'prefix-echo': 'expect.prefixEcho',
  text: 'expect.text',
  hex: 'expect.hex',
  regex: 'expect.regex',
};

/** The one field each kind needs, with its label's catalogue key. */
export const EXPECT_FIELD: Readonly<Partial<Record<ExpectKind, { name: TextSetting; label: MessageKey }>>> = {
  'prefix-echo': { name: 'expectPrefix', label: 'expect.fieldPrefix' },
  text: { name: 'expectText', label: 'expect.fieldText' },
  hex: { name: 'expectHex', label: 'expect.fieldHex' },
  regex: { name: 'expectPattern', label: 'expect.fieldPattern' },
};

export const DEFAULT_EXPECT_TIMEOUT_MS = 2000;

export type ExpectResult =
  | { ok: true; spec: ExpectSpec | null }
  | { ok: false; field: TextSetting; reason: string };

type ExpectFields = Pick<
  SessionSettings,
  'expectKind' | 'expectPrefix' | 'expectText' | 'expectHex' | 'expectPattern' | 'expectTimeoutMs'
>;

/** \r \n \t \0 \\ and \xNN below 0x80 as the characters they stand for ("OK\r\n"). */
export function unescapeText(text: string): string {
  return text.replace(/\\(x[0-7][0-9a-fA-F]|[rnt0\\])/g, (_, e: string) => {
    if (e.startsWith('x')) return String.fromCharCode(Number.parseInt(e.slice(1), 16));
    return { r: '\r', n: '\n', t: '\t', '0': '\0', '\\': '\\' }[e] ?? e;
  });
}

function ruleOf(
  s: ExpectFields,
  encoding: TextEncodingName | undefined,
  escapes: boolean,
): ExpectRule | ExpectResult {
  const enc = encoding ? { encoding } : {};
  const text = (value: string) => (escapes ? unescapeText(value) : value);
  switch (s.expectKind) {
    case 'echo':
      return { kind: 'echo' };
    case 'prefix-echo':
      if (s.expectPrefix === '') {
        return {
          ok: false,
          field: 'expectPrefix',
          reason: t('expect.needPrefix'),
        };
      }
      return { kind: 'prefix-echo', prefix: text(s.expectPrefix), ...enc };
    case 'text':
      if (s.expectText === '') return { ok: false, field: 'expectText', reason: t('expect.needText') };
      return { kind: 'text', text: text(s.expectText), ...enc };
    case 'hex': {
      const hex = parseHex(s.expectHex);
      if (!hex.ok)
        return {
          ok: false,
          field: 'expectHex',
          reason: t('verify.expectedHexBad', { error: faultText(hex.error) }),
        };
      if (hex.bytes.length === 0) return { ok: false, field: 'expectHex', reason: t('expect.needHex') };
      return { kind: 'hex', hex: s.expectHex.trim() };
    }
    case 'regex':
      if (s.expectPattern === '')
        return { ok: false, field: 'expectPattern', reason: t('expect.needPattern') };
      return { kind: 'regex', pattern: s.expectPattern, ...enc };
    case 'off':
      return { ok: true, spec: null };
  }
}

/**
 * The expect rule the fields describe. Texts are encoded as `encoding` (the composer's Encode as
 * when it is a text encoding, so a GBK board's prefix matches; else UTF-8), with the simple escapes
 * expanded when `escapes` is on.
 */
export function expectFromSettings(
  s: ExpectFields,
  encoding?: TextEncodingName,
  escapes = true,
): ExpectResult {
  const raw = s.expectTimeoutMs.trim();
  let timeoutMs = DEFAULT_EXPECT_TIMEOUT_MS;
  if (raw !== '') {
    timeoutMs = /^\d{1,6}$/.test(raw) ? Number(raw) : 0;
    if (timeoutMs < 1 || timeoutMs > 600_000) {
      return {
        ok: false,
        field: 'expectTimeoutMs',
        reason: t('expect.timeoutBad'),
      };
    }
  }
  const rule = ruleOf(s, encoding, escapes);
  if ('ok' in rule) return rule;
  const why = expectRuleProblem(rule);
  if (why) {
    const field = EXPECT_FIELD[s.expectKind]?.name ?? 'expectKind';
    return { ok: false, field, reason: say(why.message, why.detail) };
  }
  return { ok: true, spec: { rule, timeoutMs } };
}

const quoted = (text: string): string => `“${JSON.stringify(text).slice(1, -1)}”`;

/** "prefix “TCP Server : ” then the same bytes, within 2,000 ms". */
export function describeExpect(spec: ExpectSpec | null): string {
  if (!spec) return t('expect.describeOff');
  const { rule } = spec;
  const within = t('expect.within', { ms: formatCount(spec.timeoutMs) });
  switch (rule.kind) {
    case 'echo':
      return t('expect.describeEcho', { within });
    case 'prefix-echo':
      return t('expect.describePrefix', { prefix: quoted(rule.prefix), within });
    case 'text':
      return t('expect.describeText', { text: quoted(rule.text), within });
    case 'hex':
      return t('expect.describeHex', { hex: rule.hex, within });
    case 'regex':
      return t('expect.describeRegex', { pattern: rule.pattern, within });
  }
}

/** The fields that describe an expect rule (a board preset's), other fields left as they are. */
export function expectSettings(rule: ExpectRule, timeoutMs: number): Partial<SessionSettings> {
  const timeout = { expectTimeoutMs: String(timeoutMs) };
  switch (rule.kind) {
    case 'echo':
      return { expectKind: 'echo', ...timeout };
    case 'prefix-echo':
      return { expectKind: 'prefix-echo', expectPrefix: rule.prefix, ...timeout };
    case 'text':
      return { expectKind: 'text', expectText: rule.text, ...timeout };
    case 'hex':
      return { expectKind: 'hex', expectHex: rule.hex, ...timeout };
    case 'regex':
      return { expectKind: 'regex', expectPattern: rule.pattern, ...timeout };
  }
}
