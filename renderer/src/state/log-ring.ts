// The log's entries in chunks, persistent: a version React may still be rendering never changes.
// Appending writes past the end of the last chunk (copying it only if another version already wrote
// there); evicting from the front drops whole chunks. Data entries are kept compactly, their fields in
// typed arrays and their payloads packed into the chunk's byte slab, and become objects only when read.
import type { DataEntry } from './log-entry';

/** Items a chunk holds at most: eviction frees memory a chunk at a time. */
const MAX_SLOTS = 4096;
const FIRST_SLOTS = 16;
/** Payload bytes a chunk packs before the next chunk starts; a larger payload gets a chunk alone. */
const SLAB_BYTES = 256 * 1024;
const FIRST_SLAB = 1024;

/** A slot's tag: 0 holds an object as it came; data has its direction in bits 0-1, its issue in 2-3. */
export const TAG_OBJECT = 0;
export const TAG_RX = 1;
export const TAG_TX = 2;
const ISSUES = [undefined, 'oversized', 'bad-length', 'incomplete'] as const;
const ISSUE_BITS: Readonly<Record<string, number>> = { oversized: 1, 'bad-length': 2, incomplete: 3 };

let lineages = 0;

const isData = (item: unknown): item is DataEntry =>
  typeof item === 'object' &&
  item !== null &&
  (item as { kind?: unknown }).kind === 'data' &&
  (item as { bytes?: unknown }).bytes instanceof Uint8Array;

const keyOf = (item: unknown): number => {
  const key = typeof item === 'object' && item !== null ? (item as { key?: unknown }).key : undefined;
  return typeof key === 'number' ? key : Number.NaN;
};

function grown<A extends Float64Array | Uint32Array | Uint16Array | Uint8Array>(
  a: A,
  size: number,
  used: number,
): A {
  const next = new (a.constructor as new (n: number) => A)(size);
  next.set(a.subarray(0, used));
  return next;
}

/** Up to MAX_SLOTS items; read by the log's search and filter through its public arrays. */
export class Chunk<T> {
  filled = 0;
  /** A later chunk follows: nothing is appended here any more (a stale version must copy). */
  sealed = false;
  slabUsed = 0;
  keys = new Float64Array(FIRST_SLOTS);
  ats = new Float64Array(FIRST_SLOTS);
  offs = new Uint32Array(FIRST_SLOTS);
  lens = new Uint32Array(FIRST_SLOTS);
  tags = new Uint8Array(FIRST_SLOTS);
  /** Indices into `strings`: a data entry's peer and engine session. */
  peers = new Uint16Array(FIRST_SLOTS);
  sessions = new Uint16Array(FIRST_SLOTS);
  slab = new Uint8Array(0);
  objects: Map<number, T> | undefined;
  strings: string[] = [];
  private ids = new Map<string, number>();
  /** The last peer and session interned: consecutive entries mostly share them. */
  private last: [string, number][] = [
    ['', -1],
    ['', -1],
  ];

  /** `first`: the absolute index (counted along the ring's lineage) of slot 0. */
  constructor(readonly first: number) {}

  fits(item: T): boolean {
    if (this.filled >= MAX_SLOTS) return false;
    if (!isData(item) || this.slabUsed === 0) return true;
    return this.slabUsed + item.bytes.length <= SLAB_BYTES;
  }

  push(item: T, key: number): void {
    const slot = this.filled;
    if (slot === this.keys.length) this.growSlots();
    this.keys[slot] = key;
    this.offs[slot] = this.slabUsed;
    if (isData(item)) {
      const n = item.bytes.length;
      if (this.slabUsed + n > this.slab.length) this.growSlab(this.slabUsed + n);
      // A call to set costs more than copying a short message byte by byte.
      if (n <= 32) for (let i = 0; i < n; i++) this.slab[this.slabUsed + i] = item.bytes[i] as number;
      else this.slab.set(item.bytes, this.slabUsed);
      this.slabUsed += n;
      this.ats[slot] = item.at;
      this.lens[slot] = n;
      this.tags[slot] = (item.dir === 'rx' ? TAG_RX : TAG_TX) | ((ISSUE_BITS[item.issue ?? ''] ?? 0) << 2);
      this.peers[slot] = this.intern(item.peer, 0);
      this.sessions[slot] = this.intern(item.session, 1);
    } else {
      this.objects ??= new Map();
      const stored = key === keyOf(item) || Number.isNaN(key) ? item : ({ ...item, key } as T);
      this.objects.set(slot, stored);
      this.lens[slot] = 0;
      this.tags[slot] = TAG_OBJECT;
    }
    this.filled = slot + 1;
  }

  read(slot: number): T {
    const tag = this.tags[slot] as number;
    if (tag === TAG_OBJECT) return this.objects?.get(slot) as T;
    const off = this.offs[slot] as number;
    const entry: DataEntry = {
      kind: 'data',
      key: this.keys[slot] as number,
      at: this.ats[slot] as number,
      session: this.strings[this.sessions[slot] as number] as string,
      dir: tag & TAG_RX ? 'rx' : 'tx',
      peer: this.strings[this.peers[slot] as number] as string,
      bytes: this.slab.subarray(off, off + (this.lens[slot] as number)),
    };
    const issue = ISSUES[tag >> 2];
    if (issue) entry.issue = issue;
    return entry as T;
  }

  /** A copy of slots [0, upTo): for a version that appends where another version already wrote. */
  cloneTo(upTo: number): Chunk<T> {
    const copy = new Chunk<T>(this.first);
    const size = Math.max(FIRST_SLOTS, upTo);
    copy.keys = grown(this.keys, size, upTo);
    copy.ats = grown(this.ats, size, upTo);
    copy.offs = grown(this.offs, size, upTo);
    copy.lens = grown(this.lens, size, upTo);
    copy.tags = grown(this.tags, size, upTo);
    copy.peers = grown(this.peers, size, upTo);
    copy.sessions = grown(this.sessions, size, upTo);
    const slabEnd = upTo === 0 ? 0 : (this.offs[upTo - 1] as number) + (this.lens[upTo - 1] as number);
    copy.slab = this.slab.slice(0, slabEnd);
    copy.slabUsed = slabEnd;
    if (this.objects) {
      copy.objects = new Map([...this.objects].filter(([slot]) => slot < upTo));
    }
    for (const s of this.strings) copy.intern(s);
    copy.filled = upTo;
    return copy;
  }

  /** A later chunk follows: nothing more comes here, so the slab lets go of the room it kept. */
  seal(): void {
    this.sealed = true;
    if (this.slab.length > this.slabUsed) this.slab = this.slab.slice(0, this.slabUsed);
  }

  private intern(s: string, field = 0): number {
    const last = this.last[field] as [string, number];
    if (s === last[0] && last[1] >= 0) return last[1];
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.strings.length;
      this.strings.push(s);
      this.ids.set(s, id);
    }
    last[0] = s;
    last[1] = id;
    return id;
  }

  private growSlots(): void {
    const size = Math.min(MAX_SLOTS, this.keys.length * 4);
    const used = this.filled;
    this.keys = grown(this.keys, size, used);
    this.ats = grown(this.ats, size, used);
    this.offs = grown(this.offs, size, used);
    this.lens = grown(this.lens, size, used);
    this.tags = grown(this.tags, size, used);
    this.peers = grown(this.peers, size, used);
    this.sessions = grown(this.sessions, size, used);
  }

  private growSlab(need: number): void {
    // Older versions keep reading the old slab (their views hold it); the copy has the same bytes.
    const size = Math.max(need, Math.min(SLAB_BYTES, Math.max(FIRST_SLAB, this.slab.length * 4)));
    this.slab = grown(this.slab, size, this.slabUsed);
  }
}

export interface Ring<T> {
  readonly chunks: readonly Chunk<T>[];
  /** Absolute index of the first item: items evicted since the ring was made. */
  readonly start: number;
  readonly length: number;
  /** Same lineage: this ring continues the other's items (caches built on one extend to the other). */
  readonly lineage: number;
}

export function emptyRing<T>(): Ring<T> {
  return { chunks: [], start: 0, length: 0, lineage: ++lineages };
}

/** The chunk holding absolute index `abs` (which must be in the ring). */
function chunkIndex<T>(ring: Ring<T>, abs: number): number {
  const { chunks } = ring;
  let lo = 0;
  let hi = chunks.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((chunks[mid] as Chunk<T>).first <= abs) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export function ringAt<T>(ring: Ring<T>, index: number): T | undefined {
  if (!(index >= 0 && index < ring.length)) return undefined;
  const abs = ring.start + index;
  const chunk = ring.chunks[chunkIndex(ring, abs)] as Chunk<T>;
  return chunk.read(abs - chunk.first);
}

/** The chunk and slot holding item `index` (in range), to read its fields without making it. */
export function ringSlot<T>(ring: Ring<T>, index: number): [Chunk<T>, number] {
  const abs = ring.start + index;
  const chunk = ring.chunks[chunkIndex(ring, abs)] as Chunk<T>;
  return [chunk, abs - chunk.first];
}

/** The key of a log entry, without making the entry. */
export function ringKeyAt<T>(ring: Ring<T>, index: number): number | undefined {
  if (!(index >= 0 && index < ring.length)) return undefined;
  const abs = ring.start + index;
  const chunk = ring.chunks[chunkIndex(ring, abs)] as Chunk<T>;
  return chunk.keys[abs - chunk.first];
}

/**
 * Visits items [from, to) in order with their chunk and slot, a chunk at a time, until `visit`
 * returns false.
 */
export function ringScan<T>(
  ring: Ring<T>,
  from: number,
  to: number,
  visit: (chunk: Chunk<T>, slot: number, index: number) => boolean | undefined,
): void {
  const end = Math.min(to, ring.length);
  if (from >= end) return;
  let c = chunkIndex(ring, ring.start + Math.max(0, from));
  for (let i = Math.max(0, from); i < end; c++) {
    const chunk = ring.chunks[c] as Chunk<T>;
    let slot = ring.start + i - chunk.first;
    const stop = Math.min(chunk.filled, slot + (end - i));
    for (; slot < stop; slot++, i++) if (visit(chunk, slot, i) === false) return;
  }
}

/** Visits items [from, to) a chunk at a time: the chunk and its slots [fromSlot, toSlot). */
export function ringChunks<T>(
  ring: Ring<T>,
  from: number,
  to: number,
  visit: (chunk: Chunk<T>, fromSlot: number, toSlot: number) => void,
): void {
  const end = Math.min(to, ring.length);
  if (from >= end) return;
  let i = Math.max(0, from);
  for (let c = chunkIndex(ring, ring.start + i); i < end; c++) {
    const chunk = ring.chunks[c] as Chunk<T>;
    const slot = ring.start + i - chunk.first;
    const stop = Math.min(chunk.filled, slot + (end - i));
    visit(chunk, slot, stop);
    i += stop - slot;
  }
}

/** Append `items`; with `firstKey`, the items are stored with keys firstKey, firstKey + 1, ... */
export function ringPush<T>(ring: Ring<T>, items: readonly T[], firstKey?: number): Ring<T> {
  if (items.length === 0) return ring;
  const chunks = ring.chunks.slice();
  let lineage = ring.lineage;
  const end = ring.start + ring.length;
  let last = chunks.at(-1);
  if (last && (last.sealed || end - last.first < last.filled)) {
    // Another version of this ring appended here first: this one goes on from a copy.
    last = last.cloneTo(end - last.first);
    chunks[chunks.length - 1] = last;
    lineage = ++lineages;
  }
  items.forEach((item, i) => {
    if (!last?.fits(item)) {
      last?.seal();
      last = new Chunk<T>(last ? last.first + last.filled : end);
      chunks.push(last);
    }
    last.push(item, firstKey === undefined ? keyOf(item) : firstKey + i);
  });
  return { chunks, start: ring.start, length: ring.length + items.length, lineage };
}

/** Drop the oldest `count` items. */
export function ringDropFront<T>(ring: Ring<T>, count: number): Ring<T> {
  if (count <= 0) return ring;
  const n = Math.min(count, ring.length);
  const start = ring.start + n;
  if (n === ring.length) return { chunks: [], start, length: 0, lineage: ring.lineage };
  const first = chunkIndex(ring, start);
  return { chunks: ring.chunks.slice(first), start, length: ring.length - n, lineage: ring.lineage };
}

export function ringToArray<T>(ring: Ring<T>): T[] {
  const out: T[] = [];
  ringScan(ring, 0, ring.length, (chunk, slot) => {
    out.push(chunk.read(slot));
    return true;
  });
  return out;
}
