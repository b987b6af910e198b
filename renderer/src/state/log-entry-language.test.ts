// An engine error in the log reads in the window's language: the row is made from the error's
// catalogue phrase, not from the English sentence it also carries.
import { afterEach, describe, expect, it } from 'vitest';
import type { StateEvent } from '../../../shared/contract/events';
import { setLanguage } from '../i18n';
import { toEntry } from './log-entry';

afterEach(() => setLanguage('en'));

const refused: StateEvent = {
  type: 'state',
  id: 's1',
  state: 'error',
  at: 0,
  error: {
    code: 'ECONNREFUSED',
    message: "Nothing is listening at 127.0.0.1:9. Is the board's program running, and is the port right?",
    detail: { key: 'error.ECONNREFUSED', params: { target: '127.0.0.1:9' } },
  },
};

const rowText = (event: StateEvent): string => {
  const entry = toEntry(event, 1, { targetOf: () => '127.0.0.1:9' });
  if (entry?.kind !== 'system') throw new Error('expected a system row');
  return entry.text;
};

describe('an engine error in the log', () => {
  it('reads as the engine wrote it in English', () => {
    expect(rowText(refused)).toContain('Nothing is listening at 127.0.0.1:9.');
  });

  it('reads in Chinese in a Chinese window, address kept', () => {
    setLanguage('zh-CN');
    const text = rowText(refused);
    expect(text).not.toContain('Nothing is listening');
    expect(text).toContain('127.0.0.1:9');
    expect(text).toMatch(/[\u4e00-\u9fff]{4,}/);
  });
});
