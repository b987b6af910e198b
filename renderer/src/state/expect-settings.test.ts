// The Expect fields: each kind as the rule the engine judges with, the field a fault is on, the
// timeout, escapes and encodings; the rule in words; and a board preset's rule back as fields.
import { describe, expect, it } from 'vitest';
import { BOARD_PRESETS } from '../../../shared/presets/boards';
import { describeExpect, expectFromSettings, expectSettings, unescapeText } from './expect-settings';
import { defaultSettings, type SessionSettings } from './settings';

const fields = (change: Partial<SessionSettings>) => ({ ...defaultSettings(), ...change });

describe('expect settings', () => {
  it('is null when Off, whatever the other fields hold', () => {
    expect(expectFromSettings(fields({ expectKind: 'off', expectHex: 'zz' }))).toEqual({
      ok: true,
      spec: null,
    });
  });

  it('makes each kind of rule, with the timeout (2000 ms when empty)', () => {
    expect(expectFromSettings(fields({ expectKind: 'echo', expectTimeoutMs: '' }))).toEqual({
      ok: true,
      spec: { rule: { kind: 'echo' }, timeoutMs: 2000 },
    });
    expect(expectFromSettings(fields({ expectKind: 'prefix-echo', expectPrefix: 'recv: ' }), 'gbk')).toEqual({
      ok: true,
      spec: { rule: { kind: 'prefix-echo', prefix: 'recv: ', encoding: 'gbk' }, timeoutMs: 2000 },
    });
    expect(
      expectFromSettings(fields({ expectKind: 'text', expectText: 'OK\\r\\n', expectTimeoutMs: '500' })),
    ).toEqual({
      ok: true,
      spec: { rule: { kind: 'text', text: 'OK\r\n' }, timeoutMs: 500 },
    });
    expect(
      expectFromSettings(fields({ expectKind: 'text', expectText: 'OK\\r\\n' }), undefined, false),
    ).toMatchObject({
      spec: { rule: { text: 'OK\\r\\n' } },
    });
    expect(expectFromSettings(fields({ expectKind: 'hex', expectHex: ' 4F 4B ' }))).toMatchObject({
      spec: { rule: { kind: 'hex', hex: '4F 4B' } },
    });
    expect(expectFromSettings(fields({ expectKind: 'regex', expectPattern: '^recv: \\d+' }))).toMatchObject({
      spec: { rule: { kind: 'regex', pattern: '^recv: \\d+' } },
    });
  });

  it('names the field to fix', () => {
    const fault = (change: Partial<SessionSettings>) => {
      const r = expectFromSettings(fields(change));
      return r.ok ? 'ok' : `${r.field}: ${r.reason}`;
    };
    expect(fault({ expectKind: 'prefix-echo' })).toBe(
      'expectPrefix: Enter the prefix the board puts before the echo.',
    );
    expect(fault({ expectKind: 'hex', expectHex: '4G' })).toMatch(
      /^expectHex: The expected hex is not valid/,
    );
    expect(fault({ expectKind: 'regex', expectPattern: '(' })).toMatch(
      /^expectPattern: \/\(\/ is not a valid regular expression/,
    );
    expect(fault({ expectKind: 'echo', expectTimeoutMs: '0' })).toMatch(/^expectTimeoutMs: Timeout must be/);
    expect(fault({ expectKind: 'echo', expectTimeoutMs: '1e3' })).toMatch(/^expectTimeoutMs:/);
  });

  it('expands only the simple escapes', () => {
    expect(unescapeText('a\\r\\n\\t\\0\\\\\\x41\\xFF\\q')).toBe('a\r\n\t\0\\A\\xFF\\q');
  });

  it('says the rule in words', () => {
    expect(describeExpect(null)).toBe('off');
    expect(describeExpect({ rule: { kind: 'prefix-echo', prefix: 'TCP Server : ' }, timeoutMs: 2000 })).toBe(
      'prefix “TCP Server : ” then the same bytes, within 2,000 ms',
    );
    expect(describeExpect({ rule: { kind: 'text', text: 'OK\r\n' }, timeoutMs: 100 })).toBe(
      'exactly “OK\\r\\n”, within 100 ms',
    );
  });

  it('turns every board preset’s rule into fields that give the same rule back', () => {
    for (const preset of Object.values(BOARD_PRESETS)) {
      const back = expectFromSettings(fields(expectSettings(preset.expect, preset.expectTimeoutMs)));
      expect(back).toEqual({ ok: true, spec: { rule: preset.expect, timeoutMs: preset.expectTimeoutMs } });
    }
  });
});
