// The native menu as data: its menus per platform, page commands shown with their keys but not
// registered (so the page's own handler runs) and delivered as key presses, roles translated.
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { type Language, translate } from '../../shared/i18n/catalog';
import { buildMenuTemplate, type MenuActions, pageKeyPress, withoutMnemonic } from './menu-template';

type Item = MenuItemConstructorOptions;

function build(platform: NodeJS.Platform, language: Language = 'en', devTools = false) {
  const actions: MenuActions = { page: vi.fn(), about: vi.fn() };
  const template = buildMenuTemplate({ platform, language, appName: 'SocketBench', devTools, actions });
  return { template, actions };
}

const submenu = (item: Item | undefined): Item[] => (Array.isArray(item?.submenu) ? item.submenu : []);
const menuNamed = (template: Item[], label: string) => template.find((item) => item.label === label);
const itemNamed = (items: Item[], label: string) => items.find((item) => item.label === label);
/** Every item with a label, depth first. */
const walk = (items: Item[]): Item[] => items.flatMap((item) => [item, ...walk(submenu(item))]);
const click = (item: Item | undefined) => (item?.click as (() => void) | undefined)?.call(undefined);

describe('the menu bar', () => {
  it('has File, Edit, View, Session and Help on Windows and Linux, with access keys', () => {
    for (const platform of ['win32', 'linux'] as const) {
      expect(build(platform).template.map((item) => item.label)).toEqual([
        '&File',
        '&Edit',
        '&View',
        '&Session',
        '&Help',
      ]);
    }
  });

  it('adds the app and Window menus on macOS and drops the access keys there', () => {
    const { template } = build('darwin');
    expect(template.map((item) => item.label)).toEqual([
      'SocketBench',
      'File',
      'Edit',
      'View',
      'Session',
      'Window',
      'Help',
    ]);
    const appMenu = submenu(template[0]);
    expect(appMenu.map((item) => item.role ?? item.label).filter(Boolean)).toEqual([
      'About SocketBench',
      'services',
      'hide',
      'hideOthers',
      'unhide',
      'quit',
    ]);
    expect(itemNamed(appMenu, 'Quit SocketBench')?.role).toBe('quit');
    // Close Window in File; About lives in the app menu, not Help.
    expect(submenu(menuNamed(template, 'File')).some((item) => item.role === 'close')).toBe(true);
    expect(itemNamed(submenu(menuNamed(template, 'Help')), 'About SocketBench')).toBeUndefined();
    expect(walk(template).every((item) => !item.label?.includes('&'))).toBe(true);
  });

  it('speaks Chinese when the language is Chinese', () => {
    const { template } = build('win32', 'zh-CN');
    expect(template.map((item) => item.label)).toEqual([
      '文件(&F)',
      '编辑(&E)',
      '视图(&V)',
      '会话(&S)',
      '帮助(&H)',
    ]);
    const labels = walk(template).map((item) => item.label);
    expect(labels).toContain('新建会话');
    expect(labels).toContain('清空日志');
    expect(labels).toContain('关于 SocketBench');
    expect(build('darwin', 'zh-CN').template.map((item) => item.label)).toContain('文件');
  });

  it('labels every item, roles included, from the catalogue', () => {
    for (const platform of ['win32', 'linux', 'darwin'] as const) {
      for (const language of ['en', 'zh-CN'] as const) {
        for (const item of walk(build(platform, language, true).template)) {
          if (item.type === 'separator') continue;
          expect(item.label, JSON.stringify(item.role)).toEqual(expect.any(String));
          expect(item.label?.trim()).not.toBe('');
        }
      }
    }
  });

  it('offers Reload and the developer tools only in development builds', () => {
    const roles = (devTools: boolean) =>
      submenu(build('linux', 'en', devTools).template[2]).map((item) => item.role);
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(false)).not.toContain('reload');
    expect(roles(true)).toEqual(expect.arrayContaining(['toggleDevTools', 'reload']));
    expect(roles(false)).toEqual(
      expect.arrayContaining(['zoomIn', 'zoomOut', 'resetZoom', 'togglefullscreen']),
    );
  });
});

describe('the commands that act in the page', () => {
  const { template, actions } = build('linux');
  const file = submenu(template[0]);
  const edit = submenu(template[1]);
  const session = submenu(template[3]);
  const help = submenu(template[4]);
  const presets = submenu(itemNamed(session, 'Send Preset'));
  const cases: [Item | undefined, string, string][] = [
    [itemNamed(file, 'New session'), 'CmdOrCtrl+N', 'newSession'],
    [itemNamed(edit, 'Find'), 'CmdOrCtrl+F', 'find'],
    [itemNamed(session, 'Send'), 'CmdOrCtrl+Enter', 'send'],
    [itemNamed(session, 'Clear log'), 'CmdOrCtrl+L', 'clearLog'],
    [itemNamed(help, 'Keyboard Shortcuts'), 'CmdOrCtrl+/', 'shortcuts'],
    [presets[0], 'CmdOrCtrl+1', 'preset1'],
    [presets[8], 'CmdOrCtrl+9', 'preset9'],
  ];

  it('show their keys without registering them, so the key press reaches the page', () => {
    for (const [item, accelerator] of cases) {
      expect(item?.accelerator).toBe(accelerator);
      expect(item?.registerAccelerator).toBe(false);
    }
    expect(presets.map((item) => item.label)).toEqual(
      Array.from({ length: 9 }, (_, i) => translate('en', 'menu.preset', { number: i + 1 })),
    );
  });

  it('hand the page its own key when clicked', () => {
    for (const [item, , command] of cases) {
      click(item);
      expect(actions.page).toHaveBeenLastCalledWith(command);
    }
    click(itemNamed(help, 'About SocketBench'));
    expect(actions.about).toHaveBeenCalledTimes(1);
  });

  it('press Cmd on macOS and Ctrl elsewhere, with lower-case keys (an upper-case one adds Shift)', () => {
    expect(pageKeyPress('newSession', 'darwin')).toEqual({ keyCode: 'n', modifiers: ['meta'] });
    expect(pageKeyPress('newSession', 'win32')).toEqual({ keyCode: 'n', modifiers: ['control'] });
    expect(pageKeyPress('send', 'linux')).toEqual({ keyCode: 'Enter', modifiers: ['control'] });
    expect(pageKeyPress('preset3', 'linux')).toEqual({ keyCode: '3', modifiers: ['control'] });
    expect(pageKeyPress('shortcuts', 'darwin')).toEqual({ keyCode: '/', modifiers: ['meta'] });
  });

  it('leave the editing roles registered, so copy and paste work in every field', () => {
    for (const item of edit.filter((item) => item.role)) expect(item.registerAccelerator).toBeUndefined();
  });
});

describe('withoutMnemonic', () => {
  it('drops both styles of access key', () => {
    expect(withoutMnemonic('&File')).toBe('File');
    expect(withoutMnemonic('E&xit')).toBe('Exit');
    expect(withoutMnemonic('文件(&F)')).toBe('文件');
    expect(withoutMnemonic('Salt & pepper')).toBe('Salt & pepper');
  });
});
