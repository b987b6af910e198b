// GBK and GB18030 both ways, as the Encoding Standard defines them (GBK = GB18030 without its
// four-byte codes). TextDecoder only decodes, so the encoder's table is built from the decoder.
import { type BytesResult, charPosition, describeChar, fail, phrase } from './codec-error';

/** Two-byte codes: lead 81..FE, trail 40..7E or 80..FE. */
const TWO_BYTE_COUNT = 126 * 190;
/** Four-byte codes for the BMP: 81 30 81 30 .. 84 31 A4 39. */
const FOUR_BYTE_BMP_COUNT = 39420;
/** Four-byte codes from 90 30 81 30 map linearly onto U+10000..U+10FFFF. */
const SUPPLEMENTARY_BASE = 189000;
const SUPPLEMENTARY_LAST = SUPPLEMENTARY_BASE + 0xfffff;

interface Tables {
  /** Two-byte pointer -> UTF-16 unit; 0 = no character. */
  two: Uint16Array;
  /** Four-byte BMP pointer -> UTF-16 unit; 0 = no character. */
  four: Uint16Array;
  /** BMP unit -> 0x10000 + (lead << 8 | trail), or 0x20000 + four-byte pointer; 0 = none. */
  encode: Uint32Array;
}

/** undefined until first use; null where the runtime's TextDecoder lacks GB18030 (a small-ICU build). */
let tables: Tables | null | undefined;

const twoBytePointer = (lead: number, trail: number): number =>
  (lead - 0x81) * 190 + trail - (trail < 0x7f ? 0x40 : 0x41);

function fourBytes(pointer: number): number[] {
  const b4 = pointer % 10;
  const b3 = Math.floor(pointer / 10) % 126;
  const b2 = Math.floor(pointer / 1260) % 10;
  const b1 = Math.floor(pointer / 12600);
  return [0x81 + b1, 0x30 + b2, 0x81 + b3, 0x30 + b4];
}

/**
 * Decode every code of one kind in a single TextDecoder call. Each valid code is one UTF-16 unit,
 * so unit k is code k; if the runtime's decoder ever disagrees in length, fall back to decoding
 * code by code. U+FFFD only counts when a fatal decoder accepts the code (GB18030 maps one code
 * to U+FFFD itself).
 */
function decodeAll(codes: Uint8Array, width: number, count: number): Uint16Array {
  const out = new Uint16Array(count);
  const fatal = new TextDecoder('gb18030', { fatal: true });
  const isReal = (k: number): boolean => {
    try {
      return fatal.decode(codes.subarray(k * width, (k + 1) * width)) === '\ufffd';
    } catch {
      return false;
    }
  };
  const all = new TextDecoder('gb18030').decode(codes);
  if (all.length === count) {
    for (let k = 0; k < count; k++) {
      const unit = all.charCodeAt(k);
      if (unit >= 0xd800 && unit <= 0xdfff) continue;
      if (unit !== 0xfffd || isReal(k)) out[k] = unit;
    }
    return out;
  }
  for (let k = 0; k < count; k++) {
    let text = '';
    try {
      text = fatal.decode(codes.subarray(k * width, (k + 1) * width));
    } catch {}
    const unit = text.charCodeAt(0);
    if (text.length === 1 && (unit < 0xd800 || unit > 0xdfff)) out[k] = unit;
  }
  return out;
}

/** Built once, on first use: about 24 k two-byte and 39 k four-byte codes, a few milliseconds. */
function getTables(): Tables | null {
  if (tables !== undefined) return tables;
  try {
    new TextDecoder('gb18030');
  } catch {
    tables = null;
    return tables;
  }
  const twoCodes = new Uint8Array(TWO_BYTE_COUNT * 2);
  let at = 0;
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      twoCodes[at++] = lead;
      twoCodes[at++] = trail;
    }
  }
  const fourCodes = new Uint8Array(FOUR_BYTE_BMP_COUNT * 4);
  for (let p = 0; p < FOUR_BYTE_BMP_COUNT; p++) fourCodes.set(fourBytes(p), p * 4);
  const two = decodeAll(twoCodes, 2, TWO_BYTE_COUNT);
  const four = decodeAll(fourCodes, 4, FOUR_BYTE_BMP_COUNT);
  const encode = new Uint32Array(0x10000);
  // The first two-byte code wins (A1A1 over A3A0 for U+3000), and two bytes win over four, as the
  // Encoding Standard's encoder does.
  for (let p = 0; p < TWO_BYTE_COUNT; p++) {
    const unit = two[p] as number;
    if (unit !== 0 && encode[unit] === 0) {
      encode[unit] = 0x10000 | ((twoCodes[p * 2] as number) << 8) | (twoCodes[p * 2 + 1] as number);
    }
  }
  for (let p = 0; p < FOUR_BYTE_BMP_COUNT; p++) {
    const unit = four[p] as number;
    if (unit !== 0 && encode[unit] === 0) encode[unit] = 0x20000 + p;
  }
  tables = { two, four, encode };
  return tables;
}

/**
 * Encode `input[start, end)` as GB18030, or as GBK when `gbk` is set: then the euro sign is the
 * single byte 80 (code page 936) and a character that needs four bytes is an error.
 */
export function encodeGb(input: string, start: number, end: number, gbk: boolean): BytesResult {
  const name = gbk ? 'GBK' : 'GB18030';
  const out = new Uint8Array((end - start) * 4);
  let n = 0;
  let t: Tables | null | undefined;
  for (let i = start; i < end; i++) {
    const c = input.charCodeAt(i);
    if (c < 0x80) {
      out[n++] = c;
      continue;
    }
    if (c >= 0xd800 && c <= 0xdfff) {
      const next = i + 1 < end ? input.charCodeAt(i + 1) : -1;
      if (c > 0xdbff || next < 0xdc00 || next > 0xdfff) {
        const position = charPosition(input, i);
        const char = describeChar(input, i);
        return fail(
          i,
          `Position ${position} holds half of a character (${char}), ` +
            `which ${name} cannot encode. Retype or delete it.`,
          phrase('codec.halfCharacter', { position, char, encoding: name }),
        );
      }
      if (gbk) return notIn(input, i, 'GBK', true);
      const bytes = fourBytes(SUPPLEMENTARY_BASE + ((c - 0xd800) << 10) + (next - 0xdc00));
      out.set(bytes, n);
      n += 4;
      i++;
      continue;
    }
    if (gbk && c === 0x20ac) {
      out[n++] = 0x80;
      continue;
    }
    t ??= getTables();
    if (!t) {
      return fail(
        i,
        `${name} is not available on this system. Use UTF-8.`,
        phrase('codec.unavailable', { encoding: name }),
      );
    }
    const code = t.encode[c] as number;
    if (code >= 0x10000 && code < 0x20000) {
      out[n++] = (code >> 8) & 0xff;
      out[n++] = code & 0xff;
    } else if (code >= 0x20000 && !gbk) {
      out.set(fourBytes(code - 0x20000), n);
      n += 4;
    } else {
      return gbk && code !== 0 ? notIn(input, i, 'GBK', true) : notIn(input, i, name, false);
    }
  }
  return { ok: true, bytes: out.slice(0, n) };
}

/** `gb18030`: the character is in GB18030, so that is the first way out. */
function notIn(input: string, i: number, name: string, gb18030: boolean): BytesResult {
  const char = describeChar(input, i);
  const position = charPosition(input, i);
  return fail(
    i,
    `${char} at position ${position} is not in ${name}. ${gb18030 ? 'Use GB18030 or UTF-8.' : 'Use UTF-8.'}`,
    gb18030
      ? phrase('codec.notInGbk', { char, position })
      : phrase('codec.notInEncoding', { char, position, encoding: name }),
  );
}

/**
 * One step of a GB18030 decoder over `bytes` at `i` (not ASCII). Returns `code point * 8 + length`
 * for a character, or `-length` for that many bytes that form no character: a bad lead or trail
 * is one byte (the next byte is read afresh), an unassigned four-byte code is four, and a sequence
 * cut off by the end of `bytes` is all its remaining bytes. Byte 80 is the euro sign, as code page
 * 936 and the Encoding Standard's decoder have it.
 */
export function gbStep(bytes: Uint8Array, i: number): number {
  const b1 = bytes[i] as number;
  if (b1 === 0x80) return 0x20ac * 8 + 1;
  if (b1 < 0x81 || b1 > 0xfe) return -1;
  const n = bytes.length;
  if (i + 1 >= n) return -(n - i);
  const b2 = bytes[i + 1] as number;
  if ((b2 >= 0x40 && b2 <= 0x7e) || (b2 >= 0x80 && b2 <= 0xfe)) {
    const unit = getTables()?.two[twoBytePointer(b1, b2)] ?? 0;
    return unit === 0 ? -1 : unit * 8 + 2;
  }
  if (b2 < 0x30 || b2 > 0x39) return -1;
  if (i + 2 >= n) return -(n - i);
  const b3 = bytes[i + 2] as number;
  if (b3 < 0x81 || b3 > 0xfe) return -1;
  if (i + 3 >= n) return -(n - i);
  const b4 = bytes[i + 3] as number;
  if (b4 < 0x30 || b4 > 0x39) return -1;
  const pointer = ((b1 - 0x81) * 10 + (b2 - 0x30)) * 1260 + (b3 - 0x81) * 10 + (b4 - 0x30);
  if (pointer < FOUR_BYTE_BMP_COUNT) {
    const unit = getTables()?.four[pointer] ?? 0;
    return unit === 0 ? -4 : unit * 8 + 4;
  }
  if (pointer >= SUPPLEMENTARY_BASE && pointer <= SUPPLEMENTARY_LAST) {
    return (0x10000 + pointer - SUPPLEMENTARY_BASE) * 8 + 4;
  }
  return -4;
}
