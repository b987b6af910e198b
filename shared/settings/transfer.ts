// Export and import of every setting as one JSON file, and the patch a save applies. Pure: the
// renderer reads the chosen file, the engine side writes the settings file.
import { type ReadProblem, readSettingsText } from './migrate';
import { LIMITS, SETTINGS_SECTIONS, type Settings, type SettingsPatch, type SettingsSection } from './schema';

/** The export is the settings file itself, so either one can be imported or put in place. */
export const exportSettings = (settings: Settings): string => `${JSON.stringify(settings, null, 2)}\n`;

/** Named things from the file replace those of the same name; the others stay, in their order. */
function mergeByName<T extends { name: string }>(
  current: readonly T[],
  incoming: readonly T[],
  max: number,
): T[] {
  const byName = new Map(incoming.map((item) => [item.name, item]));
  const merged = current.map((item) => byName.get(item.name) ?? item);
  for (const item of incoming) if (!current.some((c) => c.name === item.name)) merged.push(item);
  return merged.slice(0, max);
}

export type ImportResult =
  | { ok: true; settings: Settings; refused: string[]; sections: SettingsSection[]; from: number }
  | ({ ok: false } & ReadProblem);

/**
 * An imported file, read and migrated as a load is. Only the parts the file has change: saved
 * sessions and presets join the current ones by name (the file's win), the others are replaced.
 */
export function importSettings(current: Settings, text: string): ImportResult {
  const read = readSettingsText(text);
  if (!read.ok) return read;
  const next: Settings = { ...current };
  for (const section of read.sections) {
    if (section === 'savedSessions') {
      next.savedSessions = mergeByName(
        current.savedSessions,
        read.settings.savedSessions,
        LIMITS.savedSessions,
      );
    } else if (section === 'presets') {
      next.presets = mergeByName(current.presets, read.settings.presets, LIMITS.presets);
    } else {
      (next as Record<SettingsSection, unknown>)[section] = read.settings[section];
    }
  }
  return { ok: true, settings: next, refused: read.refused, sections: read.sections, from: read.from };
}

/** A save's parts laid over the current settings (the patch is already validated). */
export function applyPatch(current: Settings, patch: SettingsPatch): Settings {
  const next: Settings = { ...current };
  for (const section of SETTINGS_SECTIONS) {
    const value = patch[section];
    if (value !== undefined) (next as Record<SettingsSection, unknown>)[section] = value;
  }
  return next;
}
