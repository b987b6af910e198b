// The readable side of a case run: one line per step (PASS / FAIL / TIMEOUT / SKIPPED, round trip,
// the byte diff under a failure), a closing line per run, and a per-board table for fan-out. Plain Node.
import { phrase } from '../../shared/codec/codec-error';
import { formatHex } from '../../shared/codec/hex';
import type { Phrase } from '../../shared/contract/model';
import { diffLines } from '../../shared/verify';
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

/** A line of a report, and its catalogue phrase when it has words in it. */
export interface DetailLine {
  text: string;
  detail?: Phrase;
}

/** What came, when there is nothing to diff against (a regex, a closed connection). */
function received(bytes: Uint8Array): DetailLine {
  if (bytes.length === 0) return { text: 'received nothing', detail: phrase('cases.receivedNothing') };
  const head = bytes.subarray(0, 32);
  const more = bytes.length > head.length ? ` ... (${bytes.length} bytes)` : '';
  const hex = formatHex(head);
  const text = printable(head);
  return {
    text: `received ${hex}${more}  |${text}|`,
    detail: phrase('cases.received', {
      hex,
      more: more ? phrase('cases.receivedMore', { count: bytes.length }) : '',
      text,
    }),
  };
}

/** The lines that explain a failure, without indentation, each with its phrase where it has one. */
export function failureDetailLines(r: StepResult): DetailLine[] {
  if (r.verdict === 'pass' || r.verdict === 'skipped') return [];
  const lines: DetailLine[] = [];
  if (r.reason) lines.push(reasonLine(r));
  if (r.diff) {
    // The picture again with its phrases; the stored text stays the reference.
    const picture = r.expected && r.actual ? diffLines(r.expected, r.actual) : [];
    const texts = r.diff.split('\n');
    lines.push(
      ...texts.map((text, i) => {
        const detail = picture[i]?.text === text ? picture[i]?.detail : undefined;
        return detail ? { text, detail } : { text };
      }),
    );
  } else if (r.actual && (r.actual.length > 0 || r.kind === 'send' || r.kind === 'expect')) {
    lines.push(received(r.actual));
  }
  return lines;
}

const reasonLine = (r: StepResult): DetailLine =>
  r.reasonDetail ? { text: r.reason ?? '', detail: r.reasonDetail } : { text: r.reason ?? '' };

/** Every line a step's row shows under it: a skip's reason, a failure's explanation, a pass's note. */
export function stepDetailLines(r: StepResult): DetailLine[] {
  const lines = r.verdict === 'skipped' ? (r.reason ? [reasonLine(r)] : []) : failureDetailLines(r);
  if (r.verdict === 'pass' && r.reason) lines.push(reasonLine(r));
  return lines;
}

/** The lines that explain a failure, without indentation. */
export const failureDetails = (r: StepResult): string[] => failureDetailLines(r).map((line) => line.text);

const INDENT = ' '.repeat(9);

export function formatStep(r: StepResult): string[] {
  const id = stepId(r);
  const time = timing(r);
  const head = `  ${VERDICT_WORDS[r.verdict].padEnd(7)} ${id.padEnd(7)} ${r.label}${time ? `  ${time}` : ''}`;
  return [head, ...stepDetailLines(r).map((line) => `${INDENT}${line.text}`)];
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
