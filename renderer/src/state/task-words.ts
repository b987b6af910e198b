// Periodic sends and soak runs in words: the running indicator, a soak's live figures, and the
// summary a finished soak leaves in the log and in exports. Pure.
import type { SoakStats } from '../../../shared/contract/model';
import { formatCount } from '../format';
import type { TaskView } from './automation-view';
import { formatMs } from './exchange-words';

const every = (intervalMs: number | undefined): string =>
  intervalMs === undefined ? '' : ` every ${formatCount(intervalMs)} ms`;

/** "Sending every 10 ms: 37 sent", "Sent 100 of 100 every 10 ms", "Stopped after 37 sent". */
export function periodicText(task: TaskView): string {
  const sent = formatCount(task.sent);
  const of = task.total !== undefined ? ` of ${formatCount(task.total)}` : '';
  const skipped = task.skipped ? ` (${formatCount(task.skipped)} late slots skipped)` : '';
  switch (task.state) {
    case 'running':
      return `Sending${every(task.intervalMs)}: ${sent}${of} sent${skipped}`;
    case 'done':
      return `Sent ${sent}${of}${every(task.intervalMs)}${skipped}`;
    case 'stopped':
      return `Stopped after ${sent} sent${skipped}`;
    case 'error':
      return `Stopped after ${sent} sent: ${task.error?.message ?? 'the send failed.'}`;
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
  if (ms < 60_000) return `${RATE.format(ms / 1000)} s`;
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 60)} min ${s % 60} s`;
}

export interface Figure {
  label: string;
  value: string;
  tone?: 'ok' | 'bad';
}

/**
 * A soak's figures in the order the panel shows them, three to a row: the verdicts, then the round
 * trips to the complete reply ('—' until one completes), then throughput and time.
 */
export function soakFigures(stats: SoakStats): Figure[] {
  const rtt = stats.rtt;
  const ms = (key: 'min' | 'p50' | 'p95' | 'p99' | 'max') => (rtt ? formatMs(rtt[key]) : '—');
  const count = (label: string, n: number, bad: boolean): Figure =>
    bad && n > 0 ? { label, value: formatCount(n), tone: 'bad' } : { label, value: formatCount(n) };
  return [
    count('Sent', stats.sent, false),
    stats.passed > 0
      ? { label: 'Passed', value: formatCount(stats.passed), tone: 'ok' }
      : count('Passed', 0, false),
    count('Failed', stats.failed, true),
    count('Timed out', stats.timedOut, true),
    count('Out of order', stats.outOfOrder, true),
    { label: 'RTT min', value: ms('min') },
    { label: 'RTT p50', value: ms('p50') },
    { label: 'RTT p95', value: ms('p95') },
    { label: 'RTT p99', value: ms('p99') },
    { label: 'RTT max', value: ms('max') },
    { label: 'Throughput', value: formatRate(stats.throughputBps) },
    { label: 'Elapsed', value: formatDuration(stats.elapsedMs) },
  ];
}

/** "Round 37 of 1,000", "Done: 1,000 rounds, all passed", "Stopped after 37 rounds". */
export function soakText(task: TaskView): string {
  const stats = task.stats;
  const rounds = formatCount(task.sent);
  const unit = task.sent === 1 ? 'round' : 'rounds';
  switch (task.state) {
    case 'running':
      return task.total !== undefined ? `Round ${rounds} of ${formatCount(task.total)}` : `Round ${rounds}`;
    case 'done': {
      const clean = stats && stats.failed === 0 && stats.timedOut === 0 && stats.outOfOrder === 0;
      return `Done: ${rounds} ${unit}${clean && task.sent > 0 ? ', all passed' : ''}`;
    }
    case 'stopped':
      return `Stopped after ${rounds} ${unit}`;
    case 'error':
      return `Stopped after ${rounds} ${unit}: ${task.error?.message ?? 'the run failed.'}`;
  }
}

/** The summary a finished (or running) soak adds to the log and to the Text and Markdown exports. */
export function soakSummaryLines(task: TaskView): string[] {
  const pace =
    task.intervalMs === undefined
      ? ''
      : task.intervalMs === 0
        ? ', rounds back to back'
        : `, one round${every(task.intervalMs)}`;
  const lines = [`Soak run: ${soakText(task)}${pace}`];
  if (!task.stats) return lines;
  const figures = soakFigures(task.stats);
  const pick = (labels: string[]) =>
    figures
      .filter((f) => labels.includes(f.label))
      .map((f) => `${f.label.toLowerCase()} ${f.value}`)
      .join(', ');
  lines.push(pick(['Sent', 'Passed', 'Failed', 'Timed out', 'Out of order']));
  lines.push(
    `Round trip: ${pick(['RTT min', 'RTT p50', 'RTT p95', 'RTT p99', 'RTT max']).replaceAll('rtt ', '')}`,
  );
  lines.push(
    `Throughput ${formatRate(task.stats.throughputBps)} over ${formatDuration(task.stats.elapsedMs)}`,
  );
  return lines;
}
