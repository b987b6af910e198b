// Named quick-send presets: a message with the composer choices that make its bytes, as buttons.
// Saved, edited, deleted, kept across runs, and exported / imported as a JSON file that is checked
// field by field with a sentence for the first fault. Pure functions plus a small store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LINE_ENDINGS } from '../../../shared/contract/model';
import { t } from '../i18n';
import type { ComposeOptions } from './compose';
import { CHECKSUM_CHOICES, ENCODE_AS } from './prefs-store';

export interface SendPreset extends ComposeOptions {
  name: string;
  message: string;
}

export const MAX_PRESETS = 200;
export const MAX_NAME = 60;
const MAX_MESSAGE = 64 * 1024;
export const PRESETS_FORMAT = 'socketbench-presets';

/** Why `name` cannot name a preset, or undefined. `except`: the preset being renamed. */
export function presetNameProblem(
  presets: readonly SendPreset[],
  name: string,
  except?: string,
): string | undefined {
  const n = name.trim();
  if (n === '') return t('presets.nameEmpty');
  if (n.length > MAX_NAME) return t('presets.nameTooLong', { max: MAX_NAME });
  if (presets.some((p) => p.name === n && p.name !== except)) return t('presets.nameTaken', { name: n });
  return undefined;
}

/** Adds a preset, or replaces the one named `replacing` in place. */
export function savePreset(
  presets: readonly SendPreset[],
  preset: SendPreset,
  replacing?: string,
): SendPreset[] {
  const named = { ...preset, name: preset.name.trim() };
  const at = replacing === undefined ? -1 : presets.findIndex((p) => p.name === replacing);
  if (at < 0) return [...presets, named].slice(0, MAX_PRESETS);
  const next = presets.slice();
  next[at] = named;
  return next;
}

export const deletePreset = (presets: readonly SendPreset[], name: string): SendPreset[] =>
  presets.filter((p) => p.name !== name);

/** The file Export presets writes: versioned, so a later format can still read it. */
export function exportPresets(presets: readonly SendPreset[]): string {
  return `${JSON.stringify({ format: PRESETS_FORMAT, version: 1, presets }, null, 2)}\n`;
}

export type ImportResult = { ok: true; presets: SendPreset[] } | { ok: false; reason: string };

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

type Field<T> = { value: T } | { bad: string };

function choice<T extends string>(
  raw: Record<string, unknown>,
  key: string,
  options: readonly T[],
  fallback: T,
): Field<T> {
  const v = raw[key];
  if (v === undefined) return { value: fallback };
  if (typeof v === 'string' && (options as readonly string[]).includes(v)) return { value: v as T };
  return {
    bad: t('presets.badChoice', { field: key, value: JSON.stringify(v), choices: options.join(', ') }),
  };
}

function flag(raw: Record<string, unknown>, key: string, fallback: boolean): Field<boolean> {
  const v = raw[key];
  if (v === undefined) return { value: fallback };
  return typeof v === 'boolean' ? { value: v } : { bad: t('presets.badFlag', { field: key }) };
}

/** One preset from a file; optional fields take the composer's defaults. */
function presetOf(raw: unknown, n: number): SendPreset | string {
  const where = t('presets.where', { n });
  if (!isRecord(raw)) return t('presets.notObject', { where });
  if (typeof raw.name !== 'string' || raw.name.trim() === '') return t('presets.noName', { where });
  const label = t('presets.whereNamed', { n, name: raw.name.trim().slice(0, MAX_NAME) });
  if (raw.name.trim().length > MAX_NAME) return t('presets.longName', { where: label, max: MAX_NAME });
  if (typeof raw.message !== 'string') return t('presets.noMessage', { where: label });
  if (raw.message.length > MAX_MESSAGE) return t('presets.longMessage', { where: label });
  const fields = {
    encodeAs: choice(raw, 'encodeAs', ENCODE_AS, 'ascii'),
    lineEnding: choice(raw, 'lineEnding', LINE_ENDINGS, 'none'),
    escapes: flag(raw, 'escapes', true),
    macros: flag(raw, 'macros', false),
    checksum: choice(raw, 'checksum', CHECKSUM_CHOICES, 'none'),
    checksumOrder: choice(raw, 'checksumOrder', ['be', 'le'] as const, 'be'),
  };
  const options: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(fields)) {
    if ('bad' in field) return t('presets.fieldFault', { where: label, fault: field.bad });
    options[key] = field.value;
  }
  return { name: raw.name.trim(), message: raw.message, ...(options as unknown as ComposeOptions) };
}

/** A presets file's text: { format, version, presets: [...] } or a bare array of presets. */
export function importPresets(text: string): ImportResult {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: t('presets.notJson', { detail }) };
  }
  let list: unknown = parsed;
  if (isRecord(parsed)) {
    if (parsed.format !== undefined && parsed.format !== PRESETS_FORMAT) {
      return {
        ok: false,
        reason: t('presets.otherFormat', { format: JSON.stringify(parsed.format) }),
      };
    }
    if (parsed.version !== undefined && parsed.version !== 1) {
      return {
        ok: false,
        reason: t('presets.otherVersion', { version: JSON.stringify(parsed.version) }),
      };
    }
    list = parsed.presets;
  }
  if (!Array.isArray(list)) return { ok: false, reason: t('presets.noList') };
  if (list.length > MAX_PRESETS)
    return { ok: false, reason: t('presets.tooMany', { count: list.length, max: MAX_PRESETS }) };
  const presets: SendPreset[] = [];
  for (const [i, raw] of list.entries()) {
    const preset = presetOf(raw, i + 1);
    if (typeof preset === 'string') return { ok: false, reason: preset };
    if (presets.some((p) => p.name === preset.name)) {
      return { ok: false, reason: t('presets.sameName', { name: preset.name }) };
    }
    presets.push(preset);
  }
  return { ok: true, presets };
}

/** Imported presets replace the ones of the same name (in place); the others are added after. */
export function mergePresets(current: readonly SendPreset[], incoming: readonly SendPreset[]): SendPreset[] {
  const byName = new Map(incoming.map((p) => [p.name, p]));
  const merged = current.map((p) => byName.get(p.name) ?? p);
  for (const p of incoming) if (!current.some((c) => c.name === p.name)) merged.push(p);
  return merged.slice(0, MAX_PRESETS);
}

export interface PresetsStore extends StoreApi<{ presets: SendPreset[] }> {
  set(presets: SendPreset[]): void;
}

/** `initial`: the settings file's presets (settings-sync.ts keeps them there). */
export function createPresetsStore(initial: SendPreset[] = []): PresetsStore {
  const store = createStore<{ presets: SendPreset[] }>()(() => ({ presets: initial }));
  return { ...store, set: (presets) => store.setState({ presets }) };
}
