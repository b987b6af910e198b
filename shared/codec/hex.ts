// Hex text <-> bytes: what the user types in the message box with `Encode as` Hex, and the
// "31 32 33" form the log shows.
import { type CodecError, charPosition, describeChar, fail, phrase } from './codec-error';

export type HexParseResult = { ok: true; bytes: Uint8Array } | { ok: false; error: CodecError };

// Separators may sit between bytes in any number; commas let C arrays ("0x31, 0x32") be pasted.
const isSeparator = (c: number): boolean =>
  c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d || c === 0x2c;

/** Value of a hex digit, or -1. */
function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Parse hex digits into bytes. A run of digits between separators is read in pairs, so "313233"
 * and "31 32 33" are the same three bytes; a `0x`/`0X` prefix may open any run ("0x31 0x32", and
 * "0x3132" is 31 32). A run with an odd number of digits ("1 23", "313") is refused rather than
 * guessed at: whether "1" means 01 or a missing digit is the user's call, and sending a wrong byte to
 * a board is worse than asking. The first fault wins; a non-hex character is reported even when it
 * also leaves the run before it odd, because the stray character is usually the typo.
 */
export function parseHex(input: string): HexParseResult {
  const out = new Uint8Array(input.length >> 1);
  let count = 0;
  let i = 0;
  const n = input.length;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (isSeparator(c)) {
      i++;
      continue;
    }
    // A run starts here: an optional prefix, then digit pairs up to a separator or the end.
    if (c === 0x30 && (input.charCodeAt(i + 1) | 0x20) === 0x78) {
      const prefixAt = i;
      i += 2;
      if (i >= n || isSeparator(input.charCodeAt(i))) {
        const prefix = input.slice(prefixAt, prefixAt + 2);
        const position = charPosition(input, prefixAt);
        return fail(
          prefixAt,
          `'${prefix}' at position ${position} has no hex digits after it.`,
          phrase('codec.hexPrefixAlone', { prefix, position }),
        );
      }
    }
    while (i < n) {
      const hi = input.charCodeAt(i);
      if (isSeparator(hi)) break;
      const hiValue = hexValue(hi);
      if (hiValue < 0) return notHexDigit(input, i);
      const lo = i + 1 < n ? input.charCodeAt(i + 1) : -1;
      if (lo < 0 || isSeparator(lo)) {
        const char = describeChar(input, i);
        const position = charPosition(input, i);
        return fail(
          i,
          `Odd number of hex digits: ${char} at position ${position} has no partner. ` +
            'Write one byte as two digits, e.g. 03.',
          phrase('codec.hexOdd', { char, position }),
        );
      }
      const loValue = hexValue(lo);
      if (loValue < 0) return notHexDigit(input, i + 1);
      out[count++] = (hiValue << 4) | loValue;
      i += 2;
    }
  }
  return { ok: true, bytes: out.slice(0, count) };
}

function notHexDigit(input: string, index: number): { ok: false; error: CodecError } {
  const char = describeChar(input, index);
  const position = charPosition(input, index);
  return fail(
    index,
    `${char} at position ${position} is not a hex digit.`,
    phrase('codec.notHexDigit', { char, position }),
  );
}

const UPPER: string[] = [];
const LOWER: string[] = [];
for (let b = 0; b < 256; b++) {
  LOWER.push(b.toString(16).padStart(2, '0'));
  UPPER.push(LOWER[b]?.toUpperCase() ?? '');
}

/** Bytes as hex pairs: "31 32 33" by default. */
export function formatHex(bytes: Uint8Array, opts?: { separator?: string; uppercase?: boolean }): string {
  const separator = opts?.separator ?? ' ';
  const table = (opts?.uppercase ?? true) ? UPPER : LOWER;
  const parts = new Array<string>(bytes.length);
  for (let i = 0; i < bytes.length; i++) parts[i] = table[bytes[i] as number] as string;
  return parts.join(separator);
}
