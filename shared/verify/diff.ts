// Where two byte strings part, and a readable picture of it: offsets, hex and printable text of
// both, with carets under the first differing byte, as a test report or a log row shows it.

/** Index of the first byte where `a` and `b` differ; the shorter length when one is a prefix of the other; -1 when equal. */
export function firstDiff(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return i;
  return a.length === b.length ? -1 : n;
}

/** Bytes shown before the difference; the window is 16 bytes wide. */
const CONTEXT_BEFORE = 8;
const WINDOW = 16;

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');
const printable = (b: number): string => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.');

function describeByte(b: number | undefined): string {
  if (b === undefined) return 'nothing (the reply ended)';
  const shown = b >= 0x20 && b < 0x7f ? ` '${String.fromCharCode(b)}'` : '';
  return `${hex2(b)}${shown}`;
}

function row(label: string, bytes: Uint8Array, start: number): { hex: string; text: string; line: string } {
  const slice = bytes.subarray(start, start + WINDOW);
  const hex = Array.from(slice, hex2).join(' ');
  const text = Array.from(slice, printable).join('');
  const more = bytes.length > start + WINDOW ? ' …' : '';
  const before = start > 0 ? '… ' : '';
  return {
    hex,
    text,
    line: `  ${label} ${before}${hex.padEnd(WINDOW * 3 - 1)}${more ? more : '  '}  |${text}|`,
  };
}

/**
 * A few lines that point at the first difference, e.g.
 *
 *   Differs at byte 13: expected 68 'h', got 48 'H' (18 bytes expected, 18 received).
 *     expected … 3A 20 68 65 6C 6C 6F     |: hello|
 *     actual   … 3A 20 48 65 6C 6C 6F     |: Hello|
 *                     ^^                     ^
 *
 * Empty when the two are equal.
 */
export function describeDiff(expected: Uint8Array, actual: Uint8Array): string {
  const at = firstDiff(expected, actual);
  if (at < 0) return '';
  const sizes = `${expected.length} byte${expected.length === 1 ? '' : 's'} expected, ${actual.length} received`;
  const head =
    at >= expected.length
      ? `Differs at byte ${at}: ${actual.length - expected.length} byte${actual.length - expected.length === 1 ? '' : 's'} more than expected, starting with ${describeByte(actual[at])} (${sizes}).`
      : `Differs at byte ${at}: expected ${describeByte(expected[at])}, got ${describeByte(actual[at])} (${sizes}).`;
  const start = Math.max(0, at - CONTEXT_BEFORE);
  const e = row('expected', expected, start);
  const a = row('actual  ', actual, start);
  const col = at - start;
  const prefix = `  ${' '.repeat(8)} ${start > 0 ? '  ' : ''}`;
  const hexCaret = `${' '.repeat(col * 3)}^^`;
  const textCaretAt = WINDOW * 3 - 1 + 5 + col;
  const caret = `${prefix}${hexCaret.padEnd(textCaretAt)}^`;
  return [head, e.line, a.line, caret.trimEnd()].join('\n');
}
