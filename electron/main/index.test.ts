// The app entry against a stand-in for Electron's app and session (no binary exists here): one
// engine reachable from the window, web permissions denied, and quitting waits for the engine.
import { EventEmitter } from 'node:events';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryTransportPair } from '../../shared/rpc/memory-transport';
import { defaultUi } from '../../shared/settings';
import type { MainWindowOptions } from './window';

const fakes = vi.hoisted(() => ({
  windows: [] as MainWindowOptions[],
  menus: [] as MenuItemConstructorOptions[][],
  userData: '',
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: vi.fn(),
    exit: vi.fn(),
    getPath: () => fakes.userData,
    setPath: vi.fn(),
    getPreferredSystemLanguages: () => ['zh-CN', 'en-US'],
    getName: () => 'SocketBench',
    getVersion: () => '0.1.0',
    isPackaged: true,
  });
  const Menu = {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: (menu: MenuItemConstructorOptions[]) => fakes.menus.push(menu),
  };
  const display = { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const screen = { getPrimaryDisplay: () => display, getAllDisplays: () => [display] };
  const session = {
    defaultSession: {
      setPermissionRequestHandler: (handler: (...args: unknown[]) => void) => {
        fakes.permissionRequest = handler;
      },
      setPermissionCheckHandler: (handler: (...args: unknown[]) => boolean) => {
        fakes.permissionCheck = handler;
      },
      webRequest: { onHeadersReceived: vi.fn() },
    },
  };
  return {
    app,
    session,
    Menu,
    screen,
    dialog: {},
    clipboard: {},
    BrowserWindow: { getAllWindows: () => fakes.windows },
  };
});

vi.mock('./window', () => ({
  createMainWindow: (options: MainWindowOptions) => {
    fakes.windows.push(options);
    return Object.assign(new EventEmitter(), { isMinimized: () => false, focus: vi.fn() });
  },
}));

const { app } = (await import('electron')) as unknown as {
  app: EventEmitter & { quit: ReturnType<typeof vi.fn> };
};
// Last run's window, 100 px in from the top left of the one display.
fakes.userData = mkdtempSync(join(tmpdir(), 'socketbench-entry-'));
writeFileSync(
  join(fakes.userData, 'window-state.json'),
  JSON.stringify({ version: 1, bounds: { x: 100, y: 100, width: 1000, height: 700 }, maximized: false }),
);
await import('./index');

describe('the desktop app entry', () => {
  it('opens one window whose endpoint reaches the shared engine', async () => {
    expect(fakes.windows).toHaveLength(1);
    const pair = createMemoryTransportPair();
    const detach = fakes.windows[0]?.attach(pair.server);
    await expect(pair.client.request('list', {})).resolves.toEqual({ ok: true, value: [] });
    detach?.();
    pair.close();
  });

  it('points the window at the bundled preload and the built page', () => {
    const options = fakes.windows[0];
    expect(options?.preloadPath.replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(options?.source.kind).toBe('file');
  });

  it('reopens the window where the last run left it', () => {
    expect(fakes.windows[0]?.placement).toEqual({
      bounds: { x: 100, y: 100, width: 1000, height: 700 },
      maximized: false,
    });
  });

  it("sets the native menu in the OS's language", () => {
    expect(fakes.menus).toHaveLength(1);
    const labels = fakes.menus[0]?.map((menu) => menu.label) ?? [];
    expect(labels).toContain(process.platform === 'darwin' ? '文件' : '文件(&F)');
  });

  it("switches the menu to the window's Language setting as the window saves it", async () => {
    const pair = createMemoryTransportPair();
    const detach = fakes.windows[0]?.attach(pair.server);
    const save = (language: 'en' | 'zh-CN' | 'system') =>
      pair.client.request('saveSettings', { settings: { ui: { ...defaultUi(), language } } });
    const file = process.platform === 'darwin' ? 'File' : '&File';
    await expect(save('en')).resolves.toMatchObject({ ok: true });
    expect(fakes.menus.at(-1)?.map((menu) => menu.label)).toContain(file);
    const built = fakes.menus.length;
    // Other preferences saved in the same language leave the menu alone.
    await save('en');
    expect(fakes.menus).toHaveLength(built);
    await save('system');
    expect(fakes.menus.at(-1)?.map((menu) => menu.label)).toContain(
      process.platform === 'darwin' ? '文件' : '文件(&F)',
    );
    detach?.();
    pair.close();
  });

  it('denies every web permission request and check', () => {
    const callback = vi.fn();
    fakes.permissionRequest?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(fakes.permissionCheck?.({}, 'notifications', 'file://', {})).toBe(false);
  });

  it('denies popups and webviews in every web contents', () => {
    const contents = Object.assign(new EventEmitter(), { setWindowOpenHandler: vi.fn() });
    app.emit('web-contents-created', {}, contents);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as () => { action: string };
    expect(handler()).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach);
    expect(attach.preventDefault).toHaveBeenCalled();
  });

  it('holds the quit until the engine is disposed, then quits once', async () => {
    const first = { preventDefault: vi.fn() };
    const quitted = new Promise<void>((resolve) => app.quit.mockImplementationOnce(() => resolve()));
    app.emit('will-quit', first);
    expect(first.preventDefault).toHaveBeenCalled();
    await quitted;
    const second = { preventDefault: vi.fn() };
    app.emit('will-quit', second);
    expect(second.preventDefault).not.toHaveBeenCalled();
  });
});
