// Whether a FramingSpec can be run, in a sentence the settings panel can show under the field.

import { parseHex } from '../codec/hex';
import type { FramingSpec } from '../contract/model';
import { MAX_FRAME_BYTES_LIMIT } from './types';

const isWhole = (n: unknown, min: number, max: number): n is number =>
  typeof n === 'number' && Number.isInteger(n) && n >= min && n <= max;

const LIMIT_TEXT = `${MAX_FRAME_BYTES_LIMIT / (1024 * 1024)} MiB`;

function checkMax(max: number | undefined, atLeast: number, what: string): string | undefined {
  if (max === undefined) return undefined;
  if (!isWhole(max, 1, MAX_FRAME_BYTES_LIMIT)) {
    return `The maximum frame size must be a whole number of bytes from 1 to ${MAX_FRAME_BYTES_LIMIT} (${LIMIT_TEXT}).`;
  }
  if (max < atLeast)
    return `The maximum frame size (${max} bytes) must be at least ${what} (${atLeast} bytes).`;
  return undefined;
}

/** The delimiter's bytes, or a sentence saying what is wrong with its hex. */
export function parseDelimiter(
  delimiterHex: string,
): { ok: true; bytes: Uint8Array } | { ok: false; message: string } {
  const parsed = typeof delimiterHex === 'string' ? parseHex(delimiterHex) : undefined;
  if (!parsed)
    return { ok: false, message: 'The delimiter must be hex text, e.g. 0A for LF or 0D 0A for CRLF.' };
  if (!parsed.ok) return { ok: false, message: `Delimiter: ${parsed.error.message}` };
  if (parsed.bytes.length === 0) {
    return { ok: false, message: 'The delimiter needs at least one byte, e.g. 0A for LF or 0D 0A for CRLF.' };
  }
  if (parsed.bytes.length > 128)
    return { ok: false, message: 'The delimiter can be at most 128 bytes long.' };
  return { ok: true, bytes: parsed.bytes };
}

/** undefined when `spec` is runnable, else one sentence saying what to change. */
export function validateFraming(spec: FramingSpec): string | undefined {
  switch (spec?.kind) {
    case 'raw':
      return undefined;
    case 'delimiter': {
      const delimiter = parseDelimiter(spec.delimiterHex);
      if (!delimiter.ok) return delimiter.message;
      return checkMax(spec.maxFrameBytes, delimiter.bytes.length, "the delimiter's length");
    }
    case 'fixed':
      if (!isWhole(spec.length, 1, MAX_FRAME_BYTES_LIMIT)) {
        return `The frame length must be a whole number of bytes from 1 to ${MAX_FRAME_BYTES_LIMIT} (${LIMIT_TEXT}).`;
      }
      return undefined;
    case 'length-prefix':
      if (spec.size !== 1 && spec.size !== 2 && spec.size !== 4)
        return 'The length field must be 1, 2 or 4 bytes.';
      if (spec.order !== 'be' && spec.order !== 'le') {
        return "The length's byte order must be big-endian (be) or little-endian (le).";
      }
      if (!isWhole(spec.offset, 0, 1024)) {
        return 'The length field offset must be a whole number of bytes from 0 to 1024.';
      }
      if (typeof spec.includesHeader !== 'boolean') {
        return 'Say whether the length counts the header (offset and length field) or only the body.';
      }
      return checkMax(spec.maxFrameBytes, spec.offset + spec.size, 'the header');
    case 'idle-gap':
      if (!isWhole(spec.gapMs, 1, 60_000)) {
        return 'The idle gap must be a whole number of milliseconds from 1 to 60000.';
      }
      return checkMax(spec.maxFrameBytes, 1, 'one byte');
    default:
      return `Unknown framing '${String((spec as { kind?: unknown } | undefined)?.kind)}'. Use raw, delimiter, fixed, length-prefix or idle-gap.`;
  }
}
