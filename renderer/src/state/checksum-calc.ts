// The checksum calculator's inputs and rows: the bytes of the entries selected in the log (or typed
// as hex), and every checksum kind over them, in both byte orders where there are two. Pure.
import { CHECKSUM_LABELS, CHECKSUM_WIDTH, checksum, checksumValue } from '../../../shared/codec/checksum';
import { formatHex } from '../../../shared/codec/hex';
import { CHECKSUM_KINDS, type ChecksumKind } from '../../../shared/contract/model';
import { indexOfKey } from './log-filter';
import type { LogEntry } from './log-reducer';
import { type Ring, ringAt } from './log-ring';

/** The selected data entries' bytes, concatenated in log order; keys the log no longer holds are skipped. */
export function selectedBytes(
  ring: Ring<LogEntry>,
  keys: readonly number[],
): { bytes: Uint8Array; entries: number } {
  const parts: Uint8Array[] = [];
  let total = 0;
  for (const key of keys) {
    const entry = ringAt(ring, indexOfKey(ring, key));
    if (entry?.kind !== 'data') continue;
    parts.push(entry.bytes);
    total += entry.bytes.length;
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const part of parts) {
    bytes.set(part, at);
    at += part.length;
  }
  return { bytes, entries: parts.length };
}

export interface ChecksumRow {
  kind: ChecksumKind;
  label: string;
  /** "0x4B37" */
  value: string;
  /** The bytes as sent big-endian and little-endian ("4B 37", "37 4B"); one byte has one form. */
  be: string;
  le?: string;
}

export function checksumRows(bytes: Uint8Array): ChecksumRow[] {
  return CHECKSUM_KINDS.map((kind) => {
    const width = CHECKSUM_WIDTH[kind];
    const value = `0x${checksumValue(kind, bytes)
      .toString(16)
      .toUpperCase()
      .padStart(width * 2, '0')}`;
    const be = formatHex(checksum(kind, bytes, 'be'));
    return width > 1
      ? { kind, label: CHECKSUM_LABELS[kind], value, be, le: formatHex(checksum(kind, bytes, 'le')) }
      : { kind, label: CHECKSUM_LABELS[kind], value, be };
  });
}

/** Keys from the last clicked entry to this one (Shift+click), in log order, both ends included. */
export function keyRange(viewKeys: readonly number[], anchor: number, key: number): number[] {
  const a = viewKeys.indexOf(anchor);
  const b = viewKeys.indexOf(key);
  if (a < 0 || b < 0) return [key];
  return viewKeys.slice(Math.min(a, b), Math.max(a, b) + 1);
}
