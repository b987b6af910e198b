// The user's view and composer choices (Decode as, Time, Hex dump; Encode as, Line ending, escapes,
// macros, checksum) and the window's Theme and Language. Kept apart from the log so switching a view
// never touches the log's data; the settings file keeps them (see settings-sync.ts).
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { ChecksumKind, TextEncodingName } from '../../../shared/contract/model';
import { defaultUi, type UiPrefs } from '../../../shared/settings';

export {
  CHECKSUM_CHOICES,
  ENCODE_AS,
  THEMES,
  TIME_FORMATS,
} from '../../../shared/settings';

export type EncodeAs = TextEncodingName | 'hex' | 'base64';
export type ChecksumChoice = ChecksumKind | 'none';
export type TimeFormat = UiPrefs['timeFormat'];
export type ThemePreference = UiPrefs['theme'];

export type Prefs = UiPrefs;

export const defaultPrefs = (): Prefs => defaultUi();

/** The subset of Web Storage 0.1.0 kept its choices in, read once to hand them over. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

export function createPrefsStore(initial: Prefs = defaultPrefs()): StoreApi<Prefs> {
  return createStore<Prefs>()(() => initial);
}
