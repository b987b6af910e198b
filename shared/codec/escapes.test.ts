import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { expandEscapes } from './escapes';

const bytesOf = (text: string, encoding: 'ascii' | 'utf-8' = 'ascii'): number[] => {
  const result = expandEscapes(text, encoding);
  if (!result.ok) throw new Error(`expected bytes, got: ${result.error.message}`);
  return [...result.bytes];
};

const errorOf = (text: string, encoding: 'ascii' | 'utf-8' = 'ascii') => {
  const result = expandEscapes(text, encoding);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return result.error;
};

describe('expandEscapes', () => {
  it('expands \\r \\n \\t \\0 and \\\\', () => {
    expect(bytesOf('a\\r\\n')).toEqual([0x61, 0x0d, 0x0a]);
    expect(bytesOf('\\t\\0\\\\')).toEqual([0x09, 0x00, 0x5c]);
    expect(bytesOf('\\\\n')).toEqual([0x5c, 0x6e]);
  });

  it('leaves text without escapes as it is', () => {
    expect(bytesOf('AT+CIPSEND=5')).toEqual([...new TextEncoder().encode('AT+CIPSEND=5')]);
    expect(bytesOf('')).toEqual([]);
  });

  it('turns \\xNN into one raw byte, in either case, even in UTF-8', () => {
    expect(bytesOf('\\x41\\x0d\\x0A')).toEqual([0x41, 0x0d, 0x0a]);
    expect(bytesOf('\\xFF', 'utf-8')).toEqual([0xff]);
    expect(bytesOf('\\xff', 'ascii')).toEqual([0xff]);
    expect(bytesOf('é\\xFFé', 'utf-8')).toEqual([0xc3, 0xa9, 0xff, 0xc3, 0xa9]);
    expect(bytesOf('\\x414')).toEqual([0x41, 0x34]);
  });

  it('encodes the text between escapes with the chosen encoding', () => {
    expect(bytesOf('中\\n', 'utf-8')).toMatchObject([0xe4, 0xb8, 0xad, 0x0a]);
    expect(errorOf('ok\\n中', 'ascii')).toMatchObject({
      index: 4,
      message: "'中' at position 5 is not ASCII. Use UTF-8, or write it as \\xNN.",
    });
  });

  it('refuses an unknown escape at the backslash', () => {
    expect(errorOf('ab\\q')).toMatchObject({
      index: 2,
      message:
        "'\\q' at position 3 is not an escape. Use \\r, \\n, \\t, \\0, \\xNN, or \\\\ for a backslash.",
    });
    expect(errorOf('\\ ').message).toMatch(/^'\\' followed by U\+0020 at position 1 is not an escape/);
    expect(errorOf('\\X41').index).toBe(0);
  });

  it('refuses an incomplete \\x', () => {
    expect(errorOf('\\x4')).toMatchObject({
      index: 0,
      message: "'\\x4' at position 1 is incomplete: \\x takes two hex digits, e.g. \\x0D.",
    });
    expect(errorOf('a\\x').message).toContain("'\\x' at position 2 is incomplete");
    expect(errorOf('\\x4g').message).toContain("'\\x4' at position 1");
    expect(errorOf('\\xg1').message).toContain("'\\x' at position 1");
  });

  it('refuses a lone backslash at the end', () => {
    expect(errorOf('hello\\')).toMatchObject({
      index: 5,
      message: "A lone '\\' at position 6 ends the text. Write a backslash as \\\\.",
    });
  });

  it('counts an emoji as one character in positions, while index stays a string index', () => {
    const error = errorOf('😀\\q', 'utf-8');
    expect(error.index).toBe(2);
    expect(error.message).toContain('position 2');
  });

  it('puts raw bytes between text in every encoding', () => {
    const encodings = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;
    const expected: Record<(typeof encodings)[number], number[]> = {
      ascii: [0x41, 0xff, 0x0d, 0x0a],
      'utf-8': [0x41, 0xff, 0x0d, 0x0a],
      gbk: [0x41, 0xff, 0x0d, 0x0a],
      gb18030: [0x41, 0xff, 0x0d, 0x0a],
      latin1: [0x41, 0xff, 0x0d, 0x0a],
      // An escape is one byte, whatever the encoding: \r is 0D, not 0D 00.
      'utf-16le': [0x41, 0x00, 0xff, 0x0d, 0x0a],
      'utf-16be': [0x00, 0x41, 0xff, 0x0d, 0x0a],
    };
    for (const encoding of encodings) {
      const result = expandEscapes('A\\xFF\\r\\n', encoding);
      expect(result.ok && [...result.bytes]).toEqual(expected[encoding]);
    }
    const gbk = expandEscapes('中\\x00文', 'gbk');
    expect(gbk.ok && [...gbk.bytes]).toMatchObject([0xd6, 0xd0, 0x00, 0xce, 0xc4]);
    const bad = expandEscapes('\\n😀', 'gbk');
    expect(!bad.ok && bad.error).toMatchObject({
      index: 2,
      message: "'😀' at position 3 is not in GBK. Use GB18030 or UTF-8.",
    });
  });

  it('never throws, in any encoding, on any text', () => {
    const piece = fc.constantFrom('\\', 'x', 'X', '0', 'f', 'g', 'r', 'n', '中', '😀', '\ud800', ' ');
    const encodings = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;
    fc.assert(
      fc.property(
        fc.oneof(
          fc.array(piece, { maxLength: 30 }).map((a) => a.join('')),
          fc.string(),
        ),
        fc.constantFrom(...encodings),
        (text, encoding) => {
          const result = expandEscapes(text, encoding);
          if (result.ok) return;
          expect(result.error.index).toBeGreaterThanOrEqual(0);
          expect(result.error.index).toBeLessThan(text.length);
          expect(result.error.message).toMatch(/[Pp]osition \d+/);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
