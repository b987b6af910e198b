// What a first run starts with: the settings of a user who has changed nothing. Pure.
import { SETTINGS_FORMAT, SETTINGS_VERSION, type Settings, type UiPrefs } from './schema';

export const defaultUi = (): UiPrefs => ({
  decodeAs: 'ascii',
  timeFormat: 'absolute',
  hexDump: false,
  encodeAs: 'ascii',
  lineEnding: 'none',
  escapes: true,
  macros: false,
  checksum: 'none',
  checksumOrder: 'be',
  theme: 'system',
  language: 'system',
});

/** A session's setup is stored partial: the UI fills whatever is absent from its own defaults. */
export const defaultSettings = (): Settings => ({
  format: SETTINGS_FORMAT,
  version: SETTINGS_VERSION,
  ui: defaultUi(),
  lastSession: {},
  savedSessions: [],
  recent: { hosts: [], ports: [] },
  presets: [],
  history: [],
});
