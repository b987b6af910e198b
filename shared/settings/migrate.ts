// Any settings document SocketBench ever wrote, brought to the current version: version 1 is what
// 0.1.0 kept in the window's localStorage (one record per key), version 2 the settings file. Pure.
import { cleanSettings, isRecord, type Refused } from './clean';
import {
  SETTINGS_FORMAT,
  SETTINGS_SECTIONS,
  SETTINGS_VERSION,
  type Settings,
  type SettingsSection,
} from './schema';

/** The localStorage keys of 0.1.0, and the part of a version 1 document each one became. */
export const LEGACY_KEYS = {
  prefs: 'socketbench.prefs',
  session: 'socketbench.session',
  history: 'socketbench.history',
  presets: 'socketbench.presets',
} as const;
export type LegacyRecord = keyof typeof LEGACY_KEYS;

/** Version 1: the records as 0.1.0 stored them, each either parsed or still the stored JSON text. */
export interface SettingsV1 {
  format?: typeof SETTINGS_FORMAT;
  version: 1;
  prefs?: unknown;
  session?: unknown;
  history?: unknown;
  presets?: unknown;
}

export type ReadProblem =
  | { problem: 'not-json'; detail: string }
  | { problem: 'not-settings' }
  | { problem: 'presets-file' }
  | { problem: 'newer'; version: number };

export type ReadResult =
  | {
      ok: true;
      settings: Settings;
      /** The version the document had; below SETTINGS_VERSION means it was migrated. */
      from: number;
      /** Paths of what was dropped (a bad value, an unknown field, one item too many). */
      refused: Refused;
      /** The parts the document itself had (an import replaces only these). */
      sections: SettingsSection[];
    }
  | ({ ok: false } & ReadProblem);

/** 0.1.0 stored JSON text; a record that does not parse is left as text, and refused later. */
function parsed(value: unknown): unknown {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}

function v1ToV2(doc: Record<string, unknown>): Record<string, unknown> {
  const presets = parsed(doc.presets);
  const session = parsed(doc.session);
  const out: Record<string, unknown> = { format: SETTINGS_FORMAT, version: 2 };
  if (doc.prefs !== undefined) out.ui = parsed(doc.prefs);
  if (session !== undefined) {
    out.lastSession = session;
    // 0.1.0 remembered one board; it is the first of the recent ones.
    const host = isRecord(session) && typeof session.host === 'string' ? session.host.trim() : '';
    const port = isRecord(session) && typeof session.port === 'string' ? session.port.trim() : '';
    if (host !== '' || /^\d{1,5}$/.test(port)) {
      out.recent = { hosts: host === '' ? [] : [host], ports: /^\d{1,5}$/.test(port) ? [port] : [] };
    }
  }
  if (doc.history !== undefined) out.history = parsed(doc.history);
  // The presets record was a presets file ({ format, version, presets }); a bare list reads too.
  if (presets !== undefined) out.presets = isRecord(presets) ? presets.presets : presets;
  return out;
}

/** From version n to n + 1, each on a plain object; a new version adds its step here. */
const MIGRATIONS: Readonly<Record<number, (doc: Record<string, unknown>) => Record<string, unknown>>> = {
  1: v1ToV2,
};

/** 0.1.0's localStorage records as they are (keys "socketbench.prefs" ...) are version 1 too. */
function fromLegacyKeys(doc: Record<string, unknown>): Record<string, unknown> | undefined {
  const found = Object.entries(LEGACY_KEYS).filter(([, key]) => doc[key] !== undefined);
  if (found.length === 0) return undefined;
  return { version: 1, ...Object.fromEntries(found.map(([part, key]) => [part, doc[key]])) };
}

function versionOf(doc: Record<string, unknown>): number | 'not-settings' | 'presets-file' {
  if (doc.format === 'socketbench-presets') return 'presets-file';
  if (doc.format !== undefined && doc.format !== SETTINGS_FORMAT) return 'not-settings';
  if (typeof doc.version === 'number' && Number.isInteger(doc.version) && doc.version >= 1)
    return doc.version;
  if (doc.version !== undefined) return 'not-settings';
  // A hand-written file may leave out the header; its parts say which version it is.
  if (SETTINGS_SECTIONS.some((s) => s in doc)) return SETTINGS_VERSION;
  return 'not-settings';
}

/** Any document, whatever its version: migrated, then read field by field. */
export function readSettings(raw: unknown): ReadResult {
  if (!isRecord(raw)) return { ok: false, problem: 'not-settings' };
  let doc = fromLegacyKeys(raw) ?? raw;
  const version = versionOf(doc);
  if (version === 'not-settings' || version === 'presets-file') return { ok: false, problem: version };
  if (version > SETTINGS_VERSION) return { ok: false, problem: 'newer', version };
  for (let n = version; n < SETTINGS_VERSION; n++) {
    const step = MIGRATIONS[n];
    if (!step) return { ok: false, problem: 'not-settings' };
    doc = step(doc);
  }
  const sections = SETTINGS_SECTIONS.filter((s) => doc[s] !== undefined);
  const { settings, refused } = cleanSettings(doc);
  return { ok: true, settings, from: version, refused, sections };
}

/** A file's text: JSON first, then readSettings. */
export function readSettingsText(text: string): ReadResult {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: 'not-json', detail: error instanceof Error ? error.message : String(error) };
  }
  return readSettings(raw);
}
