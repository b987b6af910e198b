// Everything the UI talks to, built once per window: the bridge, the stores, the actions and the
// sync between them, all started from the settings file's contents. Components reach it through
// AppContext; dispose() stops all of it.

import type { StoreApi } from 'zustand/vanilla';
import { startAppearance } from './appearance';
import type { Bridge } from './bridge';
import { type AutomationActions, createAutomationActions } from './state/automation-actions';
import { startAutomationSync } from './state/automation-sync';
import { startEngineSync } from './state/engine-sync';
import { createLogStore, type LogStore } from './state/log-store';
import { createLogViewStore, type LogViewState } from './state/log-view-store';
import { createHistoryStore, type HistoryStore } from './state/message-history';
import { createNetworkStore, type NetworkStore } from './state/network-store';
import { createPrefsStore, type Prefs } from './state/prefs-store';
import { createPresetsStore, type PresetsStore } from './state/send-presets';
import { createSessionActions, type SessionActions } from './state/session-actions';
import { createSessionsStore, type SessionsStore } from './state/sessions-store';
import { settingsOfSetup } from './state/settings-doc';
import type { StartupSettings } from './state/settings-startup';
import { createSettingsStore, type SettingsStore } from './state/settings-store';
import { type SettingsSync, startSettingsSync } from './state/settings-sync';
import { startTaskLog } from './state/task-log';

export interface Services {
  bridge: Bridge;
  sessions: SessionsStore;
  log: LogStore;
  logView: StoreApi<LogViewState>;
  prefs: StoreApi<Prefs>;
  actions: SessionActions;
  automation: AutomationActions;
  network: NetworkStore;
  history: HistoryStore;
  presets: PresetsStore;
  /** Saved sessions, recent hosts and ports, the settings file's state. */
  settings: SettingsStore;
  settingsSync: SettingsSync;
  dispose(): void;
}

export function createServices(bridge: Bridge, startup: StartupSettings): Services {
  const saved = startup.settings;
  const prefs = createPrefsStore(saved.ui);
  // The language first: the first session's name ("Session 1", "会话 1") is written in it.
  const stopAppearance = startAppearance(prefs);
  // The setup last edited starts the first session of the next run.
  const sessions = createSessionsStore(settingsOfSetup(saved.lastSession));
  const log = createLogStore();
  const actions = createSessionActions(bridge.api, sessions, log);
  const network = createNetworkStore(bridge.api);
  const automation = createAutomationActions(bridge.api, sessions, log, actions);
  const history = createHistoryStore(saved.history);
  const presets = createPresetsStore(saved.presets);
  const settings = createSettingsStore({
    savedSessions: saved.savedSessions,
    recent: saved.recent,
    path: startup.path,
    available: startup.available,
    ...(startup.notice ? { notice: startup.notice } : {}),
  });
  const settingsSync = startSettingsSync({ api: bridge.api, prefs, sessions, history, presets, settings });

  const stopSync = startEngineSync({
    link: { api: bridge.api, status: bridge.status, onStatus: bridge.onStatus },
    sessions,
    log,
    onResyncError: (error) => console.error('SocketBench: could not list the engine sessions', error),
    onApplyError: (error) => console.error('SocketBench: an engine batch could not be shown', error),
  });
  const stopAutomationSync = startAutomationSync({ sessions, prefs, log, api: bridge.api });
  const stopTaskLog = startTaskLog(sessions, log);

  return {
    bridge,
    sessions,
    log,
    logView: createLogViewStore(),
    prefs,
    actions,
    automation,
    network,
    history,
    presets,
    settings,
    settingsSync,
    dispose() {
      stopTaskLog();
      stopAutomationSync();
      stopSync();
      settingsSync.stop();
      stopAppearance();
      bridge.dispose();
    },
  };
}
