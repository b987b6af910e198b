// The user's view and composer choices (Decode as, Encode as, Line ending, escapes), remembered
// across runs. Kept apart from the log so switching Decode as never touches the log's data.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DECODE_AS, type DecodeAs } from '../../../shared/codec/display';
import { LINE_ENDINGS, type LineEnding } from '../../../shared/contract/model';

export const ENCODE_AS = ['ascii', 'utf-8', 'hex'] as const;
export type EncodeAs = (typeof ENCODE_AS)[number];

export interface Prefs {
  decodeAs: DecodeAs;
  encodeAs: EncodeAs;
  lineEnding: LineEnding;
  /** Expand \r \n \t \0 \xNN in typed text. */
  escapes: boolean;
}

export const defaultPrefs = (): Prefs => ({
  decodeAs: 'ascii',
  encodeAs: 'ascii',
  lineEnding: 'none',
  escapes: true,
});

/** The subset of Web Storage used here, so tests can pass a Map-backed one. */
export type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Read a JSON record, trusting only fields that pass `valid`; storage may be absent or full. */
export function readStored<T extends object>(
  storage: KeyValueStorage | undefined,
  key: string,
  defaults: T,
  valid: { [K in keyof T]: (v: unknown) => boolean },
): T {
  try {
    const raw = storage?.getItem(key);
    const parsed: unknown = raw ? JSON.parse(raw) : undefined;
    if (typeof parsed !== 'object' || parsed === null) return defaults;
    const out = { ...defaults };
    for (const k of Object.keys(defaults) as (keyof T)[]) {
      const v = (parsed as Record<keyof T, unknown>)[k];
      if (valid[k](v)) out[k] = v as T[keyof T];
    }
    return out;
  } catch {
    return defaults;
  }
}

export function writeStored(storage: KeyValueStorage | undefined, key: string, value: object): void {
  try {
    storage?.setItem(key, JSON.stringify(value));
  } catch {
    // Private mode or a full quota: remembering is a convenience, never a failure.
  }
}

const oneOf =
  (options: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && options.includes(v);

const PREFS_KEY = 'socketbench.prefs';

export function createPrefsStore(storage?: KeyValueStorage): StoreApi<Prefs> {
  const initial = readStored(storage, PREFS_KEY, defaultPrefs(), {
    decodeAs: oneOf(DECODE_AS),
    encodeAs: oneOf(ENCODE_AS),
    lineEnding: oneOf(LINE_ENDINGS),
    escapes: (v) => typeof v === 'boolean',
  });
  const store = createStore<Prefs>()(() => initial);
  store.subscribe((prefs) => writeStored(storage, PREFS_KEY, prefs));
  return store;
}
