import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { displayText } from './display';
import { encodeText } from './text';

const bytesOf = (text: string, encoding: 'gbk' | 'gb18030'): number[] => {
  const result = encodeText(text, encoding);
  if (!result.ok) throw new Error(`expected bytes, got: ${result.error.message}`);
  return [...result.bytes];
};
const errorOf = (text: string, encoding: 'gbk' | 'gb18030') => {
  const result = encodeText(text, encoding);
  if (result.ok) throw new Error(`expected an error for ${JSON.stringify(text)}`);
  return result.error;
};

const gb18030 = new TextDecoder('gb18030', { fatal: true });

/** Every BMP character that is not a surrogate, in one string. */
function allBmp(): string {
  const units: number[] = [];
  for (let c = 0; c <= 0xffff; c++) if (c < 0xd800 || c > 0xdfff) units.push(c);
  let out = '';
  for (let at = 0; at < units.length; at += 8192) out += String.fromCharCode(...units.slice(at, at + 8192));
  return out;
}

describe('GBK and GB18030 encoding', () => {
  it('encodes the Chinese a board prints', () => {
    expect(bytesOf('中文', 'gbk')).toEqual([0xd6, 0xd0, 0xce, 0xc4]);
    expect(bytesOf('温度 25℃', 'gb18030')).toEqual([0xce, 0xc2, 0xb6, 0xc8, 0x20, 0x32, 0x35, 0xa1, 0xe6]);
    expect(bytesOf('ok\r\n', 'gbk')).toEqual([0x6f, 0x6b, 0x0d, 0x0a]);
  });

  it('uses four bytes in GB18030 for what GBK lacks, and refuses it in GBK', () => {
    expect(bytesOf('\u0080', 'gb18030')).toEqual([0x81, 0x30, 0x81, 0x30]);
    expect(bytesOf('😀', 'gb18030')).toEqual([0x94, 0x39, 0xfc, 0x36]);
    expect(bytesOf('\u{10000}', 'gb18030')).toMatchObject([0x90, 0x30, 0x81, 0x30]);
    expect(bytesOf('\u{10ffff}', 'gb18030')).toMatchObject([0xe3, 0x32, 0x9a, 0x35]);
    expect(errorOf('a😀', 'gbk')).toMatchObject({
      index: 1,
      message: "'😀' at position 2 is not in GBK. Use GB18030 or UTF-8.",
    });
    expect(errorOf('ab\u0080', 'gbk').message).toBe(
      'U+0080 at position 3 is not in GBK. Use GB18030 or UTF-8.',
    );
  });

  it('writes the euro sign as code page 936 does in GBK, and as two bytes in GB18030', () => {
    expect(bytesOf('€', 'gbk')).toEqual([0x80]);
    expect(bytesOf('€', 'gb18030')).toEqual([0xa2, 0xe3]);
    expect(displayText(Uint8Array.of(0x80), 'gbk')).toBe('€');
  });

  it('refuses half a surrogate pair at its position', () => {
    expect(errorOf('中\ud83d', 'gb18030')).toMatchObject({
      index: 1,
      message:
        'Position 2 holds half of a character (U+D83D), which GB18030 cannot encode. Retype or delete it.',
    });
    expect(errorOf('\ude00x', 'gbk').index).toBe(0);
  });

  it('round-trips every BMP character through TextDecoder, or names the few it cannot encode', () => {
    const text = allBmp();
    const unencodable: number[] = [];
    const chars: string[] = [];
    for (const c of text) {
      const result = encodeText(c, 'gb18030');
      if (result.ok) chars.push(c);
      else unencodable.push(c.codePointAt(0) as number);
    }
    // Private-use code points retired when GB18030-2022 gave their codes to standard characters.
    expect(unencodable.length).toBeLessThan(32);
    for (const cp of unencodable) expect(cp >= 0xe000 && cp <= 0xf8ff).toBe(true);
    const encoded = encodeText(chars.join(''), 'gb18030');
    if (!encoded.ok) throw new Error(encoded.error.message);
    expect(gb18030.decode(encoded.bytes)).toBe(chars.join(''));
  });

  it('round-trips every supplementary character through TextDecoder', () => {
    let text = '';
    for (let cp = 0x10000; cp <= 0x10ffff; cp++) text += String.fromCodePoint(cp);
    const encoded = encodeText(text, 'gb18030');
    if (!encoded.ok) throw new Error(encoded.error.message);
    expect(encoded.bytes.length).toBe(0x100000 * 4);
    expect(gb18030.decode(encoded.bytes) === text).toBe(true);
  });

  it('encodes in GBK exactly the characters with one or two bytes, and GB18030 agrees on them', () => {
    const text = allBmp();
    let inGbk = '';
    for (const c of text) {
      const gbk = encodeText(c, 'gbk');
      const full = encodeText(c, 'gb18030');
      if (!gbk.ok) {
        if (full.ok) expect(full.bytes.length).toBe(4);
        continue;
      }
      expect(gbk.bytes.length).toBeLessThanOrEqual(2);
      if (c !== '€' && full.ok) expect([...gbk.bytes]).toEqual([...full.bytes]);
      inGbk += c;
    }
    // GBK has the 128 ASCII characters and about 21 900 more.
    expect(inGbk.length).toBeGreaterThan(21_000);
    const encoded = encodeText(inGbk, 'gbk');
    if (!encoded.ok) throw new Error(encoded.error.message);
    expect(gb18030.decode(encoded.bytes)).toBe(inGbk);
  });

  it('shows what it encodes, character for character, in the log', () => {
    const visible = fc
      .string({ unit: 'grapheme', maxLength: 40 })
      .map((s) => [...s].filter((c) => !/[\p{Cc}\u{e000}-\u{f8ff}]/u.test(c)).join(''));
    fc.assert(
      fc.property(visible, fc.constantFrom('gbk', 'gb18030') as fc.Arbitrary<'gbk' | 'gb18030'>, (s, as) => {
        const encoded = encodeText(s, as);
        if (!encoded.ok) {
          expect(as).toBe('gbk');
          return;
        }
        expect(displayText(encoded.bytes, as)).toBe(s);
      }),
    );
  });
});
