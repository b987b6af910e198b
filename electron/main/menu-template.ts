// The native menu (File, Edit, View, Session, Help; on macOS the app and Window menus too) as a
// template built from plain inputs, translated from the catalogue. Pure: Electron only builds it.
import type { MenuItemConstructorOptions } from 'electron';
import { type Language, type MessageKey, type Params, translate } from '../../shared/i18n/catalog';
import { PAGE_KEYS, type PageCommand } from '../../shared/keyboard/page-keys';

/**
 * Commands that act in the page. Their keys (shared/keyboard/page-keys.ts) are the page's own
 * shortcuts: the menu shows the accelerator without registering it, so a key press reaches the
 * page's handler as it would in a browser, and a click delivers the same key to the page.
 */
export { PAGE_KEYS, type PageCommand };

/** A key press for webContents.sendInputEvent: lower-case keys, as an upper-case one adds Shift. */
export interface PageKeyPress {
  keyCode: string;
  modifiers: ('control' | 'meta')[];
}

export function pageKeyPress(command: PageCommand, platform: NodeJS.Platform): PageKeyPress {
  return { keyCode: PAGE_KEYS[command], modifiers: [platform === 'darwin' ? 'meta' : 'control'] };
}

/** The accelerator the menu shows for a page command ("Ctrl+N", "⌘N"). */
const acceleratorOf = (command: PageCommand): string => {
  const key = PAGE_KEYS[command];
  return `CmdOrCtrl+${key.length === 1 ? key.toUpperCase() : key}`;
};

export interface MenuActions {
  /** Delivers the command's key to the page of the focused window. */
  page(command: PageCommand): void;
  about(): void;
}

export interface MenuOptions {
  platform: NodeJS.Platform;
  language: Language;
  appName: string;
  /** Reload and the developer tools: for development builds only. */
  devTools: boolean;
  actions: MenuActions;
}

/** macOS menus have no access keys: "&File" and "文件(&F)" both become plain text there. */
export const withoutMnemonic = (label: string): string =>
  label.replace(/\(&\w\)/g, '').replace(/&(?=\S)/g, '');

export function buildMenuTemplate(options: MenuOptions): MenuItemConstructorOptions[] {
  const { platform, actions, appName } = options;
  const mac = platform === 'darwin';
  const label = (key: MessageKey, params?: Params) => {
    const text = translate(options.language, key, { app: appName, ...params });
    return mac ? withoutMnemonic(text) : text;
  };
  const page = (key: MessageKey, command: PageCommand, params?: Params): MenuItemConstructorOptions => ({
    label: label(key, params),
    accelerator: acceleratorOf(command),
    registerAccelerator: false,
    click: () => actions.page(command),
  });
  const about: MenuItemConstructorOptions = { label: label('menu.about'), click: () => actions.about() };
  const separator: MenuItemConstructorOptions = { type: 'separator' };

  const appMenu: MenuItemConstructorOptions = {
    label: appName,
    submenu: [
      about,
      separator,
      { role: 'services', label: label('menu.services') },
      separator,
      { role: 'hide', label: label('menu.hide') },
      { role: 'hideOthers', label: label('menu.hideOthers') },
      { role: 'unhide', label: label('menu.showAll') },
      separator,
      { role: 'quit', label: label('menu.quitApp') },
    ],
  };
  const file: MenuItemConstructorOptions = {
    label: label('menu.file'),
    submenu: [
      page('menu.newSession', 'newSession'),
      separator,
      mac
        ? { role: 'close', label: label('menu.closeWindow') }
        : { role: 'quit', label: label(platform === 'win32' ? 'menu.exit' : 'menu.quit') },
    ],
  };
  const edit: MenuItemConstructorOptions = {
    label: label('menu.edit'),
    submenu: [
      { role: 'undo', label: label('menu.undo') },
      { role: 'redo', label: label('menu.redo') },
      separator,
      { role: 'cut', label: label('menu.cut') },
      { role: 'copy', label: label('menu.copy') },
      { role: 'paste', label: label('menu.paste') },
      { role: 'selectAll', label: label('menu.selectAll') },
      separator,
      page('menu.find', 'find'),
    ],
  };
  const view: MenuItemConstructorOptions = {
    label: label('menu.view'),
    submenu: [
      ...(options.devTools
        ? ([
            { role: 'reload', label: label('menu.reload') },
            { role: 'toggleDevTools', label: label('menu.devTools') },
            separator,
          ] satisfies MenuItemConstructorOptions[])
        : []),
      { role: 'zoomIn', label: label('menu.zoomIn') },
      { role: 'zoomOut', label: label('menu.zoomOut') },
      { role: 'resetZoom', label: label('menu.resetZoom') },
      separator,
      { role: 'togglefullscreen', label: label('menu.fullScreen') },
    ],
  };
  const presets = Array.from({ length: 9 }, (_, i) =>
    page('menu.preset', `preset${i + 1}` as PageCommand, { number: i + 1 }),
  );
  const session: MenuItemConstructorOptions = {
    label: label('menu.session'),
    submenu: [
      page('menu.send', 'send'),
      { label: label('menu.presets'), submenu: presets },
      separator,
      page('menu.clearLog', 'clearLog'),
    ],
  };
  const windowMenu: MenuItemConstructorOptions = {
    role: 'window',
    label: label('menu.window'),
    submenu: [
      { role: 'minimize', label: label('menu.minimize') },
      { role: 'zoom', label: label('menu.zoom') },
      separator,
      { role: 'front', label: label('menu.front') },
    ],
  };
  const help: MenuItemConstructorOptions = {
    role: 'help',
    label: label('menu.help'),
    submenu: [page('menu.shortcuts', 'shortcuts'), ...(mac ? [] : [separator, about])],
  };
  return mac ? [appMenu, file, edit, view, session, windowMenu, help] : [file, edit, view, session, help];
}
