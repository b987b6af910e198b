import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { encodeText } from './text';

describe('encodeText', () => {
  it('encodes ASCII one byte per character', () => {
    expect(encodeText('hello', 'ascii')).toEqual({
      ok: true,
      bytes: Uint8Array.of(0x68, 0x65, 0x6c, 0x6c, 0x6f),
    });
    expect(encodeText('\r\n\x7f', 'ascii')).toEqual({ ok: true, bytes: Uint8Array.of(0x0d, 0x0a, 0x7f) });
    expect(encodeText('', 'ascii')).toEqual({ ok: true, bytes: new Uint8Array(0) });
  });

  it('refuses a non-ASCII character with its position instead of replacing it', () => {
    expect(encodeText('caé', 'ascii')).toMatchObject({
      ok: false,
      error: { index: 2, message: "'é' at position 3 is not ASCII. Use UTF-8, or write it as \\xNN." },
    });
    const emoji = encodeText('a😀', 'ascii');
    expect(emoji.ok).toBe(false);
    if (!emoji.ok) expect(emoji.error.message).toContain("'😀' at position 2");
    const nbsp = encodeText('a\u00a0b', 'ascii');
    if (nbsp.ok) throw new Error('expected an error');
    expect(nbsp.error.message).toContain('U+00A0 at position 2');
  });

  it('encodes multibyte characters in UTF-8', () => {
    expect(encodeText('é', 'utf-8')).toEqual({ ok: true, bytes: Uint8Array.of(0xc3, 0xa9) });
    expect(encodeText('中', 'utf-8')).toEqual({ ok: true, bytes: Uint8Array.of(0xe4, 0xb8, 0xad) });
    expect(encodeText('😀', 'utf-8')).toEqual({ ok: true, bytes: Uint8Array.of(0xf0, 0x9f, 0x98, 0x80) });
  });

  it('refuses half a surrogate pair in UTF-8 instead of sending EF BF BD', () => {
    const result = encodeText('ab\ud83dc', 'utf-8');
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.index).toBe(2);
      expect(result.error.message).toContain('Position 3 holds half of a character');
    }
    const trailing = encodeText('😀\ude00', 'utf-8');
    if (trailing.ok) throw new Error('expected an error');
    expect(trailing.error.index).toBe(2);
    expect(trailing.error.message).toContain('Position 2');
  });

  it('agrees with TextEncoder on well-formed text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 100 }), (text) => {
        expect(encodeText(text, 'utf-8')).toEqual({ ok: true, bytes: new TextEncoder().encode(text) });
      }),
    );
  });

  it('encodes any 7-bit text as ASCII byte for byte', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary-ascii', maxLength: 100 }), (text) => {
        const result = encodeText(text, 'ascii');
        expect(result).toEqual({ ok: true, bytes: Uint8Array.from(text, (c) => c.charCodeAt(0)) });
      }),
    );
  });

  it('encodes Latin-1 one byte per character and refuses what it lacks', () => {
    expect(encodeText('café ÿ', 'latin1')).toEqual({
      ok: true,
      bytes: Uint8Array.of(0x63, 0x61, 0x66, 0xe9, 0x20, 0xff),
    });
    expect(encodeText('a€', 'latin1')).toMatchObject({
      ok: false,
      error: { index: 1, message: "'€' at position 2 is not in Latin-1. Use UTF-8, or write it as \\xNN." },
    });
  });

  it('encodes UTF-16 in both byte orders, surrogate pairs included', () => {
    expect(encodeText('A中', 'utf-16le')).toEqual({ ok: true, bytes: Uint8Array.of(0x41, 0x00, 0x2d, 0x4e) });
    expect(encodeText('A中', 'utf-16be')).toEqual({ ok: true, bytes: Uint8Array.of(0x00, 0x41, 0x4e, 0x2d) });
    expect(encodeText('😀', 'utf-16le')).toEqual({ ok: true, bytes: Uint8Array.of(0x3d, 0xd8, 0x00, 0xde) });
    const lone = encodeText('a\ud83d', 'utf-16be');
    if (lone.ok) throw new Error('expected an error');
    expect(lone.error).toMatchObject({
      index: 1,
      message:
        'Position 2 holds half of a character (U+D83D), which UTF-16BE cannot encode. Retype or delete it.',
    });
  });

  it('round-trips well-formed text through TextDecoder in UTF-16 and Latin-1', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        for (const encoding of ['utf-16le', 'utf-16be'] as const) {
          const result = encodeText(text, encoding);
          if (!result.ok) throw new Error(result.error.message);
          expect(new TextDecoder(encoding, { fatal: true }).decode(result.bytes)).toBe(text);
        }
      }),
    );
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xff }).map((c) => String.fromCharCode(c)) }),
        (text) => {
          const result = encodeText(text, 'latin1');
          if (!result.ok) throw new Error(result.error.message);
          expect(String.fromCharCode(...result.bytes)).toBe(text);
        },
      ),
    );
  });

  it('never throws, in any encoding, on any string', () => {
    const anyUnits = fc
      .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 60 })
      .map((units) => String.fromCharCode(...units));
    const encodings = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;
    fc.assert(
      fc.property(anyUnits, fc.constantFrom(...encodings), (text, encoding) => {
        const result = encodeText(text, encoding);
        if (!result.ok) {
          expect(result.error.index).toBeLessThan(text.length);
          expect(result.error.message).toMatch(/[Pp]osition \d+/);
        }
      }),
      { numRuns: 2000 },
    );
  });
});
