// The settings file's current shape (version 2) as valibot schemas, one per field, so a reader can
// keep every good field and drop only the bad ones; the types the app uses are inferred from them.
import * as v from 'valibot';
import { DECODE_AS } from '../codec/display';
import { CHECKSUM_KINDS, LINE_ENDINGS, MATCH_KINDS, PROTOCOLS, TEXT_ENCODINGS } from '../contract/model';
import { LANGUAGE_PREFERENCES } from '../i18n/catalog';

export const SETTINGS_FORMAT = 'socketbench-settings';
export const SETTINGS_VERSION = 2;

export const ENCODE_AS = [...TEXT_ENCODINGS, 'hex', 'base64'] as const;
export const CHECKSUM_CHOICES = ['none', ...CHECKSUM_KINDS] as const;
/** How the log writes an entry's time: wall clock, gap since the entry above, or since the session opened. */
export const TIME_FORMATS = ['absolute', 'previous', 'start'] as const;
export const THEMES = ['system', 'light', 'dark'] as const;
export const FRAMING_KINDS = ['raw', 'delimiter', 'fixed', 'length-prefix', 'idle-gap'] as const;
export const EXPECT_KINDS = ['off', 'echo', 'prefix-echo', 'text', 'hex', 'regex'] as const;

export const LIMITS = {
  savedSessions: 200,
  sessionName: 60,
  recent: 10,
  presets: 200,
  presetName: 60,
  presetMessage: 64 * 1024,
  history: 100,
  historyText: 16 * 1024,
  autoReplyRows: 256,
  /** Any one typed field: expect patterns and auto-reply texts are the longest (64 KiB). */
  text: 64 * 1024,
} as const;

const text = v.pipe(v.string(), v.maxLength(LIMITS.text));
const flag = v.boolean();
const byteOrder = v.picklist(['be', 'le'] as const);
const name = (max: number) => v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(max));

/** Composer choices shared by the UI preferences and every preset. */
const composeEntries = {
  encodeAs: v.picklist(ENCODE_AS),
  lineEnding: v.picklist(LINE_ENDINGS),
  escapes: flag,
  macros: flag,
  checksum: v.picklist(CHECKSUM_CHOICES),
  checksumOrder: byteOrder,
};

export const uiEntries = {
  decodeAs: v.picklist(DECODE_AS),
  timeFormat: v.picklist(TIME_FORMATS),
  hexDump: flag,
  ...composeEntries,
  theme: v.picklist(THEMES),
  language: v.picklist(LANGUAGE_PREFERENCES),
};

export const autoReplyRowSchema = v.strictObject({
  id: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1_000_000_000)),
  match: v.picklist(MATCH_KINDS),
  pattern: text,
  reply: text,
  delayMs: text,
  enabled: flag,
});

/** A session's setup as typed (strings, so a half-typed port survives); every field may be absent. */
export const setupEntries = {
  protocol: v.picklist(PROTOCOLS),
  host: text,
  port: text,
  localAddress: text,
  localPort: text,
  connectTimeoutMs: text,
  noDelay: flag,
  keepAliveS: text,
  serverAddress: text,
  serverPort: text,
  udpAddress: text,
  udpPort: text,
  remoteHost: text,
  remotePort: text,
  replyToSender: flag,
  broadcast: flag,
  multicastGroup: text,
  multicastInterface: text,
  multicastTtl: text,
  multicastLoopback: flag,
  receiveBufferBytes: text,
  boardAddress: text,
  framing: v.picklist(FRAMING_KINDS),
  delimiterHex: text,
  frameLength: text,
  lengthSize: v.picklist(['1', '2', '4'] as const),
  lengthOrder: byteOrder,
  lengthOffset: text,
  lengthIncludesHeader: flag,
  gapMs: text,
  maxFrameBytes: text,
  capturePath: text,
  reconnect: flag,
  reconnectFirstMs: text,
  reconnectMaxMs: text,
  reconnectMaxTries: text,
  expectKind: v.picklist(EXPECT_KINDS),
  expectPrefix: text,
  expectText: text,
  expectHex: text,
  expectPattern: text,
  expectTimeoutMs: text,
  autoReply: v.pipe(v.array(autoReplyRowSchema), v.maxLength(LIMITS.autoReplyRows)),
  periodicIntervalMs: text,
  periodicCount: text,
  soakRounds: text,
  soakDurationS: text,
  soakIntervalMs: text,
  fileChunkBytes: text,
  fileDelayMs: text,
  boardPreset: text,
};

export const presetEntries = {
  name: name(LIMITS.presetName),
  message: v.pipe(v.string(), v.maxLength(LIMITS.presetMessage)),
  ...composeEntries,
};

export const historyEntries = {
  text: v.pipe(v.string(), v.nonEmpty(), v.maxLength(LIMITS.historyText)),
  encodeAs: v.picklist(ENCODE_AS),
};

const recentItem = v.pipe(v.string(), v.trim(), v.nonEmpty(), v.maxLength(255));

export const uiSchema = v.strictObject(uiEntries);
export const setupSchema = v.partial(v.strictObject(setupEntries));
export const savedSessionSchema = v.strictObject({ name: name(LIMITS.sessionName), setup: setupSchema });
export const recentSchema = v.strictObject({
  hosts: v.pipe(v.array(recentItem), v.maxLength(LIMITS.recent)),
  ports: v.pipe(v.array(v.pipe(v.string(), v.regex(/^\d{1,5}$/))), v.maxLength(LIMITS.recent)),
});
export const presetSchema = v.strictObject(presetEntries);
export const historyItemSchema = v.strictObject(historyEntries);

/** Every part of the file but its header; a save sends only the parts that changed. */
export const sectionSchemas = {
  ui: uiSchema,
  lastSession: setupSchema,
  savedSessions: v.pipe(v.array(savedSessionSchema), v.maxLength(LIMITS.savedSessions)),
  recent: recentSchema,
  presets: v.pipe(v.array(presetSchema), v.maxLength(LIMITS.presets)),
  history: v.pipe(v.array(historyItemSchema), v.maxLength(LIMITS.history)),
};

export const settingsPatchSchema = v.partial(v.strictObject(sectionSchemas));

export type UiPrefs = v.InferOutput<typeof uiSchema>;
export type SessionSetup = v.InferOutput<typeof setupSchema>;
export type SavedSession = v.InferOutput<typeof savedSessionSchema>;
export type RecentEndpoints = v.InferOutput<typeof recentSchema>;
export type SettingsPreset = v.InferOutput<typeof presetSchema>;
export type SettingsHistoryItem = v.InferOutput<typeof historyItemSchema>;
export type AutoReplyRowSetting = v.InferOutput<typeof autoReplyRowSchema>;
export type SettingsPatch = v.InferOutput<typeof settingsPatchSchema>;
export type SettingsSection = keyof typeof sectionSchemas;
export const SETTINGS_SECTIONS = Object.keys(sectionSchemas) as SettingsSection[];

export interface Settings {
  format: typeof SETTINGS_FORMAT;
  version: typeof SETTINGS_VERSION;
  ui: UiPrefs;
  /** The setup last edited: the next run's first session starts with it. */
  lastSession: SessionSetup;
  savedSessions: SavedSession[];
  /** Newest first; offered as suggestions in Host and Port. */
  recent: RecentEndpoints;
  presets: SettingsPreset[];
  /** Oldest first, as the Message box recalls them. */
  history: SettingsHistoryItem[];
}

export type ThemePreference = (typeof THEMES)[number];
