// The readable side of a case run: one line per step (PASS / FAIL / TIMEOUT / SKIPPED, round trip,
// the byte diff under a failure), a closing line per run, and a per-board table for fan-out. Plain Node.
import { formatHex } from '../../shared/codec/hex';
import type { CaseReport, StepResult } from './case-runner';

const VERDICT_WORDS: Record<StepResult['verdict'], string> = {
  pass: 'PASS',
  fail: 'FAIL',
  timeout: 'TIMEOUT',
  skipped: 'SKIPPED',
};

/** 0.213 -> "0.21 ms", 12.34 -> "12.3 ms", 1234 -> "1234 ms". */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export const stepId = (r: Pick<StepResult, 'number' | 'round'>): string =>
  r.round ? `${r.number} #${r.round}` : r.number;

function timing(r: StepResult): string {
  if (r.verdict === 'skipped') return '';
  if (r.kind === 'send' && r.completeMs !== undefined) {
    const first =
      r.firstByteMs !== undefined && r.completeMs - r.firstByteMs >= 0.05
        ? `, first byte ${formatMs(r.firstByteMs)}`
        : '';
    return `rtt ${formatMs(r.completeMs)}${first}`;
  }
  if (r.kind === 'expect') return r.completeMs !== undefined ? `after ${formatMs(r.completeMs)}` : '';
  if (r.kind === 'send' || r.kind === 'close') return '';
  return formatMs(r.durationMs);
}

const printable = (bytes: Uint8Array) =>
  Array.from(bytes, (b) => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '.')).join('');

/** What came, when there is nothing to diff against (a regex, a closed connection). */
function received(bytes: Uint8Array): string {
  if (bytes.length === 0) return 'received nothing';
  const head = bytes.subarray(0, 32);
  const more = bytes.length > head.length ? ` ... (${bytes.length} bytes)` : '';
  return `received ${formatHex(head)}${more}  |${printable(head)}|`;
}

/** The lines that explain a failure, without indentation. */
export function failureDetails(r: StepResult): string[] {
  if (r.verdict === 'pass' || r.verdict === 'skipped') return [];
  const lines: string[] = [];
  if (r.reason) lines.push(r.reason);
  if (r.diff) lines.push(...r.diff.split('\n'));
  else if (r.actual && (r.actual.length > 0 || r.kind === 'send' || r.kind === 'expect')) {
    lines.push(received(r.actual));
  }
  return lines;
}

const INDENT = ' '.repeat(9);

export function formatStep(r: StepResult): string[] {
  const id = stepId(r);
  const time = timing(r);
  const head = `  ${VERDICT_WORDS[r.verdict].padEnd(7)} ${id.padEnd(7)} ${r.label}${time ? `  ${time}` : ''}`;
  const details = r.verdict === 'skipped' ? (r.reason ? [r.reason] : []) : failureDetails(r);
  if (r.verdict === 'pass' && r.reason) details.push(r.reason);
  return [head, ...details.map((line) => `${INDENT}${line}`)];
}

export function formatRunHeader(report: Pick<CaseReport, 'name' | 'file' | 'target' | 'simulated'>): string {
  const simulated = report.simulated ? ` (simulated ${report.simulated})` : '';
  return `${report.name} [${report.file}] against ${report.target}${simulated}`;
}

export function formatCounts(report: CaseReport): string {
  const c = report.counts;
  return `${c.passed} passed, ${c.failed} failed, ${c.timedOut} timed out, ${c.skipped} skipped`;
}

export function formatRtt(report: CaseReport): string {
  const r = report.rtt;
  if (!r) return '';
  return `round trip min ${formatMs(r.min)}, p50 ${formatMs(r.p50)}, p95 ${formatMs(r.p95)}, max ${formatMs(r.max)}`;
}

export function formatRunFooter(report: CaseReport): string[] {
  const rtt = formatRtt(report);
  const line = `${report.verdict === 'pass' ? 'PASSED' : 'FAILED'}: ${formatCounts(report)} in ${formatMs(report.durationMs)}${rtt ? `; ${rtt}` : ''}`;
  return [line, ...report.notes.map((note) => `Note: ${note}`)];
}

/** A whole run: header, a line per step, footer. */
export function formatRun(report: CaseReport): string[] {
  return [formatRunHeader(report), ...report.steps.flatMap(formatStep), ...formatRunFooter(report)];
}

/** Fan-out and several cases: one line per run, the boards side by side. */
export function formatBoardTable(reports: readonly CaseReport[]): string[] {
  const width = Math.max(...reports.map((r) => r.target.length));
  const nameWidth = Math.max(...reports.map((r) => r.name.length));
  return reports.map((r) => {
    const p50 = r.rtt ? `  p50 ${formatMs(r.rtt.p50)}` : '';
    const verdict = (r.verdict === 'pass' ? 'PASS' : 'FAIL').padEnd(5);
    return `  ${verdict} ${r.name.padEnd(nameWidth)}  ${r.target.padEnd(width)}  ${formatCounts(r)}${p50}`;
  });
}
