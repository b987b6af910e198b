// Bytes -> what the traffic log shows for the current `Decode as`. Runs at render time on up to
// 64 KiB per entry, so it is one pass over the bytes with no per-byte string building for text.
import { formatHex } from './hex';

export const DECODE_AS = ['ascii', 'utf-8', 'hex'] as const;
export type DecodeAs = (typeof DECODE_AS)[number];

/** A run of plain text, or of escapes (`\r`, `\n`, `\t`, `\0`, `\xNN`) the log styles apart. */
export interface DisplaySegment {
  text: string;
  escape: boolean;
}

const ESCAPES: string[] = [];
for (let b = 0; b < 256; b++) ESCAPES.push(`\\x${b.toString(16).toUpperCase().padStart(2, '0')}`);
ESCAPES[0x0d] = '\\r';
ESCAPES[0x0a] = '\\n';
ESCAPES[0x09] = '\\t';
ESCAPES[0x00] = '\\0';

// String.fromCharCode.apply has an argument-count limit; 8 Ki stays far below every engine's.
const CHUNK = 8192;

function unitsToString(units: Uint16Array, end: number): string {
  if (end <= CHUNK) return String.fromCharCode.apply(null, units.subarray(0, end) as unknown as number[]);
  let out = '';
  for (let at = 0; at < end; at += CHUNK) {
    out += String.fromCharCode.apply(
      null,
      units.subarray(at, Math.min(at + CHUNK, end)) as unknown as number[],
    );
  }
  return out;
}

/** Collects UTF-16 units for a text run and escape strings for an escape run, merging as it goes. */
class SegmentBuilder {
  readonly segments: DisplaySegment[] = [];
  private readonly units: Uint16Array;
  private unitCount = 0;
  private escapes = '';

  constructor(maxUnits: number) {
    this.units = new Uint16Array(maxUnits);
  }

  unit(u: number): void {
    if (this.escapes !== '') this.flushEscapes();
    this.units[this.unitCount++] = u;
  }

  escape(byte: number): void {
    if (this.unitCount > 0) this.flushText();
    this.escapes += ESCAPES[byte];
  }

  finish(): DisplaySegment[] {
    if (this.unitCount > 0) this.flushText();
    if (this.escapes !== '') this.flushEscapes();
    return this.segments;
  }

  private flushText(): void {
    this.segments.push({ text: unitsToString(this.units, this.unitCount), escape: false });
    this.unitCount = 0;
  }

  private flushEscapes(): void {
    this.segments.push({ text: this.escapes, escape: true });
    this.escapes = '';
  }
}

const isPrintableAscii = (b: number): boolean => b >= 0x20 && b <= 0x7e;

function decodeAscii(bytes: Uint8Array): DisplaySegment[] {
  const out = new SegmentBuilder(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i] as number;
    if (isPrintableAscii(b)) out.unit(b);
    else out.escape(b);
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
  if (as === 'hex') return [{ text: formatHex(bytes), escape: false }];
  return as === 'utf-8' ? decodeUtf8(bytes) : decodeAscii(bytes);
}

/** The same as one string (escapes written out), for copying and plain-text views. */
export function displayText(bytes: Uint8Array, as: DecodeAs): string {
  let out = '';
  for (const segment of decodeForDisplay(bytes, as)) out += segment.text;
  return out;
}
