import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatBase64, parseBase64 } from './base64';

const bytesOf = (input: string): number[] => {
  const result = parseBase64(input);
  if (!result.ok) throw new Error(`expected bytes, got: ${result.error.message}`);
  return [...result.bytes];
};
const errorOf = (input: string) => {
  const result = parseBase64(input);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(input)}`);
  return result.error;
};
const ascii = (s: string): number[] => [...new TextEncoder().encode(s)];

describe('formatBase64', () => {
  it('writes the RFC 4648 test vectors', () => {
    const vectors: [string, string][] = [
      ['', ''],
      ['f', 'Zg=='],
      ['fo', 'Zm8='],
      ['foo', 'Zm9v'],
      ['foob', 'Zm9vYg=='],
      ['fooba', 'Zm9vYmE='],
      ['foobar', 'Zm9vYmFy'],
    ];
    for (const [plain, encoded] of vectors) {
      expect(formatBase64(new TextEncoder().encode(plain))).toBe(encoded);
      expect(bytesOf(encoded)).toEqual(ascii(plain));
    }
    expect(formatBase64(Uint8Array.of(0xfb, 0xff))).toBe('+/8=');
  });
});

describe('parseBase64', () => {
  it('accepts URL-safe characters, missing padding and line breaks', () => {
    expect(bytesOf('-_8')).toEqual([0xfb, 0xff]);
    expect(bytesOf('+/8')).toEqual([0xfb, 0xff]);
    expect(bytesOf('Zm9v\r\nYmFy')).toEqual(ascii('foobar'));
    expect(bytesOf('  Zg  ')).toEqual(ascii('f'));
    expect(bytesOf('')).toEqual([]);
  });

  it('reports a character outside the alphabet with its position', () => {
    expect(errorOf('Zm9v!mFy')).toMatchObject({
      index: 4,
      message: "'!' at position 5 is not a Base64 character.",
    });
    expect(errorOf('Zm9\u00a0').message).toBe('U+00A0 at position 4 is not a Base64 character.');
  });

  it('refuses padding in the middle', () => {
    expect(errorOf('Zg==Zg==')).toMatchObject({
      index: 2,
      message: "'=' at position 3 comes before the end. Padding may only close Base64 text.",
    });
  });

  it('refuses a lone last character, which cannot make a byte', () => {
    const error = errorOf('Zm9vY');
    expect(error.index).toBe(4);
    expect(error.message).toContain("'Y' at position 5 is a lone last Base64 character");
  });

  it('round-trips any bytes, padded or not, standard or URL-safe', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), fc.boolean(), fc.boolean(), (bytes, padded, urlSafe) => {
        let text = formatBase64(bytes);
        if (!padded) text = text.replace(/=+$/, '');
        if (urlSafe) text = text.replaceAll('+', '-').replaceAll('/', '_');
        expect(parseBase64(text)).toEqual({ ok: true, bytes });
      }),
    );
  });

  it('agrees with the platform on every input it accepts, and never throws', () => {
    const base64ish = fc
      .array(fc.constantFrom(...'AZaz09+/=-_ \n!é'.split(''), 'Q', 'w'), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(fc.oneof(base64ish, fc.string()), (input) => {
        const result = parseBase64(input);
        if (!result.ok) {
          expect(result.error.index).toBeGreaterThanOrEqual(0);
          expect(result.error.index).toBeLessThan(input.length);
          expect(result.error.message).toMatch(/position \d+/);
          return;
        }
        const normal = input.replace(/[\s=]/g, '').replaceAll('-', '+').replaceAll('_', '/');
        expect([...result.bytes]).toEqual([...atobBytes(normal)]);
      }),
      { numRuns: 2000 },
    );
  });
});

function atobBytes(normal: string): Uint8Array {
  const padded = normal + '='.repeat((4 - (normal.length % 4)) % 4);
  return Uint8Array.from(atob(padded), (c) => c.charCodeAt(0));
}
