// The window's wiring against a stand-in for Electron's BrowserWindow (no binary exists here):
// secure options, locked navigation, the IPC sender check, and one endpoint per loaded document.
import type { EventEmitter } from 'node:events';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, apiChannel, EVENTS_ACK_CHANNEL } from '../../shared/contract/api';
import type { ServerEndpoint } from '../../shared/rpc/transport';
import { createMainWindow } from './window';
import type { Placement } from './window-state';

const fakes = vi.hoisted(() => {
  type Handler = (event: { senderFrame: unknown }, arg: unknown) => Promise<unknown>;
  type Listener = (event: { senderFrame: unknown }, arg: unknown) => void;
  class FakeIpc {
    handlers = new Map<string, Handler>();
    listeners = new Map<string, Set<Listener>>();
    handle(channel: string, handler: Handler) {
      // ipcMain's rule: one handler per channel.
      if (this.handlers.has(channel))
        throw new Error(`Attempted to register a second handler for '${channel}'`);
      this.handlers.set(channel, handler);
    }
    removeHandler(channel: string) {
      this.handlers.delete(channel);
    }
    on(channel: string, listener: Listener) {
      const set = this.listeners.get(channel) ?? new Set();
      set.add(listener);
      this.listeners.set(channel, set);
    }
    removeListener(channel: string, listener: Listener) {
      this.listeners.get(channel)?.delete(listener);
    }
  }
  return { FakeIpc, windows: [] as unknown[] };
});

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeWebContents extends Emitter {
    ipc = new fakes.FakeIpc();
    sent: Array<[string, unknown]> = [];
    destroyed = false;
    openHandler: ((details: unknown) => { action: string }) | undefined;
    send(channel: string, payload: unknown) {
      this.sent.push([channel, payload]);
    }
    isDestroyed() {
      return this.destroyed;
    }
    setWindowOpenHandler(handler: (details: unknown) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends Emitter {
    webContents = new FakeWebContents();
    loaded: string[] = [];
    constructor(public options: Record<string, unknown>) {
      super();
      fakes.windows.push(this);
    }
    loadURL(url: string) {
      this.loaded.push(url);
      return Promise.resolve();
    }
    shown: string[] = [];
    show() {
      this.shown.push('normal');
    }
    maximize() {
      this.shown.push('maximized');
    }
  }
  return { BrowserWindow, nativeTheme: { shouldUseDarkColors: false } };
});

interface FakeWindow extends EventEmitter {
  options: { webPreferences: Record<string, unknown> } & Record<string, unknown>;
  loaded: string[];
  shown: string[];
  webContents: EventEmitter & {
    ipc: InstanceType<typeof fakes.FakeIpc>;
    destroyed: boolean;
    openHandler?: (details: unknown) => { action: string };
  };
}

const indexPath = pathToFileURL('/opt/SocketBench/resources/out/renderer/index.html').pathname;
const pageUrl = pathToFileURL(indexPath).href;
const ourFrame = { url: pageUrl, parent: null };

function open(placement?: Placement) {
  const attached: ServerEndpoint[] = [];
  const detach = vi.fn();
  createMainWindow({
    source: { kind: 'file', indexPath },
    preloadPath: '/opt/SocketBench/resources/out/preload/index.cjs',
    placement,
    attach: (endpoint) => {
      attached.push(endpoint);
      endpoint.serve(async (method) => ({ ok: true, value: `called ${String(method)}` }));
      return detach;
    },
  });
  const window = fakes.windows.at(-1) as FakeWindow;
  const invoke = (channel: string, arg: unknown, frame: unknown = ourFrame) => {
    const handler = window.webContents.ipc.handlers.get(channel);
    if (!handler) throw new Error(`No handler registered for '${channel}'`);
    return handler({ senderFrame: frame }, arg);
  };
  return { window, attached, detach, invoke };
}

const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

describe('createMainWindow', () => {
  it('creates the window with the secure preferences and loads our page', () => {
    const { window } = open();
    expect(window.options.webPreferences).toMatchObject({
      preload: '/opt/SocketBench/resources/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(window.loaded).toEqual([pageUrl]);
  });

  it('opens at the default size and shows itself once ready', () => {
    const { window } = open();
    expect(window.options).toMatchObject({ width: 1200, height: 800, minWidth: 720, minHeight: 480 });
    expect(window.options.x).toBeUndefined();
    window.emit('ready-to-show');
    expect(window.shown).toEqual(['normal']);
  });

  it('opens where the last run left it, maximized if it was', () => {
    const { window } = open({ bounds: { x: 40, y: 60, width: 1000, height: 700 }, maximized: true });
    expect(window.options).toMatchObject({ x: 40, y: 60, width: 1000, height: 700, minWidth: 720 });
    window.emit('ready-to-show');
    expect(window.shown).toEqual(['maximized']);
  });

  it('denies window.open and navigation away from our page', () => {
    const { window } = open();
    expect(window.webContents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    for (const event of ['will-navigate', 'will-redirect']) {
      const away = navigation('https://example.com/');
      window.webContents.emit(event, away);
      expect(away.preventDefault).toHaveBeenCalled();
      const reload = navigation(pageUrl);
      window.webContents.emit(event, reload);
      expect(reload.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('serves every API channel to our top frame only', async () => {
    const { invoke } = open();
    for (const method of API_METHODS) {
      await expect(invoke(apiChannel(method), {})).resolves.toEqual({ ok: true, value: `called ${method}` });
    }
    const child = { url: pageUrl, parent: ourFrame };
    const foreign = { url: 'https://example.com/', parent: null };
    for (const frame of [child, foreign, null]) {
      await expect(invoke(apiChannel('list'), {}, frame)).resolves.toMatchObject({
        ok: false,
        error: { code: 'E_FORBIDDEN' },
      });
    }
  });

  it('gives a reloaded page a fresh endpoint and detaches the old one', async () => {
    const { window, attached, detach, invoke } = open();
    window.webContents.emit('did-navigate', {}, pageUrl);
    expect(attached).toHaveLength(1);
    window.webContents.emit('did-navigate', {}, pageUrl);
    expect(attached).toHaveLength(2);
    expect(detach).toHaveBeenCalledTimes(1);
    expect(window.webContents.ipc.handlers.size).toBe(API_METHODS.length);
    expect(window.webContents.ipc.listeners.get(EVENTS_ACK_CHANNEL)?.size).toBe(1);
    await expect(invoke(apiChannel('list'), {})).resolves.toMatchObject({ ok: true });
  });

  it('unbinds everything and detaches when the page is destroyed', () => {
    const { window, attached, detach } = open();
    const closed = vi.fn();
    attached[0]?.onClose(closed);
    window.webContents.destroyed = true;
    window.webContents.emit('destroyed');
    expect(closed).toHaveBeenCalledTimes(1);
    expect(window.webContents.ipc.handlers.size).toBe(0);
    expect(window.webContents.ipc.listeners.get(EVENTS_ACK_CHANNEL)?.size).toBe(0);
    // attachEndpoint's own close listener detaches; window.ts detaches again only on a reload.
    expect(detach).not.toHaveBeenCalled();
  });
});
