// A record of words read from the catalogue at each access, so code that indexes it by a value
// (a protocol, a framing kind) shows the window's current language. Pure.
import { type MessageKey, t } from '../i18n';

export function catalogWords<K extends string>(
  keys: Readonly<Record<K, MessageKey>>,
): Readonly<Record<K, string>> {
  const words = {} as Record<K, string>;
  for (const name of Object.keys(keys) as K[]) {
    Object.defineProperty(words, name, { enumerable: true, get: () => t(keys[name]) });
  }
  return words;
}
