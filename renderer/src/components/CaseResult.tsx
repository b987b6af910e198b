// A case run's result in the Test cases panel: the summary line, then one row per step with its
// PASS / FAIL / TIMEOUT / SKIPPED badge, round trip and, under a failure, the byte diff.
import type { CaseRunResult, CaseStepRow } from '../../../shared/contract/model';
import { formatMs, summaryLine, VERDICT_WORDS } from '../state/test-cases';

function timing(step: CaseStepRow): string {
  if (step.verdict === 'skipped') return '';
  if (step.completeMs !== undefined) return `rtt ${formatMs(step.completeMs)}`;
  if (step.kind === 'send' || step.kind === 'close') return '';
  return formatMs(step.durationMs);
}

function StepRow({ step }: { step: CaseStepRow }) {
  const id = step.round ? `${step.number} #${step.round}` : step.number;
  const time = timing(step);
  return (
    <li className={`case-step verdict-${step.verdict}`}>
      <div className="case-step-line">
        <span className={`case-badge ${step.verdict}`}>{VERDICT_WORDS[step.verdict]}</span>
        <span className="case-step-id mono">{id}</span>
        <span className="case-step-label">{step.label}</span>
        {time && <span className="case-step-time mono">{time}</span>}
      </div>
      {step.details && <pre className="case-step-details">{step.details}</pre>}
    </li>
  );
}

export function CaseResult({ result }: { result: CaseRunResult }) {
  const simulated = result.simulated ? ` (simulated ${result.simulated})` : '';
  return (
    <div className="case-result">
      <p className="case-summary" role="status">
        <span className={`case-badge ${result.passed ? 'pass' : 'fail'}`}>
          {result.passed ? 'PASSED' : 'FAILED'}
        </span>{' '}
        {summaryLine(result)}
        <span className="muted">
          {' '}
          · {result.name} against {result.target}
          {simulated} in {formatMs(result.durationMs)}
          {result.rtt ? ` · rtt p50 ${formatMs(result.rtt.p50)}, max ${formatMs(result.rtt.max)}` : ''}
        </span>
      </p>
      <ol className="case-steps" aria-label="Steps">
        {result.steps.map((step, i) => (
          // A repeat's rounds share their step number; the position keeps rows apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder within one result
          <StepRow key={i} step={step} />
        ))}
      </ol>
      {result.notes.map((note) => (
        <p key={note} className="muted case-note">
          Note: {note}
        </p>
      ))}
    </div>
  );
}
