// The one SocketBench window: secure webPreferences, navigation locked to our page, and the IPC
// endpoint rebuilt for every document the window loads.
import { BrowserWindow, nativeTheme, type WebContents } from 'electron';
import type { ServerEndpoint } from '../../shared/rpc/transport';
import { createIpcEndpoint, type IpcEndpoint, type IpcPorts } from './ipc-adapter';
import {
  allowNavigation,
  isTrustedSender,
  type RendererSource,
  rendererUrl,
  secureWebPreferences,
} from './security';
import { type Placement, WINDOW_LIMITS } from './window-state';

export interface MainWindowOptions {
  source: RendererSource;
  preloadPath: string;
  /** Connects an endpoint to the engine; returns the detach. */
  attach(endpoint: ServerEndpoint): () => void;
  /** Size and position from the last run (window-state.ts); absent: the default size, centred. */
  placement?: Placement;
}

function ipcPorts(contents: WebContents, source: RendererSource): IpcPorts {
  // webContents.ipc scopes handlers to this window, so a second window cannot steal its channels.
  const ipc = contents.ipc;
  return {
    handle(channel, listener) {
      ipc.handle(channel, listener);
      return () => ipc.removeHandler(channel);
    },
    sendToRenderer(channel, payload) {
      if (!contents.isDestroyed()) contents.send(channel, payload);
    },
    onRendererMessage(channel, listener) {
      ipc.on(channel, listener);
      return () => ipc.removeListener(channel, listener);
    },
    isTrustedFrame: (frame) => isTrustedSender(frame as { url: string; parent: unknown } | null, source),
    onClosed(listener) {
      contents.once('destroyed', listener);
      return () => contents.removeListener('destroyed', listener);
    },
  };
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const { source } = options;
  const window = new BrowserWindow({
    title: 'SocketBench',
    width: WINDOW_LIMITS.width,
    height: WINDOW_LIMITS.height,
    ...options.placement?.bounds,
    minWidth: WINDOW_LIMITS.minWidth,
    minHeight: WINDOW_LIMITS.minHeight,
    show: false,
    // The page's own background for the OS theme, so the window never flashes the wrong colour.
    backgroundColor: nativeTheme.shouldUseDarkColors ? '#0f1215' : '#eef1f4',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  const contents = window.webContents;

  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('will-navigate', (event) => {
    if (!allowNavigation(event.url, source)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!allowNavigation(event.url, source)) event.preventDefault();
  });

  let endpoint: IpcEndpoint | undefined;
  let detach: (() => void) | undefined;
  const bind = () => {
    // A reload starts a new page with a fresh batch subscription; acks owed by the old page are void.
    endpoint?.dispose();
    detach?.();
    const next = createIpcEndpoint(ipcPorts(contents, source));
    endpoint = next;
    detach = options.attach(next);
  };
  bind();
  let firstDocument = true;
  contents.on('did-navigate', (_event, url) => {
    if (firstDocument) firstDocument = false;
    else if (allowNavigation(url, source)) bind();
  });

  // maximize() shows the window too, already maximized, so it never flashes at its normal size first.
  window.once('ready-to-show', () => (options.placement?.maximized ? window.maximize() : window.show()));
  window.loadURL(rendererUrl(source)).catch((error: unknown) => {
    console.error(`SocketBench could not load its window: ${String(error)}`);
  });
  return window;
}
