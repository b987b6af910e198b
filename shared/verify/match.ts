// Auto-reply matching: does a received message match a rule, and with which groups ({0}, {1} ...)
// for the reply's template.
import { phrase } from '../codec/codec-error';
import { formatHex, parseHex } from '../codec/hex';
import { encodeText } from '../codec/text';
import type { AutoReplyRule } from '../contract/model';
import { decodeText } from './decode';
import { compileRegex, type Said } from './judge';

export type MatchSpec = AutoReplyRule['match'];

/** Why `match` can never match (bad regex, bad hex, text the encoding cannot carry), or undefined. */
export function matchProblem(match: MatchSpec): Said | undefined {
  if (match.kind === 'regex') {
    const re = compileRegex(match.pattern);
    return re instanceof RegExp ? undefined : re;
  }
  if (match.kind === 'hex') {
    const hex = parseHex(match.pattern);
    if (!hex.ok) {
      return {
        message: `The hex to match is not valid: ${hex.error.message}`,
        detail: phrase('verify.matchHexBad', { error: hex.error.detail ?? hex.error.message }),
      };
    }
    return hex.bytes.length === 0
      ? { message: 'The hex to match is empty.', detail: phrase('verify.matchHexEmpty') }
      : undefined;
  }
  const encoded = encodeText(match.pattern, match.encoding ?? 'utf-8');
  if (!encoded.ok) {
    return {
      message: `The text to match cannot be encoded: ${encoded.error.message}`,
      detail: phrase('verify.matchTextBad', { error: encoded.error.detail ?? encoded.error.message }),
    };
  }
  if (match.kind !== 'exact' && encoded.bytes.length === 0) {
    return { message: 'The text to match is empty.', detail: phrase('verify.matchTextEmpty') };
  }
  return undefined;
}

/** Why `match` can never match, in English, or undefined. */
export const checkMatch = (match: MatchSpec): string | undefined => matchProblem(match)?.message;

const startsWith = (bytes: Uint8Array, part: Uint8Array, at = 0): boolean => {
  if (at + part.length > bytes.length) return false;
  for (let i = 0; i < part.length; i++) if (bytes[at + i] !== part[i]) return false;
  return true;
};

function indexOf(bytes: Uint8Array, part: Uint8Array): number {
  for (let at = 0; at + part.length <= bytes.length; at++) if (startsWith(bytes, part, at)) return at;
  return -1;
}

/** A framed line keeps its delimiter, so exact text ignores one trailing CR LF, LF or CR. */
function withoutLineEnding(bytes: Uint8Array): Uint8Array {
  let n = bytes.length;
  if (n > 0 && bytes[n - 1] === 0x0a) n -= 1;
  if (n > 0 && bytes[n - 1] === 0x0d) n -= 1;
  return bytes.subarray(0, n);
}

const equal = (a: Uint8Array, b: Uint8Array) => a.length === b.length && startsWith(a, b);

/**
 * The groups when `bytes` (one received message) matches, else undefined. exact, contains and
 * prefix compare the pattern encoded in the rule's encoding (default UTF-8) with the bytes; exact
 * allows one trailing line ending. regex runs over the message decoded as text: {0} is the whole
 * match, {1} ... its groups ('' for a group that took no part). hex: the message is exactly those
 * bytes. For the others {0} is the matched text (hex: as "01 03 ..."). Never throws.
 */
export function matchAutoReply(match: MatchSpec, bytes: Uint8Array): string[] | undefined {
  if (match.kind === 'regex') {
    const re = compileRegex(match.pattern);
    if (!(re instanceof RegExp)) return undefined;
    const found = re.exec(decodeText(bytes, match.encoding));
    return found ? Array.from(found, (g) => g ?? '') : undefined;
  }
  if (match.kind === 'hex') {
    const hex = parseHex(match.pattern);
    if (!hex.ok || hex.bytes.length === 0) return undefined;
    return equal(bytes, hex.bytes) ? [formatHex(hex.bytes)] : undefined;
  }
  const encoded = encodeText(match.pattern, match.encoding ?? 'utf-8');
  if (!encoded.ok) return undefined;
  const pattern = encoded.bytes;
  switch (match.kind) {
    case 'exact':
      return equal(bytes, pattern) || equal(withoutLineEnding(bytes), pattern) ? [match.pattern] : undefined;
    case 'prefix':
      return pattern.length > 0 && startsWith(bytes, pattern) ? [match.pattern] : undefined;
    case 'contains':
      return pattern.length > 0 && indexOf(bytes, pattern) >= 0 ? [match.pattern] : undefined;
  }
}
