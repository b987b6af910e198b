import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DECODE_AS, type DecodeAs, type DisplaySegment, decodeForDisplay, displayText } from './display';
import { encodeText } from './text';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const seg = (text: string, isEscape = false): DisplaySegment => ({ text, escape: isEscape });
const gb18030 = new TextDecoder('gb18030', { fatal: true });
const TEXT_VIEWS = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;

function escapesToBytes(text: string): number[] {
  const out: number[] = [];
  const re = /\\(r|n|t|0|x([0-9A-F]{2}))/gy;
  let consumed = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    consumed = re.lastIndex;
    const map: Record<string, number> = { r: 0x0d, n: 0x0a, t: 0x09, '0': 0 };
    out.push(m[2] ? Number.parseInt(m[2], 16) : (map[m[1] as string] as number));
  }
  if (consumed !== text.length) throw new Error(`escape segment not made of escapes: ${text}`);
  return out;
}

const charCache = new Map<string, number[] | undefined>();
function encodedChar(c: string, as: DecodeAs): number[] | undefined {
  const key = `${as}:${c}`;
  if (!charCache.has(key)) {
    const encoded = encodeText(c, as === 'gbk' ? 'gb18030' : (as as (typeof TEXT_VIEWS)[number]));
    charCache.set(key, encoded.ok ? [...encoded.bytes] : undefined);
  }
  return charCache.get(key);
}

function gbLength(input: Uint8Array, at: number, c: string): number | undefined {
  return [1, 2, 4].find((n) => {
    try {
      return gb18030.decode(input.subarray(at, at + n)) === c;
    } catch {
      return false;
    }
  });
}

/**
 * Walks the segments over the input and fails unless every byte is accounted for: escapes must be
 * the bytes at that place, and each character must be what those bytes decode to.
 */
function expectFaithful(input: Uint8Array, segments: DisplaySegment[], as: DecodeAs): void {
  for (const [i, s] of segments.entries()) {
    expect(s.text).not.toBe('');
    if (i > 0) expect(s.escape).not.toBe(segments[i - 1]?.escape);
  }
  let at = 0;
  for (const s of segments) {
    if (s.escape) {
      for (const b of escapesToBytes(s.text)) {
        if (input[at] !== b) throw new Error(`escape ${b} is not the byte at ${at}`);
        at++;
      }
      continue;
    }
    for (const c of s.text) {
      const encoded = encodedChar(c, as);
      if (encoded?.every((b, k) => input[at + k] === b)) {
        at += encoded.length;
        continue;
      }
      // GB18030 has a few characters with two codes (U+3000 is A1A1 and A3A0; the euro sign also 80).
      const length = as === 'gbk' || as === 'gb18030' ? gbLength(input, at, c) : undefined;
      if (length === undefined) throw new Error(`${c} is not the bytes at ${at}`);
      at += length;
    }
  }
  expect(at).toBe(input.length);
}

describe('decodeForDisplay in every encoding', () => {
  it('offers every text encoding, hex and Base64', () => {
    expect([...DECODE_AS]).toEqual([...TEXT_VIEWS, 'hex', 'base64']);
  });

  it('shows GBK text a board sends, with its line ending as escapes', () => {
    const reply = bytes(0xce, 0xc2, 0xb6, 0xc8, 0x3a, 0x32, 0x35, 0xa1, 0xe6, 0x0d, 0x0a);
    expect(decodeForDisplay(reply, 'gbk')).toEqual([seg('温度:25℃'), seg('\\r\\n', true)]);
    expect(decodeForDisplay(reply, 'gb18030')).toEqual([seg('温度:25℃'), seg('\\r\\n', true)]);
  });

  it('shows bytes that are not GBK as escapes and resumes at the next byte', () => {
    expect(decodeForDisplay(bytes(0x41, 0xff, 0xd6, 0xd0), 'gbk')).toEqual([
      seg('A'),
      seg('\\xFF', true),
      seg('中'),
    ]);
    // A lead byte with a trail that cannot follow it: the trail is read afresh.
    expect(displayText(bytes(0xd6, 0x7f, 0x41), 'gbk')).toBe('\\xD6\\x7FA');
    expect(displayText(bytes(0xd6, 0x20, 0x41), 'gbk')).toBe('\\xD6 A');
    // A four-byte form outside any range is four escapes.
    expect(displayText(bytes(0x84, 0x32, 0x81, 0x30), 'gb18030')).toBe('\\x84\\x32\\x81\\x30');
    // Four-byte structure broken at the third byte: the lead alone is an escape.
    expect(displayText(bytes(0x81, 0x30, 0x41), 'gb18030')).toBe('\\x810A');
  });

  it('shows a GB sequence cut by the end of the chunk as escapes', () => {
    expect(decodeForDisplay(bytes(0x6f, 0x6b, 0xd6), 'gbk')).toEqual([seg('ok'), seg('\\xD6', true)]);
    expect(displayText(bytes(0x94, 0x39, 0xfc), 'gb18030')).toBe('\\x94\\x39\\xFC');
    expect(displayText(bytes(0x94, 0x39, 0xfc, 0x36), 'gb18030')).toBe('😀');
  });

  it('shows a C1 control reached through four GB18030 bytes as its bytes', () => {
    expect(displayText(bytes(0x81, 0x30, 0x81, 0x30), 'gb18030')).toBe('\\x81\\x30\\x81\\x30');
    expect(displayText(bytes(0x81, 0x30, 0x84, 0x32), 'gb18030')).toBe('\u00a0');
  });

  it('shows Latin-1 as ISO 8859-1, with C0 and C1 controls as escapes', () => {
    expect(decodeForDisplay(bytes(0x63, 0x61, 0x66, 0xe9, 0x0a), 'latin1')).toEqual([
      seg('café'),
      seg('\\n', true),
    ]);
    // 0x80 is a control here, not the euro sign windows-1252 would make it.
    expect(displayText(bytes(0x80, 0x9f, 0xa0, 0xff), 'latin1')).toBe('\\x80\\x9F\u00a0ÿ');
  });

  it('shows UTF-16 in both byte orders, an odd last byte and a lone surrogate as escapes', () => {
    expect(displayText(bytes(0x2d, 0x4e, 0x41, 0x00), 'utf-16le')).toBe('中A');
    expect(displayText(bytes(0x4e, 0x2d, 0x00, 0x41), 'utf-16be')).toBe('中A');
    expect(decodeForDisplay(bytes(0x41, 0x00, 0x42), 'utf-16le')).toEqual([seg('A'), seg('\\x42', true)]);
    expect(displayText(bytes(0x3d, 0xd8, 0x00, 0xde), 'utf-16le')).toBe('😀');
    expect(displayText(bytes(0x3d, 0xd8, 0x41, 0x00), 'utf-16le')).toBe('\\x3D\\xD8A');
    expect(displayText(bytes(0x0d, 0x00, 0x0a, 0x00), 'utf-16le')).toBe('\\r\\0\\n\\0');
    // A lone surrogate's bytes are each \xNN: its 0x0A is no line feed (and breaks no line).
    expect(displayText(bytes(0x0a, 0xd8, 0x00, 0x00), 'utf-16le')).toBe('\\x0A\\xD8\\0\\0');
    expect(displayText(bytes(0xdc, 0x00, 0x00, 0x41), 'utf-16be')).toBe('\\xDC\\x00A');
  });

  it('shows Base64 of the bytes', () => {
    expect(displayText(bytes(0x31, 0x32, 0x33, 0x34), 'base64')).toBe('MTIzNA==');
  });

  it('never drops or alters a byte, in any encoding, on any input', () => {
    const anyBytes = fc.oneof(
      fc.uint8Array({ maxLength: 64 }),
      // Valid text with damage exercises the sequence edges more than noise does.
      fc
        .tuple(
          fc.string({ unit: 'grapheme', maxLength: 20 }),
          fc.constantFrom(...TEXT_VIEWS),
          fc.uint8Array({ maxLength: 4 }),
          fc.nat(40),
        )
        .map(([s, encoding, junk, at]) => {
          const encoded = encodeText(s, encoding);
          const valid = encoded.ok ? encoded.bytes : new Uint8Array(0);
          const cut = Math.min(at, valid.length);
          return Uint8Array.from([...valid.subarray(0, cut), ...junk, ...valid.subarray(cut)]);
        }),
    );
    fc.assert(
      fc.property(anyBytes, fc.constantFrom(...TEXT_VIEWS), (input, as) => {
        expectFaithful(input, decodeForDisplay(input, as), as);
      }),
      { numRuns: 2000 },
    );
  });

  it('shows text it encoded as that text, in every text encoding', () => {
    const visible = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .map((s) => [...s].filter((c) => !/[\p{Cc}\u{e000}-\u{f8ff}]/u.test(c)).join(''));
    fc.assert(
      fc.property(visible, fc.constantFrom(...TEXT_VIEWS), (s, as) => {
        const encoded = encodeText(s, as);
        if (encoded.ok) expect(displayText(encoded.bytes, as)).toBe(s);
      }),
      { numRuns: 1000 },
    );
  });

  it('handles 64 KiB of noise in every view', () => {
    const big = new Uint8Array(64 * 1024);
    for (let i = 0; i < big.length; i++) big[i] = (i * 7919) & 0xff;
    for (const as of TEXT_VIEWS) expectFaithful(big, decodeForDisplay(big, as), as);
  });
});
