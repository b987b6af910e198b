// Sentences made by the shared encoder and reply judge: each kind's catalogue text in English is
// exactly the English it carries, and in Chinese the window shows it translated.
import { afterEach, describe, expect, it } from 'vitest';
import { parseBase64 } from '../../../shared/codec/base64';
import type { CodecError } from '../../../shared/codec/codec-error';
import { expandEscapes } from '../../../shared/codec/escapes';
import { parseHex } from '../../../shared/codec/hex';
import { defaultMacroContext, expandMacros } from '../../../shared/codec/macros';
import { encodeText } from '../../../shared/codec/text';
import type { ExchangeResult, ExpectRule, Phrase } from '../../../shared/contract/model';
import { describeDiff } from '../../../shared/verify/diff';
import { expectRuleProblem, judgeReply } from '../../../shared/verify/judge';
import { matchProblem } from '../../../shared/verify/match';
import { setLanguage } from '../i18n';
import { exchangeDiffText, reasonText } from './exchange-words';
import { faultText, say } from './phrase';

afterEach(() => setLanguage('en'));

const bytes = (s: string) => new TextEncoder().encode(s);

function codecError(result: { ok: true } | { ok: false; error: CodecError }): CodecError {
  if (result.ok) throw new Error('expected a fault');
  return result.error;
}

const macroError = (text: string, groups?: string[]) =>
  codecError(
    expandMacros(text, { ...defaultMacroContext(), ...(groups ? { groups } : {}) }, { escapes: true }),
  );

/** One fault of every kind the encoder gives. */
const CODEC_FAULTS: Record<string, () => CodecError> = {
  'codec.hexPrefixAlone': () => codecError(parseHex('31 0x')),
  'codec.hexOdd': () => codecError(parseHex('31 3')),
  'codec.notHexDigit': () => codecError(parseHex('3g')),
  'codec.notBase64': () => codecError(parseBase64('Zm9v!')),
  'codec.base64PadEarly': () => codecError(parseBase64('Zg==Zg==')),
  'codec.base64Lone': () => codecError(parseBase64('Zm9vY')),
  'codec.loneBackslash': () => codecError(expandEscapes('ab\\', 'utf-8')),
  'codec.escapeIncomplete': () => codecError(expandEscapes('\\x4', 'utf-8')),
  'codec.notEscape': () => codecError(expandEscapes('\\q', 'utf-8')),
  'codec.notEscapeInvisible': () => codecError(expandEscapes('\\ ', 'utf-8')),
  'codec.notAscii': () => codecError(encodeText('café', 'ascii')),
  'codec.notLatin1': () => codecError(encodeText('a€', 'latin1')),
  'codec.halfCharacter': () => codecError(encodeText('a\ud83d', 'utf-16le')),
  'codec.notInGbk': () => codecError(encodeText('a😀', 'gbk')),
  'codec.notInEncoding': () => codecError(encodeText('\ue5e5', 'gb18030')),
  'codec.macroBraceEscape': () => macroError('a\\{counter}'),
  'codec.macroCloseNothing': () => macroError('a}b'),
  'codec.macroNotClosed': () => macroError('a{counter'),
  'codec.macroUnknown': () => macroError('a{countr}'),
  'codec.macroInvalid': () => macroError('{random:0}'),
};

const said = (s: { message: string; detail: Phrase } | undefined) => {
  if (!s) throw new Error('expected a problem');
  return s;
};
const judged = (rule: ExpectRule, sent: string, reply: string) => {
  const j = judgeReply(rule, bytes(sent), bytes(reply));
  if (!j.reason || !j.reasonDetail) throw new Error('expected a failure');
  return { message: j.reason, detail: j.reasonDetail };
};
const text = (t: string): ExpectRule => ({ kind: 'text', text: t });

/** One sentence of every kind the judge gives. */
const VERIFY_SENTENCES: Record<string, () => { message: string; detail: Phrase }> = {
  'verify.badRegex': () => judged({ kind: 'regex', pattern: '(' }, 'x', 'x'),
  'verify.expectedHexBad': () => said(expectRuleProblem({ kind: 'hex', hex: '01 0g' })),
  'verify.expectedTextBad': () => said(expectRuleProblem({ kind: 'text', text: 'é', encoding: 'ascii' })),
  'verify.noMatch_one': () => judged({ kind: 'regex', pattern: '^OK$' }, 'x', 'N'),
  'verify.noMatch_other': () => judged({ kind: 'regex', pattern: '^OK$' }, 'x', 'NO'),
  'verify.endedAfter_one': () => judged(text('a'), 'x', ''),
  'verify.endedAfter_other': () => judged(text('abc'), 'x', 'ab'),
  'verify.moreBytes_one': () => judged(text('a'), 'x', 'ab'),
  'verify.moreBytes_other': () => judged(text('a'), 'x', 'abc'),
  'verify.differsAt': () => judged(text('abc'), 'x', 'abd'),
  'verify.matchHexBad': () => said(matchProblem({ kind: 'hex', pattern: 'zz' })),
  'verify.matchHexEmpty': () => said(matchProblem({ kind: 'hex', pattern: ' ' })),
  'verify.matchTextBad': () => said(matchProblem({ kind: 'contains', pattern: 'é', encoding: 'ascii' })),
  'verify.matchTextEmpty': () => said(matchProblem({ kind: 'contains', pattern: '' })),
};

describe('the English catalogue says what the encoder and the judge say', () => {
  it('for every kind of codec fault', () => {
    for (const [key, make] of Object.entries(CODEC_FAULTS)) {
      const error = make();
      expect(error.detail?.key, key).toBe(key);
      expect(faultText({ message: '', detail: error.detail }), key).toBe(error.message);
    }
  });

  it('for every reason a macro is not valid', () => {
    const reasons = [macroError('{1}', []), macroError('{1}', ['a']), macroError('{5}', ['a', 'b', 'c'])];
    expect(reasons.map((e) => e.message)).toEqual([
      "'{1}' at position 1 is not valid: the match has no groups.",
      "'{1}' at position 1 is not valid: the match has only {0}.",
      "'{5}' at position 1 is not valid: the match has groups {0} to {2}.",
    ]);
    for (const error of reasons) expect(faultText({ message: '', detail: error.detail })).toBe(error.message);
  });

  it('for every kind of judgement and rule problem', () => {
    for (const [key, make] of Object.entries(VERIFY_SENTENCES)) {
      const sentence = make();
      expect(sentence.detail.key, key).toBe(key);
      expect(say('', sentence.detail), key).toBe(sentence.message);
    }
  });

  it('for the diff picture, whichever way the bytes part', () => {
    const pairs: [string, string][] = [
      ['TCP Server : hello', 'TCP Server : Hello'],
      ['abc', 'ab'],
      ['abc', 'abcde'],
      ['0123456789abcdef0123456789', '0123456789abcdeF0123456789xyz'],
    ];
    for (const [e, a] of pairs) {
      const english = describeDiff(bytes(e), bytes(a));
      expect(english).not.toBe('');
      expect(describeDiff(bytes(e), bytes(a), say)).toBe(english);
    }
  });

  it('leaves a sentence with an unknown key as it came', () => {
    expect(say('As it came.', { key: 'no.such.key' })).toBe('As it came.');
    expect(say('As it came.', { key: 'verify.differsAt', params: { at: { key: 'no.such.key' } } })).toBe(
      'As it came.',
    );
    expect(say('As it came.', undefined)).toBe('As it came.');
  });
});

describe('in Chinese', () => {
  it('shows a codec fault translated, with its place', () => {
    setLanguage('zh-CN');
    expect(faultText(codecError(parseHex('31 3g')))).toBe("第 5 个字符 'g' 不是十六进制数字。");
    expect(say('', said(expectRuleProblem({ kind: 'hex', hex: 'zz' })).detail)).toBe(
      "期望的 Hex 无效：第 1 个字符 'z' 不是十六进制数字。",
    );
  });

  it('shows a verify diff and an exchange reason translated', () => {
    const failed = judgeReply(text('TCP Server : hello'), bytes('hello'), bytes('TCP Server : Hello'));
    const result: ExchangeResult = {
      seq: 1,
      verdict: 'fail',
      sentAt: 0,
      peer: '127.0.0.1:8087',
      expected: bytes('TCP Server : hello'),
      actual: bytes('TCP Server : Hello'),
      ...(failed.reason ? { reason: failed.reason } : {}),
      ...(failed.reasonDetail ? { reasonDetail: failed.reasonDetail } : {}),
    };
    expect(reasonText(result)).toBe('The reply differs from the expected bytes at byte 13.');
    setLanguage('zh-CN');
    expect(reasonText(result)).toBe('回复在第 13 字节处与期望的字节不同。');
    const lines = exchangeDiffText(result).split('\n');
    expect(lines[0]).toBe("第 13 字节不同：期望 68 'h'，实际 48 'H'（期望 18 字节，收到 18 字节）。");
    expect(lines[1]).toMatch(/^ {2}期望 {5}… /);
    expect(lines[2]).toMatch(/^ {2}实际 {5}… /);
  });
});
