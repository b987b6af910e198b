// Everything the UI talks to, built once per window: the bridge, the stores, the actions and the
// sync between them. Components reach it through AppContext; dispose() stops all of it.

import type { StoreApi } from 'zustand/vanilla';
import { PROTOCOLS } from '../../shared/contract/model';
import type { Bridge } from './bridge';
import { isAutoReplyRows } from './state/auto-reply-rows';
import { type AutomationActions, createAutomationActions } from './state/automation-actions';
import { startAutomationSync } from './state/automation-sync';
import { startEngineSync } from './state/engine-sync';
import { createLogStore, type LogStore } from './state/log-store';
import { createLogViewStore, type LogViewState } from './state/log-view-store';
import { createHistoryStore, type HistoryStore } from './state/message-history';
import { createNetworkStore, type NetworkStore } from './state/network-store';
import {
  createPrefsStore,
  type KeyValueStorage,
  type Prefs,
  readStored,
  writeStored,
} from './state/prefs-store';
import { createPresetsStore, type PresetsStore } from './state/send-presets';
import { createSessionActions, type SessionActions } from './state/session-actions';
import { activeSession, defaultSettings, type SessionSettings } from './state/sessions-reducer';
import { createSessionsStore, type SessionsStore } from './state/sessions-store';
import { EXPECT_KINDS, FRAMING_KINDS } from './state/settings';
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
  dispose(): void;
}

const SESSION_KEY = 'socketbench.session';

/** Fields whose value must be one of a few choices, not merely a string. */
const CHOICES: Partial<Record<keyof SessionSettings, readonly unknown[]>> = {
  protocol: PROTOCOLS,
  framing: FRAMING_KINDS,
  lengthSize: ['1', '2', '4'],
  lengthOrder: ['be', 'le'],
  expectKind: EXPECT_KINDS,
};

/** Each remembered field must have its default's type, and a choice must be one we know. */
function settingsValidators(): { [K in keyof SessionSettings]: (v: unknown) => boolean } {
  const defaults = defaultSettings();
  const out = {} as Record<keyof SessionSettings, (v: unknown) => boolean>;
  for (const key of Object.keys(defaults) as (keyof SessionSettings)[]) {
    const choices = CHOICES[key];
    out[key] = choices ? (v) => choices.includes(v) : (v) => typeof v === typeof defaults[key];
  }
  out.autoReply = isAutoReplyRows;
  return out;
}

export function createServices(bridge: Bridge, storage?: KeyValueStorage): Services {
  // The settings last edited start the first session of the next run.
  const remembered = readStored<SessionSettings>(
    storage,
    SESSION_KEY,
    defaultSettings(),
    settingsValidators(),
  );
  const sessions = createSessionsStore(remembered);
  const log = createLogStore();
  const prefs = createPrefsStore(storage);
  const actions = createSessionActions(bridge.api, sessions, log);
  const network = createNetworkStore(bridge.api);
  const automation = createAutomationActions(bridge.api, sessions, log, actions);

  let lastSaved = activeSession(sessions.getState()).settings;
  const offSave = sessions.subscribe((state) => {
    const settings = activeSession(state).settings;
    if (settings === lastSaved) return;
    lastSaved = settings;
    writeStored(storage, SESSION_KEY, settings);
  });
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
    history: createHistoryStore(storage),
    presets: createPresetsStore(storage),
    dispose() {
      stopTaskLog();
      stopAutomationSync();
      stopSync();
      offSave();
      bridge.dispose();
    },
  };
}
