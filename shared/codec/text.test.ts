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
    expect(encodeText('caé', 'ascii')).toEqual({
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
});
