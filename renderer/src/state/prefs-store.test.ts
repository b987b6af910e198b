// Remembered choices: the store starts from the settings file's ui part, and 0.1.0's stored record,
// handed over on a first run, keeps its valid fields and replaces invalid ones with defaults.
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../shared/settings';
import { createPrefsStore, defaultPrefs, type Prefs } from './prefs-store';

/** The prefs a first run starts with after handing over 0.1.0's localStorage record. */
function handedOver(record: string): Prefs {
  const read = readSettings({ 'socketbench.prefs': record });
  if (!read.ok) throw new Error(`not read: ${read.problem}`);
  return createPrefsStore(read.settings.ui).getState();
}

describe('prefs store', () => {
  it('starts from the defaults, or from the saved choices', () => {
    expect(createPrefsStore().getState()).toEqual(defaultPrefs());
    const saved = { ...defaultPrefs(), decodeAs: 'hex' as const, theme: 'dark' as const };
    expect(createPrefsStore(saved).getState()).toEqual(saved);
  });

  it('keeps valid handed-over fields and replaces invalid ones with defaults', () => {
    expect(
      handedOver(
        JSON.stringify({ decodeAs: 'utf-8', encodeAs: 'ebcdic', lineEnding: 'crlf', escapes: 'yes' }),
      ),
    ).toEqual({ ...defaultPrefs(), decodeAs: 'utf-8', lineEnding: 'crlf' });
  });

  it('falls back to defaults on unreadable JSON', () => {
    expect(handedOver('{nope')).toEqual(defaultPrefs());
  });

  it('keeps the payload toolkit choices and refuses unknown kinds', () => {
    expect(
      handedOver(
        JSON.stringify({
          encodeAs: 'gbk',
          checksum: 'crc16-modbus',
          checksumOrder: 'le',
          macros: true,
          timeFormat: 'start',
          hexDump: 'on',
        }),
      ),
    ).toMatchObject({
      encodeAs: 'gbk',
      checksum: 'crc16-modbus',
      checksumOrder: 'le',
      macros: true,
      timeFormat: 'start',
      hexDump: false,
    });
    expect(
      handedOver(JSON.stringify({ checksum: 'crc99', checksumOrder: 'middle', timeFormat: 'utc' })),
    ).toMatchObject({ checksum: 'none', checksumOrder: 'be', timeFormat: 'absolute' });
  });
});
