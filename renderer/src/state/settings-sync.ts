// Keeps the settings file in step with the stores: each part that changes is saved shortly after
// (parts gathered into one save), at once when the page goes away; and the other way, a whole
// settings document (an import) put into the stores. Boards reached join the recent hosts and ports.
import type { StoreApi } from 'zustand/vanilla';
import type { AppApi } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import type { Protocol } from '../../../shared/contract/model';
import {
  SETTINGS_FORMAT,
  SETTINGS_VERSION,
  type Settings,
  type SettingsPatch,
  type SettingsSection,
} from '../../../shared/settings';
import type { HistoryStore } from './message-history';
import type { Prefs } from './prefs-store';
import type { PresetsStore } from './send-presets';
import { activeSession, type SessionSettings } from './sessions-reducer';
import type { SessionsStore } from './sessions-store';
import { setupOfSettings } from './settings-doc';
import type { SettingsStore } from './settings-store';

/** Typing in a field changes the setup per key; one save per pause is plenty. */
export const SAVE_DELAY_MS = 250;

export interface SettingsSyncDeps {
  api: Pick<AppApi, 'saveSettings'>;
  prefs: StoreApi<Prefs>;
  sessions: SessionsStore;
  history: HistoryStore;
  presets: PresetsStore;
  settings: SettingsStore;
  schedule?: (fn: () => void, ms: number) => () => void;
}

export interface SettingsSync {
  /** Every setting as one document, as the file would have it now (Export settings). */
  snapshot(): Settings;
  /** Puts a document's parts into the stores; they are saved as any change is. */
  apply(settings: Settings): void;
  /** Saves what is waiting now instead of after the pause. */
  flush(): void;
  stop(): void;
}

const defaultSchedule = (fn: () => void, ms: number) => {
  const timer = setTimeout(fn, ms);
  return () => clearTimeout(timer);
};

export function startSettingsSync(deps: SettingsSyncDeps): SettingsSync {
  const { api, prefs, sessions, history, presets, settings } = deps;
  const schedule = deps.schedule ?? defaultSchedule;
  const parts = {
    ui: () => prefs.getState(),
    lastSession: () => setupOfSettings(activeSession(sessions.getState()).settings),
    savedSessions: () => settings.getState().savedSessions,
    recent: () => settings.getState().recent,
    presets: () => presets.getState().presets,
    history: () => history.getState().items,
  } satisfies { [K in SettingsSection]: () => Settings[K] };

  const dirty = new Set<SettingsSection>();
  let cancel: (() => void) | undefined;
  let stopped = false;

  function flush(): void {
    cancel?.();
    cancel = undefined;
    // Where the engine keeps no settings, nothing is ever saved (nor kept waiting).
    if (!settings.getState().available) dirty.clear();
    if (dirty.size === 0) return;
    const patch: Record<string, unknown> = {};
    for (const part of dirty) patch[part] = parts[part]();
    dirty.clear();
    api.saveSettings({ settings: patch as SettingsPatch }).then(
      () => {
        if (settings.getState().saveError !== undefined) settings.setState({ saveError: undefined });
      },
      (error: unknown) => {
        const message = error instanceof ApiError || error instanceof Error ? error.message : String(error);
        settings.setState({ saveError: message });
      },
    );
  }

  const changed = (part: SettingsSection) => {
    if (stopped) return;
    dirty.add(part);
    cancel ??= schedule(flush, SAVE_DELAY_MS);
  };

  let lastSetup = activeSession(sessions.getState()).settings;
  /** UI session id -> whether it had an engine session the last time we looked. */
  const live = new Map<string, boolean>();
  const offSessions = sessions.subscribe((state) => {
    const setup = activeSession(state).settings;
    if (setup !== lastSetup) {
      lastSetup = setup;
      changed('lastSession');
    }
    for (const id of state.order) {
      const session = state.sessions[id];
      if (!session) continue;
      const now = session.engineId !== undefined;
      if (now && !live.get(id)) rememberBoard(session.protocol, session.settings);
      live.set(id, now);
    }
  });

  function rememberBoard(protocol: Protocol, s: SessionSettings): void {
    if (protocol === 'tcp-client') settings.rememberEndpoint(s.host, s.port);
    else if (protocol === 'udp' && s.remoteHost.trim() !== '')
      settings.rememberEndpoint(s.remoteHost, s.remotePort);
  }

  const offs = [
    offSessions,
    prefs.subscribe(() => changed('ui')),
    presets.subscribe((s, before) => s.presets !== before.presets && changed('presets')),
    history.subscribe((s, before) => s.items !== before.items && changed('history')),
    settings.subscribe((s, before) => {
      if (s.savedSessions !== before.savedSessions) changed('savedSessions');
      if (s.recent !== before.recent) changed('recent');
    }),
  ];

  return {
    snapshot: () => ({
      format: SETTINGS_FORMAT,
      version: SETTINGS_VERSION,
      ui: parts.ui(),
      lastSession: parts.lastSession(),
      savedSessions: parts.savedSessions(),
      recent: parts.recent(),
      presets: parts.presets(),
      history: parts.history(),
    }),
    apply(next) {
      // The setup being edited stays as it is: an import must not pull a live session's fields away.
      prefs.setState(next.ui, true);
      presets.set(next.presets);
      history.setState({ items: next.history });
      settings.setState({ savedSessions: next.savedSessions, recent: next.recent });
    },
    flush,
    stop() {
      flush();
      stopped = true;
      for (const off of offs) off();
    },
  };
}
