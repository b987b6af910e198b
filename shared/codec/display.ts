// Bytes -> what the traffic log shows for the current `Decode as`. Runs at render time on up to
// 64 KiB per entry, so it is one pass over the bytes with no per-byte string building for text.
import { formatBase64 } from './base64';
import {
  type DisplaySegment,
  HEX_ESCAPES,
  isControl,
  isPrintableAscii,
  SegmentBuilder,
} from './display-segments';
import { gbStep } from './gb18030';
import { formatHex } from './hex';

export type { DisplaySegment } from './display-segments';

export const DECODE_AS = [
  'ascii',
  'utf-8',
  'gbk',
  'gb18030',
  'latin1',
  'utf-16le',
  'utf-16be',
  'hex',
  'base64',
] as const;
export type DecodeAs = (typeof DECODE_AS)[number];

/** How menus name each view; every `Encode as` text encoding is among them. */
export const DECODE_AS_LABELS: Readonly<Record<DecodeAs, string>> = {
  ascii: 'ASCII',
  'utf-8': 'UTF-8',
  gbk: 'GBK',
  gb18030: 'GB18030',
  latin1: 'Latin-1',
  'utf-16le': 'UTF-16LE',
  'utf-16be': 'UTF-16BE',
  hex: 'Hex',
  base64: 'Base64',
};

function decodeAscii(bytes: Uint8Array): DisplaySegment[] {
  const out = new SegmentBuilder(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (isPrintableAscii(b)) out.unit(b);
    else out.escape(b);
  }
  return out.finish();
}

/** ISO 8859-1, byte = code point (not windows-1252, which the 'latin1' TextDecoder label means). */
function decodeLatin1(bytes: Uint8Array): DisplaySegment[] {
  const out = new SegmentBuilder(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (isControl(b)) out.escape(b);
    else out.unit(b);
  }
  return out.finish();
}

/**
 * UTF-16 in either byte order: a control character or a lone surrogate shows as its two bytes,
 * and an odd byte at the end (half a unit, often a chunk cut by the network) as one.
 */
function decodeUtf16(bytes: Uint8Array, bigEndian: boolean): DisplaySegment[] {
  const out = new SegmentBuilder(bytes.length >> 1);
  const n = bytes.length & ~1;
  const hi = bigEndian ? 0 : 1;
  const lo = 1 - hi;
  const unitAt = (i: number): number => ((bytes[i + hi] as number) << 8) | (bytes[i + lo] as number);
  let i = 0;
  while (i < n) {
    const u = unitAt(i);
    if (u >= 0xd800 && u <= 0xdbff && i + 2 < n) {
      const next = unitAt(i + 2);
      if (next >= 0xdc00 && next <= 0xdfff) {
        out.unit(u);
        out.unit(next);
        i += 4;
        continue;
      }
    }
    // Half of a surrogate pair alone is no character: its bytes, none of them a line feed.
    if (u >= 0xd800 && u <= 0xdfff) out.escapeRange(bytes, i, i + 2, HEX_ESCAPES);
    else if (isControl(u)) out.escapeRange(bytes, i, i + 2);
    else out.unit(u);
    i += 2;
  }
  if (n < bytes.length) out.escape(bytes[n] as number);
  return out.finish();
}

/** GBK and GB18030 alike: GBK text is GB18030 text, and browsers decode both the same way. */
function decodeGb(bytes: Uint8Array): DisplaySegment[] {
  const out = new SegmentBuilder(bytes.length);
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (isPrintableAscii(b)) out.unit(b);
      else out.escape(b);
      i++;
      continue;
    }
    const step = gbStep(bytes, i);
    if (step < 0) {
      out.escapeRange(bytes, i, i - step);
      i -= step;
      continue;
    }
    const length = step & 7;
    const cp = (step - length) / 8;
    if (isControl(cp)) out.escapeRange(bytes, i, i + length);
    else out.codePoint(cp);
    i += length;
  }
  return out.finish();
}

/**
 * Strict UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF). A sequence that breaks off
 * shows the bytes read so far as escapes and resumes at the byte that broke it, so a valid
 * character after garbage still shows. C0 and C1 controls and DEL show as escapes of their bytes.
 */
function decodeUtf8(bytes: Uint8Array): DisplaySegment[] {
  // UTF-16 never needs more units than UTF-8 has bytes.
  const out = new SegmentBuilder(bytes.length);
  const n = bytes.length;
  let i = 0;
  while (i < n) {
    const b = bytes[i] as number;
    if (b < 0x80) {
      if (isPrintableAscii(b)) out.unit(b);
      else out.escape(b);
      i++;
      continue;
    }
    let need: number;
    let cp: number;
    let lower = 0x80;
    let upper = 0xbf;
    if (b >= 0xc2 && b <= 0xdf) {
      need = 1;
      cp = b & 0x1f;
    } else if (b >= 0xe0 && b <= 0xef) {
      need = 2;
      cp = b & 0x0f;
      if (b === 0xe0) lower = 0xa0;
      else if (b === 0xed) upper = 0x9f;
    } else if (b >= 0xf0 && b <= 0xf4) {
      need = 3;
      cp = b & 0x07;
      if (b === 0xf0) lower = 0x90;
      else if (b === 0xf4) upper = 0x8f;
    } else {
      out.escape(b);
      i++;
      continue;
    }
    let k = 1;
    for (; k <= need; k++) {
      if (i + k >= n) break;
      const c = bytes[i + k] as number;
      if (c < lower || c > upper) break;
      cp = (cp << 6) | (c & 0x3f);
      lower = 0x80;
      upper = 0xbf;
    }
    if (k <= need || cp < 0xa0) {
      // Broken or truncated sequence (k bytes read), or a C1 control (all need + 1 bytes).
      const end = k <= need ? i + k : i + need + 1;
      for (; i < end; i++) out.escape(bytes[i] as number);
      continue;
    }
    if (cp > 0xffff) {
      cp -= 0x10000;
      out.unit(0xd800 + (cp >> 10));
      out.unit(0xdc00 + (cp & 0x3ff));
    } else {
      out.unit(cp);
    }
    i += need + 1;
  }
  return out.finish();
}

/** Segments for the log: adjacent segments of the same kind are merged; no byte is ever dropped. */
export function decodeForDisplay(bytes: Uint8Array, as: DecodeAs): DisplaySegment[] {
  if (bytes.length === 0) return [];
  switch (as) {
    case 'hex':
      return [{ text: formatHex(bytes), escape: false }];
    case 'base64':
      return [{ text: formatBase64(bytes), escape: false }];
    case 'utf-8':
      return decodeUtf8(bytes);
    case 'gbk':
    case 'gb18030':
      return decodeGb(bytes);
    case 'latin1':
      return decodeLatin1(bytes);
    case 'utf-16le':
    case 'utf-16be':
      return decodeUtf16(bytes, as === 'utf-16be');
    default:
      return decodeAscii(bytes);
  }
}

/** The same as one string (escapes written out), for copying and plain-text views. */
export function displayText(bytes: Uint8Array, as: DecodeAs): string {
  let out = '';
  for (const segment of decodeForDisplay(bytes, as)) out += segment.text;
  return out;
}
