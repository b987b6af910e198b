// JUnit XML for CI: one <testsuite> per case and board, one <testcase> per step run, a <failure>
// carrying the reason and the byte diff, <skipped/> for steps a failure left out. Plain Node.

import { failureDetails, stepId } from './case-report';
import type { CaseReport, StepResult } from './case-runner';

/** XML 1.0 forbids most control characters even as references; they are shown as U+FFFD. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: the point is to find control characters
const NOT_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(6);
const attrs = (pairs: Record<string, string | number>) =>
  Object.entries(pairs)
    .map(([k, v]) => ` ${k}="${escapeXml(String(v))}"`)
    .join('');

export const suiteName = (r: CaseReport): string => `${r.name} @ ${r.target}`;

function testcase(r: StepResult, classname: string): string {
  const head = `    <testcase${attrs({ name: `${stepId(r)} ${r.label}`, classname, time: seconds(r.durationMs) })}`;
  if (r.verdict === 'pass') return `${head}/>`;
  if (r.verdict === 'skipped') {
    return `${head}>\n      <skipped${attrs({ message: r.reason ?? 'An earlier step failed.' })}/>\n    </testcase>`;
  }
  const details = failureDetails(r);
  const message = details[0] ?? (r.verdict === 'timeout' ? 'Timed out.' : 'Failed.');
  const type = r.verdict === 'timeout' ? 'TIMEOUT' : 'FAIL';
  const body = escapeXml(details.join('\n'));
  return `${head}>\n      <failure${attrs({ message, type })}>${body}</failure>\n    </testcase>`;
}

function testsuite(report: CaseReport): string {
  const c = report.counts;
  const classname = report.name;
  const open = `  <testsuite${attrs({
    name: suiteName(report),
    tests: report.steps.length,
    failures: c.failed + c.timedOut,
    errors: 0,
    skipped: c.skipped,
    time: seconds(report.durationMs),
    timestamp: new Date(report.startedAt).toISOString().replace(/\.\d+Z$/, ''),
  })}>`;
  const properties = [
    ['file', report.file],
    ['target', report.target],
    ...(report.simulated ? [['simulated', report.simulated]] : []),
  ]
    .map(([name, value]) => `      <property${attrs({ name: name as string, value: value as string })}/>`)
    .join('\n');
  const out = report.notes.length
    ? `\n    <system-out>${escapeXml(report.notes.join('\n'))}</system-out>`
    : '';
  const cases = report.steps.map((s) => testcase(s, classname)).join('\n');
  return `${open}\n    <properties>\n${properties}\n    </properties>\n${cases}${out}\n  </testsuite>`;
}

export function toJUnitXml(reports: readonly CaseReport[]): string {
  const sum = (f: (r: CaseReport) => number) => reports.reduce((n, r) => n + f(r), 0);
  const head = `<testsuites${attrs({
    name: 'SocketBench',
    tests: sum((r) => r.steps.length),
    failures: sum((r) => r.counts.failed + r.counts.timedOut),
    errors: 0,
    skipped: sum((r) => r.counts.skipped),
    time: seconds(sum((r) => r.durationMs)),
  })}>`;
  return `<?xml version="1.0" encoding="UTF-8"?>\n${head}\n${reports.map(testsuite).join('\n')}\n</testsuites>\n`;
}
