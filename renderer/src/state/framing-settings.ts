// The Framing fields as typed, turned into the FramingSpec the engine runs, or the sentence that
// says which field to fix. The spec's own rules are validateFraming's; this adds the typing ones.

import { parseHex } from '../../../shared/codec/hex';
import type { FramingSpec } from '../../../shared/contract/model';
import { validateFraming } from '../../../shared/framing/validate';
import { type MessageKey, t, tn } from '../i18n';
import { catalogWords } from './catalog-words';
import { faultText } from './phrase';
import type { FramingKind, SessionSettings, TextSetting } from './settings';

export const FRAMING_LABELS: Readonly<Record<FramingKind, string>> = catalogWords<FramingKind>({
  raw: 'framing.raw',
  delimiter: 'framing.delimiter',
  fixed: 'framing.fixed',
  'length-prefix': 'framing.length-prefix',
  'idle-gap': 'framing.idle-gap',
});

/** Quick picks for the delimiter field. */
export const DELIMITER_PICKS: readonly { label: string; hex: string }[] = [
  { label: 'LF', hex: '0A' },
  { label: 'CRLF', hex: '0D 0A' },
];

export type FramingResult =
  | { ok: true; spec: FramingSpec }
  | { ok: false; field: TextSetting; reason: string };

const WHOLE = /^\d+$/;

type Parsed = { ok: true; value: number | undefined } | { ok: false; field: TextSetting; reason: string };

/** The sentences for a number field: the prompt when it is required and empty, the fault otherwise. */
const NUMBER_FIELDS = {
  maxFrameBytes: { enter: undefined, whole: 'framing.wholeMaxFrame' },
  frameLength: { enter: 'framing.enterFrameLength', whole: 'framing.wholeFrameLength' },
  lengthOffset: { enter: 'framing.enterLengthOffset', whole: 'framing.wholeLengthOffset' },
  gapMs: { enter: 'framing.enterGap', whole: 'framing.wholeGap' },
} as const satisfies Record<string, { enter: MessageKey | undefined; whole: MessageKey }>;

/** Empty gives undefined (or a prompt when required); anything else must be a whole number. */
function whole(s: SessionSettings, field: keyof typeof NUMBER_FIELDS): Parsed {
  const raw = String(s[field]).trim();
  const { enter, whole: fault } = NUMBER_FIELDS[field];
  if (raw === '') return enter ? { ok: false, field, reason: t(enter) } : { ok: true, value: undefined };
  if (!WHOLE.test(raw) || raw.length > 12) return { ok: false, field, reason: t(fault) };
  return { ok: true, value: Number(raw) };
}

function draft(s: SessionSettings): FramingResult | { ok: true; spec: FramingSpec; maxGiven: boolean } {
  const max = whole(s, 'maxFrameBytes');
  if (!max.ok) return max;
  const maxFrameBytes = max.value === undefined ? {} : { maxFrameBytes: max.value };
  switch (s.framing) {
    case 'delimiter':
      return {
        ok: true,
        spec: { kind: 'delimiter', delimiterHex: s.delimiterHex.trim(), ...maxFrameBytes },
        maxGiven: true,
      };
    case 'fixed': {
      const length = whole(s, 'frameLength');
      if (!length.ok) return length;
      return { ok: true, spec: { kind: 'fixed', length: length.value as number }, maxGiven: false };
    }
    case 'length-prefix': {
      const offset = whole(s, 'lengthOffset');
      if (!offset.ok) return offset;
      return {
        ok: true,
        spec: {
          kind: 'length-prefix',
          size: Number(s.lengthSize) as 1 | 2 | 4,
          order: s.lengthOrder,
          offset: offset.value as number,
          includesHeader: s.lengthIncludesHeader,
          ...maxFrameBytes,
        },
        maxGiven: true,
      };
    }
    case 'idle-gap': {
      const gap = whole(s, 'gapMs');
      if (!gap.ok) return gap;
      return {
        ok: true,
        spec: { kind: 'idle-gap', gapMs: gap.value as number, ...maxFrameBytes },
        maxGiven: true,
      };
    }
    default:
      return { ok: true, spec: { kind: 'raw' }, maxGiven: false };
  }
}

/**
 * validateFraming's English sentence in the window's language. Only the sentences these fields can
 * provoke are known (size, order and the header flag come from selects); any other stays English.
 */
const FRAMING_REASONS: [RegExp, MessageKey, string[]][] = [
  [
    /^The maximum frame size must be a whole number of bytes from 1 to (\d+) \((.+)\)\.$/,
    'framing.maxRange',
    ['limit', 'limitText'],
  ],
  [
    /^The maximum frame size \((\d+) bytes\) must be at least the delimiter's length \((\d+) bytes\)\.$/,
    'framing.maxAtLeastDelimiter',
    ['max', 'atLeast'],
  ],
  [
    /^The maximum frame size \((\d+) bytes\) must be at least the header \((\d+) bytes\)\.$/,
    'framing.maxAtLeastHeader',
    ['max', 'atLeast'],
  ],
  [
    /^The maximum frame size \((\d+) bytes\) must be at least one byte \((\d+) bytes\)\.$/,
    'framing.maxAtLeastByte',
    ['max', 'atLeast'],
  ],
  [/^The delimiter must be hex text, e\.g\. 0A for LF or 0D 0A for CRLF\.$/, 'framing.delimiterNotHex', []],
  [/^Delimiter: (.+)$/s, 'framing.delimiterFault', ['reason']],
  [
    /^The delimiter needs at least one byte, e\.g\. 0A for LF or 0D 0A for CRLF\.$/,
    'framing.delimiterEmpty',
    [],
  ],
  [/^The delimiter can be at most 128 bytes long\.$/, 'framing.delimiterTooLong', []],
  [
    /^The frame length must be a whole number of bytes from 1 to (\d+) \((.+)\)\.$/,
    'framing.lengthRange',
    ['limit', 'limitText'],
  ],
  [/^The length field offset must be a whole number of bytes from 0 to 1024\.$/, 'framing.offsetRange', []],
  [/^The idle gap must be a whole number of milliseconds from 1 to 60000\.$/, 'framing.gapRange', []],
];

export function framingReason(english: string): string {
  for (const [pattern, key, names] of FRAMING_REASONS) {
    const match = pattern.exec(english);
    if (match) return t(key, Object.fromEntries(names.map((name, i) => [name, match[i + 1] as string])));
  }
  return english;
}

/** The field validateFraming's sentence is about. */
function fieldOf(kind: FramingKind, reason: string): TextSetting {
  if (/maximum frame size/i.test(reason)) return 'maxFrameBytes';
  switch (kind) {
    case 'delimiter':
      return 'delimiterHex';
    case 'fixed':
      return 'frameLength';
    case 'length-prefix':
      return 'lengthOffset';
    case 'idle-gap':
      return 'gapMs';
    default:
      return 'framing';
  }
}

/** The hex codec's own fault in a delimiter, in the window's language (it carries its phrase). */
function delimiterFault(spec: FramingSpec): string | undefined {
  if (spec.kind !== 'delimiter') return undefined;
  const parsed = parseHex(spec.delimiterHex);
  return parsed.ok ? undefined : t('framing.delimiterFault', { reason: faultText(parsed.error) });
}

export function framingFromSettings(s: SessionSettings): FramingResult {
  const result = draft(s);
  if (!result.ok) return result;
  const reason = validateFraming(result.spec);
  if (reason) {
    const said = reason.startsWith('Delimiter: ') ? delimiterFault(result.spec) : undefined;
    return { ok: false, field: fieldOf(s.framing, reason), reason: said ?? framingReason(reason) };
  }
  return { ok: true, spec: result.spec };
}

/** Two specs frame alike (the engine's absent framing is raw). */
export function sameFraming(a: FramingSpec | undefined, b: FramingSpec | undefined): boolean {
  const norm = (spec: FramingSpec | undefined) => {
    const s = spec ?? { kind: 'raw' };
    return JSON.stringify(Object.fromEntries(Object.entries(s).sort(([x], [y]) => x.localeCompare(y))));
  };
  return norm(a) === norm(b);
}

/** "Delimiter 0D 0A", "Length prefix, 2 bytes BE at 0" ... for the log's row on a live change. */
export function describeFraming(spec: FramingSpec): string {
  switch (spec.kind) {
    case 'raw':
      return t('framing.describe.raw');
    case 'delimiter':
      return t('framing.describe.delimiter', { hex: spec.delimiterHex.toUpperCase() });
    case 'fixed':
      return t('framing.describe.fixed', { length: spec.length });
    case 'length-prefix':
      return t(
        spec.includesHeader ? 'framing.describe.lengthPrefixHeader' : 'framing.describe.lengthPrefix',
        {
          size: tn('framing.bytes', spec.size),
          order: spec.order.toUpperCase(),
          offset: spec.offset,
        },
      );
    case 'idle-gap':
      return t('framing.describe.idleGap', { gap: spec.gapMs });
  }
}
