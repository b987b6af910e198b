// The refusal of a page without its token speaks the browser's language (Accept-Language), and
// English, word for word as before, when the browser names no language the app has.
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/catalog';
import { FORBIDDEN_TEXT, forbiddenText } from './server';

describe('forbiddenText', () => {
  it('is English for an English browser, or one that says nothing', () => {
    expect(FORBIDDEN_TEXT).toBe(
      'Forbidden: open the SocketBench URL printed in the terminal (it carries the access token).\n',
    );
    expect(forbiddenText(undefined)).toBe(FORBIDDEN_TEXT);
    expect(forbiddenText('en-US,en;q=0.9')).toBe(FORBIDDEN_TEXT);
    expect(forbiddenText('fr-FR')).toBe(FORBIDDEN_TEXT);
  });

  it('is Chinese for a browser that prefers Chinese', () => {
    const chinese = `${translate('zh-CN', 'status.forbidden')}\n`;
    expect(forbiddenText('zh-CN,zh;q=0.9,en;q=0.8')).toBe(chinese);
    expect(forbiddenText('zh-TW')).toBe(chinese);
    expect(chinese).toMatch(/[\u4e00-\u9fff]/);
  });
});
