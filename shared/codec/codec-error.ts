// The result shape every codec function returns, and how a fault's place is put into words.
// `index` is a string index (UTF-16, 0-based) for selecting the fault; messages say "position N",
// counted in characters from 1 the way a user counts them.
import type { Phrase } from '../contract/model';
import type { MessageKey } from '../i18n/catalog';

export interface CodecError {
  /** 0-based UTF-16 index into the input, ready for setSelectionRange. */
  index: number;
  /** English, for the command line and logs. */
  message: string;
  /** `message` as a catalogue key and values, for a window in another language. */
  detail?: Phrase;
}

/** A sentence's catalogue key (checked against the English catalogue) and its values. */
export const phrase = (key: MessageKey, params?: Phrase['params']): Phrase =>
  params ? { key, params } : { key };

export type BytesResult = { ok: true; bytes: Uint8Array } | { ok: false; error: CodecError };

/** 1-based character position of `index`: a surrogate pair (an emoji) counts as one character. */
export function charPosition(input: string, index: number): number {
  let position = 1;
  for (let i = 0; i < index && i < input.length; i++) {
    const unit = input.charCodeAt(i);
    if (unit >= 0xd800 && unit <= 0xdbff && i + 1 < index) {
      const next = input.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) i++;
    }
    position++;
  }
  return position;
}

/** The character at `index` as a user reads it: quoted if visible, U+XXXX if not. */
export function describeChar(input: string, index: number): string {
  const cp = input.codePointAt(index) ?? 0;
  const isInvisible = cp <= 0x20 || (cp >= 0x7f && cp <= 0xa0) || (cp >= 0xd800 && cp <= 0xdfff);
  if (isInvisible) return `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
  return `'${String.fromCodePoint(cp)}'`;
}

export function fail(index: number, message: string, detail?: Phrase): { ok: false; error: CodecError } {
  return { ok: false, error: detail ? { index, message, detail } : { index, message } };
}
