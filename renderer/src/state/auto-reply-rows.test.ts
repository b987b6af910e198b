// Auto-reply rows as typed become the engine's rules in the same order (so hit counts land on the
// right row); a fault names its rule; remembered rows are trusted only in the right shape.
import { describe, expect, it } from 'vitest';
import { isAutoReplyRows, newRow, rulesFromRows } from './auto-reply-rows';
import type { AutoReplyRow } from './settings';

const row = (change: Partial<AutoReplyRow>): AutoReplyRow => ({ ...newRow([]), ...change });

describe('auto-reply rows', () => {
  it('become rules in order, a disabled one sent disabled, with the reply as a template', () => {
    const rows = [
      row({ id: 1, match: 'contains', pattern: 'Hello', reply: 'Hi {counter}' }),
      row({
        id: 2,
        match: 'regex',
        pattern: '^GET (\\w+)',
        reply: 'OK {1}\\r\\n',
        delayMs: '50',
        enabled: false,
      }),
      row({ id: 3, match: 'hex', pattern: '01 03', reply: 'x', delayMs: '0' }),
    ];
    const result = rulesFromRows(rows, 'ascii');
    expect(result).toEqual({
      ok: true,
      rules: [
        {
          match: { kind: 'contains', pattern: 'Hello', encoding: 'ascii' },
          reply: { text: 'Hi {counter}', encoding: 'ascii', escapes: true, lineEnding: 'none', macros: true },
          enabled: true,
        },
        {
          match: { kind: 'regex', pattern: '^GET (\\w+)', encoding: 'ascii' },
          reply: { text: 'OK {1}\\r\\n', encoding: 'ascii', escapes: true, lineEnding: 'none', macros: true },
          delayMs: 50,
          enabled: false,
        },
        {
          match: { kind: 'hex', pattern: '01 03' },
          reply: { text: 'x', encoding: 'ascii', escapes: true, lineEnding: 'none', macros: true },
          enabled: true,
        },
      ],
    });
  });

  it('names the first rule that cannot run', () => {
    const reason = (rows: AutoReplyRow[]) => {
      const r = rulesFromRows(rows);
      return r.ok ? 'ok' : r.reason;
    };
    expect(reason([row({ pattern: 'a' }), row({ pattern: '' })])).toBe('Rule 2: enter the pattern to match.');
    expect(reason([row({ match: 'regex', pattern: '(' })])).toMatch(
      /^Rule 1: \/\(\/ is not a valid regular expression/,
    );
    expect(reason([row({ match: 'hex', pattern: 'GG' })])).toMatch(/^Rule 1: The hex to match is not valid/);
    expect(reason([row({ pattern: 'a', delayMs: '-5' })])).toBe(
      'Rule 1: Delay must be a whole number of milliseconds from 0 to 600000.',
    );
    // A rule that is off need not be complete yet.
    expect(reason([row({ pattern: '', enabled: false })])).toBe('ok');
  });

  it('numbers new rows past the highest id', () => {
    expect(newRow([row({ id: 4 }), row({ id: 9 })]).id).toBe(10);
  });

  it('trusts remembered rows only in the right shape', () => {
    expect(isAutoReplyRows([row({ pattern: 'x' })])).toBe(true);
    expect(isAutoReplyRows([{ ...row({}), match: 'fuzzy' }])).toBe(false);
    expect(isAutoReplyRows([null])).toBe(false);
    expect(isAutoReplyRows({})).toBe(false);
  });
});
