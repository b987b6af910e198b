// The desktop shell around the window: the native menu with its About box, and the window's size and
// position kept in window-state.json. Thin glue over Electron; the decisions live in menu-template.ts,
// about-box.ts and window-state.ts.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { app, type BrowserWindow, clipboard, dialog, Menu, screen } from 'electron';
import type { Language } from '../../shared/i18n/catalog';
import { aboutBox } from './about-box';
import { buildMenuTemplate, type PageCommand, pageKeyPress } from './menu-template';
import {
  type Placement,
  parseWindowState,
  placeWindow,
  serializeWindowState,
  WINDOW_LIMITS,
  type WindowLimits,
} from './window-state';

export interface AppMenuOptions {
  /** The window the menu acts on (the app has one). */
  window(): BrowserWindow | undefined;
  language(): Language;
}

/** Delivers a page command's key to the page, as if typed: the page's own shortcut handler acts. */
export function sendPageKey(window: BrowserWindow, command: PageCommand): void {
  const contents = window.webContents;
  if (contents.isDestroyed()) return;
  const press = pageKeyPress(command, process.platform);
  // A mouse click on the menu leaves focus where it was; the key must land in the page.
  contents.focus();
  contents.sendInputEvent({ type: 'keyDown', ...press });
  contents.sendInputEvent({ type: 'keyUp', ...press });
}

export async function showAbout(window: BrowserWindow | undefined, language: Language): Promise<void> {
  const box = aboutBox(
    language,
    { appName: app.getName(), version: app.getVersion(), versions: process.versions },
    `${process.platform} ${process.arch}`,
  );
  const options = {
    type: 'info' as const,
    title: box.title,
    message: box.message,
    detail: box.detail,
    buttons: box.buttons,
    defaultId: 0,
    cancelId: 0,
    noLink: true,
  };
  const { response } = window
    ? await dialog.showMessageBox(window, options)
    : await dialog.showMessageBox(options);
  if (response === 1) clipboard.writeText(box.copyText);
}

/** Sets the application menu now; refresh() rebuilds it, e.g. when the language changes. */
export function installAppMenu(options: AppMenuOptions): { refresh(): void } {
  const refresh = () => {
    const language = options.language();
    const template = buildMenuTemplate({
      platform: process.platform,
      language,
      appName: app.getName(),
      devTools: !app.isPackaged,
      actions: {
        page: (command) => {
          const window = options.window();
          if (window) sendPageKey(window, command);
        },
        about: () => {
          showAbout(options.window(), language).catch((error: unknown) =>
            console.error(`SocketBench could not show its About box: ${String(error)}`),
          );
        },
      },
    });
    Menu.setApplicationMenu(Menu.buildFromTemplate(template));
  };
  refresh();
  return { refresh };
}

/** Where the window opens: the saved record checked against today's displays (after app ready). */
export function restoredPlacement(file: string, limits: WindowLimits = WINDOW_LIMITS): Placement {
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    // No file yet (first run) or unreadable: the default size, centred.
  }
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return placeWindow(
    parseWindowState(text),
    [primary, ...others].map((display) => display.workArea),
    limits,
  );
}

/** Saves the window's normal bounds and maximized state when it closes; returns the unsubscribe. */
export function rememberWindowState(window: BrowserWindow, file: string): () => void {
  const save = () => {
    if (window.isDestroyed()) return;
    const text = serializeWindowState({ bounds: window.getNormalBounds(), maximized: window.isMaximized() });
    try {
      mkdirSync(dirname(file), { recursive: true });
      // Written whole and renamed, so a crash mid-write never leaves half a record.
      writeFileSync(`${file}.tmp`, text);
      renameSync(`${file}.tmp`, file);
    } catch (error) {
      console.error(`SocketBench could not save the window's position: ${String(error)}`);
    }
  };
  window.on('close', save);
  return () => window.removeListener('close', save);
}
