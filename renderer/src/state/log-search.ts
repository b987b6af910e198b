// Find in the log: text (as shown, escapes and all) or hex bytes, matched per entry in the
// coordinates its view highlights. Counting runs on the ring's packed bytes (log-search-count.ts) and
// goes on from where it stopped as the log grows. Pure.
import { type DecodeAs, displayText } from '../../../shared/codec/display';
import { parseHex } from '../../../shared/codec/hex';
import { dumpAscii } from './hex-dump';
import type { LogFilter } from './log-filter';
import type { LogEntry } from './log-reducer';
import { type Ring, ringChunks, ringKeyAt } from './log-ring';
import { createCounter } from './log-search-count';

/** [start, end) offsets. */
export type Range = readonly [number, number];

export type Needle = { kind: 'text'; text: string } | { kind: 'bytes'; bytes: Uint8Array };

export type FindQuery = { ok: true; needle?: Needle } | { ok: false; reason: string };

/** How one entry is shown: a decoding of its bytes, or a hex dump. */
export type Shown = DecodeAs | 'dump';

/** ASCII letters only, so offsets in the folded text are offsets in the shown text. */
export const fold = (s: string): string =>
  s.replace(/[A-Z]/g, (c) => String.fromCharCode(c.charCodeAt(0) | 0x20));

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

/**
 * Occurrences in one entry as shown: text offsets for a decoding, byte offsets for a hex dump. The
 * reference the fast count agrees with, and what a row on screen marks.
 */
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

/** Entries with matches (by key, with their counts) and the total, in log order. */
export interface SearchHits {
  total: number;
  /** Entries with at least one match. */
  entries: number;
  keyAt(i: number): number;
  countAt(i: number): number;
}

/** The `ordinal`-th match overall (0-based): its entry's key and its index among that entry's matches. */
export function locateHit(hits: SearchHits, ordinal: number): { key: number; nth: number } | undefined {
  if (ordinal < 0 || ordinal >= hits.total) return undefined;
  // Once per Next / Previous: a running sum is clear and fast enough.
  let before = 0;
  for (let i = 0; i < hits.entries; i++) {
    const count = hits.countAt(i);
    if (ordinal < before + count) return { key: hits.keyAt(i), nth: ordinal - before };
    before += count;
  }
  return undefined;
}

export interface SearchInput {
  ring: Ring<LogEntry>;
  filter: LogFilter;
  needle: Needle;
  /** The log's Decode as (or Hex dump), and the entries shown otherwise, by key. */
  logShown: Shown;
  views: Readonly<Record<number, Shown>>;
}

/**
 * Find over a log that grows and sheds entries: each call counts only what arrived since the last
 * one (for the same needle, views and filter) and forgets what was evicted.
 */
export function createLogSearch(): (input: SearchInput) => SearchHits {
  let sig = '';
  let views: SearchInput['views'] | undefined;
  let lineage = -1;
  let scanned = 0;
  let keys = new Float64Array(256);
  let counts = new Uint32Array(256);
  let head = 0;
  let tail = 0;
  let total = 0;
  let hits: SearchHits | undefined;
  let counter: ReturnType<typeof createCounter> | undefined;

  const add = (key: number, n: number) => {
    if (tail === keys.length) {
      // New arrays, never a shift in place: hits handed out earlier keep reading the old ones.
      const live = tail - head;
      const size = Math.max(256, live * 2);
      const k = new Float64Array(size);
      const c = new Uint32Array(size);
      k.set(keys.subarray(head, tail));
      c.set(counts.subarray(head, tail));
      keys = k;
      counts = c;
      head = 0;
      tail = live;
    }
    keys[tail] = key;
    counts[tail] = n;
    tail++;
    total += n;
  };

  return ({ ring, filter, needle, logShown, views: entryViews }) => {
    const nextSig = `${needleKey(needle)}|${logShown}|${+filter.rx}${+filter.tx}`;
    const end = ring.start + ring.length;
    let changed = false;
    if (nextSig !== sig || entryViews !== views || ring.lineage !== lineage || end < scanned) {
      sig = nextSig;
      views = entryViews;
      lineage = ring.lineage;
      scanned = ring.start;
      // Fresh arrays: hits handed out before keep reading theirs.
      keys = new Float64Array(256);
      counts = new Uint32Array(256);
      head = 0;
      tail = 0;
      total = 0;
      counter = createCounter(needle);
      changed = true;
    }
    const firstKey = ringKeyAt(ring, 0) ?? Number.POSITIVE_INFINITY;
    while (head < tail && (keys[head] as number) < firstKey) {
      total -= counts[head] as number;
      head++;
      changed = true;
    }
    const from = Math.max(0, scanned - ring.start);
    if (from < ring.length) {
      const count = counter ?? createCounter(needle);
      const scope = {
        rx: filter.rx,
        tx: filter.tx,
        logShown,
        shownOf:
          Object.keys(entryViews).length > 0 ? (key: number) => entryViews[key] ?? logShown : undefined,
      };
      ringChunks(ring, from, ring.length, (chunk, s0, s1) => count.chunk(chunk, s0, s1, scope, add));
      scanned = end;
      changed = true;
    }
    if (changed || !hits) {
      const k = keys;
      const c = counts;
      const first = head;
      hits = {
        total,
        entries: tail - head,
        keyAt: (i) => k[first + i] as number,
        countAt: (i) => c[first + i] as number,
      };
    }
    return hits;
  };
}
