// Text -> bytes in every encoding `Encode as` offers. Nothing is ever silently replaced: a
// character the encoding cannot carry is an error that names it and says where it is.
import type { TextEncodingName } from '../contract/model';
import { type BytesResult, charPosition, describeChar, fail, phrase } from './codec-error';
import { encodeGb } from './gb18030';

const utf8 = new TextEncoder();

/** Encode all of `text`. */
export function encodeText(text: string, encoding: TextEncodingName): BytesResult {
  return encodeTextRange(text, 0, text.length, encoding);
}

/**
 * Encode `input[start, end)`, reporting faults at their place in the whole input, so a text
 * segment between escapes still points at the right character.
 */
export function encodeTextRange(
  input: string,
  start: number,
  end: number,
  encoding: TextEncodingName,
): BytesResult {
  if (encoding === 'ascii') {
    const out = new Uint8Array(end - start);
    for (let i = start; i < end; i++) {
      const c = input.charCodeAt(i);
      if (c > 0x7f) {
        const char = describeChar(input, i);
        const position = charPosition(input, i);
        return fail(
          i,
          `${char} at position ${position} is not ASCII. Use UTF-8, or write it as \\xNN.`,
          phrase('codec.notAscii', { char, position }),
        );
      }
      out[i - start] = c;
    }
    return { ok: true, bytes: out };
  }
  if (encoding === 'latin1') {
    const out = new Uint8Array(end - start);
    for (let i = start; i < end; i++) {
      const c = input.charCodeAt(i);
      if (c > 0xff) {
        const char = describeChar(input, i);
        const position = charPosition(input, i);
        return fail(
          i,
          `${char} at position ${position} is not in Latin-1. Use UTF-8, or write it as \\xNN.`,
          phrase('codec.notLatin1', { char, position }),
        );
      }
      out[i - start] = c;
    }
    return { ok: true, bytes: out };
  }
  if (encoding === 'gbk' || encoding === 'gb18030') return encodeGb(input, start, end, encoding === 'gbk');
  // TextEncoder would turn half of a surrogate pair into U+FFFD (EF BF BD) without a word; UTF-16
  // could carry it, but no receiver could decode it.
  const lone = findLoneSurrogate(input, start, end);
  if (lone >= 0) {
    const position = charPosition(input, lone);
    const char = describeChar(input, lone);
    const name = encoding === 'utf-8' ? 'UTF-8' : encoding.toUpperCase();
    return fail(
      lone,
      `Position ${position} holds half of a character (${char}), ` +
        `which ${name} cannot encode. Retype or delete it.`,
      phrase('codec.halfCharacter', { position, char, encoding: name }),
    );
  }
  if (encoding === 'utf-16le' || encoding === 'utf-16be') {
    const out = new Uint8Array((end - start) * 2);
    const big = encoding === 'utf-16be';
    for (let i = start, at = 0; i < end; i++, at += 2) {
      const c = input.charCodeAt(i);
      out[at + (big ? 0 : 1)] = c >> 8;
      out[at + (big ? 1 : 0)] = c & 0xff;
    }
    return { ok: true, bytes: out };
  }
  return {
    ok: true,
    bytes: utf8.encode(start === 0 && end === input.length ? input : input.slice(start, end)),
  };
}

const SURROGATE = /[\ud800-\udfff]/;

function findLoneSurrogate(input: string, start: number, end: number): number {
  const slice = start === 0 && end === input.length ? input : input.slice(start, end);
  if (!SURROGATE.test(slice)) return -1;
  for (let i = start; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c < 0xd800 || c > 0xdfff) continue;
    const next = i + 1 < end ? input.charCodeAt(i + 1) : -1;
    if (c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      i++;
      continue;
    }
    return i;
  }
  return -1;
}
