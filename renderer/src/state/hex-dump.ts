// The hex dump view of one entry: 16 bytes a line as offset, hex and ASCII columns, with the byte
// runs a search marked. Pure.
import type { Range } from './log-search';

export const DUMP_WIDTH = 16;

const HEX: string[] = [];
for (let b = 0; b < 256; b++) HEX.push(b.toString(16).toUpperCase().padStart(2, '0'));

export const dumpOffset = (offset: number): string => offset.toString(16).toUpperCase().padStart(8, '0');

/** One character a byte: printable ASCII as itself, anything else as '.'. */
export function dumpAscii(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b >= 0x20 && b <= 0x7e ? String.fromCharCode(b) : '.';
  return out;
}

/** Each byte's hex with the gap that follows it: one space, two after the eighth, none after the last. */
export function dumpCells(line: Uint8Array): string[] {
  const cells: string[] = [];
  for (let i = 0; i < line.length; i++) {
    const gap = i === line.length - 1 ? '' : i === DUMP_WIDTH / 2 - 1 ? '  ' : ' ';
    cells.push(`${HEX[line[i] as number]}${gap}`);
  }
  return cells;
}

/** Hex column width in characters for a full line, so short last lines pad their ASCII into place. */
export const DUMP_HEX_CHARS = DUMP_WIDTH * 3;

export type Mark = 'match' | 'current' | undefined;

export interface Run {
  /** Byte offsets within the line. */
  from: number;
  to: number;
  mark: Mark;
}

/**
 * A line's bytes [lineStart, lineStart + length) cut into runs by the marked byte ranges (sorted,
 * not overlapping); the range at index `current` is the one Next / Previous went to.
 */
export function dumpRuns(
  lineStart: number,
  length: number,
  ranges: readonly Range[],
  current: number,
): Run[] {
  const runs: Run[] = [];
  const end = lineStart + length;
  let at = lineStart;
  ranges.forEach(([from, to], i) => {
    if (to <= lineStart || from >= end) return;
    const a = Math.max(from, lineStart);
    const b = Math.min(to, end);
    if (a > at) runs.push({ from: at - lineStart, to: a - lineStart, mark: undefined });
    runs.push({ from: a - lineStart, to: b - lineStart, mark: i === current ? 'current' : 'match' });
    at = b;
  });
  if (at < end) runs.push({ from: at - lineStart, to: end - lineStart, mark: undefined });
  return runs;
}
