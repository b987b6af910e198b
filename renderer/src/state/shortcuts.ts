// The window's keyboard shortcuts as data, and the matcher that turns a keydown into a command:
// Cmd on macOS, Ctrl elsewhere, nothing while an input method is composing. Pure.
import type { SendTarget } from '../../../shared/contract/model';
import type { MessageKey } from '../../../shared/i18n/catalog';
import { t } from '../i18n';
import type { SendPreset } from './send-presets';
import type { SendPlan } from './send-target';

export type ShortcutCommand =
  | { kind: 'send' }
  | { kind: 'find' }
  | { kind: 'clearLog' }
  | { kind: 'newSession' }
  | { kind: 'preset'; index: number }
  | { kind: 'shortcuts' };

/** One line of the shortcuts sheet: its chords (any of them works) and what it does. */
export interface Shortcut {
  /** Each chord as key names joined by '+'; 'Mod' is Cmd on macOS and Ctrl elsewhere. */
  chords: readonly string[];
  action: MessageKey;
  /** Shown only, not matched here: keys that belong to one field (its own handler acts on them). */
  where?: MessageKey;
}

/** What the sheet lists, in order. The matcher below acts on the first six. */
export const SHORTCUTS: readonly Shortcut[] = [
  { chords: ['Mod+Enter'], action: 'keys.send' },
  { chords: ['Mod+1 … Mod+9'], action: 'keys.preset' },
  { chords: ['Mod+F'], action: 'keys.find' },
  { chords: ['Mod+L'], action: 'keys.clearLog' },
  { chords: ['Mod+N'], action: 'keys.newSession' },
  { chords: ['Mod+/', 'F1'], action: 'keys.sheet' },
  { chords: ['↑', '↓'], action: 'keys.history', where: 'keys.inMessage' },
  { chords: ['Enter', 'Shift+Enter'], action: 'keys.findStep', where: 'keys.inFind' },
  { chords: ['Esc'], action: 'keys.findClear', where: 'keys.inFind' },
];

/** The parts of a KeyboardEvent the matcher reads (a DOM event has them all). */
export interface KeyPress {
  key: string;
  code: string;
  ctrlKey: boolean;
  metaKey: boolean;
  altKey: boolean;
  shiftKey: boolean;
  isComposing?: boolean;
  keyCode?: number;
  repeat?: boolean;
}

/** Chromium reports keyCode 229 for keys an input method takes, even before isComposing is set. */
const IME_KEY_CODE = 229;

export const isMacPlatform = (platform: string): boolean => /Mac|iPhone|iPad|iPod/i.test(platform);

/** The letter a key stands for: the layout's letter, or the physical key on a non-Latin layout. */
function letterOf(press: KeyPress): string | undefined {
  if (/^[a-z]$/i.test(press.key)) return press.key.toLowerCase();
  const physical = /^Key([A-Z])$/.exec(press.code);
  return physical?.[1]?.toLowerCase();
}

/**
 * 1..9 from the digit row or the keypad, whatever the layout prints on the key (AZERTY: &, é ...).
 * A synthetic key (the desktop menu's) may come without a physical code: then the key itself.
 */
function digitOf(press: KeyPress): number | undefined {
  const match =
    /^(?:Digit|Numpad)([1-9])$/.exec(press.code) ?? (press.code ? null : /^([1-9])$/.exec(press.key));
  return match?.[1] ? Number(match[1]) : undefined;
}

/**
 * The command a keydown stands for, or undefined. The modifier must be exactly the platform's one:
 * Ctrl+Alt is AltGr on Windows keyboards (how many layouts type @, [ or |), so it never matches.
 */
export function matchShortcut(press: KeyPress, mac: boolean): ShortcutCommand | undefined {
  if (press.isComposing || press.keyCode === IME_KEY_CODE) return undefined;
  if (press.altKey) return undefined;
  const noModifier = !press.ctrlKey && !press.metaKey;
  if (press.key === 'F1' && noModifier && !press.shiftKey) return { kind: 'shortcuts' };
  const mod = mac ? press.metaKey && !press.ctrlKey : press.ctrlKey && !press.metaKey;
  if (!mod) return undefined;
  // '/' needs Shift on some layouts (German: Shift+7), so Shift is allowed for it alone.
  if (press.key === '/' || press.code === 'Slash') return { kind: 'shortcuts' };
  if (press.shiftKey) return undefined;
  if (press.key === 'Enter') return { kind: 'send' };
  const digit = digitOf(press);
  if (digit !== undefined) return press.repeat ? undefined : { kind: 'preset', index: digit - 1 };
  switch (letterOf(press)) {
    case 'f':
      return { kind: 'find' };
    case 'l':
      return { kind: 'clearLog' };
    case 'n':
      return press.repeat ? undefined : { kind: 'newSession' };
    default:
      return undefined;
  }
}

/** A chord as the user's keyboard labels it: "Ctrl+N" elsewhere, "⌘N" on macOS. */
export function chordLabel(chord: string, mac: boolean): string {
  if (!mac) return chord.replaceAll('Mod+', 'Ctrl+');
  return chord.replaceAll('Mod+', '⌘').replaceAll('Shift+', '⇧');
}

/** For aria-keyshortcuts: "Control+N" / "Meta+N" (the attribute wants key names, not glyphs). */
export function ariaChord(chord: string, mac: boolean): string {
  return chord.replaceAll('Mod+', mac ? 'Meta+' : 'Control+');
}

export type PresetShot = { ok: true; preset: SendPreset; to?: SendTarget } | { ok: false; message: string };

/**
 * What Mod+<n> sends: preset n (counted from 0 here) of the Presets list, where the active session's
 * Send would go; or the sentence that says why nothing went (no such preset, nothing to send to).
 */
export function presetShot(
  presets: readonly SendPreset[],
  index: number,
  plan: SendPlan,
  linkUp: boolean,
): PresetShot {
  const preset = presets[index];
  if (!preset) return { ok: false, message: t('keys.noPreset', { number: index + 1 }) };
  if (!linkUp) return { ok: false, message: t('keys.presetOffline', { name: preset.name }) };
  if (!plan.ok)
    return { ok: false, message: t('keys.presetNotSent', { name: preset.name, reason: plan.reason }) };
  return { ok: true, preset, ...(plan.to ? { to: plan.to } : {}) };
}
