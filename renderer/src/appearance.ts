// The window follows the Theme and Language settings: data-theme on <html> for an explicit theme
// (none for System, so the OS's prefers-color-scheme decides), and the catalogue's language,
// following the OS's language list as it changes while the choice is System.
import type { StoreApi } from 'zustand/vanilla';
import { resolveLanguage } from '../../shared/i18n/catalog';
import { setLanguage } from './i18n';
import type { Prefs } from './state/prefs-store';

export function applyTheme(theme: Prefs['theme'], root: HTMLElement = document.documentElement): void {
  if (theme === 'system') delete root.dataset.theme;
  else root.dataset.theme = theme;
}

export function startAppearance(prefs: StoreApi<Prefs>, win: Window = window): () => void {
  const apply = () => {
    const { theme, language } = prefs.getState();
    applyTheme(theme, win.document.documentElement);
    setLanguage(resolveLanguage(language, win.navigator.languages ?? [win.navigator.language]));
  };
  apply();
  const off = prefs.subscribe((now, before) => {
    if (now.theme !== before.theme || now.language !== before.language) apply();
  });
  win.addEventListener('languagechange', apply);
  return () => {
    off();
    win.removeEventListener('languagechange', apply);
  };
}
