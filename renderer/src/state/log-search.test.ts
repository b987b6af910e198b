// Find's fast count against the reference that decodes each entry, in every view, on random bytes and
// needles; and the search that goes on from where it stopped as the log grows and sheds entries.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECODE_AS, type DecodeAs, displayText } from '../../../shared/codec/display';
import { createViewCache, SHOW_ALL } from './log-filter';
import type { DataEntry, LogEntry } from './log-reducer';
import { emptyRing, ringDropFront, ringPush, ringToArray } from './log-ring';
import { createLogSearch, entryMatches, fold, type Needle, type SearchHits, type Shown } from './log-search';
import { createCounter } from './log-search-count';

const VIEWS: readonly Shown[] = [...DECODE_AS, 'dump'];
const enc = new TextEncoder();

/** Bytes that make every kind of token: letters, escapes, controls, high bytes, backslashes. */
const byteArb = fc.oneof(
  fc.constantFrom(0x0d, 0x0a, 0x09, 0x00, 0x5c, 0x78, 0x72, 0x6e, 0x41, 0x61, 0x30, 0x44, 0x20, 0x2e),
  fc.integer({ min: 0, max: 255 }),
);
const bytesArb = fc
  .uint8Array({ maxLength: 40 })
  .chain((a) => fc.array(byteArb, { maxLength: 40 }).map((b) => new Uint8Array([...a.slice(0, 10), ...b])));
const textNeedleArb = fc.oneof(
  fc.constantFrom('\\r\\n', 'r', '\\', 'x0', '0d 0a', 'ok', '.', 'a\\x', 'n\\', ' 4', 'AA', 'é', '好'),
  fc.string({ minLength: 1, maxLength: 5 }),
);

const reference = (bytes: Uint8Array, shown: Shown, needle: Needle) =>
  entryMatches(bytes, shown, needle).length;

describe('the fast count', () => {
  it('agrees with decoding every entry, for text needles in every view', () => {
    fc.assert(
      fc.property(bytesArb, textNeedleArb, fc.constantFrom(...VIEWS), (bytes, query, shown) => {
        const needle: Needle = { kind: 'text', text: fold(query) };
        const slab = new Uint8Array([7, 7, ...bytes, 9]);
        expect(createCounter(needle).entry(slab, 2, bytes.length, shown)).toBe(
          reference(bytes, shown, needle),
        );
      }),
      { numRuns: 3000 },
    );
  });

  it('agrees for byte needles, which never look past the entry', () => {
    fc.assert(
      fc.property(bytesArb, fc.uint8Array({ minLength: 1, maxLength: 3 }), (bytes, needleBytes) => {
        const needle: Needle = { kind: 'bytes', bytes: needleBytes };
        const slab = new Uint8Array([...needleBytes, ...bytes, ...needleBytes]);
        const n = createCounter(needle).entry(slab, needleBytes.length, bytes.length, 'ascii');
        expect(n).toBe(reference(bytes, 'ascii', needle));
      }),
      { numRuns: 1000 },
    );
  });

  it('counts matches that start inside an escape and run across entries of text', () => {
    const count = createCounter({ kind: 'text', text: fold('\\r\\nO') }).entry;
    const bytes = enc.encode('ok\r\nOK\r\nok');
    expect(count(bytes, 0, bytes.length, 'ascii')).toBe(2);
    expect(createCounter({ kind: 'text', text: 'd 0a' }).entry(bytes, 0, bytes.length, 'hex')).toBe(2);
    expect(createCounter({ kind: 'text', text: 'x' }).entry(new Uint8Array([1]), 0, 1, 'ascii')).toBe(1);
  });
});

const data = (key: number, text: string, dir: 'rx' | 'tx' = 'rx'): LogEntry => ({
  kind: 'data',
  key,
  at: key,
  session: 's1',
  dir,
  peer: '127.0.0.1:5000',
  bytes: enc.encode(text),
});

/** The search done the slow way over the whole ring: every entry decoded. */
function slowHits(entries: readonly LogEntry[], needle: Needle, shown: Shown, rxOnly = false) {
  const out: [number, number][] = [];
  for (const e of entries) {
    if (e.kind !== 'data' || (rxOnly && e.dir !== 'rx')) continue;
    const n = entryMatches(e.bytes, shown, needle).length;
    if (n > 0) out.push([e.key, n]);
  }
  return out;
}
const listed = (hits: SearchHits) =>
  Array.from({ length: hits.entries }, (_, i) => [hits.keyAt(i), hits.countAt(i)] as [number, number]);

describe('the log search', () => {
  it('goes on from where it stopped as entries arrive and are evicted, and agrees with a full search', () => {
    const search = createLogSearch();
    const needle: Needle = { kind: 'text', text: 'temp=2' };
    let ring = emptyRing<LogEntry>();
    let key = 1;
    for (let round = 0; round < 30; round++) {
      const batch = Array.from({ length: 150 }, () => {
        const k = key++;
        return data(k, `board-${k} temp=${k % 30} temp=2${k % 7}\r\n`, k % 3 === 0 ? 'tx' : 'rx');
      });
      ring = ringPush(ring, batch);
      if (round % 4 === 3) ring = ringDropFront(ring, 400);
      const filter = round % 10 < 5 ? SHOW_ALL : { rx: true, tx: false, system: true };
      const hits = search({ ring, filter, needle, logShown: 'ascii', views: {} });
      const want = slowHits(ringToArray(ring), needle, 'ascii', !filter.tx);
      expect(listed(hits)).toEqual(want);
      expect(hits.total).toBe(want.reduce((n, [, c]) => n + c, 0));
    }
  });

  it('agrees with a full search on random entries, needles, views and filters, chunk by chunk', () => {
    const entryArb = fc.tuple(bytesArb, fc.boolean(), fc.boolean());
    fc.assert(
      fc.property(
        fc.array(entryArb, { minLength: 1, maxLength: 60 }),
        fc.oneof(
          textNeedleArb.map((q): Needle => ({ kind: 'text', text: fold(q) })),
          fc.uint8Array({ minLength: 1, maxLength: 3 }).map((b): Needle => ({ kind: 'bytes', bytes: b })),
        ),
        fc.constantFrom(...VIEWS),
        fc.constantFrom<Shown | undefined>(undefined, 'hex', 'dump', 'utf-8'),
        fc.boolean(),
        (specs, needle, logShown, own, rxOnly) => {
          const entries: LogEntry[] = specs.map(([bytes, tx, system], i) =>
            system
              ? { kind: 'system', key: i + 1, at: i, tone: 'info', text: 'x' }
              : { kind: 'data', key: i + 1, at: i, session: 's', dir: tx ? 'tx' : 'rx', peer: 'p', bytes },
          );
          const ring = ringPush(emptyRing<LogEntry>(), entries);
          const views: Record<number, Shown> = own ? { 2: own, 5: own } : {};
          const filter = rxOnly ? { rx: true, tx: false, system: true } : SHOW_ALL;
          const hits = createLogSearch()({ ring, filter, needle, logShown, views });
          const want = entries
            .filter((e): e is DataEntry => e.kind === 'data' && (!rxOnly || e.dir === 'rx'))
            .map((e) => [e.key, entryMatches(e.bytes, views[e.key] ?? logShown, needle).length])
            .filter(([, n]) => (n as number) > 0);
          expect(listed(hits)).toEqual(want);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('finds long needles taken from the entries themselves, starting anywhere, escapes included', () => {
    const printable = fc.oneof(
      { weight: 5, arbitrary: fc.integer({ min: 0x20, max: 0x7e }) },
      { weight: 1, arbitrary: fc.constantFrom(0x0d, 0x0a, 0x00, 0x5c, 0xc4, 0xe3, 0x41) },
    );
    const entriesArb = fc.array(fc.array(printable, { minLength: 1, maxLength: 30 }), {
      minLength: 1,
      maxLength: 40,
    });
    fc.assert(
      fc.property(
        entriesArb,
        fc.nat(),
        fc.nat(),
        fc.integer({ min: 7, max: 12 }),
        fc.constantFrom<DecodeAs>('ascii', 'latin1', 'utf-8', 'gbk'),
        (specs, pick, start, length, logShown) => {
          const entries: LogEntry[] = specs.map((b, i) => ({
            ...data(i + 1, '', i % 3 === 0 ? 'tx' : 'rx'),
            bytes: Uint8Array.from(b),
          }));
          const source = displayText((entries[pick % entries.length] as DataEntry).bytes, logShown);
          const at = source.length > length ? start % (source.length - length) : 0;
          const needle: Needle = { kind: 'text', text: fold(source.slice(at, at + length)) };
          const ring = ringPush(emptyRing<LogEntry>(), entries);
          const hits = createLogSearch()({ ring, filter: SHOW_ALL, needle, logShown, views: {} });
          expect(listed(hits)).toEqual(slowHits(entries, needle, logShown));
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('starts over for an entry shown another way, and a million-entry answer stays right', () => {
    const search = createLogSearch();
    const ring = ringPush(emptyRing<LogEntry>(), [data(1, 'OK\r\n'), data(2, 'ok')]);
    const needle: Needle = { kind: 'text', text: 'ok' };
    expect(search({ ring, filter: SHOW_ALL, needle, logShown: 'ascii', views: {} }).total).toBe(2);
    // Entry 2 as hex shows "6F 6B": no "ok" any more.
    expect(search({ ring, filter: SHOW_ALL, needle, logShown: 'ascii', views: { 2: 'hex' } }).total).toBe(1);
  });

  it('filters incrementally like the view the log shows', () => {
    const views = createViewCache();
    let ring = emptyRing<LogEntry>();
    const filter = { rx: false, tx: true, system: true };
    for (let k = 1; k <= 50; k += 5) {
      ring = ringPush(ring, [data(k, 'a'), data(k + 1, 'b', 'tx'), data(k + 2, 'c'), data(k + 3, 'd', 'tx')]);
      ring = ringPush(ring, [{ kind: 'system', key: k + 4, at: k, tone: 'info', text: 'x' }]);
      if (k > 20) ring = ringDropFront(ring, 3);
      const view = views(ring, filter);
      const want = ringToArray(ring).filter((e) => e.kind !== 'data' || e.dir === 'tx');
      expect(Array.from({ length: view.count }, (_, i) => view.at(i)?.key)).toEqual(want.map((e) => e.key));
      expect(view.rowOfKey(want[1]?.key ?? -1)).toBe(1);
    }
  });
});
