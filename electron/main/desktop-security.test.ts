// DESIGN.md section 5 as tests: the real app entry and window code against a stand-in Electron (no
// binary here), so weakening any item of the checklist fails one of these.
import type { EventEmitter } from 'node:events';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, apiChannel } from '../../shared/contract/api';
import { CONTENT_SECURITY_POLICY, secureWebPreferences } from './security';

type Handler = (event: { senderFrame: unknown }, arg: unknown) => Promise<unknown>;

const fakes = vi.hoisted(() => ({
  windows: [] as unknown[],
  permissionRequest: undefined as undefined | ((...args: unknown[]) => void),
  permissionCheck: undefined as undefined | ((...args: unknown[]) => boolean),
  headers: undefined as undefined | ((details: unknown, callback: (response: unknown) => void) => void),
}));

vi.mock('electron', async () => {
  const { EventEmitter: Emitter } = await import('node:events');
  class FakeIpc {
    handlers = new Map<string, Handler>();
    handle(channel: string, handler: Handler) {
      this.handlers.set(channel, handler);
    }
    removeHandler(channel: string) {
      this.handlers.delete(channel);
    }
    on() {}
    removeListener() {}
  }
  class FakeWebContents extends Emitter {
    ipc = new FakeIpc();
    openHandler: ((details: unknown) => { action: string }) | undefined;
    send() {}
    isDestroyed() {
      return false;
    }
    setWindowOpenHandler(handler: (details: unknown) => { action: string }) {
      this.openHandler = handler;
    }
  }
  class BrowserWindow extends Emitter {
    static getAllWindows = () => fakes.windows;
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
    show() {}
  }
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join: joinPath } = await import('node:path');
  const userData = mkdtempSync(joinPath(tmpdir(), 'socketbench-security-'));
  const app = Object.assign(new Emitter(), {
    requestSingleInstanceLock: () => true,
    whenReady: () => Promise.resolve(),
    quit: () => {},
    exit: () => {},
    getPath: () => userData,
    setPath: () => {},
    getPreferredSystemLanguages: () => ['en-US'],
    getName: () => 'SocketBench',
    getVersion: () => '0.1.0',
    isPackaged: true,
  });
  // The native menu and the displays the window is placed on.
  const Menu = { buildFromTemplate: (template: unknown) => template, setApplicationMenu: () => {} };
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
      webRequest: {
        onHeadersReceived: (handler: typeof fakes.headers) => {
          fakes.headers = handler;
        },
      },
    },
  };
  return {
    app,
    session,
    BrowserWindow,
    Menu,
    screen,
    dialog: {},
    clipboard: {},
    nativeTheme: { shouldUseDarkColors: false },
  };
});

interface FakeWindow {
  options: { webPreferences: Record<string, unknown> };
  loaded: string[];
  webContents: EventEmitter & {
    ipc: { handlers: Map<string, Handler> };
    openHandler?: (details: unknown) => { action: string };
  };
}

const { app } = (await import('electron')) as unknown as { app: EventEmitter };
await import('./index');
// whenReady() resolved: the ready handler (session lockdown, first window) runs on a later microtask.
await new Promise((done) => setImmediate(done));
const window = fakes.windows[0] as FakeWindow;
const pageUrl = window.loaded[0] ?? '';
const ourFrame = { url: pageUrl, parent: null };
const navigation = (url: string) => ({ url, preventDefault: vi.fn() });

const HOSTILE_URLS = [
  'https://example.com/',
  'http://127.0.0.1:5173/',
  'http://localhost:5173/index.html',
  'file:///etc/passwd',
  pageUrl.replace(/index\.html$/, 'other.html'),
  pageUrl.replace('file:///', 'file://evil-host/'),
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'about:blank',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  'not a url',
];

describe('the window the app opens', () => {
  it('has exactly the secure webPreferences, nothing added, nothing left out', () => {
    const preload = window.options.webPreferences.preload;
    expect(typeof preload === 'string' && isAbsolute(preload)).toBe(true);
    expect(String(preload).replaceAll('\\', '/')).toMatch(/\/preload\/index\.cjs$/);
    expect(window.options.webPreferences).toStrictEqual(secureWebPreferences(String(preload)));
    expect(secureWebPreferences('/app/preload/index.cjs')).toStrictEqual({
      preload: '/app/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
    });
  });

  it('loads the built page from a file, once', () => {
    expect(window.loaded).toHaveLength(1);
    expect(pageUrl).toMatch(/^file:\/\/.*\/renderer\/index\.html$/);
  });

  it('refuses every navigation and redirect away from our page, and allows a reload', () => {
    for (const event of ['will-navigate', 'will-redirect']) {
      for (const url of HOSTILE_URLS) {
        const away = navigation(url);
        window.webContents.emit(event, away);
        expect(away.preventDefault, `${event} ${url}`).toHaveBeenCalled();
      }
      const reload = navigation(`${pageUrl}?view=log#tail`);
      window.webContents.emit(event, reload);
      expect(reload.preventDefault).not.toHaveBeenCalled();
    }
  });

  it('denies every new window, even one for our own page', () => {
    for (const url of [...HOSTILE_URLS, pageUrl]) {
      expect(window.webContents.openHandler?.({ url, disposition: 'new-window' })).toEqual({
        action: 'deny',
      });
    }
  });

  it('answers only its own top frame; any other sender never reaches the engine', async () => {
    const invoke = (method: (typeof API_METHODS)[number], arg: unknown, frame: unknown) => {
      const handler = window.webContents.ipc.handlers.get(apiChannel(method));
      if (!handler) throw new Error(`no handler for ${method}`);
      return handler({ senderFrame: frame }, arg);
    };
    const strangers = [
      { url: pageUrl, parent: ourFrame },
      { url: 'https://example.com/', parent: null },
      { url: pageUrl.replace('index.html', 'other.html'), parent: null },
      { parent: null },
      null,
      undefined,
    ];
    const open = { config: { protocol: 'tcp-client', host: '127.0.0.1', port: 9 } };
    for (const frame of strangers) {
      for (const method of API_METHODS) {
        await expect(invoke(method, method === 'open' ? open : {}, frame)).resolves.toMatchObject({
          ok: false,
          error: { code: 'E_FORBIDDEN' },
        });
      }
    }
    // The refused opens created nothing: the engine has no session at all.
    await expect(invoke('list', {}, ourFrame)).resolves.toEqual({ ok: true, value: [] });
  });
});

describe('the app-wide lockdown', () => {
  it('denies every web permission request and check', () => {
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'clipboard-read',
      'openExternal',
      'hid',
    ]) {
      const callback = vi.fn();
      fakes.permissionRequest?.({}, permission, callback, {});
      expect(callback, permission).toHaveBeenCalledWith(false);
      expect(fakes.permissionCheck?.({}, permission, 'file://', {}), permission).toBe(false);
    }
  });

  it('sets the strict CSP on every response, replacing whatever a response carried', () => {
    const callback = vi.fn();
    fakes.headers?.(
      { responseHeaders: { 'Content-Security-Policy': ["script-src 'unsafe-inline'"], X: ['1'] } },
      callback,
    );
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], X: ['1'] },
    });
    const directives = new Map(
      CONTENT_SECURITY_POLICY.split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([name, ...values]) => [name, values.join(' ')]),
    );
    expect(directives.get('script-src')).toBe("'self'");
    expect(directives.get('object-src')).toBe("'none'");
    expect(directives.get('frame-ancestors')).toBe("'none'");
  });

  it('refuses webviews and popups in every web contents the app ever creates', () => {
    const contents = Object.assign(new (app.constructor as new () => EventEmitter)(), {
      setWindowOpenHandler: vi.fn(),
    });
    app.emit('web-contents-created', {}, contents);
    const handler = contents.setWindowOpenHandler.mock.calls[0]?.[0] as (d: unknown) => { action: string };
    expect(handler({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    const attach = { preventDefault: vi.fn() };
    contents.emit('will-attach-webview', attach, {}, {});
    expect(attach.preventDefault).toHaveBeenCalled();
  });
});

/** Source files of the app (tests excluded) under a folder. */
function sources(dir: string): { path: string; text: string }[] {
  const out: { path: string; text: string }[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sources(path));
    else if (/\.(ts|tsx|mjs)$/.test(name) && !/\.test\.tsx?$/.test(name))
      out.push({ path, text: readFileSync(path, 'utf8') });
  }
  return out;
}

const ROOT = resolve(__dirname, '../..');
const offenders = (dirs: string[], pattern: RegExp) =>
  dirs
    .flatMap((dir) => sources(resolve(ROOT, dir)))
    .filter((file) => pattern.test(file.text))
    .map((file) => file.path);

describe('what the code never does', () => {
  it('never opens external links, paths or files from the shell', () => {
    expect(
      offenders(['electron/main', 'electron/preload'], /\b(openExternal|openPath|showItemInFolder)\b/),
    ).toEqual([]);
  });

  it('never weakens a webPreference anywhere', () => {
    const weakening =
      /(nodeIntegration\w*|webviewTag|allowRunningInsecureContent|experimentalFeatures|enableRemoteModule)\s*:\s*true|(contextIsolation|sandbox|webSecurity)\s*:\s*false|enableBlinkFeatures/;
    expect(offenders(['electron', 'renderer/src', 'shared'], weakening)).toEqual([]);
  });

  it('never turns text into markup or code in the renderer (the CSP is the second line, not the first)', () => {
    const sinks =
      /dangerouslySetInnerHTML|\.innerHTML|\.outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function\(/;
    expect(offenders(['renderer/src'], sinks)).toEqual([]);
  });
});
