// The settings a window starts with: the engine side's settings file, read once the link is up; on
// a first run, what 0.1.0 kept in this window's localStorage is handed over so nothing is lost.
import type { AppApi, LoadedSettings } from '../../../shared/contract/api';
import {
  defaultSettings,
  LEGACY_KEYS,
  readSettings,
  SETTINGS_SECTIONS,
  type Settings,
  type SettingsPatch,
} from '../../../shared/settings';
import type { LinkStatus } from '../bridge';
import type { KeyValueStorage } from './prefs-store';

/** Set once the records were handed over, so deleting the settings file later starts clean. */
export const HANDED_OVER_KEY = 'socketbench.handedOver';
/** How long the first screen waits for the engine before it shows defaults instead. */
export const LOAD_WAIT_MS = 4000;

export interface StartupSettings {
  settings: Settings;
  path: string;
  /** False: the engine keeps no settings (or could not be reached); nothing will be saved. */
  available: boolean;
  notice?: LoadedSettings['notice'];
  handedOver?: boolean;
}

export interface StartupLink {
  api: Pick<AppApi, 'loadSettings' | 'saveSettings'>;
  status(): LinkStatus;
  onStatus(listener: (status: LinkStatus) => void): () => void;
  problem?: string;
}

const unavailable = (): StartupSettings => ({ settings: defaultSettings(), path: '', available: false });

function linkOpen(link: StartupLink, waitMs: number): Promise<boolean> {
  if (link.status() === 'open') return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      off();
      resolve(false);
    }, waitMs);
    const off = link.onStatus((status) => {
      if (status !== 'open') return;
      clearTimeout(timer);
      off();
      resolve(true);
    });
  });
}

/** 0.1.0's records, as stored (JSON text), or undefined when there are none or they were handed over. */
export function legacyRecords(storage: KeyValueStorage | undefined): Record<string, string> | undefined {
  try {
    if (!storage || storage.getItem(HANDED_OVER_KEY)) return undefined;
    const out: Record<string, string> = {};
    for (const key of Object.values(LEGACY_KEYS)) {
      const value = storage.getItem(key);
      if (value !== null) out[key] = value;
    }
    return Object.keys(out).length > 0 ? out : undefined;
  } catch {
    return undefined;
  }
}

async function handOver(
  link: StartupLink,
  storage: KeyValueStorage | undefined,
  loaded: LoadedSettings,
): Promise<StartupSettings> {
  const base = { path: loaded.path, available: true };
  const records = legacyRecords(storage);
  const read = records ? readSettings(records) : undefined;
  if (!read?.ok) return { ...base, settings: loaded.settings };
  const patch: Record<string, unknown> = {};
  for (const section of SETTINGS_SECTIONS) patch[section] = read.settings[section];
  try {
    await link.api.saveSettings({ settings: patch as SettingsPatch });
    storage?.setItem(HANDED_OVER_KEY, new Date().toISOString());
  } catch {
    // Not saved: the records stay as they are and are handed over again next time.
  }
  return { ...base, settings: read.settings, handedOver: true };
}

export async function loadStartupSettings(
  link: StartupLink,
  storage: KeyValueStorage | undefined,
  waitMs = LOAD_WAIT_MS,
): Promise<StartupSettings> {
  if (link.problem || !(await linkOpen(link, waitMs))) return unavailable();
  let loaded: LoadedSettings;
  try {
    loaded = await link.api.loadSettings({});
  } catch {
    return unavailable();
  }
  if (loaded.origin === 'new') return handOver(link, storage, loaded);
  return {
    settings: loaded.settings,
    path: loaded.path,
    available: true,
    ...(loaded.notice ? { notice: loaded.notice } : {}),
  };
}
