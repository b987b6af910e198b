// Every older settings shape reads into the current one: 0.1.0's localStorage records (as stored,
// as a version 1 document, presets as a file or a bare list), and what is not a settings document.
import { describe, expect, it } from 'vitest';
import { defaultSettings, defaultUi } from './defaults';
import { LEGACY_KEYS, readSettings, readSettingsText } from './migrate';
import { SETTINGS_VERSION } from './schema';

const prefs010 = {
  decodeAs: 'hex',
  timeFormat: 'start',
  hexDump: true,
  encodeAs: 'gbk',
  lineEnding: 'crlf',
  escapes: false,
  macros: true,
  checksum: 'crc16-modbus',
  checksumOrder: 'le',
};
const session010 = { protocol: 'tcp-client', host: '192.168.1.123', port: '8087', expectKind: 'echo' };
const preset010 = {
  name: 'Status',
  message: 'status?',
  encodeAs: 'ascii',
  lineEnding: 'lf',
  escapes: true,
  macros: false,
  checksum: 'none',
  checksumOrder: 'be',
};
const history010 = [
  { text: 'AT', encodeAs: 'ascii' },
  { text: '01 03', encodeAs: 'hex' },
];

describe('version 1 (what 0.1.0 kept in localStorage)', () => {
  it('reads the stored records as they are (JSON text under their keys)', () => {
    const read = readSettings({
      [LEGACY_KEYS.prefs]: JSON.stringify(prefs010),
      [LEGACY_KEYS.session]: JSON.stringify(session010),
      [LEGACY_KEYS.history]: JSON.stringify(history010),
      [LEGACY_KEYS.presets]: JSON.stringify({
        format: 'socketbench-presets',
        version: 1,
        presets: [preset010],
      }),
    });
    expect(read).toMatchObject({ ok: true, from: 1, refused: [] });
    if (!read.ok) return;
    expect(read.settings).toEqual({
      ...defaultSettings(),
      ui: { ...prefs010, theme: 'system', language: 'system' },
      lastSession: session010,
      // The one board 0.1.0 remembered leads the recent ones.
      recent: { hosts: ['192.168.1.123'], ports: ['8087'] },
      presets: [preset010],
      history: history010,
    });
    expect(read.settings.version).toBe(SETTINGS_VERSION);
    expect(read.sections.sort()).toEqual(['history', 'lastSession', 'presets', 'recent', 'ui']);
  });

  it('reads a version 1 document with parsed records, presets as a bare list', () => {
    const read = readSettings({ version: 1, prefs: prefs010, presets: [preset010] });
    expect(read.ok && read.settings.presets).toEqual([preset010]);
    expect(read.ok && read.settings.ui.decodeAs).toBe('hex');
    // Parts it did not have are not among its sections: an import leaves them alone.
    expect(read.ok && read.sections.sort()).toEqual(['presets', 'ui']);
  });

  it('fills a preset’s missing composer choices as 0.1.0 did, and drops a broken one', () => {
    const read = readSettings({
      version: 1,
      presets: [
        { name: 'Bare', message: 'x' },
        { name: 'Bad', message: 'y', encodeAs: 'ebcdic' },
        { message: 'z' },
      ],
    });
    expect(read.ok && read.settings.presets).toEqual([
      { ...preset010, name: 'Bare', message: 'x', lineEnding: 'none' },
    ]);
    expect(read.ok && read.refused).toEqual(['presets[1]', 'presets[2]']);
  });

  it('keeps every good field of a damaged record and names the bad ones', () => {
    const read = readSettings({
      [LEGACY_KEYS.prefs]: JSON.stringify({ ...prefs010, encodeAs: 'ebcdic', hexDump: 'on' }),
      [LEGACY_KEYS.session]: '{not json',
      [LEGACY_KEYS.history]: JSON.stringify([...history010, { text: 5 }]),
    });
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.settings.ui).toEqual({ ...defaultUi(), ...prefs010, encodeAs: 'ascii', hexDump: false });
    expect(read.settings.lastSession).toEqual({});
    expect(read.settings.history).toEqual(history010);
    expect(read.refused.sort()).toEqual(['history[2]', 'lastSession', 'ui.encodeAs', 'ui.hexDump']);
  });
});

describe('what is not a settings document', () => {
  it('says why, without guessing', () => {
    expect(readSettingsText('{oops')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(readSettings([])).toEqual({ ok: false, problem: 'not-settings' });
    expect(readSettings({ hello: 1 })).toEqual({ ok: false, problem: 'not-settings' });
    expect(readSettings({ format: 'something-else', version: 2 })).toEqual({
      ok: false,
      problem: 'not-settings',
    });
    expect(readSettings({ format: 'socketbench-presets', version: 1, presets: [] })).toEqual({
      ok: false,
      problem: 'presets-file',
    });
    expect(readSettings({ version: 'two' })).toEqual({ ok: false, problem: 'not-settings' });
  });

  it('leaves a newer version alone rather than half-reading it', () => {
    expect(readSettings({ format: 'socketbench-settings', version: SETTINGS_VERSION + 1, ui: {} })).toEqual({
      ok: false,
      problem: 'newer',
      version: SETTINGS_VERSION + 1,
    });
  });

  it('reads a current document with no header by its parts', () => {
    const read = readSettings({ ui: { theme: 'dark' } });
    expect(read).toMatchObject({ ok: true, from: SETTINGS_VERSION, sections: ['ui'] });
    expect(read.ok && read.settings.ui.theme).toBe('dark');
  });
});
