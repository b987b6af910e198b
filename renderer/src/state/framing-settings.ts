// The Framing fields as typed, turned into the FramingSpec the engine runs, or the sentence that
// says which field to fix. The spec's own rules are validateFraming's; this adds the typing ones.
import type { FramingSpec } from '../../../shared/contract/model';
import { validateFraming } from '../../../shared/framing/validate';
import type { FramingKind, SessionSettings, TextSetting } from './settings';

export const FRAMING_LABELS: Readonly<Record<FramingKind, string>> = {
  raw: 'Raw chunks',
  delimiter: 'Delimiter',
  fixed: 'Fixed length',
  'length-prefix': 'Length prefix',
  'idle-gap': 'Idle gap',
};

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

/** Empty gives undefined (or a prompt when required); anything else must be a whole number. */
function whole(s: SessionSettings, field: TextSetting, what: string, required: boolean): Parsed {
  const raw = String(s[field]).trim();
  if (raw === '') {
    return required ? { ok: false, field, reason: `Enter the ${what}.` } : { ok: true, value: undefined };
  }
  if (!WHOLE.test(raw) || raw.length > 12) {
    return { ok: false, field, reason: `The ${what} must be a whole number.` };
  }
  return { ok: true, value: Number(raw) };
}

function draft(s: SessionSettings): FramingResult | { ok: true; spec: FramingSpec; maxGiven: boolean } {
  const max = whole(s, 'maxFrameBytes', 'maximum frame size in bytes', false);
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
      const length = whole(s, 'frameLength', 'frame length in bytes', true);
      if (!length.ok) return length;
      return { ok: true, spec: { kind: 'fixed', length: length.value as number }, maxGiven: false };
    }
    case 'length-prefix': {
      const offset = whole(s, 'lengthOffset', 'length offset in bytes (0 when the length comes first)', true);
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
      const gap = whole(s, 'gapMs', 'idle gap in milliseconds', true);
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

export function framingFromSettings(s: SessionSettings): FramingResult {
  const result = draft(s);
  if (!result.ok) return result;
  const reason = validateFraming(result.spec);
  if (reason) return { ok: false, field: fieldOf(s.framing, reason), reason };
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
      return 'raw chunks';
    case 'delimiter':
      return `delimiter ${spec.delimiterHex.toUpperCase()}`;
    case 'fixed':
      return `fixed length, ${spec.length} bytes`;
    case 'length-prefix':
      return `length prefix, ${spec.size} ${spec.size === 1 ? 'byte' : 'bytes'} ${spec.order.toUpperCase()} at offset ${spec.offset}${spec.includesHeader ? ', counting the header' : ''}`;
    case 'idle-gap':
      return `idle gap of ${spec.gapMs} ms`;
  }
}
