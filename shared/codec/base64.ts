// Base64 <-> bytes: `Encode as` Base64 in the composer and `Decode as` Base64 in the log.
// Output is the standard alphabet with padding; input may also be URL-safe, unpadded or wrapped.
import { type BytesResult, charPosition, describeChar, fail, phrase } from './codec-error';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Value of each character code, -1 for anything else. Both '+/' and the URL-safe '-_' are read. */
const VALUES = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUES[ALPHABET.charCodeAt(i)] = i;
VALUES[0x2d] = 62; // '-'
VALUES[0x5f] = 63; // '_'

const isSpace = (c: number): boolean => c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d;

/** Bytes as standard Base64 with '=' padding. */
export function formatBase64(bytes: Uint8Array): string {
  let out = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = ((bytes[i] as number) << 16) | ((bytes[i + 1] as number) << 8) | (bytes[i + 2] as number);
    out +=
      ALPHABET.charAt(v >> 18) +
      ALPHABET.charAt((v >> 12) & 63) +
      ALPHABET.charAt((v >> 6) & 63) +
      ALPHABET.charAt(v & 63);
  }
  if (i < n) {
    const b1 = i + 1 < n ? (bytes[i + 1] as number) : 0;
    const v = ((bytes[i] as number) << 16) | (b1 << 8);
    out += ALPHABET.charAt(v >> 18) + ALPHABET.charAt((v >> 12) & 63);
    out += i + 1 < n ? `${ALPHABET.charAt((v >> 6) & 63)}=` : '==';
  }
  return out;
}

/**
 * Parse Base64 into bytes. Whitespace anywhere is skipped (pasted text is often wrapped), padding
 * is optional, and '=' may only close the text. A leftover single character (6 bits, not a byte)
 * is refused rather than dropped. Unused low bits in the last character are ignored, as most
 * decoders do.
 */
export function parseBase64(input: string): BytesResult {
  const out = new Uint8Array(Math.ceil((input.length * 3) / 4));
  let count = 0;
  let acc = 0;
  let digits = 0;
  let lastDigitAt = -1;
  let padAt = -1;
  for (let i = 0; i < input.length; i++) {
    const c = input.charCodeAt(i);
    if (isSpace(c)) continue;
    if (c === 0x3d) {
      if (padAt < 0) padAt = i;
      continue;
    }
    const value = c < 128 ? (VALUES[c] as number) : -1;
    if (value < 0) {
      const char = describeChar(input, i);
      const position = charPosition(input, i);
      return fail(
        i,
        `${char} at position ${position} is not a Base64 character.`,
        phrase('codec.notBase64', { char, position }),
      );
    }
    if (padAt >= 0) {
      const position = charPosition(input, padAt);
      return fail(
        padAt,
        `'=' at position ${position} comes before the end. Padding may only close Base64 text.`,
        phrase('codec.base64PadEarly', { position }),
      );
    }
    acc = ((acc << 6) | value) & 0xffffff;
    lastDigitAt = i;
    if (++digits === 4) {
      out[count++] = acc >> 16;
      out[count++] = (acc >> 8) & 0xff;
      out[count++] = acc & 0xff;
      digits = 0;
    }
  }
  if (digits === 1) {
    const char = describeChar(input, lastDigitAt);
    const position = charPosition(input, lastDigitAt);
    return fail(
      lastDigitAt,
      `${char} at position ${position} is a lone last ` +
        'Base64 character: it holds 6 bits, not a whole byte. A character is missing or extra.',
      phrase('codec.base64Lone', { char, position }),
    );
  }
  if (digits === 2) out[count++] = (acc >> 4) & 0xff;
  else if (digits === 3) {
    out[count++] = (acc >> 10) & 0xff;
    out[count++] = (acc >> 2) & 0xff;
  }
  return { ok: true, bytes: out.slice(0, count) };
}
