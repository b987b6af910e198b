// Theme and Language follow the settings: data-theme only for an explicit theme, and the language
// re-resolved from the OS's list when it changes while the choice is System.
import { afterEach, describe, expect, it } from 'vitest';
import { startAppearance } from './appearance';
import { currentLanguage, setLanguage } from './i18n';
import { createPrefsStore, defaultPrefs } from './state/prefs-store';

function fakeWindow(languages: string[]) {
  const events = new EventTarget();
  const root = { dataset: {} as Record<string, string>, lang: '' };
  const win = {
    document: { documentElement: root },
    navigator: { languages, language: languages[0] },
    addEventListener: events.addEventListener.bind(events),
    removeEventListener: events.removeEventListener.bind(events),
  };
  return {
    win: win as unknown as Window,
    root,
    osSays(next: string[]) {
      win.navigator.languages = next;
      events.dispatchEvent(new Event('languagechange'));
    },
  };
}

afterEach(() => setLanguage('en'));

describe('startAppearance', () => {
  it('sets data-theme for Light and Dark and removes it for System', () => {
    const prefs = createPrefsStore();
    const { win, root } = fakeWindow(['en-US']);
    const stop = startAppearance(prefs, win);
    expect(root.dataset.theme).toBeUndefined();
    prefs.setState({ theme: 'dark' });
    expect(root.dataset.theme).toBe('dark');
    prefs.setState({ theme: 'light' });
    expect(root.dataset.theme).toBe('light');
    prefs.setState({ theme: 'system' });
    expect(root.dataset.theme).toBeUndefined();
    stop();
  });

  it('follows the OS language while the choice is System, and an explicit choice otherwise', () => {
    const prefs = createPrefsStore();
    const { win, osSays } = fakeWindow(['de-DE', 'en-GB']);
    const stop = startAppearance(prefs, win);
    expect(currentLanguage()).toBe('en');
    osSays(['zh-CN', 'en']);
    expect(currentLanguage()).toBe('zh-CN');
    prefs.setState({ language: 'en' });
    expect(currentLanguage()).toBe('en');
    osSays(['zh-TW']);
    expect(currentLanguage()).toBe('en');
    stop();
    prefs.setState({ language: 'system' });
    expect(currentLanguage()).toBe('en');
  });

  it('starts in the saved language', () => {
    const prefs = createPrefsStore({ ...defaultPrefs(), language: 'zh-CN' });
    const stop = startAppearance(prefs, fakeWindow(['en-US']).win);
    expect(currentLanguage()).toBe('zh-CN');
    stop();
  });
});
