// The window's language switch: `t` follows it, listeners hear of it once per change.
import { afterEach, describe, expect, it } from 'vitest';
import { currentLanguage, onLanguage, setLanguage, t } from './i18n';

afterEach(() => setLanguage('en'));

describe('the window language', () => {
  it('starts in English and switches t to Chinese', () => {
    expect(currentLanguage()).toBe('en');
    expect(t('app.testCases')).toBe('Test cases');
    setLanguage('zh-CN');
    expect(t('app.testCases')).toBe('测试用例');
  });

  it('tells listeners once per real change, and stops when unsubscribed', () => {
    let calls = 0;
    const off = onLanguage(() => {
      calls += 1;
    });
    setLanguage('zh-CN');
    setLanguage('zh-CN');
    expect(calls).toBe(1);
    off();
    setLanguage('en');
    expect(calls).toBe(1);
  });
});
