// The user's view and composer choices (Decode as, Time, Hex dump; Encode as, Line ending, escapes,
// macros, checksum), remembered across runs. Kept apart from the log so switching a view never
// touches the log's data.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { DECODE_AS, type DecodeAs } from '../../../shared/codec/display';
import {
  CHECKSUM_KINDS,
  type ChecksumKind,
  LINE_ENDINGS,
  type LineEnding,
  TEXT_ENCODINGS,
  type TextEncodingName,
} from '../../../shared/contract/model';

export const ENCODE_AS = [...TEXT_ENCODINGS, 'hex', 'base64'] as const;
export type EncodeAs = TextEncodingName | 'hex' | 'base64';

export const CHECKSUM_CHOICES = ['none', ...CHECKSUM_KINDS] as const;
export type ChecksumChoice = ChecksumKind | 'none';

/** How the log writes an entry's time: wall clock, gap since the entry above, or since the session opened. */
export const TIME_FORMATS = ['absolute', 'previous', 'start'] as const;
export type TimeFormat = (typeof TIME_FORMATS)[number];

export interface Prefs {
  decodeAs: DecodeAs;
  timeFormat: TimeFormat;
  /** Every data entry as offset / hex / ASCII columns. */
  hexDump: boolean;
  encodeAs: EncodeAs;
  lineEnding: LineEnding;
  /** Expand \r \n \t \0 \xNN in typed text. */
  escapes: boolean;
  /** Expand {counter} {date} {time} ... at send time. */
  macros: boolean;
  checksum: ChecksumChoice;
  /** For 16 and 32 bit checksums; set to the kind's usual order whenever the kind changes. */
  checksumOrder: 'be' | 'le';
}

export const defaultPrefs = (): Prefs => ({
  decodeAs: 'ascii',
  timeFormat: 'absolute',
  hexDump: false,
  encodeAs: 'ascii',
  lineEnding: 'none',
  escapes: true,
  macros: false,
  checksum: 'none',
  checksumOrder: 'be',
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

export const oneOf =
  (options: readonly string[]) =>
  (v: unknown): boolean =>
    typeof v === 'string' && options.includes(v);

const isFlag = (v: unknown): boolean => typeof v === 'boolean';

const PREFS_KEY = 'socketbench.prefs';

export function createPrefsStore(storage?: KeyValueStorage): StoreApi<Prefs> {
  const initial = readStored(storage, PREFS_KEY, defaultPrefs(), {
    decodeAs: oneOf(DECODE_AS),
    timeFormat: oneOf(TIME_FORMATS),
    hexDump: isFlag,
    encodeAs: oneOf(ENCODE_AS),
    lineEnding: oneOf(LINE_ENDINGS),
    escapes: isFlag,
    macros: isFlag,
    checksum: oneOf(CHECKSUM_CHOICES),
    checksumOrder: oneOf(['be', 'le']),
  });
  const store = createStore<Prefs>()(() => initial);
  store.subscribe((prefs) => writeStored(storage, PREFS_KEY, prefs));
  return store;
}
