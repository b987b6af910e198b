// Saved sessions, recent hosts and ports, and what the UI knows about the settings file (where it
// is, why it was not used as it was, whether the last save failed). Pure functions plus a small store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SettingsNotice } from '../../../shared/contract/api';
import { LIMITS, type RecentEndpoints, type SavedSession, type SessionSetup } from '../../../shared/settings';
import { t } from '../i18n';

export interface SettingsState {
  savedSessions: SavedSession[];
  recent: RecentEndpoints;
  /** The settings file ('' when the engine keeps none). */
  path: string;
  /** False when the engine keeps no settings: nothing is saved, and Settings says so. */
  available: boolean;
  /** Why the file was not used as it was (shown once, until dismissed). */
  notice?: SettingsNotice;
  /** The last save's failure, until a save succeeds. */
  saveError?: string;
}

/** Why `name` cannot name a saved session, or undefined. */
export function savedNameProblem(name: string): string | undefined {
  const n = name.trim();
  if (n === '') return t('settings.nameEmpty');
  if (n.length > LIMITS.sessionName) return t('settings.nameTooLong', { max: LIMITS.sessionName });
  return undefined;
}

/** Saving under a name that exists replaces that one in place (the list keeps its order). */
export function saveNamed(list: readonly SavedSession[], name: string, setup: SessionSetup): SavedSession[] {
  const entry = { name: name.trim(), setup };
  const at = list.findIndex((s) => s.name === entry.name);
  if (at < 0) return [...list, entry].slice(0, LIMITS.savedSessions);
  const next = list.slice();
  next[at] = entry;
  return next;
}

/** Newest first, no repeats, the oldest fall off. */
export function rememberRecent(list: readonly string[], value: string): string[] {
  const v = value.trim();
  if (v === '' || list[0] === v) return list as string[];
  return [v, ...list.filter((x) => x !== v)].slice(0, LIMITS.recent);
}

export interface SettingsStore extends StoreApi<SettingsState> {
  saveSession(name: string, setup: SessionSetup): void;
  deleteSession(name: string): void;
  /** A board just reached: its host and port lead the suggestions. */
  rememberEndpoint(host: string, port: string): void;
  dismissNotice(): void;
}

export function createSettingsStore(initial: SettingsState): SettingsStore {
  const store = createStore<SettingsState>()(() => initial);
  return {
    ...store,
    saveSession: (name, setup) =>
      store.setState((s) => ({ savedSessions: saveNamed(s.savedSessions, name, setup) })),
    deleteSession: (name) =>
      store.setState((s) => ({ savedSessions: s.savedSessions.filter((x) => x.name !== name) })),
    rememberEndpoint: (host, port) =>
      store.setState((s) => {
        const hosts = rememberRecent(s.recent.hosts, host);
        const ports = /^\d{1,5}$/.test(port.trim()) ? rememberRecent(s.recent.ports, port) : s.recent.ports;
        return hosts === s.recent.hosts && ports === s.recent.ports ? s : { recent: { hosts, ports } };
      }),
    dismissNotice: () => store.setState({ notice: undefined }),
  };
}
