// A case run's result in the Test cases panel: the summary line, then one row per step with its
// PASS / FAIL / TIMEOUT / SKIPPED badge, round trip and, under a failure, the byte diff.
import type { CaseRunResult, CaseStepRow } from '../../../shared/contract/model';
import { t, useT } from '../i18n';
import { say } from '../state/phrase';
import { formatMs, summaryLine, verdictWord } from '../state/test-cases';

function timing(step: CaseStepRow): string {
  if (step.verdict === 'skipped') return '';
  if (step.completeMs !== undefined) return t('cases.rtt', { ms: formatMs(step.completeMs) });
  if (step.kind === 'send' || step.kind === 'close') return '';
  return formatMs(step.durationMs);
}

/** The step's lines in the window's language, each from its phrase when the engine gave one. */
function details(step: CaseStepRow): string | undefined {
  if (!step.details || !step.detailLines) return step.details;
  const phrases = step.detailLines;
  return step.details
    .split('\n')
    .map((line, i) => say(line, phrases[i] ?? undefined))
    .join('\n');
}

function StepRow({ step }: { step: CaseStepRow }) {
  useT();
  const id = step.round ? `${step.number} #${step.round}` : step.number;
  const time = timing(step);
  return (
    <li className={`case-step verdict-${step.verdict}`}>
      <div className="case-step-line">
        <span className={`case-badge ${step.verdict}`}>{verdictWord(step.verdict)}</span>
        <span className="case-step-id mono">{id}</span>
        <span className="case-step-label">{say(step.label, step.labelDetail)}</span>
        {time && <span className="case-step-time mono">{time}</span>}
      </div>
      {step.details && <pre className="case-step-details">{details(step)}</pre>}
    </li>
  );
}

export function CaseResult({ result }: { result: CaseRunResult }) {
  const { t } = useT();
  const simulated = result.simulated ? t('cases.simulated', { board: result.simulated }) : '';
  const rtt = result.rtt
    ? t('cases.rttSummary', { p50: formatMs(result.rtt.p50), max: formatMs(result.rtt.max) })
    : '';
  return (
    <div className="case-result">
      <p className="case-summary" role="status">
        <span className={`case-badge ${result.passed ? 'pass' : 'fail'}`}>
          {t(result.passed ? 'cases.passed' : 'cases.failed')}
        </span>{' '}
        {summaryLine(result)}
        <span className="muted">
          {t('cases.against', {
            name: result.name,
            target: say(result.target, result.targetDetail),
            simulated,
            duration: formatMs(result.durationMs),
          })}
          {rtt}
        </span>
      </p>
      <ol className="case-steps" aria-label={t('cases.steps')}>
        {result.steps.map((step, i) => (
          // A repeat's rounds share their step number; the position keeps rows apart.
          // biome-ignore lint/suspicious/noArrayIndexKey: rows never reorder within one result
          <StepRow key={i} step={step} />
        ))}
      </ol>
      {result.notes.map((note, i) => (
        <p key={note} className="muted case-note">
          {t('cases.note', { note: say(note, result.noteDetails?.[i]) })}
        </p>
      ))}
    </div>
  );
}
