import { describe, expect, it } from 'vitest';
import { createFramer } from './index';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const text = (b: Uint8Array): string => new TextDecoder().decode(b);

describe('delimiter framing', () => {
  it('joins a reply dribbled one byte at a time into one frame', () => {
    const framer = createFramer({ kind: 'delimiter', delimiterHex: '0D 0A' });
    const reply = ascii('TEMP=25.0\r\n');
    const frames = [...reply].flatMap((b, i) => framer.push(Uint8Array.of(b), 100 + i));
    expect(frames.map((f) => text(f.bytes))).toEqual(['TEMP=25.0\r\n']);
    expect(frames[0]?.at).toBe(100 + reply.length - 1);
    expect(frames[0]?.issue).toBeUndefined();
  });

  it('splits replies glued into one chunk, keeping the rest pending', () => {
    const framer = createFramer({ kind: 'delimiter', delimiterHex: '0A' });
    const frames = framer.push(ascii('OK\nERROR\nparti'), 7);
    expect(frames.map((f) => text(f.bytes))).toEqual(['OK\n', 'ERROR\n']);
    expect(frames.map((f) => f.at)).toEqual([7, 7]);
    expect(framer.pending()).toBe(5);
    expect(framer.push(ascii('al\n'), 9).map((f) => text(f.bytes))).toEqual(['partial\n']);
    expect(framer.pending()).toBe(0);
  });

  it('finds a delimiter split across chunks', () => {
    const framer = createFramer({ kind: 'delimiter', delimiterHex: '0D 0A' });
    expect(framer.push(ascii('a\r'), 1)).toEqual([]);
    expect(framer.push(ascii('\nb'), 2).map((f) => text(f.bytes))).toEqual(['a\r\n']);
    // A CR alone is not the delimiter.
    expect(framer.push(ascii('\rc\r'), 3)).toEqual([]);
    expect(framer.push(ascii('\n'), 4).map((f) => text(f.bytes))).toEqual(['b\rc\r\n']);
  });

  it('cuts a frame at the maximum size, flags it and the rest of that message', () => {
    const framer = createFramer({ kind: 'delimiter', delimiterHex: '0A', maxFrameBytes: 4 });
    const frames = framer.push(ascii('abcdefghij\nok\n'), 1);
    expect(frames.map((f) => [text(f.bytes), f.issue])).toEqual([
      ['abcd', 'oversized'],
      ['efgh', 'oversized'],
      ['ij\n', 'oversized'],
      ['ok\n', undefined],
    ]);
    // A message of exactly the maximum, delimiter included, is whole.
    expect(framer.push(ascii('abc\n'), 2).map((f) => [text(f.bytes), f.issue])).toEqual([
      ['abc\n', undefined],
    ]);
  });

  it('gives back what is left at close as incomplete, once', () => {
    const framer = createFramer({ kind: 'delimiter', delimiterHex: '0A' });
    framer.push(ascii('no newline'), 3);
    expect(framer.flush()).toEqual({ bytes: ascii('no newline'), at: 3, issue: 'incomplete' });
    expect(framer.flush()).toBeUndefined();
    expect(framer.pending()).toBe(0);
  });

  it('handles 64 KiB of short lines in one chunk quickly enough to be linear', () => {
    const framer = createFramer({ kind: 'delimiter', delimiterHex: '0A' });
    const chunk = ascii('1234567\n'.repeat(8192));
    const frames = framer.push(chunk, 1);
    expect(frames).toHaveLength(8192);
    expect(frames.every((f) => f.bytes.length === 8)).toBe(true);
  });
});
