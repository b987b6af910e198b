// The engine's own sentences (refusals, limits, failures) as catalogue keys and values: the English
// text is the catalogue's, and the key travels beside it so a window can say it in its language. Plain Node.
import { ApiError } from '../../shared/contract/errors';
import type { ErrorInfo, Phrase } from '../../shared/contract/model';
import { type MessageKey, translate } from '../../shared/i18n/catalog';

export type PhraseParams = NonNullable<Phrase['params']>;

/** A phrase in English; a value that is a phrase itself is rendered first. */
export function englishOf(phrase: Phrase): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(phrase.params ?? {})) {
    params[name] = typeof value === 'object' ? englishOf(value) : value;
  }
  return translate('en', phrase.key as MessageKey, params);
}

/** A sentence's English and its phrase. */
export function said(key: MessageKey, params?: PhraseParams): { message: string; detail: Phrase } {
  const detail: Phrase = params ? { key, params } : { key };
  return { message: englishOf(detail), detail };
}

/** An error the engine reports in an event or a result. */
export const errorInfo = (code: string, key: MessageKey, params?: PhraseParams): ErrorInfo => ({
  code,
  ...said(key, params),
});

/** An error the engine throws at a caller. */
export function refusal(code: string, key: MessageKey, params?: PhraseParams): ApiError {
  const { message, detail } = said(key, params);
  return new ApiError(code, message, detail);
}

/** An ErrorInfo's sentence as a value inside another sentence: its phrase when it has one. */
export const reasonOf = (info: { message: string; detail?: Phrase }): string | Phrase =>
  info.detail ?? info.message;
