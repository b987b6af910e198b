// Remembered choices: read back what was stored, ignore what is not valid, survive broken storage.
import { describe, expect, it } from 'vitest';
import { createPrefsStore, defaultPrefs, type KeyValueStorage } from './prefs-store';

function memoryStorage(
  initial: Record<string, string> = {},
): KeyValueStorage & { data: Record<string, string> } {
  const data = { ...initial };
  return {
    data,
    getItem: (key) => data[key] ?? null,
    setItem: (key, value) => {
      data[key] = value;
    },
  };
}

describe('prefs store', () => {
  it('starts from the defaults and remembers every change', () => {
    const storage = memoryStorage();
    const prefs = createPrefsStore(storage);
    expect(prefs.getState()).toEqual(defaultPrefs());
    prefs.setState({ decodeAs: 'hex' });
    expect(createPrefsStore(storage).getState().decodeAs).toBe('hex');
  });

  it('keeps valid stored fields and replaces invalid ones with defaults', () => {
    const storage = memoryStorage({
      'socketbench.prefs': JSON.stringify({
        decodeAs: 'utf-8',
        encodeAs: 'ebcdic',
        lineEnding: 'crlf',
        escapes: 'yes',
      }),
    });
    expect(createPrefsStore(storage).getState()).toEqual({
      ...defaultPrefs(),
      decodeAs: 'utf-8',
      encodeAs: 'ascii',
      lineEnding: 'crlf',
      escapes: true,
    });
  });

  it('falls back to defaults on unreadable JSON and keeps working when storage throws', () => {
    expect(createPrefsStore(memoryStorage({ 'socketbench.prefs': '{nope' })).getState()).toEqual(
      defaultPrefs(),
    );
    const full: KeyValueStorage = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const prefs = createPrefsStore(full);
    prefs.setState({ escapes: false });
    expect(prefs.getState().escapes).toBe(false);
  });

  it('remembers the payload toolkit choices and refuses unknown kinds', () => {
    const storage = memoryStorage({
      'socketbench.prefs': JSON.stringify({
        encodeAs: 'gbk',
        checksum: 'crc16-modbus',
        checksumOrder: 'le',
        macros: true,
        timeFormat: 'start',
        hexDump: 'on',
      }),
    });
    const prefs = createPrefsStore(storage).getState();
    expect(prefs).toMatchObject({
      encodeAs: 'gbk',
      checksum: 'crc16-modbus',
      checksumOrder: 'le',
      macros: true,
      timeFormat: 'start',
      hexDump: false,
    });
    const odd = memoryStorage({
      'socketbench.prefs': JSON.stringify({ checksum: 'crc99', checksumOrder: 'middle', timeFormat: 'utc' }),
    });
    expect(createPrefsStore(odd).getState()).toMatchObject({
      checksum: 'none',
      checksumOrder: 'be',
      timeFormat: 'absolute',
    });
  });
});
