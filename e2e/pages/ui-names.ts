// The app's accessible names in the language under test: a spec names a control by its English
// name (DESIGN.md section 6), and this finds the same string in the other catalogue. A name that
// is not in the catalogue fails loudly, so a control left untranslated cannot pass unnoticed.
import { CATALOGS, type Language, type MessageKey, placeholders, translate } from '../../shared/i18n/catalog';

/** Every translation of an English string (one, unless two keys share the English text). */
export function uiNames(english: string, language: Language): string[] {
  if (language === 'en') return [english];
  const names = new Set<string>();
  for (const key of Object.keys(CATALOGS.en) as MessageKey[]) {
    if (CATALOGS.en[key] === english) names.add(CATALOGS[language][key]);
  }
  if (names.size === 0) {
    // A name built from a message with placeholders ("{name} rate" -> "RX rate"): fill the same values in.
    for (const key of Object.keys(CATALOGS.en) as MessageKey[]) {
      const params = matchTemplate(CATALOGS.en[key], english);
      if (params) names.add(translate(language, key, params));
    }
  }
  if (names.size === 0) throw new Error(`"${english}" is not a string of the catalogue`);
  return [...names];
}

/** The placeholder values that make `template` read `text`, or undefined if it cannot. */
function matchTemplate(template: string, text: string): Record<string, string> | undefined {
  const names = placeholders(template);
  if (names.length === 0) return undefined;
  const pattern = template
    .split(/\{\w+\}/)
    .map(escapeRegExp)
    .join('(.+?)');
  const match = new RegExp(`^${pattern}$`).exec(text);
  if (!match) return undefined;
  return Object.fromEntries(names.map((name, i) => [name, match[i + 1] as string]));
}

/** The name in `language`; where one English string has two translations, a pattern matching either. */
export function uiName(english: string, language: Language): string | RegExp {
  const names = uiNames(english, language);
  return names.length === 1 ? (names[0] as string) : new RegExp(`^(?:${names.map(escapeRegExp).join('|')})$`);
}

export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
