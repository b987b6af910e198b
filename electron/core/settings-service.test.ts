// SettingsApi over a real file in a temporary folder, served beside a real engine through the real
// dispatcher; and the user-data folder browser mode computes for each OS.
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { defaultSettings, defaultUi } from '../../shared/settings';
import { createSessionManager } from './session-manager';
import { createSettingsService, userDataDir, withSettings } from './settings-service';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-service-'));
  file = join(dir, 'settings-browser.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const onDisk = async () => JSON.parse(await readFile(file, 'utf8'));

describe('userDataDir', () => {
  const home = () => '/home/ada';
  it('is the folder Electron would use on each OS', () => {
    expect(userDataDir(undefined, {}, 'linux', home)).toBe(join('/home/ada', '.config', 'SocketBench'));
    expect(userDataDir(undefined, { XDG_CONFIG_HOME: '/xdg' }, 'linux', home)).toBe(
      join('/xdg', 'SocketBench'),
    );
    expect(userDataDir(undefined, {}, 'darwin', home)).toBe(
      join('/home/ada', 'Library', 'Application Support', 'SocketBench'),
    );
    expect(userDataDir(undefined, { APPDATA: 'C:\\Users\\ada\\AppData\\Roaming' }, 'win32', home)).toBe(
      join('C:\\Users\\ada\\AppData\\Roaming', 'SocketBench'),
    );
  });

  it('takes --user-data first, then SOCKETBENCH_USER_DATA', () => {
    const env = { SOCKETBENCH_USER_DATA: '/from-env', XDG_CONFIG_HOME: '/xdg' };
    expect(userDataDir(' /from-flag ', env, 'linux', home)).toBe('/from-flag');
    expect(userDataDir(undefined, env, 'linux', home)).toBe('/from-env');
    expect(userDataDir('', { SOCKETBENCH_USER_DATA: '  ' }, 'linux', home)).toBe(
      join('/home/ada', '.config', 'SocketBench'),
    );
  });
});

describe('the settings service', () => {
  it('starts new, then saves each part over the others', async () => {
    const service = createSettingsService({ file: () => file });
    await expect(service.loadSettings({})).resolves.toEqual({
      settings: defaultSettings(),
      origin: 'new',
      path: file,
    });
    await service.saveSettings({ settings: { ui: { ...defaultUi(), theme: 'dark' } } });
    await service.saveSettings({ settings: { history: [{ text: 'AT', encodeAs: 'ascii' }] } });
    expect(await onDisk()).toEqual({
      ...defaultSettings(),
      ui: { ...defaultUi(), theme: 'dark' },
      history: [{ text: 'AT', encodeAs: 'ascii' }],
    });
    const again = await createSettingsService({ file }).loadSettings({});
    expect(again.origin).toBe('file');
    expect(again.settings.ui.theme).toBe('dark');
  });

  it('writes saves in order, the last one winning, with no temp file left', async () => {
    const service = createSettingsService({ file });
    await service.loadSettings({});
    const saves = ['a', 'b', 'c', 'd', 'e'].map((text) =>
      service.saveSettings({ settings: { history: [{ text, encodeAs: 'ascii' }] } }),
    );
    await Promise.all(saves);
    await service.flush();
    expect((await onDisk()).history).toEqual([{ text: 'e', encodeAs: 'ascii' }]);
    expect(await readdir(dir)).toEqual(['settings-browser.json']);
  });

  it('after a corrupt file, has the backup and a clean file on disk, so a reload is not a first run', async () => {
    await writeFile(file, 'not json at all');
    const service = createSettingsService({ file, now: () => new Date('2025-01-02T03:04:05Z') });
    const first = await service.loadSettings({});
    expect(first).toMatchObject({
      origin: 'recovered',
      notice: { kind: 'corrupt', backup: 'settings-browser.corrupt-2025-01-02T03-04-05.json' },
    });
    expect((await readdir(dir)).sort()).toEqual([
      'settings-browser.corrupt-2025-01-02T03-04-05.json',
      'settings-browser.json',
    ]);
    expect(await onDisk()).toEqual(defaultSettings());
    // The notice is said once: the next load finds the clean file.
    const again = await service.loadSettings({});
    expect(again.origin).toBe('file');
    expect(again.notice).toBeUndefined();
  });
});

describe('served beside the engine', () => {
  it('answers settings and engine methods through one dispatcher, refusing a bad save', async () => {
    const engine = createSessionManager({ sink: () => undefined });
    const dispatch = createDispatcher(withSettings(engine, createSettingsService({ file })));
    try {
      await expect(dispatch('list', {})).resolves.toEqual({ ok: true, value: [] });
      await expect(dispatch('loadSettings', {})).resolves.toMatchObject({
        ok: true,
        value: { origin: 'new' },
      });
      const ui = { ...defaultUi(), language: 'zh-CN' };
      await expect(dispatch('saveSettings', { settings: { ui } })).resolves.toEqual({
        ok: true,
        value: undefined,
      });
      expect((await onDisk()).ui).toEqual(ui);
      // The page is untrusted: a bad part is refused before anything is written.
      const bad = await dispatch('saveSettings', { settings: { ui: { ...ui, theme: 'purple' } } });
      expect(bad).toMatchObject({ ok: false, error: { code: 'E_BAD_ARGUMENT' } });
      expect(await dispatch('saveSettings', { settings: { secrets: [] } })).toMatchObject({ ok: false });
      expect((await onDisk()).ui).toEqual(ui);
    } finally {
      await engine.dispose();
    }
  });

  it('answers the settings methods as unknown where no settings service is composed', async () => {
    const engine = createSessionManager({ sink: () => undefined });
    try {
      await expect(createDispatcher(engine)('loadSettings', {})).resolves.toMatchObject({
        ok: false,
        error: { code: 'E_UNKNOWN_METHOD' },
      });
    } finally {
      await engine.dispose();
    }
  });
});
