import { describe, expect, it } from 'vitest';
import type { LineEnding, TextPayload } from '../contract/model';
import { encodePayload } from './payload';

const text = (t: string, over: Partial<TextPayload> = {}): TextPayload => ({
  text: t,
  encoding: 'ascii',
  escapes: false,
  lineEnding: 'none',
  ...over,
});

const bytesOf = (result: ReturnType<typeof encodePayload>): number[] => {
  if (!result.ok) throw new Error(`expected bytes, got: ${result.error.message}`);
  return [...result.bytes];
};

describe('encodePayload', () => {
  it('parses hex payloads', () => {
    expect(bytesOf(encodePayload({ hex: '31 32 33' }))).toEqual([0x31, 0x32, 0x33]);
    const bad = encodePayload({ hex: '31 3g' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('position 5');
  });

  it('appends each line ending after the text', () => {
    const cases: [LineEnding, number[]][] = [
      ['none', []],
      ['cr', [0x0d]],
      ['lf', [0x0a]],
      ['crlf', [0x0d, 0x0a]],
    ];
    for (const [lineEnding, ending] of cases) {
      expect(bytesOf(encodePayload(text('hi', { lineEnding })))).toEqual([0x68, 0x69, ...ending]);
    }
    expect(bytesOf(encodePayload(text('', { lineEnding: 'crlf' })))).toEqual([0x0d, 0x0a]);
  });

  it('expands escapes only when asked', () => {
    expect(bytesOf(encodePayload(text('a\\n')))).toEqual([0x61, 0x5c, 0x6e]);
    expect(bytesOf(encodePayload(text('a\\n', { escapes: true })))).toEqual([0x61, 0x0a]);
    expect(encodePayload(text('\\q')).ok).toBe(true);
    expect(encodePayload(text('\\q', { escapes: true })).ok).toBe(false);
  });

  it('puts the line ending after expanded escapes and raw bytes', () => {
    const payload = text('é\\xFF', { encoding: 'utf-8', escapes: true, lineEnding: 'crlf' });
    expect(bytesOf(encodePayload(payload))).toEqual([0xc3, 0xa9, 0xff, 0x0d, 0x0a]);
  });

  it('refuses non-ASCII text under ASCII and accepts it under UTF-8', () => {
    const refused = encodePayload(text('héllo', { lineEnding: 'lf' }));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toEqual({ index: 1, message: expect.stringContaining('position 2') });
    expect(bytesOf(encodePayload(text('héllo', { encoding: 'utf-8' })))).toHaveLength(6);
  });
});
