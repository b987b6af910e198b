// A pattern that is no regular expression: the JavaScript engine's usual faults read, from their
// phrase, exactly as the engine wrote them in English, and wholly in Chinese; any other stays as written.
import { describe, expect, it } from 'vitest';
import type { Phrase } from '../contract/model';
import { type Language, type MessageKey, translate } from '../i18n/catalog';
import { compileRegex } from './judge';
import { regexFault } from './regex-fault';

const render = (language: Language, p: Phrase): string => {
  const params = Object.fromEntries(
    Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? render(language, v) : v]),
  );
  return translate(language, p.key as MessageKey, params);
};

const engineMessage = (pattern: string): string => {
  try {
    new RegExp(pattern);
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`/${pattern}/ compiles`);
};

const PATTERNS = ['(', ')', '*', '[', '\\', '(?x)', '(?<', '(?<a>x)(?<a>y)', 'a{2,1}', '[z-a]'];

describe('regexFault', () => {
  it("reads as the engine's own sentence in English and in Chinese without English", () => {
    for (const pattern of PATTERNS) {
      const message = engineMessage(pattern);
      const fault = regexFault(pattern, message);
      expect(typeof fault, message).toBe('object');
      if (typeof fault !== 'object') continue;
      expect(render('en', fault)).toBe(message);
      const chinese = render('zh-CN', fault).replace(`/${pattern}/`, '');
      expect(chinese, pattern).toMatch(/[\u4e00-\u9fff]/);
      expect(chinese, pattern).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('keeps any other fault as the engine wrote it', () => {
    expect(regexFault('x', 'Something new')).toBe('Something new');
    expect(regexFault('(', 'Invalid regular expression: /(/: Something new')).toBe(
      'Invalid regular expression: /(/: Something new',
    );
  });

  it("gives a rule's sentence the same English as before", () => {
    const said = compileRegex('(');
    expect(said).not.toBeInstanceOf(RegExp);
    if (said instanceof RegExp) return;
    expect(said.message).toBe(
      '/(/ is not a valid regular expression: Invalid regular expression: /(/: Unterminated group.',
    );
    expect(render('en', said.detail)).toBe(said.message);
    expect(render('zh-CN', said.detail).replace(/\/\(\//g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });
});
