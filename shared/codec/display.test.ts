import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DisplaySegment, decodeForDisplay, displayText } from './display';

const seg = (text: string, isEscape = false): DisplaySegment => ({ text, escape: isEscape });
const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** Reads segments back into bytes: proof that nothing was dropped or altered. */
const isControl = (cp: number): boolean => cp < 0x20 || (cp >= 0x7f && cp <= 0x9f);

function segmentsToBytes(segments: DisplaySegment[]): number[] {
  const out: number[] = [];
  for (const { text, escape: isEscape } of segments) {
    if (!isEscape) {
      for (const b of utf8(text)) out.push(b);
      continue;
    }
    const re = /\\(r|n|t|0|x([0-9A-F]{2}))/gy;
    let consumed = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      consumed = re.lastIndex;
      const map: Record<string, number> = { r: 0x0d, n: 0x0a, t: 0x09, '0': 0 };
      out.push(m[2] ? Number.parseInt(m[2], 16) : (map[m[1] as string] as number));
    }
    if (consumed !== text.length) throw new Error(`escape segment not made of escapes: ${text}`);
  }
  return out;
}

/** First index where the two differ, or -1: cheaper than a deep equality on 64 Ki elements. */
function firstDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = Math.max(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return -1;
}

function expectWellFormed(segments: DisplaySegment[]): void {
  const faults = segments.filter((s, i) => s.text === '' || (i > 0 && s.escape === segments[i - 1]?.escape));
  expect(faults).toEqual([]);
}

describe('decodeForDisplay as ascii', () => {
  it('shows printable ASCII as text and the rest as escapes', () => {
    expect(decodeForDisplay(utf8('TCP Server : hello'), 'ascii')).toEqual([seg('TCP Server : hello')]);
    expect(decodeForDisplay(bytes(0x4f, 0x4b, 0x0d, 0x0a), 'ascii')).toEqual([
      seg('OK'),
      seg('\\r\\n', true),
    ]);
    expect(decodeForDisplay(bytes(0x00, 0x09, 0x41, 0x7f, 0x80, 0xff), 'ascii')).toEqual([
      seg('\\0\\t', true),
      seg('A'),
      seg('\\x7F\\x80\\xFF', true),
    ]);
    expect(decodeForDisplay(bytes(0x1b), 'ascii')).toEqual([seg('\\x1B', true)]);
  });

  it('shows UTF-8 bytes as escapes, not as characters', () => {
    expect(decodeForDisplay(utf8('é'), 'ascii')).toEqual([seg('\\xC3\\xA9', true)]);
  });

  it('gives nothing for nothing', () => {
    expect(decodeForDisplay(new Uint8Array(0), 'ascii')).toEqual([]);
    expect(decodeForDisplay(new Uint8Array(0), 'utf-8')).toEqual([]);
    expect(decodeForDisplay(new Uint8Array(0), 'hex')).toEqual([]);
  });
});

describe('decodeForDisplay as utf-8', () => {
  it('shows multibyte characters as text', () => {
    expect(decodeForDisplay(utf8('温度 25 °C 😀'), 'utf-8')).toEqual([seg('温度 25 °C 😀')]);
  });

  it('shows control characters as escapes, like ascii', () => {
    expect(decodeForDisplay(utf8('中\r\n'), 'utf-8')).toEqual([seg('中'), seg('\\r\\n', true)]);
    // C1 controls (U+0080..U+009F) are invisible: their two bytes are shown.
    expect(decodeForDisplay(utf8('a\u0085b'), 'utf-8')).toEqual([
      seg('a'),
      seg('\\xC2\\x85', true),
      seg('b'),
    ]);
  });

  it('shows every byte of an invalid sequence as an escape, never U+FFFD', () => {
    expect(decodeForDisplay(bytes(0x41, 0xff, 0x42), 'utf-8')).toEqual([
      seg('A'),
      seg('\\xFF', true),
      seg('B'),
    ]);
    // A lone continuation byte, an overlong form, an encoded surrogate, a code point above U+10FFFF.
    expect(displayText(bytes(0x80), 'utf-8')).toBe('\\x80');
    expect(displayText(bytes(0xc0, 0xaf), 'utf-8')).toBe('\\xC0\\xAF');
    expect(displayText(bytes(0xe0, 0x80, 0xaf), 'utf-8')).toBe('\\xE0\\x80\\xAF');
    expect(displayText(bytes(0xed, 0xa0, 0x80), 'utf-8')).toBe('\\xED\\xA0\\x80');
    expect(displayText(bytes(0xf4, 0x90, 0x80, 0x80), 'utf-8')).toBe('\\xF4\\x90\\x80\\x80');
  });

  it('resumes at the byte that broke a sequence', () => {
    // E4 B8 starts 中 but 41 ('A') cuts it short: A must still show.
    expect(decodeForDisplay(bytes(0xe4, 0xb8, 0x41), 'utf-8')).toEqual([seg('\\xE4\\xB8', true), seg('A')]);
    expect(decodeForDisplay(bytes(0xe4, 0xe4, 0xb8, 0xad), 'utf-8')).toEqual([seg('\\xE4', true), seg('中')]);
  });

  it('shows a sequence truncated at the end as escapes', () => {
    const chunk = utf8('ok 中').subarray(0, 5);
    expect(decodeForDisplay(chunk, 'utf-8')).toEqual([seg('ok '), seg('\\xE4\\xB8', true)]);
    expect(displayText(utf8('😀').subarray(0, 3), 'utf-8')).toBe('\\xF0\\x9F\\x98');
  });

  it('keeps a byte order mark', () => {
    expect(displayText(utf8('\ufeffA'), 'utf-8')).toBe('\ufeffA');
  });

  it('agrees with TextDecoder on text without control characters', () => {
    const noControls = fc
      .string({ unit: 'grapheme', maxLength: 80 })
      .map((s) => [...s].filter((c) => !isControl(c.codePointAt(0) ?? 0)).join(''));
    fc.assert(
      fc.property(noControls, (s) => {
        expect(decodeForDisplay(utf8(s), 'utf-8')).toEqual(s === '' ? [] : [seg(s)]);
      }),
    );
  });
});

describe('decodeForDisplay as hex', () => {
  it('shows "31 32 33"', () => {
    expect(decodeForDisplay(utf8('123'), 'hex')).toEqual([seg('31 32 33')]);
    expect(displayText(bytes(0x00, 0xff), 'hex')).toBe('00 FF');
  });
});

describe('decodeForDisplay on any bytes', () => {
  it('never drops or alters a byte, and merges adjacent segments', () => {
    const anyBytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      // Mostly valid UTF-8 with damage, which exercises the sequence edges more than noise does.
      fc
        .tuple(fc.string({ unit: 'grapheme', maxLength: 20 }), fc.uint8Array({ maxLength: 4 }), fc.nat(30))
        .map(([s, junk, at]) => {
          const valid = utf8(s);
          const cut = Math.min(at, valid.length);
          return Uint8Array.from([...valid.subarray(0, cut), ...junk, ...valid.subarray(cut)]);
        }),
    );
    fc.assert(
      fc.property(
        anyBytes,
        fc.constantFrom('ascii', 'utf-8') as fc.Arbitrary<'ascii' | 'utf-8'>,
        (input, as) => {
          const segments = decodeForDisplay(input, as);
          expectWellFormed(segments);
          expect(segmentsToBytes(segments)).toEqual([...input]);
          expect(displayText(input, as)).toBe(segments.map((s) => s.text).join(''));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('handles 64 KiB of mixed traffic in one piece', () => {
    const big = new Uint8Array(64 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
    for (const as of ['ascii', 'utf-8'] as const) {
      const segments = decodeForDisplay(big, as);
      expectWellFormed(segments);
      expect(firstDifference(segmentsToBytes(segments), big)).toBe(-1);
    }
    const text = utf8('温度=25.0;'.repeat(5000));
    expect(displayText(text, 'utf-8')).toBe('温度=25.0;'.repeat(5000));
  });
});
