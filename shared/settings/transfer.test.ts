// Export and import of every setting: a round trip changes nothing; an import is checked field by
// field (the good kept, the bad named); named things join by name; a save's patch replaces parts.

import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { cleanSettings } from './clean';
import { defaultSettings } from './defaults';
import { LIMITS, type Settings, settingsPatchSchema } from './schema';
import { applyPatch, exportSettings, importSettings } from './transfer';

const preset = (name: string, message = name) => ({
  name,
  message,
  encodeAs: 'ascii' as const,
  lineEnding: 'crlf' as const,
  escapes: true,
  macros: false,
  checksum: 'none' as const,
  checksumOrder: 'be' as const,
});

function full(): Settings {
  return {
    ...defaultSettings(),
    ui: { ...defaultSettings().ui, theme: 'dark', language: 'zh-CN', decodeAs: 'gbk', hexDump: true },
    lastSession: { protocol: 'udp', udpPort: '5000', remoteHost: '10.0.0.7', remotePort: '5001' },
    savedSessions: [
      {
        name: 'W55RP20',
        setup: {
          host: '192.168.1.123',
          port: '8087',
          expectKind: 'prefix-echo',
          expectPrefix: 'TCP Server : ',
          autoReply: [
            { id: 1, match: 'contains', pattern: 'ping', reply: 'pong', delayMs: '', enabled: true },
          ],
        },
      },
      { name: 'K230', setup: { protocol: 'tcp-server', serverPort: '8080' } },
    ],
    recent: { hosts: ['192.168.1.123', 'k230.local'], ports: ['8087', '8080'] },
    presets: [preset('Status', 'status?'), preset('Reset', 'AT+RST')],
    history: [
      { text: 'AT', encodeAs: 'ascii' },
      { text: '01 03 00 00', encodeAs: 'hex' },
    ],
  };
}

describe('export and import', () => {
  it('round-trips every setting unchanged', () => {
    const settings = full();
    const result = importSettings(defaultSettings(), exportSettings(settings));
    expect(result).toMatchObject({ ok: true, refused: [] });
    expect(result.ok && result.settings).toEqual(settings);
    // The export is a valid save: every part passes the API's own schema.
    const { format: _f, version: _v, ...parts } = settings;
    expect(v.safeParse(settingsPatchSchema, parts).success).toBe(true);
  });

  it('refuses bad fields one by one and keeps the rest', () => {
    const doc = JSON.parse(exportSettings(full()));
    doc.ui.theme = 'purple';
    doc.ui.fontSize = 30;
    doc.savedSessions[0].setup.port = 8087;
    doc.savedSessions[0].setup.autoReply[0].match = 'fuzzy';
    doc.savedSessions[1].name = '';
    doc.recent.ports.push('70000');
    doc.presets[1].checksum = 'md5';
    doc.history.push({ text: '', encodeAs: 'ascii' });
    doc.extra = true;
    const result = importSettings(defaultSettings(), JSON.stringify(doc));
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.refused.sort()).toEqual(
      [
        'extra',
        'history[2]',
        'presets[1]',
        'recent.ports[2]',
        'savedSessions[0].setup.autoReply',
        'savedSessions[0].setup.port',
        'savedSessions[1]',
        'ui.fontSize',
        'ui.theme',
      ].sort(),
    );
    const want = full();
    expect(result.settings.ui).toEqual({ ...want.ui, theme: 'system' });
    expect(result.settings.savedSessions).toEqual([
      {
        name: 'W55RP20',
        setup: { host: '192.168.1.123', expectKind: 'prefix-echo', expectPrefix: 'TCP Server : ' },
      },
    ]);
    expect(result.settings.recent).toEqual(want.recent);
    expect(result.settings.presets).toEqual([want.presets[0]]);
    expect(result.settings.history).toEqual(want.history);
  });

  it('joins saved sessions and presets by name, and replaces only the parts the file has', () => {
    const current = full();
    const file = {
      format: 'socketbench-settings',
      version: 2,
      savedSessions: [
        { name: 'K230', setup: { protocol: 'tcp-server', serverPort: '9090' } },
        { name: 'New', setup: {} },
      ],
      presets: [preset('Reset', 'AT+RST\\r\\n')],
    };
    const result = importSettings(current, JSON.stringify(file));
    expect(result.ok && result.sections.sort()).toEqual(['presets', 'savedSessions']);
    if (!result.ok) return;
    expect(result.settings.savedSessions.map((s) => [s.name, s.setup.serverPort])).toEqual([
      ['W55RP20', undefined],
      ['K230', '9090'],
      ['New', undefined],
    ]);
    expect(result.settings.presets.map((p) => p.message)).toEqual(['status?', 'AT+RST\\r\\n']);
    expect(result.settings.ui).toEqual(current.ui);
    expect(result.settings.history).toEqual(current.history);
  });

  it('refuses what is not a settings file as a whole, saying why', () => {
    expect(importSettings(full(), 'nope')).toMatchObject({ ok: false, problem: 'not-json' });
    expect(importSettings(full(), '{"format":"socketbench-presets","presets":[]}')).toMatchObject({
      ok: false,
      problem: 'presets-file',
    });
    expect(importSettings(full(), '{"format":"socketbench-settings","version":99}')).toMatchObject({
      ok: false,
      problem: 'newer',
      version: 99,
    });
  });
});

describe('limits', () => {
  it('keeps the newest history and the first saved sessions beyond the limits', () => {
    const history = Array.from({ length: LIMITS.history + 2 }, (_, i) => ({
      text: `m${i}`,
      encodeAs: 'ascii',
    }));
    const savedSessions = Array.from({ length: LIMITS.savedSessions + 1 }, (_, i) => ({
      name: `s${i}`,
      setup: {},
    }));
    const { settings, refused } = cleanSettings({ history, savedSessions });
    expect(settings.history[0]?.text).toBe('m2');
    expect(settings.history).toHaveLength(LIMITS.history);
    expect(settings.savedSessions).toHaveLength(LIMITS.savedSessions);
    expect(refused.sort()).toEqual(['history[0]', 'history[1]', `savedSessions[${LIMITS.savedSessions}]`]);
  });

  it('refuses a second item of the same name', () => {
    const { settings, refused } = cleanSettings({ presets: [preset('A'), preset('A', 'again')] });
    expect(settings.presets).toEqual([preset('A')]);
    expect(refused).toEqual(['presets[1]']);
  });
});

describe('applyPatch', () => {
  it('replaces the parts given and keeps the others', () => {
    const current = full();
    const next = applyPatch(current, { history: [], ui: { ...current.ui, theme: 'light' } });
    expect(next.history).toEqual([]);
    expect(next.ui.theme).toBe('light');
    expect(next.presets).toBe(current.presets);
    expect(next.savedSessions).toBe(current.savedSessions);
  });
});
