import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatHex, parseHex } from './hex';

const bytesOf = (input: string): number[] => {
  const result = parseHex(input);
  if (!result.ok) throw new Error(`expected bytes, got: ${result.error.message}`);
  return [...result.bytes];
};

const errorOf = (input: string): { index: number; message: string } => {
  const result = parseHex(input);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return result.error;
};

// Any UTF-16 units, lone surrogates included (and quicker to generate than unit: 'binary').
const anyString = fc
  .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
  .map((units) => String.fromCharCode(...units));

describe('parseHex', () => {
  it('reads pairs with spaces, without spaces, and mixed', () => {
    expect(bytesOf('31 32 33')).toEqual([0x31, 0x32, 0x33]);
    expect(bytesOf('313233')).toEqual([0x31, 0x32, 0x33]);
    expect(bytesOf('3132 33')).toEqual([0x31, 0x32, 0x33]);
    expect(bytesOf('  31   32\t33\n34\r\n')).toEqual([0x31, 0x32, 0x33, 0x34]);
  });

  it('accepts 0x and 0X prefixes and commas, as pasted from a C array', () => {
    expect(bytesOf('0x31 0x32')).toEqual([0x31, 0x32]);
    expect(bytesOf('0X31,0X32')).toEqual([0x31, 0x32]);
    expect(bytesOf('0x31, 0x32, 0xff,')).toEqual([0x31, 0x32, 0xff]);
    expect(bytesOf('0x3132')).toEqual([0x31, 0x32]);
    expect(bytesOf('0x00')).toEqual([0x00]);
  });

  it('accepts upper and lower case digits', () => {
    expect(bytesOf('ab CD eF')).toEqual([0xab, 0xcd, 0xef]);
  });

  it('gives zero bytes for an empty or blank string', () => {
    expect(bytesOf('')).toEqual([]);
    expect(bytesOf('   \n\t ,')).toEqual([]);
  });

  it('reports a non-hex character with its position', () => {
    expect(errorOf('31 3g')).toMatchObject({ index: 4, message: "'g' at position 5 is not a hex digit." });
    expect(errorOf('313g')).toMatchObject({ index: 3, message: "'g' at position 4 is not a hex digit." });
    expect(errorOf('zz')).toMatchObject({ index: 0, message: "'z' at position 1 is not a hex digit." });
    expect(errorOf('31-32').index).toBe(2);
    expect(errorOf('31 0x3z').message).toBe("'z' at position 7 is not a hex digit.");
  });

  it('names invisible and non-ASCII characters readably', () => {
    expect(errorOf('31\u00a032').message).toBe('U+00A0 at position 3 is not a hex digit.');
    expect(errorOf('31 é2').message).toBe("'é' at position 4 is not a hex digit.");
    expect(errorOf('31 😀').message).toBe("'😀' at position 4 is not a hex digit.");
  });

  it('reports an odd digit count at the digit without a partner', () => {
    expect(errorOf('31 32 3')).toMatchObject({
      index: 6,
      message:
        "Odd number of hex digits: '3' at position 7 has no partner. Write one byte as two digits, e.g. 03.",
    });
    expect(errorOf('31 323').index).toBe(5);
    expect(errorOf('31 323').message).toMatch(/^Odd number of hex digits/);
    expect(errorOf('123').index).toBe(2);
  });

  it('refuses a lone digit between separators rather than guessing 01', () => {
    const error = errorOf('1 23');
    expect(error.index).toBe(0);
    expect(error.message).toContain("'1' at position 1 has no partner");
    expect(errorOf('0x1, 0x22').index).toBe(2);
  });

  it('refuses a prefix with no digits', () => {
    expect(errorOf('31 0x')).toMatchObject({
      index: 3,
      message: "'0x' at position 4 has no hex digits after it.",
    });
    expect(errorOf('0X 31').index).toBe(0);
  });

  it('reports the first fault from the left', () => {
    expect(errorOf('3 g').index).toBe(0);
    expect(errorOf('g 3').index).toBe(0);
  });

  it('never throws, on any string', () => {
    fc.assert(
      fc.property(anyString, (input) => {
        const result = parseHex(input);
        if (result.ok) {
          expect(result.bytes).toBeInstanceOf(Uint8Array);
        } else {
          expect(result.error.index).toBeGreaterThanOrEqual(0);
          expect(result.error.index).toBeLessThan(input.length);
          expect(result.error.message).toMatch(/position \d+/);
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on strings built from hex-like pieces', () => {
    const piece = fc.constantFrom('0', '1', 'a', 'F', '0x', '0X', ' ', ',', '\n', 'x', 'g', '\t');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const input = pieces.join('');
        const result = parseHex(input);
        if (!result.ok) expect(result.error.index).toBeLessThan(input.length);
      }),
      { numRuns: 3000 },
    );
  });
});

describe('formatHex', () => {
  it('writes uppercase pairs separated by one space by default', () => {
    expect(formatHex(Uint8Array.of(0x31, 0x32, 0x33))).toBe('31 32 33');
    expect(formatHex(Uint8Array.of(0x00, 0x0a, 0xff))).toBe('00 0A FF');
    expect(formatHex(new Uint8Array(0))).toBe('');
  });

  it('takes a separator and lowercase', () => {
    expect(formatHex(Uint8Array.of(0xab, 0xcd), { separator: '' })).toBe('ABCD');
    expect(formatHex(Uint8Array.of(0xab, 0xcd), { separator: ':', uppercase: false })).toBe('ab:cd');
  });

  it('round-trips any bytes through parseHex, with any separator it accepts', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(' ', '', ', ', '\n', '\t'),
        fc.boolean(),
        (bytes, separator, uppercase) => {
          const result = parseHex(formatHex(bytes, { separator, uppercase }));
          expect(result).toEqual({ ok: true, bytes });
        },
      ),
    );
  });
});
