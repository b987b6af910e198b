// The key map and its matcher: Cmd on macOS and Ctrl elsewhere, exact modifiers (AltGr is not Ctrl),
// layouts that move the keys, input methods mid-composition, and what Mod+<n> sends.
import { afterEach, describe, expect, it } from 'vitest';
import { PAGE_KEYS, type PageCommand } from '../../../shared/keyboard/page-keys';
import { setLanguage } from '../i18n';
import type { SendPreset } from './send-presets';
import {
  ariaChord,
  chordLabel,
  isMacPlatform,
  type KeyPress,
  matchShortcut,
  presetShot,
  SHORTCUTS,
} from './shortcuts';

afterEach(() => setLanguage('en'));

/** A keydown as Chromium reports it on a US layout. */
function press(key: string, mods: Partial<KeyPress> = {}): KeyPress {
  const code = /^[a-z]$/i.test(key)
    ? `Key${key.toUpperCase()}`
    : /^[0-9]$/.test(key)
      ? `Digit${key}`
      : (({ Enter: 'Enter', '/': 'Slash', F1: 'F1', Escape: 'Escape' } as Record<string, string>)[key] ?? '');
  return { key, code, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, ...mods };
}
const ctrl = (key: string, more: Partial<KeyPress> = {}) => press(key, { ctrlKey: true, ...more });
const cmd = (key: string, more: Partial<KeyPress> = {}) => press(key, { metaKey: true, ...more });

describe('matchShortcut', () => {
  it('maps Ctrl chords on Windows and Linux', () => {
    expect(matchShortcut(ctrl('Enter'), false)).toEqual({ kind: 'send' });
    expect(matchShortcut(ctrl('f'), false)).toEqual({ kind: 'find' });
    expect(matchShortcut(ctrl('l'), false)).toEqual({ kind: 'clearLog' });
    expect(matchShortcut(ctrl('n'), false)).toEqual({ kind: 'newSession' });
    expect(matchShortcut(ctrl('/'), false)).toEqual({ kind: 'shortcuts' });
    expect(matchShortcut(press('F1'), false)).toEqual({ kind: 'shortcuts' });
    for (let n = 1; n <= 9; n += 1) {
      expect(matchShortcut(ctrl(String(n)), false)).toEqual({ kind: 'preset', index: n - 1 });
    }
  });

  it('maps Cmd chords on macOS, where Ctrl is left to the text fields', () => {
    expect(matchShortcut(cmd('Enter'), true)).toEqual({ kind: 'send' });
    expect(matchShortcut(cmd('n'), true)).toEqual({ kind: 'newSession' });
    expect(matchShortcut(cmd('3'), true)).toEqual({ kind: 'preset', index: 2 });
    expect(matchShortcut(ctrl('n'), true)).toBeUndefined();
    expect(matchShortcut(ctrl('l'), true)).toBeUndefined();
    expect(matchShortcut(cmd('n'), false)).toBeUndefined();
  });

  it('needs exactly the one modifier: AltGr (Ctrl+Alt), Shift and both Ctrl and Cmd do not match', () => {
    expect(matchShortcut(ctrl('l', { altKey: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('n', { shiftKey: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('Enter', { shiftKey: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('f', { metaKey: true }), false)).toBeUndefined();
    expect(matchShortcut(press('n'), false)).toBeUndefined();
    expect(matchShortcut(press('Enter'), false)).toBeUndefined();
    expect(matchShortcut(press('F1', { ctrlKey: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('z'), false)).toBeUndefined();
    expect(matchShortcut(ctrl('0'), false)).toBeUndefined();
  });

  it('never fires while an input method is composing', () => {
    expect(matchShortcut(ctrl('Enter', { isComposing: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('n', { keyCode: 229 }), false)).toBeUndefined();
    expect(matchShortcut(press('F1', { isComposing: true }), false)).toBeUndefined();
    expect(matchShortcut(cmd('1', { isComposing: true }), true)).toBeUndefined();
  });

  it('follows the layout for letters and the key position for digits', () => {
    // Dvorak: the key labelled N sends key "n" from another position.
    expect(matchShortcut(ctrl('n', { code: 'KeyL' }), false)).toEqual({ kind: 'newSession' });
    // Russian: Ctrl on the physical N key reports a Cyrillic letter.
    expect(matchShortcut(ctrl('т', { code: 'KeyN' }), false)).toEqual({ kind: 'newSession' });
    // AZERTY: the 1 key prints "&" unshifted.
    expect(matchShortcut(ctrl('&', { code: 'Digit1' }), false)).toEqual({ kind: 'preset', index: 0 });
    expect(matchShortcut(ctrl('4', { code: 'Numpad4' }), false)).toEqual({ kind: 'preset', index: 3 });
    // German: "/" is Shift+7.
    expect(matchShortcut(ctrl('/', { code: 'Digit7', shiftKey: true }), false)).toEqual({
      kind: 'shortcuts',
    });
    // A synthetic key press without a physical code (the desktop menu's).
    expect(matchShortcut(ctrl('2', { code: '' }), false)).toEqual({ kind: 'preset', index: 1 });
  });

  it('does not repeat a preset send or a new session while the key is held down', () => {
    expect(matchShortcut(ctrl('1', { repeat: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('n', { repeat: true }), false)).toBeUndefined();
    expect(matchShortcut(ctrl('f', { repeat: true }), false)).toEqual({ kind: 'find' });
  });
});

describe("the desktop menu's keys", () => {
  /** What each menu command must do in the page when the menu delivers its key. */
  const expected = (command: PageCommand): ReturnType<typeof matchShortcut> => {
    const preset = /^preset(\d)$/.exec(command);
    if (preset) return { kind: 'preset', index: Number(preset[1]) - 1 };
    return { kind: command } as ReturnType<typeof matchShortcut>;
  };

  it('are the keys the page acts on, with Ctrl and with Cmd', () => {
    for (const command of Object.keys(PAGE_KEYS) as PageCommand[]) {
      expect(matchShortcut(ctrl(PAGE_KEYS[command]), false), command).toEqual(expected(command));
      expect(matchShortcut(cmd(PAGE_KEYS[command]), true), command).toEqual(expected(command));
    }
  });
});

describe('the sheet data', () => {
  it('lists every command the matcher knows, with a chord the matcher accepts', () => {
    const actions = SHORTCUTS.map((s) => s.action);
    for (const action of [
      'keys.send',
      'keys.preset',
      'keys.find',
      'keys.clearLog',
      'keys.newSession',
      'keys.sheet',
    ]) {
      expect(actions).toContain(action);
    }
  });

  it('labels chords the way each platform prints them', () => {
    expect(chordLabel('Mod+N', false)).toBe('Ctrl+N');
    expect(chordLabel('Mod+N', true)).toBe('⌘N');
    expect(chordLabel('Mod+1 … Mod+9', true)).toBe('⌘1 … ⌘9');
    expect(chordLabel('Shift+Enter', true)).toBe('⇧Enter');
    expect(ariaChord('Mod+/', false)).toBe('Control+/');
    expect(ariaChord('Mod+/', true)).toBe('Meta+/');
    expect(isMacPlatform('MacIntel')).toBe(true);
    expect(isMacPlatform('Win32')).toBe(false);
    expect(isMacPlatform('Linux x86_64')).toBe(false);
  });
});

describe('presetShot', () => {
  const preset = (name: string): SendPreset => ({
    name,
    message: 'ping',
    encodeAs: 'ascii',
    lineEnding: 'crlf',
    escapes: true,
    macros: false,
    checksum: 'none',
    checksumOrder: 'be',
  });
  const presets = [preset('Ping'), preset('Reset')];

  it('sends the nth preset where Send would go', () => {
    expect(presetShot(presets, 1, { ok: true, to: { kind: 'all' } }, true)).toEqual({
      ok: true,
      preset: presets[1],
      to: { kind: 'all' },
    });
    expect(presetShot(presets, 0, { ok: true }, true)).toEqual({ ok: true, preset: presets[0] });
  });

  it('says why nothing went', () => {
    expect(presetShot(presets, 4, { ok: true }, true)).toEqual({
      ok: false,
      message: 'There is no preset 5.',
    });
    expect(presetShot(presets, 0, { ok: false, reason: 'Connect to a board to send.' }, true)).toEqual({
      ok: false,
      message: 'Preset Ping was not sent: Connect to a board to send.',
    });
    expect(presetShot(presets, 0, { ok: true }, false)).toEqual({
      ok: false,
      message: 'Preset Ping was not sent: the connection to the engine is down.',
    });
    setLanguage('zh-CN');
    expect(presetShot([], 2, { ok: true }, true)).toEqual({ ok: false, message: '没有预设 3。' });
  });
});
