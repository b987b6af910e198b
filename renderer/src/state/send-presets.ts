// Named quick-send presets: a message with the composer choices that make its bytes, as buttons.
// Saved, edited, deleted, kept across runs, and exported / imported as a JSON file that is checked
// field by field with a sentence for the first fault. Pure functions plus a small store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { LINE_ENDINGS } from '../../../shared/contract/model';
import type { ComposeOptions } from './compose';
import { CHECKSUM_CHOICES, ENCODE_AS, type KeyValueStorage, writeStored } from './prefs-store';

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
  if (n === '') return 'Enter a name for the preset.';
  if (n.length > MAX_NAME) return `A preset name has at most ${MAX_NAME} characters.`;
  if (presets.some((p) => p.name === n && p.name !== except)) return `A preset named “${n}” exists already.`;
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
  return { bad: `${key} is ${JSON.stringify(v)}, which is not one of ${options.join(', ')}` };
}

function flag(raw: Record<string, unknown>, key: string, fallback: boolean): Field<boolean> {
  const v = raw[key];
  if (v === undefined) return { value: fallback };
  return typeof v === 'boolean' ? { value: v } : { bad: `${key} must be true or false` };
}

/** One preset from a file; optional fields take the composer's defaults. */
function presetOf(raw: unknown, n: number): SendPreset | string {
  const where = `Preset ${n}`;
  if (!isRecord(raw)) return `${where} is not an object with a name and a message.`;
  if (typeof raw.name !== 'string' || raw.name.trim() === '') return `${where} has no name.`;
  const label = `${where} (“${raw.name.trim().slice(0, MAX_NAME)}”)`;
  if (raw.name.trim().length > MAX_NAME) return `${label}: the name is longer than ${MAX_NAME} characters.`;
  if (typeof raw.message !== 'string') return `${label} has no message.`;
  if (raw.message.length > MAX_MESSAGE) return `${label}: the message is longer than 64 KiB.`;
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
    if ('bad' in field) return `${label}: ${field.bad}.`;
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
    return { ok: false, reason: `This file is not JSON (${detail}). Choose a file made by Export presets.` };
  }
  let list: unknown = parsed;
  if (isRecord(parsed)) {
    if (parsed.format !== undefined && parsed.format !== PRESETS_FORMAT) {
      return {
        ok: false,
        reason: `This JSON is not a presets file (its format is ${JSON.stringify(parsed.format)}).`,
      };
    }
    if (parsed.version !== undefined && parsed.version !== 1) {
      return {
        ok: false,
        reason: `This presets file is version ${JSON.stringify(parsed.version)}; this SocketBench reads version 1.`,
      };
    }
    list = parsed.presets;
  }
  if (!Array.isArray(list))
    return { ok: false, reason: 'This JSON has no list of presets (a "presets" array).' };
  if (list.length > MAX_PRESETS)
    return { ok: false, reason: `The file has ${list.length} presets; at most ${MAX_PRESETS} fit.` };
  const presets: SendPreset[] = [];
  for (const [i, raw] of list.entries()) {
    const preset = presetOf(raw, i + 1);
    if (typeof preset === 'string') return { ok: false, reason: preset };
    if (presets.some((p) => p.name === preset.name)) {
      return { ok: false, reason: `Two presets are named “${preset.name}”: names must differ.` };
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

const PRESETS_KEY = 'socketbench.presets';

export interface PresetsStore extends StoreApi<{ presets: SendPreset[] }> {
  set(presets: SendPreset[]): void;
}

export function createPresetsStore(storage?: KeyValueStorage): PresetsStore {
  let initial: SendPreset[] = [];
  try {
    const raw = storage?.getItem(PRESETS_KEY);
    const parsed = raw ? importPresets(raw) : undefined;
    initial = parsed?.ok ? parsed.presets : [];
  } catch {
    initial = [];
  }
  const store = createStore<{ presets: SendPreset[] }>()(() => ({ presets: initial }));
  store.subscribe(({ presets }) =>
    writeStored(storage, PRESETS_KEY, { format: PRESETS_FORMAT, version: 1, presets }),
  );
  return { ...store, set: (presets) => store.setState({ presets }) };
}
