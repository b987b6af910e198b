// The app entry against a stand-in for Electron's app and session (no binary exists here): one
// engine reachable from the window, web permissions denied, and quitting waits for the engine.
import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { createMemoryTransportPair } from '../../shared/rpc/memory-transport';
import type { MainWindowOptions } from './window';

const fakes = vi.hoisted(() => ({
  windows: [] as MainWindowOptions[],
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
  });
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
  return { app, session, BrowserWindow: { getAllWindows: () => fakes.windows } };
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
