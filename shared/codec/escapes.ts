// Backslash escapes in typed text: \r \n \t \0 \\ and \xNN. Expansion yields bytes, because \xNN
// is a raw byte ("\xFF" is the single byte FF even in UTF-8), not a character to encode.
import type { TextEncodingName } from '../contract/model';
import { type BytesResult, charPosition, describeChar, fail, phrase } from './codec-error';
import { encodeTextRange } from './text';

/** The byte a one-letter escape stands for, or -1. */
function simpleEscape(letter: number): number {
  switch (letter) {
    case 0x72: // r
      return 0x0d;
    case 0x6e: // n
      return 0x0a;
    case 0x74: // t
      return 0x09;
    case 0x30: // 0
      return 0x00;
    case 0x5c: // backslash
      return 0x5c;
    default:
      return -1;
  }
}

const KNOWN = 'Use \\r, \\n, \\t, \\0, \\xNN, or \\\\ for a backslash.';

const hexValue = (c: number): number => {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  return lower >= 0x61 && lower <= 0x66 ? lower - 0x61 + 10 : -1;
};

/**
 * Expand the escapes in `text` and encode the text between them with `encoding`. An unknown escape
 * ("\q"), an incomplete one ("\x4", "\x") or a lone backslash at the end is an error at the
 * backslash's position: guessing would put bytes on the wire the user did not mean.
 */
export function expandEscapes(text: string, encoding: TextEncodingName): BytesResult {
  return expandEscapesRange(text, 0, text.length, encoding);
}

/**
 * The same over `text[start, end)`, with faults reported at their place in the whole text: a
 * payload with macros expands escapes between them.
 */
export function expandEscapesRange(
  text: string,
  start: number,
  end: number,
  encoding: TextEncodingName,
): BytesResult {
  const chunks: Uint8Array[] = [];
  let total = 0;
  let segmentStart = start;
  const push = (bytes: Uint8Array): void => {
    chunks.push(bytes);
    total += bytes.length;
  };
  const flushText = (end: number): CodecErrorResult | null => {
    if (end <= segmentStart) return null;
    const encoded = encodeTextRange(text, segmentStart, end, encoding);
    if (!encoded.ok) return encoded;
    push(encoded.bytes);
    return null;
  };

  const nextBackslash = (from: number): number => {
    const at = text.indexOf('\\', from);
    return at >= end ? -1 : at;
  };
  let i = nextBackslash(start);
  while (i >= 0) {
    const failed = flushText(i);
    if (failed) return failed;
    const letter = i + 1 < end ? text.charCodeAt(i + 1) : Number.NaN;
    const simple = simpleEscape(letter);
    if (Number.isNaN(letter)) {
      const position = charPosition(text, i);
      return fail(
        i,
        `A lone '\\' at position ${position} ends the text. Write a backslash as \\\\.`,
        phrase('codec.loneBackslash', { position }),
      );
    }
    if (simple >= 0) {
      push(Uint8Array.of(simple));
      segmentStart = i + 2;
    } else if (letter === 0x78) {
      const hi = i + 2 < end ? hexValue(text.charCodeAt(i + 2)) : -1;
      const lo = hi < 0 || i + 3 >= end ? -1 : hexValue(text.charCodeAt(i + 3));
      if (lo < 0) {
        const shown = text.slice(i, hi < 0 ? i + 2 : i + 3);
        const position = charPosition(text, i);
        return fail(
          i,
          `'${shown}' at position ${position} is incomplete: \\x takes two hex digits, e.g. \\x0D.`,
          phrase('codec.escapeIncomplete', { shown, position }),
        );
      }
      push(Uint8Array.of((hi << 4) | lo));
      segmentStart = i + 4;
    } else {
      const what = describeChar(text, i + 1);
      const visible = what.startsWith("'");
      const shown = visible ? `'\\${what.slice(1)}` : `'\\' followed by ${what}`;
      const position = charPosition(text, i);
      return fail(
        i,
        `${shown} at position ${position} is not an escape. ${KNOWN}`,
        visible
          ? phrase('codec.notEscape', { shown, position })
          : phrase('codec.notEscapeInvisible', { char: what, position }),
      );
    }
    i = nextBackslash(segmentStart);
  }
  const failed = flushText(end);
  if (failed) return failed;

  if (chunks.length === 1) return { ok: true, bytes: chunks[0] as Uint8Array };
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return { ok: true, bytes: out };
}

type CodecErrorResult = Extract<BytesResult, { ok: false }>;
