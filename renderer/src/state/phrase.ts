// A sentence made outside the window (the shared encoder, the reply judge, the engine) in the
// window's language: from its catalogue key and values when it carries them, else as it came. Pure.
import type { Phrase } from '../../../shared/contract/model';
import { en } from '../../../shared/i18n/en';
import { type MessageKey, t } from '../i18n';

const isKey = (key: unknown): key is MessageKey => typeof key === 'string' && Object.hasOwn(en, key);

/** Undefined when any part is not a key of this catalogue (an engine newer than the window). */
function render(phrase: Phrase): string | undefined {
  if (!isKey(phrase.key)) return undefined;
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.params ?? {})) {
    if (typeof value === 'string' || typeof value === 'number') params[name] = value;
    else if (value !== null && typeof value === 'object') {
      const inner = render(value);
      if (inner === undefined) return undefined;
      params[name] = inner;
    } else return undefined;
  }
  return t(phrase.key, params);
}

/** `english` in the window's language when `phrase` says what it is; as it came otherwise. */
export function say(english: string, phrase: Phrase | undefined): string {
  return (phrase && render(phrase)) ?? english;
}

/** A fault of the shared encoder (or anything with a message and its catalogue detail). */
export const faultText = (fault: { message: string; detail?: Phrase }): string =>
  say(fault.message, fault.detail);
