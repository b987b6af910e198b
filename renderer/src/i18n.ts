// The window's language: which catalogue `t` reads, set from the Language setting (or the OS's), and
// the hook that re-renders a component when it changes. Pure modules call `t` at the time they
// build a string; components call `useT()` so a switch re-renders them.
import { useSyncExternalStore } from 'react';
import {
  type Language,
  type MessageKey,
  type Params,
  type PluralKey,
  translate,
  translateCount,
} from '../../shared/i18n/catalog';
import { formatCount } from './format';

export type { MessageKey, PluralKey } from '../../shared/i18n/catalog';

let current: Language = 'en';
const listeners = new Set<() => void>();

export const currentLanguage = (): Language => current;

export function setLanguage(language: Language): void {
  if (language === current) return;
  current = language;
  // Typed without the DOM library: the bench runs the log's modules, and so this one, in Node.
  const doc = (globalThis as { document?: { documentElement: { lang: string } } }).document;
  if (doc) doc.documentElement.lang = language;
  for (const listener of listeners) listener();
}

export function onLanguage(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** A string from the catalogue in the current language, placeholders filled from `params`. */
export const t = (key: MessageKey, params?: Params): string => translate(current, key, params);

/** A count's string: `tn('log.entries', 3)` reads "log.entries_other" with {count} = "3". */
export const tn = (stem: PluralKey, count: number, params?: Params): string =>
  translateCount(current, stem, count, params, formatCount(count));

export interface Translator {
  t: typeof t;
  tn: typeof tn;
  language: Language;
}

const translatorFor = (language: Language): Translator => ({
  t: (key, params) => translate(language, key, params),
  tn: (stem, count, params) => translateCount(language, stem, count, params, formatCount(count)),
  language,
});

// Made once per language, so a component's `t` keeps its identity until the language changes.
const translators: Record<Language, Translator> = {
  en: translatorFor('en'),
  'zh-CN': translatorFor('zh-CN'),
};

/** `const { t, tn } = useT();` in a component: it re-renders when the language changes. */
export function useT(): Translator {
  const language = useSyncExternalStore(onLanguage, currentLanguage, currentLanguage);
  return translators[language];
}
