// Counting Find's matches in a packed payload without decoding it. In the ASCII, Latin-1, Hex and hex
// dump views (and UTF-8, GBK, GB18030 while the bytes are ASCII) each byte shows as its own token, so
// a needle becomes a table-driven automaton over bytes; other views decode the entry. Pure.
import { ESCAPES, isControl, isPrintableAscii } from '../../../shared/codec/display-segments';
import type { LogEntry } from './log-reducer';
import { type Chunk, TAG_OBJECT, TAG_RX } from './log-ring';
import type { Needle, Shown } from './log-search';
import { entryMatches, fold } from './log-search';

/** Matches in slab[off, off + len) as the entry shows with `shown`. */
export type Counter = (slab: Uint8Array, off: number, len: number, shown: Shown) => number;

/** Beyond this needle length the table would be large; such needles decode instead. */
const MAX_TABLE_NEEDLE = 512;

const HEX: string[] = [];
for (let b = 0; b < 256; b++) HEX.push(b.toString(16).padStart(2, '0'));

type Token = (b: number) => string | undefined;

const asciiToken: Token = (b) => (isPrintableAscii(b) ? String.fromCharCode(b) : ESCAPES[b]);
/** Multi-byte decodings show ASCII bytes as ASCII does; any other byte sends the entry to the decoder. */
const asciiOnlyToken: Token = (b) => (b < 0x80 ? asciiToken(b) : undefined);
const TOKENS: Partial<Record<Shown, { token: Token; first?: Token }>> = {
  ascii: { token: asciiToken },
  'utf-8': { token: asciiOnlyToken },
  gbk: { token: asciiOnlyToken },
  gb18030: { token: asciiOnlyToken },
  latin1: { token: (b) => (isControl(b) ? ESCAPES[b] : String.fromCharCode(b)) },
  dump: { token: (b) => (isPrintableAscii(b) ? String.fromCharCode(b) : '.') },
  // "68 65 6C": a space before every byte but the first.
  hex: { token: (b) => ` ${HEX[b]}`, first: (b) => HEX[b] },
};

/**
 * For each state (the length of the needle's prefix just read) and byte: the next state times 256,
 * shifted left 3, plus the matches the byte's token completed; -1 where the decoder must take over.
 * Matches do not overlap: after one, reading starts again from nothing, as indexOf does.
 */
interface Automaton {
  table: Int32Array;
  first?: Int32Array;
  /** The needle has a character no token has: nothing can match. */
  never: boolean;
}

function automaton(needle: string, token: Token, firstToken?: Token): Automaton {
  const m = needle.length;
  const fail = new Int32Array(m);
  for (let i = 1, k = 0; i < m; i++) {
    while (k > 0 && needle[i] !== needle[k]) k = fail[k - 1] as number;
    if (needle[i] === needle[k]) k++;
    fail[i] = k;
  }
  const seen = new Set<string>();
  const feed = (state: number, tok: string | undefined): number => {
    if (tok === undefined) return -1;
    let s = state;
    let hits = 0;
    for (const ch of fold(tok)) {
      seen.add(ch);
      while (s > 0 && needle[s] !== ch) s = fail[s - 1] as number;
      if (needle[s] === ch) s++;
      if (s === m) {
        hits++;
        s = 0;
      }
    }
    return ((s << 8) << 3) | hits;
  };
  const table = new Int32Array(m * 256);
  for (let s = 0; s < m; s++) for (let b = 0; b < 256; b++) table[(s << 8) | b] = feed(s, token(b));
  let first: Int32Array | undefined;
  if (firstToken) {
    first = new Int32Array(256);
    for (let b = 0; b < 256; b++) first[b] = feed(0, firstToken(b));
  }
  return { table, first, never: [...needle].some((ch) => !seen.has(ch)) };
}

/** Matches of the automaton in slab[off, end), or -1 when a byte needs the decoder. */
function run({ table, first }: Automaton, slab: Uint8Array, off: number, end: number): number {
  let s = 0;
  let hits = 0;
  let j = off;
  if (first && j < end) {
    const t = first[slab[j] as number] as number;
    if (t < 0) return -1;
    hits += t & 7;
    s = t >> 3;
    j++;
  }
  for (; j < end; j++) {
    const t = table[s + (slab[j] as number)] as number;
    if (t < 0) return -1;
    hits += t & 7;
    s = t >> 3;
  }
  return hits;
}

/** Non-overlapping occurrences of `needle` in slab[off, end). */
function countBytes(slab: Uint8Array, off: number, end: number, needle: Uint8Array): number {
  const n = needle.length;
  const head = needle[0] as number;
  let count = 0;
  for (let i = off; i + n <= end; i++) {
    if (slab[i] !== head) continue;
    let k = 1;
    while (k < n && slab[i + k] === needle[k]) k++;
    if (k === n) {
      count++;
      i += n - 1;
    }
  }
  return count;
}

/** Which entries of a chunk to count and how each shows. */
export interface ChunkScope {
  rx: boolean;
  tx: boolean;
  /** The log's way of showing; `shownOf` for entries shown their own way (undefined: none are). */
  logShown: Shown;
  shownOf?: (key: number) => Shown;
}

export interface EntryCounter {
  /** Matches in one entry, slab[off, off + len), shown as `shown`. */
  entry: Counter;
  /** Calls `add(key, count)` for each data entry of slots [from, to) the scope takes that matches. */
  chunk(
    chunk: Chunk<LogEntry>,
    from: number,
    to: number,
    scope: ChunkScope,
    add: (key: number, n: number) => void,
  ): void;
}

/** Per-slot counts of one chunk, reused: a chunk has at most 4,096 slots. */
let scratch = new Uint32Array(4096);

export function createCounter(needle: Needle): EntryCounter {
  if (needle.kind === 'bytes') {
    const bytes = needle.bytes;
    // Bytes match the same wherever they show: the view only moves the highlight.
    const entry: Counter = (slab, off, len) => countBytes(slab, off, off + len, bytes);
    return {
      entry,
      chunk(chunk, from, to, scope, add) {
        if (to - from > scratch.length) scratch = new Uint32Array(to - from);
        const counts = scratch;
        counts.fill(0, 0, to - from);
        countBytesInChunk(chunk, from, to, bytes, counts);
        for (let slot = from; slot < to; slot++) {
          const n = counts[slot - from] as number;
          if (n > 0 && takes(chunk.tags[slot] as number, scope)) add(chunk.keys[slot] as number, n);
        }
      },
    };
  }
  const text = needle.text;
  const automata = new Map<Shown, Automaton | undefined>();
  const automatonFor = (shown: Shown): Automaton | undefined => {
    if (!automata.has(shown)) {
      const spec = TOKENS[shown];
      automata.set(
        shown,
        spec && text.length <= MAX_TABLE_NEEDLE ? automaton(text, spec.token, spec.first) : undefined,
      );
    }
    return automata.get(shown);
  };
  const literal = literalPart(text);
  const entry: Counter = (slab, off, len, shown) => {
    const auto = automatonFor(shown);
    if (auto) {
      if (auto.never && !MULTI_BYTE.has(shown)) return 0;
      const n = run(auto, slab, off, off + len);
      if (n >= 0) return n;
    }
    return entryMatches(slab.subarray(off, off + len), shown, needle).length;
  };
  return {
    entry,
    chunk(chunk, from, to, scope, add) {
      const auto = scope.shownOf ? undefined : automatonFor(scope.logShown);
      if (!auto || auto.first) {
        // Entries shown their own ways, or a view with no one-table automaton: entry by entry.
        for (let slot = from; slot < to; slot++) {
          const tag = chunk.tags[slot] as number;
          if (!takes(tag, scope)) continue;
          const key = chunk.keys[slot] as number;
          const n = entry(
            chunk.slab,
            chunk.offs[slot] as number,
            chunk.lens[slot] as number,
            scope.shownOf?.(key) ?? scope.logShown,
          );
          if (n > 0) add(key, n);
        }
        return;
      }
      if (auto.never && !MULTI_BYTE.has(scope.logShown)) return;
      if (literal && LITERAL_VIEWS.has(scope.logShown)) {
        literalCandidates(chunk, from, to, literal, FOLDED, (slot) => {
          if (!takes(chunk.tags[slot] as number, scope)) return;
          const n = entry(chunk.slab, chunk.offs[slot] as number, chunk.lens[slot] as number, scope.logShown);
          if (n > 0) add(chunk.keys[slot] as number, n);
        });
        return;
      }
      // The common case, kept tight: one table, every entry of the chunk, no call per byte or entry.
      const { table } = auto;
      const { slab, offs, lens, tags, keys } = chunk;
      for (let slot = from; slot < to; slot++) {
        const tag = tags[slot] as number;
        if (!takes(tag, scope)) continue;
        const off = offs[slot] as number;
        const end = off + (lens[slot] as number);
        let s = 0;
        let hits = 0;
        for (let j = off; j < end; j++) {
          const t = table[s + (slab[j] as number)] as number;
          if (t < 0) {
            hits = entryMatches(slab.subarray(off, end), scope.logShown, needle).length;
            break;
          }
          hits += t & 7;
          s = t >> 3;
        }
        if (hits > 0) add(keys[slot] as number, hits);
      }
    },
  };
}

const MULTI_BYTE: ReadonlySet<Shown> = new Set(['utf-8', 'gbk', 'gb18030']);

/**
 * Views in which an ASCII character of the shown text comes from a byte of its own (a printable one,
 * shown as itself) or from an escape, and every escape starts with a backslash.
 */
const LITERAL_VIEWS: ReadonlySet<Shown> = new Set(['ascii', 'latin1', 'utf-8', 'gbk', 'gb18030']);

/**
 * The part of a needle that can only match bytes shown as themselves. Without a backslash in the
 * needle, an escape can only hold its first characters, the tail of an escape's text ("x0d" of
 * "\x0D"), so all but the first three characters are bytes as they are (case aside). Short needles,
 * or ones with a backslash or a character beyond printable ASCII, have no such part.
 */
function literalPart(text: string): Uint8Array | undefined {
  if (text.length < 7 || !/^[\x20-\x5b\x5d-\x7e]+$/.test(text)) return undefined;
  return Uint8Array.from(text.slice(3), (c) => c.charCodeAt(0));
}

/** Each byte as a folded printable ASCII character, or 0 for a byte never shown as one. */
const FOLDED = new Uint8Array(256);
for (let b = 0x20; b <= 0x7e; b++) FOLDED[b] = b >= 0x41 && b <= 0x5a ? b | 0x20 : b;

/**
 * Calls `found` once for each slot of [from, to) whose bytes, mapped through `map` (FOLDED), hold
 * `literal`: a Horspool search over the chunk's slab, so a rare needle skips most bytes unread.
 */
function literalCandidates(
  chunk: Chunk<LogEntry>,
  from: number,
  to: number,
  literal: Uint8Array,
  map: Uint8Array,
  found: (slot: number) => void,
): void {
  const { slab, offs, lens } = chunk;
  const m = literal.length;
  const last = literal[m - 1] as number;
  const skip = new Uint8Array(256).fill(Math.min(m, 255));
  for (let i = 0; i < m - 1; i++) skip[literal[i] as number] = m - 1 - i;
  const stop = (offs[to - 1] as number) + (lens[to - 1] as number);
  let slot = from;
  let p = offs[from] as number;
  while (p + m <= stop) {
    const f = map[slab[p + m - 1] as number] as number;
    if (f === last) {
      let k = m - 2;
      while (k >= 0 && map[slab[p + k] as number] === literal[k]) k--;
      if (k < 0) {
        while ((offs[slot] as number) + (lens[slot] as number) <= p) slot++;
        const end = (offs[slot] as number) + (lens[slot] as number);
        if (p + m <= end) {
          found(slot);
          p = end;
          continue;
        }
      }
    }
    p += skip[f] as number;
  }
}

const takes = (tag: number, scope: ChunkScope): boolean =>
  tag !== TAG_OBJECT && (tag & TAG_RX ? scope.rx : scope.tx);

/**
 * Counts byte matches per slot over the chunk's whole slab with the engine's own search for the
 * first byte; a match never runs from one entry into the next.
 */
function countBytesInChunk(
  chunk: Chunk<LogEntry>,
  from: number,
  to: number,
  needle: Uint8Array,
  counts: Uint32Array,
): void {
  const { slab, offs, lens } = chunk;
  const n = needle.length;
  const head = needle[0] as number;
  const start = offs[from] as number;
  const stop = (offs[to - 1] as number) + (lens[to - 1] as number);
  let slot = from;
  let at = slab.indexOf(head, start);
  while (at >= 0 && at < stop) {
    while ((offs[slot] as number) + (lens[slot] as number) <= at) slot++;
    const end = (offs[slot] as number) + (lens[slot] as number);
    let k = 1;
    if (at + n <= end) while (k < n && slab[at + k] === needle[k]) k++;
    if (k === n && at + n <= end) {
      counts[slot - from] = (counts[slot - from] as number) + 1;
      at = slab.indexOf(head, at + n);
    } else {
      at = slab.indexOf(head, at + 1);
    }
  }
}
