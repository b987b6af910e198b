// Both catalogues have the same keys and placeholders, nothing is left in English in Chinese, and the
// lookup fills placeholders and picks the count form.
import { describe, expect, it } from 'vitest';
import {
  CATALOGS,
  placeholders,
  resolveLanguage,
  systemLanguage,
  translate,
  translateCount,
} from './catalog';
import { EN_PARTS, en } from './en';
import { ZH_CN_PARTS, zhCN } from './zh-cn';

/**
 * Words that are the same in Chinese text: protocol and encoding names, units, the product's name.
 * A Chinese string equal to its English one is flagged only if it still has an English word after these.
 */
const SAME_IN_CHINESE =
  /SocketBench|Base64|base64|UTF-8|GB18030|GBK|ASCII|Latin-1|CRC-\w+|MODBUS|Hex|hex|TCP|UDP|IPv[46]|RX|TX|LF|CR|ms|KiB|MiB|GiB|Ctrl|Cmd|Shift|Alt|Enter|Esc|English|JSON|YAML|JUnit|CSV|Markdown|p50|p99|localhost/g;

describe('the catalogues', () => {
  it('have the same keys in English and Chinese', () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it('keep every key in one part only', () => {
    for (const parts of [EN_PARTS, ZH_CN_PARTS]) {
      const seen = new Map<string, string>();
      for (const [part, strings] of Object.entries(parts)) {
        for (const key of Object.keys(strings)) {
          expect(seen.get(key), `${key} is in ${seen.get(key)} and ${part}`).toBeUndefined();
          seen.set(key, part);
        }
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]).sort(), key).toEqual(placeholders(en[key]).sort());
    }
  });

  it('leave no Chinese string empty or still in English', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      const zh = zhCN[key];
      expect(zh.trim(), key).not.toBe('');
      if (zh !== en[key]) continue;
      const rest = zh.replace(SAME_IN_CHINESE, '').replace(/\{\w+\}/g, '');
      expect(rest, `${key} is not translated`).not.toMatch(/[A-Za-z]{3,}/);
    }
  });

  it('pair every count form', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('_one')) expect(Object.hasOwn(en, key.replace(/_one$/, '_other')), key).toBe(true);
      if (key.endsWith('_other')) expect(Object.hasOwn(en, key.replace(/_other$/, '_one')), key).toBe(true);
    }
  });

  it('cover both languages', () => {
    expect(Object.keys(CATALOGS).sort()).toEqual(['en', 'zh-CN']);
  });
});

describe('translate', () => {
  it('fills placeholders and leaves unknown ones visible', () => {
    expect(translate('en', 'app.testCases')).toBe('Test cases');
    expect(translate('zh-CN', 'app.testCases')).toBe('测试用例');
    // A key with no placeholders ignores params.
    expect(translate('en', 'app.name', { x: 1 })).toBe('SocketBench');
  });

  it('picks the count form', () => {
    const stems = Object.keys(en).filter((k) => k.endsWith('_one'));
    for (const one of stems) {
      const stem = one.replace(/_one$/, '') as Parameters<typeof translateCount>[1];
      expect(translateCount('en', stem, 1)).toBe(translate('en', one as keyof typeof en, { count: '1' }));
      expect(translateCount('en', stem, 2, {}, '2')).toBe(
        translate('en', `${stem}_other` as keyof typeof en, { count: '2' }),
      );
    }
  });
});

describe('the OS language', () => {
  it('maps any Chinese locale to Simplified Chinese and anything unknown to English', () => {
    expect(systemLanguage(['zh-CN'])).toBe('zh-CN');
    expect(systemLanguage(['zh'])).toBe('zh-CN');
    expect(systemLanguage(['zh-TW', 'en-US'])).toBe('zh-CN');
    expect(systemLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(systemLanguage(['de-DE', 'zh-CN'])).toBe('zh-CN');
    expect(systemLanguage(['fr-FR'])).toBe('en');
    expect(systemLanguage([])).toBe('en');
  });

  it('follows the override when there is one', () => {
    expect(resolveLanguage('en', ['zh-CN'])).toBe('en');
    expect(resolveLanguage('zh-CN', ['en-US'])).toBe('zh-CN');
    expect(resolveLanguage('system', ['zh-CN'])).toBe('zh-CN');
  });
});
