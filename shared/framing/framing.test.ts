import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { FramingSpec } from '../contract/model';
import { createFramer, type Frame, validateFraming } from './index';

type Seen = { bytes: number[]; at: number; issue?: string };
const seen = (frames: (Frame | undefined)[]): Seen[] =>
  frames
    .filter((f): f is Frame => f !== undefined)
    .map((f) => ({ bytes: [...f.bytes], at: f.at, issue: f.issue }));

/** Feed `stream` cut at `cuts` (all at time `at`), then flush; everything the framer gave back. */
function run(spec: FramingSpec, stream: Uint8Array, cuts: number[], at = 1000): Seen[] {
  const framer = createFramer(spec);
  const points = [...new Set(cuts.map((c) => c % (stream.length + 1)))].sort((a, b) => a - b);
  const frames: Frame[] = [];
  let from = 0;
  for (const point of [...points, stream.length]) {
    frames.push(...framer.push(stream.subarray(from, point), at));
    from = point;
  }
  expect(framer.pending()).toBe(stream.length - frames.reduce((n, f) => n + f.bytes.length, 0));
  return seen([...frames, framer.flush()]);
}

const concat = (frames: Seen[]): number[] => frames.flatMap((f) => f.bytes);

/** Bytes from a small alphabet, so delimiters and small lengths occur often. */
const streamOf = (alphabet: number[], maxLength = 200) =>
  fc.array(fc.constantFrom(...alphabet), { maxLength }).map((a) => Uint8Array.from(a));
const cutsOf = fc.array(fc.nat(400), { maxLength: 30 });

/** The delimiter rule, written the slow and obvious way over the whole stream. */
function delimiterModel(stream: Uint8Array, delimiter: readonly number[], max: number): Seen[] {
  const out: Seen[] = [];
  let start = 0;
  let cut = false;
  while (start < stream.length) {
    let end = -1;
    for (let e = start + delimiter.length; e <= Math.min(stream.length, start + max); e++) {
      if (delimiter.every((b, k) => stream[e - delimiter.length + k] === b)) {
        end = e;
        break;
      }
    }
    if (end < 0 && stream.length - start >= max) {
      out.push({ bytes: [...stream.subarray(start, start + max)], at: 1000, issue: 'oversized' });
      start += max;
      cut = true;
      continue;
    }
    if (end < 0) {
      out.push({ bytes: [...stream.subarray(start)], at: 1000, issue: 'incomplete' });
      break;
    }
    out.push({ bytes: [...stream.subarray(start, end)], at: 1000, issue: cut ? 'oversized' : undefined });
    cut = false;
    start = end;
  }
  return out;
}

describe('every framer', () => {
  it('gives the same frames however the stream is cut into chunks, and loses no byte', () => {
    const specs = fc.oneof(
      fc.constant<FramingSpec>({ kind: 'raw' }),
      fc.tuple(fc.constantFrom('0A', '0D 0A', '0A 0A', '41 0D 0A'), fc.integer({ min: 3, max: 40 })).map(
        ([delimiterHex, maxFrameBytes]): FramingSpec => ({
          kind: 'delimiter',
          delimiterHex,
          maxFrameBytes,
        }),
      ),
      fc.integer({ min: 1, max: 9 }).map((length): FramingSpec => ({ kind: 'fixed', length })),
      fc
        .record({
          size: fc.constantFrom(1, 2, 4) as fc.Arbitrary<1 | 2 | 4>,
          order: fc.constantFrom('be', 'le') as fc.Arbitrary<'be' | 'le'>,
          offset: fc.integer({ min: 0, max: 3 }),
          includesHeader: fc.boolean(),
          maxFrameBytes: fc.integer({ min: 8, max: 64 }),
        })
        .map((r): FramingSpec => ({ kind: 'length-prefix', ...r })),
      fc
        .integer({ min: 1, max: 50 })
        .map((maxFrameBytes): FramingSpec => ({ kind: 'idle-gap', gapMs: 20, maxFrameBytes })),
    );
    fc.assert(
      fc.property(
        specs,
        streamOf([0x00, 0x01, 0x02, 0x05, 0x0a, 0x0d, 0x41]),
        cutsOf,
        (spec, stream, cuts) => {
          const whole = run(spec, stream, []);
          const cutUp = run(spec, stream, cuts);
          expect(concat(cutUp)).toEqual([...stream]);
          if (spec.kind === 'raw') return;
          expect(cutUp).toEqual(whole);
          const oneByOne = run(spec, stream, [...stream.keys()]);
          expect(oneByOne).toEqual(whole);
        },
      ),
      { numRuns: 1500 },
    );
  });

  it('splits on the delimiter exactly as the stream rule says', () => {
    fc.assert(
      fc.property(
        streamOf([0x0a, 0x0d, 0x41]),
        fc.constantFrom([0x0a], [0x0d, 0x0a], [0x0a, 0x0a], [0x41, 0x0d, 0x0a]),
        fc.integer({ min: 3, max: 30 }),
        cutsOf,
        (stream, delimiter, max, cuts) => {
          const delimiterHex = delimiter.map((b) => b.toString(16).padStart(2, '0')).join(' ');
          const frames = run({ kind: 'delimiter', delimiterHex, maxFrameBytes: max }, stream, cuts);
          expect(frames).toEqual(delimiterModel(stream, delimiter, max));
          for (const f of frames) expect(f.bytes.length).toBeLessThanOrEqual(max);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never holds more than the maximum frame size', () => {
    const specs: FramingSpec[] = [
      { kind: 'delimiter', delimiterHex: '0A', maxFrameBytes: 1000 },
      { kind: 'length-prefix', size: 4, order: 'be', offset: 0, includesHeader: false, maxFrameBytes: 1000 },
      { kind: 'idle-gap', gapMs: 10, maxFrameBytes: 1000 },
    ];
    // 1 MiB of 0xFF: no delimiter, and a length prefix of 4 GiB.
    const chunk = new Uint8Array(4096).fill(0xff);
    for (const spec of specs) {
      const framer = createFramer(spec);
      let bytes = 0;
      for (let k = 0; k < 256; k++) {
        for (const frame of framer.push(chunk, 1000)) {
          expect(frame.issue).toBe('oversized');
          expect(frame.bytes.length).toBe(1000);
          bytes += frame.bytes.length;
        }
        expect(framer.pending()).toBeLessThan(1000);
      }
      expect(bytes + framer.pending()).toBe(256 * 4096);
    }
  });
});

describe('raw framing', () => {
  it('gives each chunk back as it came', () => {
    const framer = createFramer();
    const chunk = Uint8Array.of(1, 2, 3);
    expect(framer.push(chunk, 5)).toEqual([{ bytes: chunk, at: 5 }]);
    expect(framer.push(new Uint8Array(0), 6)).toEqual([]);
    expect(framer.pending()).toBe(0);
    expect(framer.flush()).toBeUndefined();
    expect(framer.nextDeadline()).toBeUndefined();
  });
});

describe('validateFraming', () => {
  it('accepts every well-formed spec', () => {
    const good: FramingSpec[] = [
      { kind: 'raw' },
      { kind: 'delimiter', delimiterHex: '0D 0A' },
      { kind: 'delimiter', delimiterHex: '0x0A', maxFrameBytes: 1 },
      { kind: 'fixed', length: 1 },
      { kind: 'length-prefix', size: 2, order: 'le', offset: 1, includesHeader: true, maxFrameBytes: 3 },
      { kind: 'idle-gap', gapMs: 50 },
    ];
    for (const spec of good) expect(validateFraming(spec)).toBeUndefined();
  });

  it('rejects what cannot run, in a sentence', () => {
    const cases: [FramingSpec, string][] = [
      [
        { kind: 'delimiter', delimiterHex: '' },
        'The delimiter needs at least one byte, e.g. 0A for LF or 0D 0A for CRLF.',
      ],
      [
        { kind: 'delimiter', delimiterHex: ' , ' },
        'The delimiter needs at least one byte, e.g. 0A for LF or 0D 0A for CRLF.',
      ],
      [{ kind: 'delimiter', delimiterHex: '0D 0G' }, "Delimiter: 'G' at position 5 is not a hex digit."],
      [
        { kind: 'delimiter', delimiterHex: '0D 0A', maxFrameBytes: 1 },
        "The maximum frame size (1 bytes) must be at least the delimiter's length (2 bytes).",
      ],
      [
        { kind: 'fixed', length: 0 },
        'The frame length must be a whole number of bytes from 1 to 67108864 (64 MiB).',
      ],
      [
        { kind: 'fixed', length: 1.5 },
        'The frame length must be a whole number of bytes from 1 to 67108864 (64 MiB).',
      ],
      [
        { kind: 'length-prefix', size: 3 as 2, order: 'be', offset: 0, includesHeader: false },
        'The length field must be 1, 2 or 4 bytes.',
      ],
      [
        { kind: 'length-prefix', size: 4, order: 'be', offset: 2, includesHeader: false, maxFrameBytes: 5 },
        'The maximum frame size (5 bytes) must be at least the header (6 bytes).',
      ],
      [
        { kind: 'length-prefix', size: 1, order: 'be', offset: -1, includesHeader: false },
        'The length field offset must be a whole number of bytes from 0 to 1024.',
      ],
      [
        { kind: 'idle-gap', gapMs: 0 },
        'The idle gap must be a whole number of milliseconds from 1 to 60000.',
      ],
      [
        { kind: 'idle-gap', gapMs: 10, maxFrameBytes: 0 },
        'The maximum frame size must be a whole number of bytes from 1 to 67108864 (64 MiB).',
      ],
      [
        { kind: 'lines' } as unknown as FramingSpec,
        "Unknown framing 'lines'. Use raw, delimiter, fixed, length-prefix or idle-gap.",
      ],
    ];
    for (const [spec, message] of cases) {
      expect(validateFraming(spec)).toBe(message);
      expect(() => createFramer(spec)).toThrow(message);
    }
  });
});
