// SettingsApi over the settings file, composed beside the engine where the dispatcher is built; and
// where the user-data folder is when Electron is not there to say (browser mode). Plain Node.
import { homedir } from 'node:os';
import { join } from 'node:path';
import {
  API_METHODS,
  type AppApi,
  type LoadedSettings,
  type SessionApi,
  type SettingsApi,
} from '../../shared/contract/api';
import { applyPatch, defaultSettings, type Settings } from '../../shared/settings';
import { readSettingsFile, writeSettingsFile } from './settings-file';

/** The folder name Electron derives from productName, so both modes share one folder. */
export const APP_FOLDER = 'SocketBench';
/** Points both modes at another folder: tests, portable installs, a second profile. */
export const USER_DATA_ENV = 'SOCKETBENCH_USER_DATA';

/**
 * The same folder Electron's app.getPath('userData') gives: %APPDATA%\SocketBench on Windows,
 * ~/Library/Application Support/SocketBench on macOS, $XDG_CONFIG_HOME (or ~/.config)/SocketBench
 * elsewhere. `override` (--user-data) wins, then SOCKETBENCH_USER_DATA.
 */
export function userDataDir(
  override?: string,
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
  home: () => string = homedir,
): string {
  if (override?.trim()) return override.trim();
  if (env[USER_DATA_ENV]?.trim()) return (env[USER_DATA_ENV] as string).trim();
  if (platform === 'win32')
    return join(env.APPDATA?.trim() || join(home(), 'AppData', 'Roaming'), APP_FOLDER);
  if (platform === 'darwin') return join(home(), 'Library', 'Application Support', APP_FOLDER);
  return join(env.XDG_CONFIG_HOME?.trim() || join(home(), '.config'), APP_FOLDER);
}

export interface SettingsService extends SettingsApi {
  /** Resolves once every save so far is on disk (or has failed). */
  flush(): Promise<void>;
}

export interface SettingsServiceOptions {
  /** The settings file; a function is asked at first use (Electron knows userData only once ready). */
  file: string | (() => string);
  now?: () => Date;
}

export function createSettingsService(opts: SettingsServiceOptions): SettingsService {
  const now = opts.now ?? (() => new Date());
  let path: string | undefined;
  const pathOf = (): string => {
    path ??= typeof opts.file === 'function' ? opts.file() : opts.file;
    return path;
  };
  let current: Settings | undefined;
  // One write at a time, in order; saves that arrive while one waits share it (it writes the latest).
  let chain: Promise<void> = Promise.resolve();
  let queued: Promise<void> | undefined;

  const write = (): Promise<void> => {
    if (queued) return queued;
    const next = chain.then(() => {
      queued = undefined;
      return writeSettingsFile(pathOf(), current ?? defaultSettings());
    });
    queued = next;
    chain = next.catch(() => undefined);
    return next;
  };

  async function loadSettings(): Promise<LoadedSettings> {
    // A reload must read what the last window's last save wrote.
    await chain;
    const outcome = await readSettingsFile(pathOf(), now());
    current = outcome.settings;
    // Put the clean settings on disk at once (the backup holds the old file), so the next run neither
    // meets the backup's absence as a first run nor backs up the same bad values again.
    if (outcome.notice) await write().catch(() => undefined);
    return { ...outcome, path: pathOf() };
  }

  async function saveSettings({ settings }: Parameters<SettingsApi['saveSettings']>[0]): Promise<void> {
    if (!current) {
      await chain;
      current = (await readSettingsFile(pathOf(), now())).settings;
    }
    current = applyPatch(current, settings);
    await write();
  }

  return { loadSettings, saveSettings, flush: () => chain };
}

/** The API the dispatcher serves: the engine's methods and the settings service's, each bound. */
export function withSettings(engine: SessionApi, settings: SettingsApi): AppApi {
  const settingsMethods = new Set<string>(['loadSettings', 'saveSettings'] satisfies (keyof SettingsApi)[]);
  const api: Record<string, unknown> = {};
  for (const method of API_METHODS) {
    const owner = (settingsMethods.has(method) ? settings : engine) as unknown as Record<
      string,
      (arg: unknown) => unknown
    >;
    const fn = owner[method];
    if (typeof fn === 'function') api[method] = fn.bind(owner);
  }
  return api as unknown as AppApi;
}
