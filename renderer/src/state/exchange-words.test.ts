// An exchange's row: its badge, round trips to 0.01 ms, and for a FAIL the window of bytes around
// the first difference with that byte pointed out, in cells and in the exports' text.
import { describe, expect, it } from 'vitest';
import type { ExchangeResult } from '../../../shared/contract/model';
import {
  diffSentence,
  diffView,
  exchangeDiffText,
  exchangeLine,
  formatMs,
  timingText,
} from './exchange-words';

const bytes = (s: string) => new TextEncoder().encode(s);
const result = (r: Partial<ExchangeResult>): ExchangeResult => ({
  seq: 7,
  verdict: 'pass',
  sentAt: 1000,
  peer: '127.0.0.1:8087',
  ...r,
});

describe('exchange words', () => {
  it('writes round trips to a hundredth of a millisecond', () => {
    expect(formatMs(0.4149)).toBe('0.41 ms');
    expect(formatMs(1204.5)).toBe('1,204.50 ms');
    expect(timingText(result({ firstByteMs: 0.41, completeMs: 0.523 }))).toBe(
      'first byte 0.41 ms · complete 0.52 ms',
    );
    expect(timingText(result({}))).toBe('');
  });

  it('puts the verdict, the peer, the timings and the reason on one line', () => {
    expect(exchangeLine(result({ firstByteMs: 1, completeMs: 2 }))).toBe(
      'PASS #7 to 127.0.0.1:8087 · first byte 1.00 ms · complete 2.00 ms',
    );
    expect(exchangeLine(result({ verdict: 'timeout', reason: 'No reply within 2000 ms.' }))).toBe(
      'TIMEOUT #7 to 127.0.0.1:8087: No reply within 2000 ms.',
    );
  });

  it('points at the first differing byte, with six bytes before it', () => {
    const failed = result({
      verdict: 'fail',
      expected: bytes('TCP Server : hello'),
      actual: bytes('TCP Server : Hello'),
      diffAt: 13,
    });
    const view = diffView(failed);
    expect(view).toMatchObject({ at: 13, start: 7, before: true, after: false });
    expect(view?.expected.map((c) => c.char).join('')).toBe('ver : hello');
    expect(view?.actual.map((c) => c.char).join('')).toBe('ver : Hello');
    expect(view?.actual.filter((c) => c.differs).map((c) => `${c.at}:${c.hex}`)).toEqual(['13:48']);
    expect(view?.actual.find((c) => c.first)?.hex).toBe('48');
    if (!view) throw new Error('no diff');
    expect(diffSentence(failed, view)).toBe("Byte 13: expected 68 'h', got 48 'H'");
    expect(exchangeDiffText(failed)).toMatch(/^Differs at byte 13: expected 68 'h', got 48 'H'/);
  });

  it('shows a short reply as missing bytes, and finds the difference itself when not given', () => {
    const short = result({ verdict: 'fail', expected: bytes('abc'), actual: bytes('ab') });
    const view = diffView(short);
    expect(view?.at).toBe(2);
    expect(view?.actual.at(-1)).toMatchObject({ at: 2, hex: '', char: '', first: true, differs: true });
    if (!view) throw new Error('no diff');
    expect(diffSentence(short, view)).toBe("Byte 2: expected 63 'c', got nothing (the reply ended)");
  });

  it('has no diff for a pass, a timeout or a regex failure without expected bytes', () => {
    expect(diffView(result({}))).toBeUndefined();
    expect(diffView(result({ verdict: 'timeout' }))).toBeUndefined();
    expect(diffView(result({ verdict: 'fail', actual: bytes('x') }))).toBeUndefined();
    expect(exchangeDiffText(result({ verdict: 'fail', actual: bytes('x') }))).toBe('');
  });
});
