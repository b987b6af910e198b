// The shell's Electron glue against a stand-in Electron (no binary exists here): the menu is set and
// rebuilt, a page command becomes a key press in the page, About copies its details, and the window's
// place survives a close and a reopen through window-state.json.
import { EventEmitter } from 'node:events';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const fakes = vi.hoisted(() => ({
  menus: [] as MenuItemConstructorOptions[][],
  dialogResponse: 0,
  dialogs: [] as unknown[],
  clipboard: [] as string[],
  displays: [] as { id: number; workArea: { x: number; y: number; width: number; height: number } }[],
}));

vi.mock('electron', () => ({
  app: { getName: () => 'SocketBench', getVersion: () => '0.1.0', isPackaged: true },
  Menu: {
    buildFromTemplate: (template: MenuItemConstructorOptions[]) => template,
    setApplicationMenu: (menu: MenuItemConstructorOptions[]) => fakes.menus.push(menu),
  },
  dialog: {
    showMessageBox: async (...args: unknown[]) => {
      fakes.dialogs.push(args.at(-1));
      return { response: fakes.dialogResponse };
    },
  },
  clipboard: { writeText: (text: string) => fakes.clipboard.push(text) },
  screen: {
    getPrimaryDisplay: () => fakes.displays[0],
    getAllDisplays: () => fakes.displays,
  },
}));

const { installAppMenu, rememberWindowState, restoredPlacement, sendPageKey } = await import(
  './desktop-shell'
);

class FakeWindow extends EventEmitter {
  destroyed = false;
  maximized = false;
  bounds = { x: 200, y: 150, width: 1000, height: 700 };
  webContents = {
    focused: 0,
    events: [] as unknown[],
    isDestroyed: () => this.destroyed,
    focus: () => {
      this.webContents.focused += 1;
    },
    sendInputEvent: (event: unknown) => this.webContents.events.push(event),
  };
  isDestroyed = () => this.destroyed;
  isMaximized = () => this.maximized;
  getNormalBounds = () => this.bounds;
}
const asWindow = (w: FakeWindow) => w as unknown as import('electron').BrowserWindow;

const dir = mkdtempSync(join(tmpdir(), 'socketbench-shell-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const mod = process.platform === 'darwin' ? 'meta' : 'control';

beforeEach(() => {
  fakes.menus.length = 0;
  fakes.dialogs.length = 0;
  fakes.clipboard.length = 0;
  fakes.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
});

const items = (template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] =>
  template.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? items(item.submenu) : [])]);

function clickItem(item: MenuItemConstructorOptions | undefined): void {
  if (!item?.click) throw new Error(`no clickable item: ${JSON.stringify(item)}`);
  (item.click as () => void)();
}

describe('the application menu', () => {
  it('is set at once and rebuilt in the new language on refresh', () => {
    let language: 'en' | 'zh-CN' = 'en';
    const menu = installAppMenu({ window: () => undefined, language: () => language });
    expect(fakes.menus).toHaveLength(1);
    expect(items(fakes.menus[0] ?? []).some((item) => item.label === 'Clear log')).toBe(true);
    language = 'zh-CN';
    menu.refresh();
    expect(items(fakes.menus[1] ?? []).some((item) => item.label === '清空日志')).toBe(true);
    // A packaged app has no developer tools in its menu.
    expect(items(fakes.menus[1] ?? []).some((item) => item.role === 'toggleDevTools')).toBe(false);
  });

  it("turns a page command into the page's own key press, in the focused page", () => {
    const window = new FakeWindow();
    installAppMenu({ window: () => asWindow(window), language: () => 'en' });
    const newSession = items(fakes.menus[0] ?? []).find((item) => item.label === 'New session');
    clickItem(newSession);
    expect(window.webContents.focused).toBe(1);
    expect(window.webContents.events).toEqual([
      { type: 'keyDown', keyCode: 'n', modifiers: [mod] },
      { type: 'keyUp', keyCode: 'n', modifiers: [mod] },
    ]);
    window.destroyed = true;
    sendPageKey(asWindow(window), 'clearLog');
    expect(window.webContents.events).toHaveLength(2);
  });

  it('shows About with the version and copies the details when asked', async () => {
    fakes.dialogResponse = 1;
    installAppMenu({ window: () => undefined, language: () => 'en' });
    const about = items(fakes.menus[0] ?? []).find((item) => item.label === 'About SocketBench');
    clickItem(about);
    await vi.waitFor(() => expect(fakes.clipboard).toHaveLength(1));
    expect(fakes.dialogs[0]).toMatchObject({ title: 'About SocketBench', buttons: ['OK', 'Copy details'] });
    expect(String((fakes.dialogs[0] as { detail: string }).detail)).toContain('Version 0.1.0');
    expect(fakes.clipboard[0]).toMatch(/^SocketBench 0\.1\.0\n/);
  });
});

describe('the window state', () => {
  it('opens the first run at the default size, centred', () => {
    expect(restoredPlacement(join(dir, 'none', 'window-state.json'))).toEqual({
      bounds: { width: 1200, height: 800 },
      maximized: false,
    });
  });

  it('saves the normal bounds on close and opens there next time', () => {
    const file = join(dir, 'profile', 'window-state.json');
    const window = new FakeWindow();
    window.maximized = true;
    const forget = rememberWindowState(asWindow(window), file);
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: 1,
      bounds: { x: 200, y: 150, width: 1000, height: 700 },
      maximized: true,
    });
    expect(existsSync(`${file}.tmp`)).toBe(false);
    expect(restoredPlacement(file)).toEqual({
      bounds: { x: 200, y: 150, width: 1000, height: 700 },
      maximized: true,
    });
    forget();
    window.bounds = { x: 5, y: 5, width: 900, height: 600 };
    window.emit('close');
    expect(JSON.parse(readFileSync(file, 'utf8')).bounds.x).toBe(200);
  });

  it('opens centred when the saved monitor is gone or the file is damaged', () => {
    const file = join(dir, 'gone', 'window-state.json');
    const window = new FakeWindow();
    window.bounds = { x: 2500, y: 100, width: 1000, height: 700 };
    rememberWindowState(asWindow(window), file);
    window.emit('close');
    fakes.displays = [
      { id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } },
      { id: 2, workArea: { x: 1920, y: 0, width: 1920, height: 1040 } },
    ];
    expect(restoredPlacement(file).bounds).toEqual({ x: 2500, y: 100, width: 1000, height: 700 });
    fakes.displays = [{ id: 1, workArea: { x: 0, y: 0, width: 1920, height: 1040 } }];
    expect(restoredPlacement(file).bounds).toEqual({ width: 1000, height: 700 });
    writeFileSync(file, '{"version":1,"bounds":');
    expect(restoredPlacement(file).bounds).toEqual({ width: 1200, height: 800 });
  });
});
