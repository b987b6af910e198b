// A closed row renders only what it shows: as many lines as its height was computed for.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type DecodeAs, decodeForDisplay } from '../../../shared/codec/display';
import { withLineBreaks } from '../display-lines';
import { closedTextBytes, MAX_TEXT_LINES, TEXT_PREVIEW_BYTES, textLines } from './log-layout';

const VIEWS: DecodeAs[] = [
  'ascii',
  'latin1',
  'utf-8',
  'gbk',
  'gb18030',
  'utf-16le',
  'utf-16be',
  'hex',
  'base64',
];

/** Lines the log draws for these bytes in this view: one more than its line breaks. */
const drawnLines = (bytes: Uint8Array, shown: DecodeAs) =>
  1 + withLineBreaks(decodeForDisplay(bytes, shown)).filter((p) => 'lineBreak' in p).length;

describe('closedTextBytes', () => {
  it('keeps the lines a closed row is sized for, and no more', () => {
    // Line feeds, zeros and letters often, any byte too: many short lines, and some long ones.
    const byte = fc.oneof(
      fc.constant(0x0a),
      fc.constant(0x00),
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0, max: 255 }),
    );
    fc.assert(
      fc.property(fc.array(byte, { maxLength: 1500 }), fc.constantFrom(...VIEWS), (values, shown) => {
        const bytes = Uint8Array.from(values);
        const end = closedTextBytes(bytes, shown);
        expect(end).toBeLessThanOrEqual(Math.min(bytes.length, TEXT_PREVIEW_BYTES));
        const lines = textLines(bytes, 0, bytes.length, shown);
        // The height's lines are the lines the whole preview draws, in every text view.
        if (!['hex', 'base64'].includes(shown)) {
          const preview = bytes.subarray(0, Math.min(bytes.length, TEXT_PREVIEW_BYTES));
          expect(Math.min(MAX_TEXT_LINES, drawnLines(preview, shown))).toBe(lines);
        }
        const shownBytes = bytes.subarray(0, end);
        if (!['hex', 'base64', 'utf-16le', 'utf-16be'].includes(shown)) {
          expect(Math.min(MAX_TEXT_LINES, drawnLines(shownBytes, shown))).toBe(lines);
          // Cut short only after the line feed that ends the last line shown.
          if (end < Math.min(bytes.length, TEXT_PREVIEW_BYTES))
            expect(drawnLines(shownBytes, shown)).toBe(MAX_TEXT_LINES);
        } else expect(end).toBe(Math.min(bytes.length, TEXT_PREVIEW_BYTES));
      }),
      { numRuns: 500 },
    );
  });

  it('sizes UTF-16 rows by the lines their line feeds draw, a final one included or not', () => {
    const units = (text: string, be: boolean) =>
      Uint8Array.from([...text].flatMap((c) => (be ? [0, c.charCodeAt(0)] : [c.charCodeAt(0), 0])));
    for (const [shown, be] of [
      ['utf-16le', false],
      ['utf-16be', true],
    ] as const) {
      for (const text of ['a\nb', 'a\n', 'a\nb\nc\nd\ne\n', 'a']) {
        const bytes = units(text, be);
        expect(textLines(bytes, 0, bytes.length, shown)).toBe(
          Math.min(MAX_TEXT_LINES, drawnLines(bytes, shown)),
        );
      }
      // A lone surrogate whose low byte is 0x0A (unit 0xD80A) breaks no line: one line.
      const lone = be ? Uint8Array.from([0xd8, 0x0a, 0, 0x62]) : Uint8Array.from([0x0a, 0xd8, 0x62, 0]);
      expect(drawnLines(lone, shown)).toBe(1);
      expect(textLines(lone, 0, lone.length, shown)).toBe(1);
    }
  });

  it('cuts a board log of many lines after its fourth', () => {
    const text = 'temp=21.5\r\n'.repeat(50);
    const bytes = new TextEncoder().encode(text);
    expect(closedTextBytes(bytes, 'ascii')).toBe('temp=21.5\r\n'.length * 4);
    expect(closedTextBytes(new TextEncoder().encode('no line feed'.repeat(200)), 'ascii')).toBe(
      TEXT_PREVIEW_BYTES,
    );
  });
});
