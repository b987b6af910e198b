// Everything the UI talks to, built once per window: the bridge, the stores, the actions and the
// sync between them. Components reach it through AppContext; dispose() stops all of it.

import type { StoreApi } from 'zustand/vanilla';
import type { Bridge } from './bridge';
import { startEngineSync } from './state/engine-sync';
import { createLogStore, type LogStore } from './state/log-store';
import {
  createPrefsStore,
  type KeyValueStorage,
  type Prefs,
  readStored,
  writeStored,
} from './state/prefs-store';
import { createSessionActions, type SessionActions } from './state/session-actions';
import { activeSession, defaultSettings, type SessionSettings } from './state/sessions-reducer';
import { createSessionsStore, type SessionsStore } from './state/sessions-store';

export interface Services {
  bridge: Bridge;
  sessions: SessionsStore;
  log: LogStore;
  prefs: StoreApi<Prefs>;
  actions: SessionActions;
  dispose(): void;
}

const SESSION_KEY = 'socketbench.session';
const isString = (v: unknown): boolean => typeof v === 'string';

export function createServices(bridge: Bridge, storage?: KeyValueStorage): Services {
  const remembered = readStored<SessionSettings>(storage, SESSION_KEY, defaultSettings(), {
    protocol: (v) => v === 'tcp-client',
    host: isString,
    port: isString,
    localAddress: isString,
    localPort: isString,
    connectTimeoutMs: isString,
  });
  const sessions = createSessionsStore(remembered);
  const log = createLogStore();
  const prefs = createPrefsStore(storage);
  const actions = createSessionActions(bridge.api, sessions, log);

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
  });

  return {
    bridge,
    sessions,
    log,
    prefs,
    actions,
    dispose() {
      stopSync();
      offSave();
      bridge.dispose();
    },
  };
}
