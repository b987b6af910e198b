// A persistent (copy-on-write) list of log entries in fixed-size chunks: appending copies only the
// last chunk and evicting from the front drops whole chunks, so one batch costs O(chunk), not O(log).

const CHUNK = 1024;

export interface Ring<T> {
  /** Every chunk but the last holds exactly CHUNK items; the first starts at `head`. */
  readonly chunks: readonly (readonly T[])[];
  readonly head: number;
  readonly length: number;
}

export function emptyRing<T>(): Ring<T> {
  return { chunks: [], head: 0, length: 0 };
}

export function ringAt<T>(ring: Ring<T>, index: number): T | undefined {
  if (index < 0 || index >= ring.length) return undefined;
  const at = ring.head + index;
  return ring.chunks[Math.floor(at / CHUNK)]?.[at % CHUNK];
}

export function ringPush<T>(ring: Ring<T>, items: readonly T[]): Ring<T> {
  if (items.length === 0) return ring;
  const chunks = ring.chunks.slice();
  let last = chunks.length > 0 ? (chunks.pop() as readonly T[]).slice() : [];
  for (const item of items) {
    if (last.length === CHUNK) {
      chunks.push(last);
      last = [];
    }
    last.push(item);
  }
  chunks.push(last);
  return { chunks, head: ring.head, length: ring.length + items.length };
}

/** Drop the oldest `count` items. */
export function ringDropFront<T>(ring: Ring<T>, count: number): Ring<T> {
  if (count <= 0) return ring;
  if (count >= ring.length) return emptyRing();
  const at = ring.head + count;
  const whole = Math.floor(at / CHUNK);
  return { chunks: ring.chunks.slice(whole), head: at % CHUNK, length: ring.length - count };
}

export function ringToArray<T>(ring: Ring<T>): T[] {
  const out: T[] = [];
  for (let i = 0; i < ring.length; i++) out.push(ringAt(ring, i) as T);
  return out;
}
