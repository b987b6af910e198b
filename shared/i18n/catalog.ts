// The one catalogue of every string SocketBench shows, per language, and the lookup that fills in
// "{name}" placeholders. Pure: the renderer, the desktop menu and tests all use it.
import { en } from './en';
import { zhCN } from './zh-cn';

export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];
/** What the user picked in Settings: a language, or whatever the OS uses. */
export type LanguagePreference = Language | 'system';
export const LANGUAGE_PREFERENCES = ['system', ...LANGUAGES] as const;

export type MessageKey = keyof typeof en;
export type Catalog = Record<MessageKey, string>;
export type Params = Readonly<Record<string, string | number>>;

export const CATALOGS: Readonly<Record<Language, Catalog>> = { en, 'zh-CN': zhCN };

const PLACEHOLDER = /\{(\w+)\}/g;

/** The names of a message's placeholders, in order; both languages must use the same set. */
export const placeholders = (message: string): string[] =>
  [...message.matchAll(PLACEHOLDER)].map((m) => m[1] as string);

export function translate(language: Language, key: MessageKey, params?: Params): string {
  const message = CATALOGS[language][key] ?? en[key] ?? key;
  if (!params) return message;
  return message.replace(PLACEHOLDER, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}

/** Keys that come in a pair for a count: "<stem>_one" for exactly one, "<stem>_other" otherwise. */
type PluralStem<K> = K extends `${infer Stem}_one`
  ? `${Stem}_other` extends MessageKey
    ? Stem
    : never
  : never;
export type PluralKey = PluralStem<MessageKey>;

/** A message for a count ("1 byte", "2 bytes"); `{count}` is filled with the formatted number. */
export function translateCount(
  language: Language,
  stem: PluralKey,
  count: number,
  params?: Params,
  formatted: string = String(count),
): string {
  const key = `${stem}_${count === 1 ? 'one' : 'other'}` as MessageKey;
  return translate(language, key, { ...params, count: formatted });
}

/** The OS's preferred languages (navigator.languages, app.getPreferredSystemLanguages()) to ours. */
export function systemLanguage(locales: readonly string[]): Language {
  for (const locale of locales) {
    const lower = locale.toLowerCase();
    // Simplified Chinese is the one Chinese catalogue; a Traditional reader still reads it better than English.
    if (lower === 'zh' || lower.startsWith('zh-') || lower.startsWith('zh_')) return 'zh-CN';
    if (lower === 'en' || lower.startsWith('en-') || lower.startsWith('en_')) return 'en';
  }
  return 'en';
}

export const resolveLanguage = (preference: LanguagePreference, locales: readonly string[]): Language =>
  preference === 'system' ? systemLanguage(locales) : preference;

export const isLanguagePreference = (v: unknown): v is LanguagePreference =>
  typeof v === 'string' && (LANGUAGE_PREFERENCES as readonly string[]).includes(v);
