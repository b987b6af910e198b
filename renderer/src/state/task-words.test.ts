// The running indicator of a periodic send, a soak's figures and status, and the summary a soak
// leaves in the log and the exports.
import { describe, expect, it } from 'vitest';
import type { SoakStats } from '../../../shared/contract/model';
import type { TaskView } from './automation-view';
import { endedTaskRow } from './task-log';
import {
  formatDuration,
  formatRate,
  periodicText,
  soakFigures,
  soakSummaryLines,
  soakText,
} from './task-words';

const periodic = (t: Partial<TaskView>): TaskView => ({
  taskId: 'periodic-1',
  kind: 'periodic',
  state: 'running',
  sent: 37,
  intervalMs: 10,
  ...t,
});
const stats: SoakStats = {
  sent: 1000,
  passed: 998,
  failed: 1,
  timedOut: 1,
  outOfOrder: 0,
  rtt: { min: 0.123, p50: 0.25, p95: 0.5, p99: 1.25, max: 12.5 },
  throughputBps: 18_500,
  elapsedMs: 1234,
};
const soak = (t: Partial<TaskView>): TaskView => ({
  taskId: 'soak-1',
  kind: 'soak',
  state: 'done',
  sent: 1000,
  total: 1000,
  stats,
  intervalMs: 0,
  ...t,
});

describe('task words', () => {
  it('says what a periodic send is doing', () => {
    expect(periodicText(periodic({}))).toBe('Sending every 10 ms: 37 sent');
    expect(periodicText(periodic({ total: 100, sent: 1234 }))).toBe('Sending every 10 ms: 1,234 of 100 sent');
    expect(periodicText(periodic({ state: 'done', sent: 100, total: 100 }))).toBe(
      'Sent 100 of 100 every 10 ms',
    );
    expect(periodicText(periodic({ state: 'stopped', skipped: 3 }))).toBe(
      'Stopped after 37 sent (3 late slots skipped)',
    );
    expect(
      periodicText(periodic({ state: 'error', error: { code: 'ENOTCONN', message: 'The board left.' } })),
    ).toBe('Stopped after 37 sent: The board left.');
  });

  it('lays out a soak run’s figures, marking the bad ones', () => {
    const figures = soakFigures(stats);
    expect(figures.map((f) => `${f.label}=${f.value}${f.tone ? `(${f.tone})` : ''}`)).toEqual([
      'Sent=1,000',
      'Passed=998(ok)',
      'Failed=1(bad)',
      'Timed out=1(bad)',
      'Out of order=0',
      'RTT min=0.12 ms',
      'RTT p50=0.25 ms',
      'RTT p95=0.50 ms',
      'RTT p99=1.25 ms',
      'RTT max=12.50 ms',
      'Throughput=18.5 kB/s',
      'Elapsed=1.2 s',
    ]);
    expect(soakFigures({ ...stats, rtt: null }).find((f) => f.label === 'RTT p50')?.value).toBe('—');
  });

  it('writes rates and durations the way a bench reads them', () => {
    expect(formatRate(812.4)).toBe('812 B/s');
    expect(formatRate(3_140_000)).toBe('3.1 MB/s');
    expect(formatDuration(125_000)).toBe('2 min 5 s');
  });

  it('says where a soak run is, and sums it up at the end', () => {
    expect(soakText(soak({ state: 'running', sent: 37 }))).toBe('Round 37 of 1,000');
    expect(soakText(soak({ stats: { ...stats, failed: 0, timedOut: 0 } }))).toBe(
      'Done: 1,000 rounds, all passed',
    );
    expect(soakText(soak({}))).toBe('Done: 1,000 rounds');
    expect(soakText(soak({ state: 'stopped', sent: 1 }))).toBe('Stopped after 1 round');
    expect(soakSummaryLines(soak({ intervalMs: 50, stats: undefined }))).toEqual([
      'Soak run: Done: 1,000 rounds, one round every 50 ms',
    ]);
    expect(soakSummaryLines(soak({}))).toEqual([
      'Soak run: Done: 1,000 rounds, rounds back to back',
      'sent 1,000, passed 998, failed 1, timed out 1, out of order 0',
      'Round trip: min 0.12 ms, p50 0.25 ms, p95 0.50 ms, p99 1.25 ms, max 12.50 ms',
      'Throughput 18.5 kB/s over 1.2 s',
    ]);
  });

  it('leaves a row in the log when a task ends, none while it runs', () => {
    expect(endedTaskRow(periodic({}))).toBeUndefined();
    expect(endedTaskRow(periodic({ state: 'done', sent: 5, total: 5 }))).toEqual({
      tone: 'ok',
      text: 'Periodic send: Sent 5 of 5 every 10 ms',
    });
    // A soak that ran to its end with failures is a warning, not a success.
    expect(endedTaskRow(soak({}))?.tone).toBe('warn');
    expect(endedTaskRow(soak({ stats: { ...stats, failed: 0, timedOut: 0 } }))?.tone).toBe('ok');
  });
});
