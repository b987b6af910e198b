// The desktop app's entry: app lifecycle, one engine for the whole app, one secure window.
// The only place besides window.ts and desktop-shell.ts that talks to Electron's app and session objects.
import { join } from 'node:path';
import { app, BrowserWindow, session } from 'electron';
import { type Language, resolveLanguage, systemLanguage } from '../../shared/i18n/catalog';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { attachEndpoint } from '../core/attach-endpoint';
import { createEventHub } from '../core/event-hub';
import { createSessionManager } from '../core/session-manager';
import { DESKTOP_SETTINGS_FILE } from '../core/settings-file';
import { createSettingsService, USER_DATA_ENV, withSettings } from '../core/settings-service';
import { installAppMenu, rememberWindowState, restoredPlacement } from './desktop-shell';
import { watchLanguage } from './menu-language';
import { CONTENT_SECURITY_POLICY, rendererSource } from './security';
import { createMainWindow } from './window';
import { WINDOW_STATE_FILE } from './window-state';

/** Quitting must not hang on a stuck socket; the OS reclaims whatever is left after this. */
const DISPOSE_TIMEOUT_MS = 3000;

const hub = createEventHub();
const sessions = createSessionManager({ sink: hub.sink });
// Tests and portable installs move the whole profile (settings, window state, web storage).
const userDataOverride = process.env[USER_DATA_ENV]?.trim();
if (userDataOverride) app.setPath('userData', userDataOverride);
// Asked at first use, once the app is set up and the folder is final.
const settings = watchLanguage(
  createSettingsService({ file: () => join(app.getPath('userData'), DESKTOP_SETTINGS_FILE) }),
  (preference) => setMenuLanguage(resolveLanguage(preference, app.getPreferredSystemLanguages())),
);
const dispatch = createDispatcher(withSettings(sessions, settings));
const source = rendererSource(process.env, join(__dirname, '../renderer/index.html'));
const preloadPath = join(__dirname, '../preload/index.cjs');

let mainWindow: BrowserWindow | undefined;
/** The menu's language: the OS's until the window has read its Language setting. */
let menuLanguage: Language = 'en';
let appMenu: { refresh(): void } | undefined;

function setMenuLanguage(language: Language): void {
  if (language === menuLanguage) return;
  menuLanguage = language;
  appMenu?.refresh();
}

function openWindow(): void {
  // Size and position from the last run, moved onto today's displays if they changed.
  const stateFile = join(app.getPath('userData'), WINDOW_STATE_FILE);
  mainWindow = createMainWindow({
    source,
    preloadPath,
    attach: (endpoint) => attachEndpoint({ endpoint, dispatch, hub }),
    placement: restoredPlacement(stateFile),
  });
  rememberWindowState(mainWindow, stateFile);
  mainWindow.on('closed', () => {
    mainWindow = undefined;
  });
}

function lockDownSessions(): void {
  const ses = session.defaultSession;
  // SocketBench needs no camera, notifications or other web permissions.
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  if (source.kind === 'file') {
    ses.webRequest.onHeadersReceived((details, callback) => {
      callback({
        responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] },
      });
    });
  }
}

app.on('web-contents-created', (_event, contents) => {
  // Covers every web contents, not just our window: no webviews, no popups, no foreign pages.
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
});

if (!app.requestSingleInstanceLock()) {
  // Two instances would fight over the same boards; the first one gets focus instead.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });

  app
    .whenReady()
    .then(() => {
      lockDownSessions();
      menuLanguage = systemLanguage(app.getPreferredSystemLanguages());
      appMenu = installAppMenu({ window: () => mainWindow, language: () => menuLanguage });
      openWindow();
      app.on('activate', () => {
        if (BrowserWindow.getAllWindows().length === 0) openWindow();
      });
    })
    .catch((error: unknown) => {
      console.error(`SocketBench could not start: ${String(error)}`);
      app.exit(1);
    });
}

app.on('window-all-closed', () => {
  if (process.platform !== 'darwin') app.quit();
});

let disposed = false;
let disposing = false;
app.on('will-quit', (event) => {
  if (disposed) return;
  // Close every session's sockets before the process goes, then quit for real.
  event.preventDefault();
  if (disposing) return;
  disposing = true;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, DISPOSE_TIMEOUT_MS);
  });
  Promise.race([Promise.all([sessions.dispose(), settings.flush()]), timeout])
    .catch((error: unknown) => console.error(`SocketBench could not close every session: ${String(error)}`))
    .finally(() => {
      clearTimeout(timer);
      disposed = true;
      app.quit();
    });
});
