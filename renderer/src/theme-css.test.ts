// The themes in styles.css: the OS's dark block and the Settings' dark block say the same, and every
// text colour is readable (WCAG AA, 4.5:1) on the surfaces it is drawn on, in light and in dark.
import { describe, expect, it } from 'vitest';

type Fs = { readFileSync(path: URL, encoding: 'utf8'): string };
// Vitest turns stylesheet imports (even ?raw) into empty strings, and the renderer's code may not
// import Node modules, so the test asks Node for its fs at run time.
const node = (globalThis as unknown as { process: { getBuiltinModule(id: 'node:fs'): Fs } }).process;
const css = node.getBuiltinModule('node:fs').readFileSync(new URL('./styles.css', import.meta.url), 'utf8');

/** The declarations of the first rule whose selector is exactly `selector`. */
function block(selector: string): string {
  const start = css.indexOf(`${selector} {`);
  if (start < 0) throw new Error(`styles.css has no ${selector} rule`);
  return css.slice(start + selector.length + 2, css.indexOf('}', start));
}

const colours = (declarations: string): Record<string, string> =>
  Object.fromEntries(
    [...declarations.matchAll(/--([\w-]+):\s*(#[0-9a-fA-F]{6})\b/g)].map((m) => [m[1], m[2]?.toLowerCase()]),
  );

const light = colours(block(':root'));
const darkByOs = colours(block('  :root:not([data-theme="light"])'));
const dark = { ...light, ...colours(block(':root[data-theme="dark"]')) };

function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5]
    .map((i) => Number.parseInt(hex.slice(i, i + 2), 16) / 255)
    .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** `top` at `share` over `under`, as color-mix(in srgb ...) draws a tinted row. */
function mix(top: string, share: number, under: string): string {
  const channel = (hex: string, i: number) => Number.parseInt(hex.slice(i, i + 2), 16);
  const out = [1, 3, 5].map((i) => Math.round(channel(top, i) * share + channel(under, i) * (1 - share)));
  return `#${out.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
}

const TEXT_ON = {
  text: ['bg', 'surface', 'surface-2'],
  muted: ['bg', 'surface', 'surface-2'],
  faint: ['bg', 'surface', 'surface-2'],
  accent: ['surface'],
  ok: ['surface'],
  warn: ['surface', 'warn-bg'],
  danger: ['surface', 'danger-bg'],
  rx: ['surface', 'rx-bg'],
  tx: ['surface', 'tx-bg'],
  esc: ['surface', 'surface-2'],
} as const;

describe('the themes', () => {
  it('give the same dark colours whether the OS or Settings chose dark', () => {
    expect(Object.keys(darkByOs).length).toBeGreaterThan(20);
    expect(darkByOs).toEqual(colours(block(':root[data-theme="dark"]')));
  });

  for (const [name, theme] of [
    ['light', light],
    ['dark', dark],
  ] as const) {
    it(`keep every text colour at 4.5:1 or more in ${name}`, () => {
      const low: string[] = [];
      const check = (fg: string, bg: string, label: string) => {
        const ratio = contrast(fg, bg);
        if (ratio < 4.5) low.push(`${label}: ${ratio.toFixed(2)}`);
      };
      for (const [fg, backgrounds] of Object.entries(TEXT_ON)) {
        for (const bg of backgrounds) check(theme[fg] as string, theme[bg] as string, `${fg} on ${bg}`);
      }
      check(theme['accent-text'] as string, theme['accent-fill'] as string, 'accent-text on accent-fill');
      // A TX row is tinted with its colour at 45 %; escapes and text are drawn on it.
      const txRow = mix(theme['tx-bg'] as string, 0.45, theme.surface as string);
      for (const fg of ['text', 'esc', 'muted']) check(theme[fg] as string, txRow, `${fg} on a TX row`);
      expect(low).toEqual([]);
    });
  }
});
