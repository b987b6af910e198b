// The JSON report: every run and step as data, bytes as hex, for scripts and dashboards. Plain Node.
import { formatHex } from '../../shared/codec/hex';
import type { CaseReport, StepResult } from './case-runner';

export const JSON_REPORT_VERSION = 1;

export interface JsonStep extends Omit<StepResult, 'sent' | 'expected' | 'actual'> {
  sentHex?: string;
  expectedHex?: string;
  actualHex?: string;
}

export interface JsonRun extends Omit<CaseReport, 'steps' | 'startedAt'> {
  startedAt: string;
  steps: JsonStep[];
}

export interface JsonReport {
  version: number;
  verdict: 'pass' | 'fail';
  runs: JsonRun[];
}

const hex = (key: string, bytes: Uint8Array | undefined) => (bytes ? { [key]: formatHex(bytes) } : {});

function jsonStep(step: StepResult): JsonStep {
  const { sent, expected, actual, ...rest } = step;
  return { ...rest, ...hex('sentHex', sent), ...hex('expectedHex', expected), ...hex('actualHex', actual) };
}

export function toJsonReport(reports: readonly CaseReport[]): JsonReport {
  return {
    version: JSON_REPORT_VERSION,
    verdict: reports.every((r) => r.verdict === 'pass') ? 'pass' : 'fail',
    runs: reports.map((r) => ({
      ...r,
      startedAt: new Date(r.startedAt).toISOString(),
      steps: r.steps.map(jsonStep),
    })),
  };
}
