// Find in the log: text (as shown, escapes and all) or hex bytes, matched per entry in the
// coordinates its view highlights, with a per-entry cache so a growing log is not searched again
// from the top on every batch. Pure.
import { type DecodeAs, displayText } from '../../../shared/codec/display';
import { parseHex } from '../../../shared/codec/hex';
import { dumpAscii } from './hex-dump';

/** [start, end) offsets. */
export type Range = readonly [number, number];

export type Needle = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

export type FindQuery = { ok: true; needle?: Needle } | { ok: false; reason: string };

/** How one entry is shown: a decoding of its bytes, or a hex dump. */
export type Shown = DecodeAs | 'dump';

/** ASCII letters only, so offsets in the folded text are offsets in the shown text. */
const fold = (s: string): string => s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) | 0x20));

/** Text is matched case-insensitively as the log shows it (`\r\n` matches the escapes); Hex as bytes. */
export function parseFind(query: string, hex: boolean): FindQuery {
  if (!hex) return { ok: true, needle: query === '' ? undefined : { kind: 'text', text: fold(query) } };
  if (query.trim() === '') return { ok: true };
  const parsed = parseHex(query);
  if (!parsed.ok) return { ok: false, reason: parsed.error.message };
  return { ok: true, needle: parsed.bytes.length > 0 ? { kind: 'bytes', bytes: parsed.bytes } : undefined };
}

/** Non-overlapping occurrences of a folded needle in `hay`. */
export function textRanges(hay: string, needle: string): Range[] {
  const out: Range[] = [];
  if (needle === '') return out;
  const folded = fold(hay);
  for (let at = folded.indexOf(needle); at >= 0; at = folded.indexOf(needle, at + needle.length)) {
    out.push([at, at + needle.length]);
  }
  return out;
}

/** Non-overlapping occurrences of `needle` in `bytes`. */
export function byteRanges(bytes: Uint8Array, needle: Uint8Array): Range[] {
  const out: Range[] = [];
  const n = needle.length;
  if (n === 0) return out;
  const first = needle[0] as number;
  let at = bytes.indexOf(first);
  while (at >= 0 && at + n <= bytes.length) {
    let k = 1;
    while (k < n && bytes[at + k] === needle[k]) k++;
    if (k === n) {
      out.push([at, at + n]);
      at = bytes.indexOf(first, at + n);
    } else {
      at = bytes.indexOf(first, at + 1);
    }
  }
  return out;
}

/**
 * Where bytes [start, end) sit in the shown text. Exact for Hex, ASCII and Latin-1; for multi-byte
 * decodings exact whenever the range starts and ends on character boundaries (a range that splits a
 * character is widened or narrowed to what its prefix decodes to). Base64 marks the whole groups.
 */
export function byteRangeToText(bytes: Uint8Array, as: DecodeAs, [start, end]: Range): Range {
  switch (as) {
    case 'hex':
      return [3 * start, Math.max(3 * start, 3 * end - 1)];
    case 'base64':
      return [Math.floor(start / 3) * 4, Math.ceil(end / 3) * 4];
    default: {
      const a = displayText(bytes.subarray(0, start), as).length;
      return [a, Math.max(a, displayText(bytes.subarray(0, end), as).length)];
    }
  }
}

/** Occurrences in one entry as shown: text offsets for a decoding, byte offsets for a hex dump. */
export function entryMatches(bytes: Uint8Array, shown: Shown, needle: Needle): Range[] {
  if (shown === 'dump') {
    return needle.kind === 'bytes'
      ? byteRanges(bytes, needle.bytes)
      : textRanges(dumpAscii(bytes), needle.text);
  }
  if (needle.kind === 'text') return textRanges(displayText(bytes, shown), needle.text);
  return byteRanges(bytes, needle.bytes).map((r) => byteRangeToText(bytes, shown, r));
}

export const needleKey = (needle: Needle): string =>
  needle.kind === 'text' ? `t:${needle.text}` : `b:${Array.from(needle.bytes).join(',')}`;

/** Match counts per entry bytes, remembered while the same needle and view apply to them. */
export function createMatchCounter(): (
  bytes: Uint8Array,
  shown: Shown,
  needle: Needle,
  key: string,
) => number {
  const cache = new WeakMap<Uint8Array, { sig: string; count: number }>();
  return (bytes, shown, needle, key) => {
    const sig = `${shown}|${key}`;
    const hit = cache.get(bytes);
    if (hit?.sig === sig) return hit.count;
    const count = entryMatches(bytes, shown, needle).length;
    cache.set(bytes, { sig, count });
    return count;
  };
}

/** Entries with matches (view row and count) and the total, in log order. */
export interface SearchHits {
  rows: { row: number; count: number }[];
  total: number;
}

/** The `ordinal`-th match overall (0-based): its row and its index among that row's matches. */
export function locateHit(hits: SearchHits, ordinal: number): { row: number; nth: number } | undefined {
  if (ordinal < 0 || ordinal >= hits.total) return undefined;
  // Once per Next / Previous: a running sum is clear and fast enough.
  let before = 0;
  for (const { row, count } of hits.rows) {
    if (ordinal < before + count) return { row, nth: ordinal - before };
    before += count;
  }
  return undefined;
}
