// Periodic send: one payload every intervalMs, count times or until stopped, on a drift-free
// schedule. Plain Node timers.
import type { Payload, SendTarget } from '../../shared/contract/model';
import { errorInfoOf, monotonic, Sleeper, type Task, type TaskContext, Throttle } from './task-common';

export interface PeriodicArgs {
  payload: Payload;
  to?: SendTarget;
  intervalMs: number;
  count?: number;
}

/**
 * Send n is due at start + n * interval, so timer jitter never accumulates into drift. A send
 * that comes due while an earlier one is late by a whole interval or more is skipped, not
 * bunched up behind it: after a stall (a slow socket, a busy machine) the schedule resumes at the
 * next slot instead of bursting to catch up; `skipped` counts those slots. `count` counts sends
 * made, so skipped slots do not use it up. A send that fails ends the task with its sentence.
 */
export class PeriodicTask implements Task {
  readonly kind = 'periodic';
  private readonly sleeper = new Sleeper();
  private readonly progress: Throttle;
  private sent = 0;
  private skipped = 0;
  private slot = 0;
  private ended = false;

  constructor(
    private readonly ctx: TaskContext,
    private readonly args: PeriodicArgs,
  ) {
    this.progress = new Throttle(() => this.report('running'));
  }

  start(): void {
    this.progress.now();
    void this.run();
  }

  stop(): void {
    this.finish('stopped');
  }

  private async run(): Promise<void> {
    const { intervalMs, count, payload, to } = this.args;
    const start = monotonic();
    while (!this.ended) {
      const late = monotonic() - (start + this.slot * intervalMs);
      if (late >= intervalMs) {
        const missed = Math.floor(late / intervalMs);
        this.skipped += missed;
        this.slot += missed;
      }
      this.slot += 1;
      try {
        await this.ctx.send(payload, to);
      } catch (err) {
        return this.finish('error', err);
      }
      if (this.ended) return;
      this.sent += 1;
      if (count !== undefined && this.sent >= count) return this.finish('done');
      this.progress.poke();
      if (!(await this.sleeper.sleep(start + this.slot * intervalMs - monotonic()))) return;
    }
  }

  private finish(state: 'done' | 'stopped' | 'error', err?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.sleeper.cancel();
    this.progress.cancel();
    this.report(state, err);
    this.ctx.ended();
  }

  private report(state: 'running' | 'done' | 'stopped' | 'error', err?: unknown): void {
    const { id, taskId, emit } = this.ctx;
    emit({
      type: 'task',
      id,
      taskId,
      kind: 'periodic',
      state,
      sent: this.sent,
      ...(this.args.count !== undefined ? { total: this.args.count } : {}),
      ...(this.skipped > 0 ? { skipped: this.skipped } : {}),
      ...(state === 'error' ? { error: errorInfoOf(err) } : {}),
    });
  }
}
