// The bench's one output: a table (figure, raw reference, app, ratio, target, result) on stdout and
// the same rows, with each figure's measured details, as JSON.
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

/** pass / fail against the target; n/a when the figure cannot be measured yet; info has no target. */
export type Verdict = 'pass' | 'fail' | 'n/a' | 'info';

export interface Row {
  /** What is measured, as the table shows it. */
  figure: string;
  raw: string;
  app: string;
  /** app / raw, where the target is a ratio. */
  ratio?: number;
  target: string;
  verdict: Verdict;
  /** Why n/a, why it failed, or how it was measured. */
  note?: string;
}

export interface FigureResult {
  rows: Row[];
  /** Every number the rows came from, for the JSON. */
  details: Record<string, unknown>;
}

export const row = (r: Row): Row => r;

export const verdict = (ok: boolean): Verdict => (ok ? 'pass' : 'fail');

/** A figure that could not run at all: one row saying why, never a number. */
export function notMeasured(figure: string, target: string, why: string): Row {
  return { figure, raw: 'n/a', app: 'n/a', target, verdict: 'n/a', note: why };
}

export function formatRatio(ratio: number | undefined): string {
  if (ratio === undefined || !Number.isFinite(ratio)) return '';
  return `${ratio.toFixed(2)}x`;
}

function pad(cells: string[], widths: number[]): string {
  return `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
}

/** A Markdown table, so the same text pastes into docs/performance.md. */
export function formatTable(rows: readonly Row[]): string {
  const header = ['figure', 'raw reference', 'app', 'ratio', 'target', 'result'];
  const cells = rows.map((r) => [r.figure, r.raw, r.app, formatRatio(r.ratio), r.target, r.verdict]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const lines = [pad(header, widths), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`];
  for (const c of cells) lines.push(pad(c, widths));
  return lines.join('\n');
}

export function formatNotes(rows: readonly Row[]): string {
  return rows
    .filter((r) => r.note)
    .map((r) => `- ${r.figure}: ${r.note}`)
    .join('\n');
}

export function summary(rows: readonly Row[]): string {
  const judged = rows.filter((r) => r.verdict === 'pass' || r.verdict === 'fail');
  const met = judged.filter((r) => r.verdict === 'pass').length;
  const na = rows.filter((r) => r.verdict === 'n/a').length;
  return `targets met: ${met} of ${judged.length}${na ? `; not measurable yet: ${na}` : ''}`;
}

/**
 * Writes `value` as JSON, then formats it with the project's formatter: the lint checks every JSON
 * file in the tree, so a run of the bench must not leave one it would reject.
 */
export function writeJson(path: string, value: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
  try {
    const biome = createRequire(import.meta.url).resolve('@biomejs/biome/bin/biome');
    spawnSync(process.execPath, [biome, 'format', '--write', path], { stdio: 'ignore' });
  } catch {
    // Without the formatter the JSON is still valid; only the lint would complain.
  }
}
