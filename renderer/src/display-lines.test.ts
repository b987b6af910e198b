// Line breaks in the log's payloads: after every \n escape but the last.
import { describe, expect, it } from 'vitest';
import { decodeForDisplay } from '../../shared/codec/display';
import { markPieces, withLineBreaks } from './display-lines';

const pieces = (text: string) =>
  withLineBreaks(decodeForDisplay(new TextEncoder().encode(text), 'ascii')).map((p) =>
    'lineBreak' in p ? '<br>' : p.escape ? `[${p.text}]` : p.text,
  );

describe('withLineBreaks', () => {
  it('breaks after each \\n but not after the final one', () => {
    expect(pieces('OK\r\n+CIPSTATUS:3\r\n')).toEqual(['OK', '[\\r\\n]', '<br>', '+CIPSTATUS:3', '[\\r\\n]']);
  });

  it('breaks between consecutive newlines and keeps other escapes on the line', () => {
    expect(pieces('a\n\n\tb\x00')).toEqual(['a', '[\\n]', '<br>', '[\\n]', '<br>', '[\\t]', 'b', '[\\0]']);
  });

  it('leaves text without escapes and hex views alone', () => {
    expect(pieces('TCP Server : hello')).toEqual(['TCP Server : hello']);
    const hex = withLineBreaks(decodeForDisplay(new Uint8Array([0x0d, 0x0a, 0x31]), 'hex'));
    expect(hex).toEqual([{ text: '0D 0A 31', escape: false }]);
  });
});

describe('markPieces', () => {
  const marked = (text: string, ranges: [number, number][], current = -1) =>
    markPieces(
      withLineBreaks(decodeForDisplay(new TextEncoder().encode(text), 'ascii')),
      ranges,
      current,
    ).map((p) =>
      'lineBreak' in p ? '<br>' : `${p.escape ? `[${p.text}]` : p.text}${p.mark ? `{${p.mark}}` : ''}`,
    );

  it('cuts text and escape pieces where a match runs across them, line breaks untouched', () => {
    // "OK\r\n" shows as OK, [\r\n], <br>: "K\r" is offsets 1..4 of "OK\r\nnext".
    expect(marked('OK\r\nnext', [[1, 4]])).toEqual([
      'O',
      'K{match}',
      '[\\r]{match}',
      '[\\n]',
      '<br>',
      'next',
    ]);
  });

  it('marks the current range apart and leaves pieces without matches whole', () => {
    expect(
      marked(
        'abcabc',
        [
          [0, 1],
          [3, 4],
        ],
        1,
      ),
    ).toEqual(['a{match}', 'bc', 'a{current}', 'bc']);
    expect(marked('abc', [])).toEqual(['abc']);
  });
});
