import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ExpectRule } from '../contract/model';
import { describeDiff, firstDiff } from './diff';
import { checkExpectRule, expectedBytes, isCompleteReply, judgeReply } from './judge';

const bytes = (s: string) => new TextEncoder().encode(s);
const data = fc.uint8Array({ maxLength: 40 });
const W55RP20: ExpectRule = { kind: 'prefix-echo', prefix: 'TCP Server : ' };

describe('expectedBytes', () => {
  it('is the send for echo, prefix + send for prefix-echo, the text or the hex, nothing for regex', () => {
    const sent = bytes('hello');
    expect(expectedBytes({ kind: 'echo' }, sent)).toBe(sent);
    expect(expectedBytes(W55RP20, sent)).toEqual(bytes('TCP Server : hello'));
    expect(expectedBytes({ kind: 'prefix-echo', prefix: 'recv: ' }, bytes('end'))).toEqual(
      bytes('recv: end'),
    );
    expect(expectedBytes({ kind: 'text', text: '收到', encoding: 'gbk' }, sent)).toEqual(
      Uint8Array.of(0xca, 0xd5, 0xb5, 0xbd),
    );
    expect(expectedBytes({ kind: 'hex', hex: '01 03 0x0A' }, sent)).toEqual(Uint8Array.of(1, 3, 10));
    expect(expectedBytes({ kind: 'regex', pattern: 'x' }, sent)).toBeUndefined();
  });

  it('is undefined for a rule that cannot be encoded, and checkExpectRule says why', () => {
    expect(expectedBytes({ kind: 'hex', hex: '0G' }, bytes('a'))).toBeUndefined();
    expect(checkExpectRule({ kind: 'hex', hex: '0G' })).toMatch(/^The expected hex is not valid/);
    expect(checkExpectRule({ kind: 'text', text: 'é', encoding: 'ascii' })).toMatch(/cannot be encoded/);
    expect(checkExpectRule({ kind: 'regex', pattern: '(' })).toMatch(/is not a valid regular expression/);
    expect(checkExpectRule(W55RP20)).toBeUndefined();
  });
});

describe('judgeReply', () => {
  it('passes the W55RP20 answer to a send', () => {
    expect(judgeReply(W55RP20, bytes('hello'), bytes('TCP Server : hello'))).toEqual({
      verdict: 'pass',
      expected: bytes('TCP Server : hello'),
    });
  });

  it('fails a reply that differs in one byte, pointing at that byte', () => {
    const result = judgeReply(W55RP20, bytes('hello'), bytes('TCP Server : hellO'));
    expect(result).toMatchObject({ verdict: 'fail', diffAt: 17 });
    expect(result.incomplete).toBeUndefined();
    expect(result.reason).toBe('The reply differs from the expected bytes at byte 17.');
  });

  it('calls a strict prefix of the expected bytes incomplete, and a longer reply a failure', () => {
    const short = judgeReply(W55RP20, bytes('hello'), bytes('TCP S'));
    expect(short).toMatchObject({ verdict: 'fail', incomplete: true, diffAt: 5 });
    expect(short.reason).toBe('The reply ended after 5 of 18 expected bytes.');
    const long = judgeReply({ kind: 'echo' }, bytes('ab'), bytes('ab\r\n'));
    expect(long).toMatchObject({
      verdict: 'fail',
      diffAt: 2,
      reason: 'The reply has 2 bytes more than the 2 expected.',
    });
  });

  it('matches a regex over the reply decoded in its encoding', () => {
    const rule: ExpectRule = { kind: 'regex', pattern: '^recv: \\d+$' };
    expect(judgeReply(rule, bytes('42'), bytes('recv: 42')).verdict).toBe('pass');
    expect(judgeReply(rule, bytes('42'), bytes('recv: 4x'))).toMatchObject({
      verdict: 'fail',
      reason: 'The reply (8 bytes) does not match /^recv: \\d+$/.',
    });
    const gbk: ExpectRule = { kind: 'regex', pattern: '^收到', encoding: 'gbk' };
    expect(judgeReply(gbk, bytes(''), Uint8Array.of(0xca, 0xd5, 0xb5, 0xbd, 0x31)).verdict).toBe('pass');
  });

  it('fails, with the reason, on a rule that cannot judge', () => {
    expect(judgeReply({ kind: 'regex', pattern: '[' }, bytes('a'), bytes('a'))).toMatchObject({
      verdict: 'fail',
      reason: expect.stringMatching(/not a valid regular expression/),
    });
  });

  const rules = fc.oneof(
    fc.constant<ExpectRule>({ kind: 'echo' }),
    fc.string().map((prefix): ExpectRule => ({ kind: 'prefix-echo', prefix })),
    fc.string().map((text): ExpectRule => ({ kind: 'text', text, encoding: 'ascii' })),
    fc.string().map((hex): ExpectRule => ({ kind: 'hex', hex })),
    fc.string().map((pattern): ExpectRule => ({ kind: 'regex', pattern })),
  );
  it('never throws, and diffAt is the first byte where reply and expected part', () => {
    fc.assert(
      fc.property(rules, data, data, (rule, sent, reply) => {
        const result = judgeReply(rule, sent, reply);
        expect(['pass', 'fail']).toContain(result.verdict);
        if (result.verdict === 'pass') {
          if (result.expected) expect(reply).toEqual(result.expected);
          return;
        }
        expect(result.reason).toBeTruthy();
        const expected = result.expected;
        if (!expected || result.diffAt === undefined) return;
        const at = result.diffAt;
        for (let i = 0; i < at; i++) expect(reply[i]).toBe(expected[i]);
        expect(at === reply.length || at === expected.length || reply[at] !== expected[at]).toBe(true);
        expect(result.incomplete === true).toBe(at === reply.length && reply.length < expected.length);
      }),
      { numRuns: 2000 },
    );
  });

  it('a reply that is the send with one byte changed fails exactly there (echo)', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (sent, i, delta) => {
          const at = i % sent.length;
          const reply = Uint8Array.from(sent);
          reply[at] = ((reply[at] as number) + delta) & 0xff;
          expect(judgeReply({ kind: 'echo' }, sent, reply)).toMatchObject({ verdict: 'fail', diffAt: at });
        },
      ),
    );
  });
});

describe('isCompleteReply', () => {
  it('waits for as many bytes as expected, unless they already differ', () => {
    const sent = bytes('hello');
    expect(isCompleteReply(W55RP20, sent, bytes('TCP Server : hel'))).toBe(false);
    expect(isCompleteReply(W55RP20, sent, bytes('TCP Server : hello'))).toBe(true);
    expect(isCompleteReply(W55RP20, sent, bytes('TCP Server : hello and more'))).toBe(true);
    expect(isCompleteReply(W55RP20, sent, bytes('ERR'))).toBe(true);
    expect(isCompleteReply(W55RP20, sent, bytes(''))).toBe(false);
  });

  it('waits for a regex to match', () => {
    const rule: ExpectRule = { kind: 'regex', pattern: 'OK\\r\\n' };
    expect(isCompleteReply(rule, bytes('x'), bytes('O'))).toBe(false);
    expect(isCompleteReply(rule, bytes('x'), bytes('+OK\r\n'))).toBe(true);
  });
});

describe('firstDiff and describeDiff', () => {
  it('finds the first differing byte, the shorter length for a prefix, -1 for equal', () => {
    expect(firstDiff(bytes('abc'), bytes('abd'))).toBe(2);
    expect(firstDiff(bytes('ab'), bytes('abc'))).toBe(2);
    expect(firstDiff(bytes('abc'), bytes('abc'))).toBe(-1);
    fc.assert(
      fc.property(data, data, (a, b) => {
        const at = firstDiff(a, b);
        expect(at).toBe(firstDiff(b, a));
        if (at < 0) {
          expect(a).toEqual(b);
          return;
        }
        expect(a.subarray(0, at)).toEqual(b.subarray(0, at));
        expect(at === a.length || at === b.length || a[at] !== b[at]).toBe(true);
      }),
    );
  });

  it('shows both sides in hex and text with carets under the first difference', () => {
    const text = describeDiff(bytes('TCP Server : hello'), bytes('TCP Server : Hello'));
    const lines = text.split('\n');
    expect(lines[0]).toBe(
      "Differs at byte 13: expected 68 'h', got 48 'H' (18 bytes expected, 18 received).",
    );
    expect(lines[1]).toContain('3A 20 68 65 6C 6C 6F');
    expect(lines[1]).toContain('|erver : hello|');
    expect(lines[2]).toContain('3A 20 48 65 6C 6C 6F');
    const caret = lines[3] ?? '';
    const expectedLine = lines[1] ?? '';
    const actualLine = lines[2] ?? '';
    // The hex carets sit under "68"/"48", the text caret under 'h'/'H'.
    expect(expectedLine.slice(caret.indexOf('^^'), caret.indexOf('^^') + 2)).toBe('68');
    expect(actualLine.slice(caret.indexOf('^^'), caret.indexOf('^^') + 2)).toBe('48');
    expect(actualLine[caret.lastIndexOf('^')]).toBe('H');
  });

  it('says when the reply ended early or ran long, and is empty for equal bytes', () => {
    expect(describeDiff(bytes('abcdef'), bytes('ab')).split('\n')[0]).toBe(
      "Differs at byte 2: expected 63 'c', got nothing (the reply ended) (6 bytes expected, 2 received).",
    );
    expect(describeDiff(bytes('ab'), bytes('ab\r\n')).split('\n')[0]).toBe(
      'Differs at byte 2: 2 bytes more than expected, starting with 0D (2 bytes expected, 4 received).',
    );
    expect(describeDiff(bytes('same'), bytes('same'))).toBe('');
  });

  it('keeps the carets aligned for any difference in long replies', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 80 }), fc.nat(), (a, i) => {
        const at = i % a.length;
        const b = Uint8Array.from(a);
        b[at] = ((b[at] as number) + 1) & 0xff;
        const [, e = '', x = '', caret = ''] = describeDiff(a, b).split('\n');
        const col = caret.indexOf('^^');
        const hex = (v: number) => v.toString(16).toUpperCase().padStart(2, '0');
        expect(e.slice(col, col + 2)).toBe(hex(a[at] as number));
        expect(x.slice(col, col + 2)).toBe(hex(b[at] as number));
        const printable = (v: number) => (v >= 0x20 && v < 0x7f ? String.fromCharCode(v) : '.');
        expect(e[caret.lastIndexOf('^')]).toBe(printable(a[at] as number));
      }),
    );
  });
});
