// The settings a window starts with: the file's once the link is up; on a first run, 0.1.0's
// localStorage records handed over (once) and saved; defaults, saving nothing, when the engine
// keeps no settings or cannot be reached.
import { describe, expect, it } from 'vitest';
import type { AppApi, LoadedSettings } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { defaultSettings, type SettingsPatch } from '../../../shared/settings';
import type { LinkStatus } from '../bridge';
import { HANDED_OVER_KEY, legacyRecords, loadStartupSettings, type StartupLink } from './settings-startup';

function memoryStorage(initial: Record<string, string> = {}) {
  const data = new Map(Object.entries(initial));
  return {
    data,
    getItem: (key: string) => data.get(key) ?? null,
    setItem: (key: string, value: string) => void data.set(key, value),
  };
}

function link(loaded: LoadedSettings | Error, status: LinkStatus = 'open') {
  const saves: SettingsPatch[] = [];
  const listeners = new Set<(s: LinkStatus) => void>();
  const api: Pick<AppApi, 'loadSettings' | 'saveSettings'> = {
    loadSettings: async () => {
      if (loaded instanceof Error) throw loaded;
      return loaded;
    },
    saveSettings: async ({ settings }) => void saves.push(settings),
  };
  const value: StartupLink & { open(): void } = {
    api,
    status: () => status,
    onStatus: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    open() {
      status = 'open';
      for (const l of [...listeners]) l('open');
    },
  };
  return { link: value, saves, listeners };
}

const fresh: LoadedSettings = { settings: defaultSettings(), origin: 'new', path: 'settings.json' };

const records010 = {
  'socketbench.prefs': JSON.stringify({ decodeAs: 'hex', encodeAs: 'gbk' }),
  'socketbench.session': JSON.stringify({ protocol: 'tcp-client', host: '192.168.1.123', port: '8087' }),
  'socketbench.history': JSON.stringify([{ text: 'AT', encodeAs: 'ascii' }]),
  'socketbench.presets': JSON.stringify({
    format: 'socketbench-presets',
    version: 1,
    presets: [{ name: 'Status', message: 'status?' }],
  }),
};

describe('loadStartupSettings', () => {
  it('uses the file as it is, with its notice', async () => {
    const loaded: LoadedSettings = {
      settings: { ...defaultSettings(), history: [{ text: 'x', encodeAs: 'hex' }] },
      origin: 'recovered',
      path: 'settings.json',
      notice: { kind: 'corrupt', backup: 'settings.corrupt-1.json' },
    };
    const { link: l, saves } = link(loaded);
    const storage = memoryStorage(records010);
    await expect(loadStartupSettings(l, storage)).resolves.toEqual({
      settings: loaded.settings,
      path: 'settings.json',
      available: true,
      notice: loaded.notice,
    });
    // Only a first run hands over: a recovered file is not one.
    expect(saves).toEqual([]);
  });

  it('hands over 0.1.0’s records on a first run, saves them and marks them handed over', async () => {
    const { link: l, saves } = link(fresh);
    const storage = memoryStorage(records010);
    const startup = await loadStartupSettings(l, storage);
    expect(startup.handedOver).toBe(true);
    expect(startup.settings.ui).toMatchObject({ decodeAs: 'hex', encodeAs: 'gbk', theme: 'system' });
    expect(startup.settings.lastSession).toMatchObject({ host: '192.168.1.123', port: '8087' });
    expect(startup.settings.recent).toEqual({ hosts: ['192.168.1.123'], ports: ['8087'] });
    expect(startup.settings.presets.map((p) => p.name)).toEqual(['Status']);
    expect(startup.settings.history).toEqual([{ text: 'AT', encodeAs: 'ascii' }]);
    expect(saves).toHaveLength(1);
    expect(saves[0]?.presets).toEqual(startup.settings.presets);
    expect(storage.data.get(HANDED_OVER_KEY)).toBeTruthy();
    // The records themselves stay (an older version can still read them), but only once are they handed over.
    expect(storage.data.get('socketbench.prefs')).toBe(records010['socketbench.prefs']);
    expect(legacyRecords(storage)).toBeUndefined();
  });

  it('starts from defaults on a first run with nothing to hand over', async () => {
    const { link: l, saves } = link(fresh);
    const startup = await loadStartupSettings(l, memoryStorage());
    expect(startup).toEqual({ settings: defaultSettings(), path: 'settings.json', available: true });
    expect(saves).toEqual([]);
  });

  it('waits for the link to open before asking', async () => {
    const { link: l } = link(fresh, 'connecting');
    const pending = loadStartupSettings(l, undefined);
    l.open();
    await expect(pending).resolves.toMatchObject({ available: true });
  });

  it('shows defaults and saves nothing where the engine keeps no settings or is not there', async () => {
    const none = link(new ApiError('E_UNKNOWN_METHOD', '"loadSettings" is not served by this engine.'));
    await expect(loadStartupSettings(none.link, undefined)).resolves.toEqual({
      settings: defaultSettings(),
      path: '',
      available: false,
    });
    const never = link(fresh, 'connecting');
    await expect(loadStartupSettings(never.link, undefined, 0)).resolves.toMatchObject({ available: false });
    expect(never.listeners.size).toBe(0);
    const noToken = link(fresh);
    await expect(
      loadStartupSettings({ ...noToken.link, problem: 'no token' }, undefined),
    ).resolves.toMatchObject({
      available: false,
    });
  });
});
