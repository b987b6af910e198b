// Field-by-field reading of a settings document: every good field is kept, every bad one is dropped
// (the UI's default takes its place) and its path is listed, so one odd value never costs the rest.
import * as v from 'valibot';
import { defaultSettings } from './defaults';
import {
  historyEntries,
  LIMITS,
  presetEntries,
  type SavedSession,
  SETTINGS_FORMAT,
  SETTINGS_VERSION,
  type SessionSetup,
  type Settings,
  type SettingsHistoryItem,
  type SettingsPreset,
  setupEntries,
  uiEntries,
} from './schema';

type Entries = Record<string, v.GenericSchema>;

export const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** Paths of what was refused, as "ui.theme" or "presets[3]". */
export type Refused = string[];

/**
 * The fields of `raw` that pass their schema. Unknown fields are refused too: they may be a
 * typo in a hand-edited file, and the user should hear that they had no effect.
 */
function keepGood(raw: Record<string, unknown>, entries: Entries, path: string, refused: Refused) {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    const schema = entries[key];
    const result = schema && value !== undefined ? v.safeParse(schema, value) : undefined;
    if (result?.success) out[key] = result.output;
    else if (value !== undefined) refused.push(`${path}.${key}`);
  }
  return out;
}

/**
 * An item that is right as a whole or not at all (a preset whose Encode as is wrong would send other
 * bytes): a bad field refuses it; a missing one takes `fallback`'s value, if it has one.
 */
function wholeItem<T>(
  raw: unknown,
  entries: Entries,
  path: string,
  refused: Refused,
  fallback: Record<string, unknown> = {},
): T | undefined {
  if (!isRecord(raw)) {
    refused.push(path);
    return undefined;
  }
  const scratch: Refused = [];
  const out = { ...fallback, ...keepGood(raw, entries, path, scratch) };
  if (scratch.length > 0 || Object.keys(entries).some((k) => !(k in out))) {
    refused.push(path);
    return undefined;
  }
  return out as T;
}

/** A preset file from 0.1.0 could leave out the composer choices; they default as they did then. */
const PRESET_FALLBACK = {
  encodeAs: 'ascii',
  lineEnding: 'none',
  escapes: true,
  macros: false,
  checksum: 'none',
  checksumOrder: 'be',
};

/** Items of a list, each read by `one`; beyond `max` they are refused; `key` names must differ. */
function list<T>(
  raw: unknown,
  path: string,
  refused: Refused,
  max: number,
  one: (item: unknown, path: string) => T | undefined,
  key?: (item: T) => string,
): T[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    refused.push(path);
    return [];
  }
  const out: T[] = [];
  const seen = new Set<string>();
  for (const [i, item] of raw.entries()) {
    const where = `${path}[${i}]`;
    if (out.length >= max) {
      refused.push(where);
      continue;
    }
    const value = one(item, where);
    if (value === undefined) continue;
    const k = key?.(value);
    if (k !== undefined && seen.has(k)) {
      refused.push(where);
      continue;
    }
    if (k !== undefined) seen.add(k);
    out.push(value);
  }
  return out;
}

export function cleanSetup(raw: unknown, path: string, refused: Refused): SessionSetup {
  if (raw === undefined) return {};
  if (!isRecord(raw)) {
    refused.push(path);
    return {};
  }
  return keepGood(raw, setupEntries, path, refused) as SessionSetup;
}

function cleanSaved(raw: unknown, path: string, refused: Refused): SavedSession | undefined {
  if (!isRecord(raw)) {
    refused.push(path);
    return undefined;
  }
  const named = v.safeParse(
    v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(LIMITS.sessionName)),
    raw.name,
  );
  if (!named.success) {
    refused.push(path);
    return undefined;
  }
  for (const key of Object.keys(raw)) if (key !== 'name' && key !== 'setup') refused.push(`${path}.${key}`);
  return { name: named.output, setup: cleanSetup(raw.setup, `${path}.setup`, refused) };
}

function cleanStrings(raw: unknown, path: string, refused: Refused, valid: (s: string) => boolean): string[] {
  return list(
    raw,
    path,
    refused,
    LIMITS.recent,
    (item, where) => {
      const s = typeof item === 'string' ? item.trim() : undefined;
      if (s !== undefined && s !== '' && s.length <= 255 && valid(s)) return s;
      refused.push(where);
      return undefined;
    },
    (s) => s,
  );
}

/** History keeps the newest: beyond the limit, the oldest are the ones refused. */
function cleanHistory(raw: unknown, refused: Refused): SettingsHistoryItem[] {
  if (raw === undefined) return [];
  if (!Array.isArray(raw)) {
    refused.push('history');
    return [];
  }
  const skip = Math.max(0, raw.length - LIMITS.history);
  for (let i = 0; i < skip; i++) refused.push(`history[${i}]`);
  const out: SettingsHistoryItem[] = [];
  for (let i = skip; i < raw.length; i++) {
    const item = wholeItem<SettingsHistoryItem>(raw[i], historyEntries, `history[${i}]`, refused);
    if (item) out.push(item);
  }
  return out;
}

const validPort = (s: string) => /^\d{1,5}$/.test(s) && Number(s) >= 1 && Number(s) <= 65535;

/**
 * A current-version document, read field by field over the defaults. `refused` lists what was
 * dropped; the header (format, version) is the caller's to check.
 */
export function cleanSettings(raw: Record<string, unknown>): { settings: Settings; refused: Refused } {
  const refused: Refused = [];
  const base = defaultSettings();
  const known = new Set(['format', 'version', ...Object.keys(base)]);
  for (const key of Object.keys(raw)) if (!known.has(key)) refused.push(key);

  let ui = base.ui;
  if (isRecord(raw.ui)) ui = { ...base.ui, ...keepGood(raw.ui, uiEntries, 'ui', refused) };
  else if (raw.ui !== undefined) refused.push('ui');

  let recent = base.recent;
  if (isRecord(raw.recent)) {
    for (const key of Object.keys(raw.recent)) {
      if (key !== 'hosts' && key !== 'ports') refused.push(`recent.${key}`);
    }
    recent = {
      hosts: cleanStrings(raw.recent.hosts, 'recent.hosts', refused, () => true),
      ports: cleanStrings(raw.recent.ports, 'recent.ports', refused, validPort),
    };
  } else if (raw.recent !== undefined) refused.push('recent');

  const settings: Settings = {
    format: SETTINGS_FORMAT,
    version: SETTINGS_VERSION,
    ui,
    lastSession: cleanSetup(raw.lastSession, 'lastSession', refused),
    savedSessions: list(
      raw.savedSessions,
      'savedSessions',
      refused,
      LIMITS.savedSessions,
      (item, where) => cleanSaved(item, where, refused),
      (s) => s.name,
    ),
    recent,
    presets: list(
      raw.presets,
      'presets',
      refused,
      LIMITS.presets,
      (item, where) => wholeItem<SettingsPreset>(item, presetEntries, where, refused, PRESET_FALLBACK),
      (p) => p.name,
    ),
    history: cleanHistory(raw.history, refused),
  };
  return { settings, refused };
}
