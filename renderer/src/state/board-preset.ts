// A seed board's preset as the changes it makes: the session's protocol, port, framing and expect
// rule, and the composer's line ending and encodings (shared by every session). Pure.
import { BOARD_PRESETS, type BoardId, type BoardPreset } from '../../../shared/presets/boards';
import { t } from '../i18n';
import { expectSettings } from './expect-settings';
import type { Prefs } from './prefs-store';
import { framingSettings, type SessionSettings } from './settings';

export interface PresetChange {
  settings: Partial<SessionSettings>;
  prefs: Partial<Prefs>;
}

/** The port goes where the protocol needs it: the board's port, or the one to listen on. */
function portSettings(preset: BoardPreset): Partial<SessionSettings> {
  const port = String(preset.port);
  switch (preset.protocol) {
    case 'tcp-client':
      return { port };
    case 'tcp-server':
      return { serverPort: port };
    case 'udp':
      return { remotePort: port, replyToSender: false };
  }
}

export function boardPresetChange(preset: BoardPreset): PresetChange {
  return {
    settings: {
      protocol: preset.protocol,
      ...portSettings(preset),
      ...framingSettings(preset.framing),
      ...expectSettings(preset.expect, preset.expectTimeoutMs),
      boardPreset: preset.id,
    },
    prefs: { lineEnding: preset.lineEnding, encodeAs: preset.encodeAs, decodeAs: preset.decodeAs },
  };
}

export const boardPreset = (id: string): BoardPreset | undefined =>
  Object.hasOwn(BOARD_PRESETS, id) ? BOARD_PRESETS[id as BoardId] : undefined;

/** A preset's name as menus show it, in the window's language. */
export const boardLabel = (preset: BoardPreset): string => t(`session.board.${preset.id}`);

/** What the preset's board does, in one sentence in the window's language. */
export const boardBehaviour = (preset: BoardPreset): string => t(`session.board.${preset.id}.behaviour`);
