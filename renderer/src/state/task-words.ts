// Periodic sends and soak runs in words: the running indicator, a soak's live figures, and the
// summary a finished soak leaves in the log and in exports. Pure.
import type { SoakStats } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { type MessageKey, t, tn } from '../i18n';
import type { TaskView } from './automation-view';
import { formatMs } from './exchange-words';
import { faultText } from './phrase';

const every = (intervalMs: number | undefined): string =>
  intervalMs === undefined ? '' : t('task.every', { ms: formatCount(intervalMs) });

/** "Sending every 10 ms: 37 sent", "Sent 100 of 100 every 10 ms", "Stopped after 37 sent". */
export function periodicText(task: TaskView): string {
  const sent = formatCount(task.sent);
  const of = task.total !== undefined ? t('task.of', { total: formatCount(task.total) }) : '';
  const skipped = task.skipped ? t('task.skipped', { count: formatCount(task.skipped) }) : '';
  switch (task.state) {
    case 'running':
      return t('task.sending', { every: every(task.intervalMs), sent, of, skipped });
    case 'done':
      return t('task.sent', { sent, of, every: every(task.intervalMs), skipped });
    case 'stopped':
      return t('task.stoppedAfterSent', { sent, skipped });
    case 'error':
      return t('task.failedAfterSent', {
        sent,
        error: task.error ? faultText(task.error) : t('task.sendFailed'),
      });
  }
}

const RATE = new Intl.NumberFormat('en-US', { maximumFractionDigits: 1 });

/** "812 B/s", "12.4 kB/s", "3.1 MB/s" (decimal units, as link speeds are written). */
export function formatRate(bytesPerSecond: number): string {
  if (bytesPerSecond < 1000) return `${formatCount(Math.round(bytesPerSecond))} B/s`;
  if (bytesPerSecond < 1_000_000) return `${RATE.format(bytesPerSecond / 1000)} kB/s`;
  return `${RATE.format(bytesPerSecond / 1_000_000)} MB/s`;
}

/** "12.3 s", "2 min 5 s". */
export function formatDuration(ms: number): string {
  if (ms < 60_000) return t('task.seconds', { s: RATE.format(ms / 1000) });
  const s = Math.round(ms / 1000);
  return t('task.minutes', { m: Math.floor(s / 60), s: s % 60 });
}

export type FigureId =
  | 'sent'
  | 'passed'
  | 'failed'
  | 'timedOut'
  | 'outOfOrder'
  | 'min'
  | 'p50'
  | 'p95'
  | 'p99'
  | 'max'
  | 'throughput'
  | 'elapsed';

export interface Figure {
  /** Names the figure whatever the language. */
  id: FigureId;
  label: string;
  value: string;
  tone?: 'ok' | 'bad';
}

const FIGURE_LABELS: Readonly<Record<FigureId, MessageKey>> = {
  sent: 'task.figureSent',
  passed: 'task.figurePassed',
  failed: 'task.figureFailed',
  timedOut: 'task.figureTimedOut',
  outOfOrder: 'task.figureOutOfOrder',
  min: 'task.figureRttMin',
  p50: 'task.figureRttP50',
  p95: 'task.figureRttP95',
  p99: 'task.figureRttP99',
  max: 'task.figureRttMax',
  throughput: 'task.figureThroughput',
  elapsed: 'task.figureElapsed',
};

/**
 * A soak's figures in the order the panel shows them, three to a row: the verdicts, then the round
 * trips to the complete reply ('—' until one completes), then throughput and time.
 */
export function soakFigures(stats: SoakStats): Figure[] {
  const rtt = stats.rtt;
  const figure = (id: FigureId, value: string, tone?: 'ok' | 'bad'): Figure =>
    tone ? { id, label: t(FIGURE_LABELS[id]), value, tone } : { id, label: t(FIGURE_LABELS[id]), value };
  const ms = (id: 'min' | 'p50' | 'p95' | 'p99' | 'max') => figure(id, rtt ? formatMs(rtt[id]) : '—');
  const count = (id: FigureId, n: number, bad: boolean): Figure =>
    figure(id, formatCount(n), bad && n > 0 ? 'bad' : undefined);
  return [
    count('sent', stats.sent, false),
    stats.passed > 0 ? figure('passed', formatCount(stats.passed), 'ok') : count('passed', 0, false),
    count('failed', stats.failed, true),
    count('timedOut', stats.timedOut, true),
    count('outOfOrder', stats.outOfOrder, true),
    ms('min'),
    ms('p50'),
    ms('p95'),
    ms('p99'),
    ms('max'),
    figure('throughput', formatRate(stats.throughputBps)),
    figure('elapsed', formatDuration(stats.elapsedMs)),
  ];
}

/** "Round 37 of 1,000", "Done: 1,000 rounds, all passed", "Stopped after 37 rounds". */
export function soakText(task: TaskView): string {
  const stats = task.stats;
  const round = formatCount(task.sent);
  switch (task.state) {
    case 'running':
      return task.total !== undefined
        ? t('task.roundOf', { round, total: formatCount(task.total) })
        : t('task.round', { round });
    case 'done': {
      const clean = stats && stats.failed === 0 && stats.timedOut === 0 && stats.outOfOrder === 0;
      return `${tn('task.done', task.sent)}${clean && task.sent > 0 ? t('task.allPassed') : ''}`;
    }
    case 'stopped':
      return tn('task.stoppedAfter', task.sent);
    case 'error':
      return tn('task.failedAfter', task.sent, {
        error: task.error ? faultText(task.error) : t('task.runFailed'),
      });
  }
}

/** The summary a finished (or running) soak adds to the log and to the Text and Markdown exports. */
export function soakSummaryLines(task: TaskView): string[] {
  const pace =
    task.intervalMs === undefined
      ? ''
      : task.intervalMs === 0
        ? t('task.backToBack')
        : t('task.oneRoundEvery', { ms: formatCount(task.intervalMs) });
  const lines = [t('task.soakSummary', { text: soakText(task), pace })];
  if (!task.stats) return lines;
  const value = Object.fromEntries(soakFigures(task.stats).map((f) => [f.id, f.value]));
  lines.push(t('task.summaryCounts', value));
  lines.push(t('task.summaryRtt', value));
  lines.push(t('task.summaryThroughput', { rate: value.throughput ?? '', elapsed: value.elapsed ?? '' }));
  return lines;
}
