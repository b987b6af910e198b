// Where two byte strings part, and a readable picture of it: offsets, hex and printable text of
// both, with carets under the first differing byte, as a test report or a log row shows it.
import { phrase } from '../codec/codec-error';
import type { Phrase } from '../contract/model';

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

/** A byte as hex (and its character), or the phrase for the end of the reply. */
function describeByte(b: number | undefined): string | Phrase {
  if (b === undefined) return phrase('verify.nothing');
  const shown = b >= 0x20 && b < 0x7f ? ` '${String.fromCharCode(b)}'` : '';
  return `${hex2(b)}${shown}`;
}

const english = (v: string | Phrase): string => (typeof v === 'string' ? v : 'nothing (the reply ended)');

/**
 * Puts a sentence into the reader's words: `english` is the sentence, `detail` its catalogue key and
 * values. Reports keep the English; a window passes its own language.
 */
export type Wording = (english: string, detail: Phrase) => string;

/** One line of the picture: its English, and its catalogue phrase when it has words in it. */
export interface DiffLine {
  text: string;
  detail?: Phrase;
}

/** The rest of a row after its label: offsets elided, hex, and the printable text. */
function rowRest(bytes: Uint8Array, start: number): string {
  const slice = bytes.subarray(start, start + WINDOW);
  const hex = Array.from(slice, hex2).join(' ');
  const text = Array.from(slice, printable).join('');
  const more = bytes.length > start + WINDOW ? ' …' : '';
  const before = start > 0 ? '… ' : '';
  return `${before}${hex.padEnd(WINDOW * 3 - 1)}${more ? more : '  '}  |${text}|`;
}

/**
 * The picture's lines, e.g.
 *
 *   Differs at byte 13: expected 68 'h', got 48 'H' (18 bytes expected, 18 received).
 *     expected … 3A 20 68 65 6C 6C 6F     |: hello|
 *     actual   … 3A 20 48 65 6C 6C 6F     |: Hello|
 *                     ^^                     ^
 *
 * Every language's row labels take the same eight columns, so the carets line up in each. Empty
 * when the two are equal.
 */
export function diffLines(expected: Uint8Array, actual: Uint8Array): DiffLine[] {
  const at = firstDiff(expected, actual);
  if (at < 0) return [];
  const one = expected.length === 1;
  const sizes = phrase(one ? 'verify.sizes_one' : 'verify.sizes_other', {
    count: expected.length,
    received: actual.length,
  });
  const sizesText = `${expected.length} byte${one ? '' : 's'} expected, ${actual.length} received`;
  let head: DiffLine;
  if (at >= expected.length) {
    const more = actual.length - expected.length;
    const first = describeByte(actual[at]);
    head = {
      text: `Differs at byte ${at}: ${more} byte${more === 1 ? '' : 's'} more than expected, starting with ${english(first)} (${sizesText}).`,
      detail: phrase(more === 1 ? 'verify.diffMore_one' : 'verify.diffMore_other', {
        at,
        count: more,
        actual: first,
        sizes,
      }),
    };
  } else {
    const want = describeByte(expected[at]);
    const got = describeByte(actual[at]);
    head = {
      text: `Differs at byte ${at}: expected ${english(want)}, got ${english(got)} (${sizesText}).`,
      detail: phrase('verify.diffAt', { at, expected: want, actual: got, sizes }),
    };
  }
  const start = Math.max(0, at - CONTEXT_BEFORE);
  const e = rowRest(expected, start);
  const a = rowRest(actual, start);
  const col = at - start;
  const prefix = `  ${' '.repeat(8)} ${start > 0 ? '  ' : ''}`;
  const hexCaret = `${' '.repeat(col * 3)}^^`;
  const textCaretAt = WINDOW * 3 - 1 + 5 + col;
  const caret = `${prefix}${hexCaret.padEnd(textCaretAt)}^`;
  return [
    head,
    { text: `  expected ${e}`, detail: phrase('verify.diffRowExpected', { row: e }) },
    { text: `  actual   ${a}`, detail: phrase('verify.diffRowActual', { row: a }) },
    { text: caret.trimEnd() },
  ];
}

/** The picture as text, in the reader's words (English unless `words` says otherwise). */
export function describeDiff(expected: Uint8Array, actual: Uint8Array, words?: Wording): string {
  return diffLines(expected, actual)
    .map((line) => (words && line.detail ? words(line.text, line.detail) : line.text))
    .join('\n');
}
