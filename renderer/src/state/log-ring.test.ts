// The chunked ring against a plain array doing the same pushes and front drops; log entries kept
// compactly come back whole; the caps bound entries and payload bytes, evicting the oldest first.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DataEntry, DEFAULT_LIMITS, type LogEntry, pushCapped } from './log-reducer';
import { emptyRing, ringAt, ringDropFront, ringPush, ringToArray } from './log-ring';

type Op = { push: number } | { drop: number };

describe('log ring', () => {
  it('matches an array model across chunk boundaries', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ drop: fc.integer({ min: 0, max: 3000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops: Op[]) => {
        let ring = emptyRing<number>();
        let model: number[] = [];
        let next = 0;
        for (const o of ops) {
          if ('push' in o) {
            const items = Array.from({ length: o.push }, () => next++);
            const before = ring;
            const beforeModel = model;
            ring = ringPush(ring, items);
            model = model.concat(items);
            // Copy-on-write: the version React may still be rendering is untouched.
            expect(ringToArray(before)).toEqual(beforeModel);
          } else {
            ring = ringDropFront(ring, o.drop);
            model = model.slice(o.drop);
          }
          expect(ring.length).toBe(model.length);
        }
        expect(ringToArray(ring)).toEqual(model);
        expect(ringAt(ring, -1)).toBeUndefined();
        expect(ringAt(ring, model.length)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});

const entry = (key: number, size: number, dir: 'rx' | 'tx' = 'rx'): DataEntry => ({
  kind: 'data',
  key,
  at: 1_700_000_000_000 + key,
  session: `s${key % 3}`,
  dir,
  peer: `127.0.0.1:${5000 + (key % 7)}`,
  bytes: Uint8Array.from({ length: size }, (_, i) => (key + i) & 0xff),
  ...(key % 5 === 0 ? { issue: 'incomplete' as const } : {}),
});

/** Entries with their bytes as one string each, so a deep comparison of large payloads stays quick. */
const latin1 = new TextDecoder('latin1');
const flat = (entries: readonly LogEntry[]) =>
  entries.map((e) => (e.kind === 'data' ? { ...e, bytes: latin1.decode(e.bytes) } : e));

describe('log ring of entries', () => {
  it('gives back every field of data entries kept compactly, beside system rows, large payloads too', () => {
    const items: LogEntry[] = [];
    for (let k = 1; k <= 6000; k++) {
      items.push(
        k % 100 === 0 ? { kind: 'system', key: k, at: k, tone: 'info', text: `row ${k}` } : entry(k, k % 50),
      );
    }
    items.push(entry(6001, 600_000), entry(6002, 3), entry(6003, 300_000, 'tx'));
    let ring = emptyRing<LogEntry>();
    for (let i = 0; i < items.length; i += 700) ring = ringPush(ring, items.slice(i, i + 700));
    expect(flat(ringToArray(ring))).toEqual(flat(items));
    expect(ring.chunks.length).toBeGreaterThan(2);
    const dropped = ringDropFront(ring, 4500);
    expect(flat(ringToArray(dropped))).toEqual(flat(items.slice(4500)));
    expect(dropped.chunks.length).toBeLessThan(ring.chunks.length);
  });

  it('keys entries as it stores them, and lets two versions grow apart from one', () => {
    const base = ringPush(emptyRing<LogEntry>(), [entry(0, 4), entry(0, 4)], 10);
    expect(ringToArray(base).map((e) => e.key)).toEqual([10, 11]);
    const a = ringPush(base, [entry(1, 8)], 12);
    const b = ringPush(base, [entry(2, 2, 'tx')], 12);
    expect(ringToArray(a).map((e) => e.kind === 'data' && e.bytes.length)).toEqual([4, 4, 8]);
    expect(ringToArray(b).map((e) => e.kind === 'data' && e.dir)).toEqual(['rx', 'rx', 'tx']);
    expect(b.lineage).not.toBe(a.lineage);
    expect(ringToArray(base)).toHaveLength(2);
  });
});

describe('the log caps', () => {
  const limits = { maxEntries: 1000, maxBytes: 20_000 };

  it('hold the byte and entry bounds by evicting the oldest first, and count what went', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.integer({ min: 0, max: 900 }), { minLength: 1, maxLength: 60 }), {
          maxLength: 25,
        }),
        (batches) => {
          let buffer = { ring: emptyRing<LogEntry>(), bytes: 0 };
          let key = 1;
          let evicted = 0;
          let evictedBytes = 0;
          const all: DataEntry[] = [];
          for (const sizes of batches) {
            const batch = sizes.map((size) => entry(key++, size));
            all.push(...batch);
            const out = pushCapped(buffer, batch, limits);
            buffer = out.buffer;
            evicted += out.evicted.entries;
            evictedBytes += out.evicted.bytes;
            expect(buffer.ring.length).toBeLessThanOrEqual(limits.maxEntries);
            expect(buffer.bytes <= limits.maxBytes || buffer.ring.length === 1).toBe(true);
          }
          const kept = ringToArray(buffer.ring);
          expect(flat(kept)).toEqual(flat(all.slice(evicted)));
          expect(buffer.bytes).toBe(kept.reduce((n, e) => n + (e.kind === 'data' ? e.bytes.length : 0), 0));
          expect(evictedBytes).toBe(all.slice(0, evicted).reduce((n, e) => n + e.bytes.length, 0));
          // Nothing was evicted that the caps would have kept.
          const before = all[evicted - 1];
          if (before)
            expect(
              buffer.bytes + before.bytes.length > limits.maxBytes || kept.length === limits.maxEntries,
            ).toBe(true);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('keep a million entries by default, and the newest one always', () => {
    expect(DEFAULT_LIMITS.maxEntries).toBe(1_000_000);
    const big = pushCapped(
      { ring: emptyRing<LogEntry>(), bytes: 0 },
      [entry(1, 10), entry(2, 50_000)],
      limits,
    );
    expect(ringToArray(big.buffer.ring).map((e) => e.key)).toEqual([2]);
    expect(big.evicted).toEqual({ entries: 1, bytes: 10 });
  });
});
