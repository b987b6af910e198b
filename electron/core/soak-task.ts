// Soak run: rounds of send + judged reply, for a number of rounds or a duration, with live
// figures (verdict counts, round trips, throughput). Plain Node timers.
import type { ExchangeResult, ExpectSpec, Payload, SendTarget } from '../../shared/contract/model';
import { firstDiff, SoakAccumulator } from '../../shared/verify';
import type { ExchangeOwner } from './exchange-tracker';
import { errorInfoOf, monotonic, Sleeper, type Task, type TaskContext, Throttle } from './task-common';

export interface SoakArgs {
  payload: Payload;
  to?: SendTarget;
  intervalMs: number;
  rounds?: number;
  durationMs?: number;
  expect: ExpectSpec;
}

/** Expected bytes of recent rounds that got no good reply, to recognise their late replies. */
const STALE_WINDOW = 64;

/**
 * intervalMs 0: send, wait for the reply (or its timeout), send the next. intervalMs > 0: send on a
 * drift-free schedule whatever the replies do (late slots are skipped, as periodic sends do), with
 * replies matched to sends FIFO per peer. The run judges by its own expect, leaving the
 * session's untouched. Only failed and timed-out exchanges are reported one by one; passes show
 * in the figures, which go out at most every 200 ms and once more at the end.
 *
 * A reply equal to what another round of this run expects is out of order: if that round is still
 * open it passes and the awaited one keeps waiting; if it already timed out or failed, the late
 * reply is set aside. Both count in outOfOrder. `sent` in the figures counts exchanges (a send to
 * all of a server's clients opens one per client); the event's own `sent` counts sends.
 */
export class SoakTask implements Task {
  readonly kind = 'soak';
  private readonly stats = new SoakAccumulator();
  private readonly sleeper = new Sleeper();
  private readonly progress: Throttle;
  private readonly owner: ExchangeOwner;
  private readonly group = {};
  private stale: Uint8Array[] = [];
  private sends = 0;
  private open = 0;
  private settledWaiter: (() => void) | undefined;
  private startedAt = 0;
  private elapsed = 0;
  private ended = false;

  constructor(
    private readonly ctx: TaskContext,
    private readonly args: SoakArgs,
  ) {
    this.progress = new Throttle(() => this.report('running'));
    const { rule, timeoutMs } = args.expect;
    this.owner = {
      rule,
      timeoutMs,
      group: this.group,
      opened: () => {
        if (this.ended) return;
        this.open += 1;
        this.stats.recordSent();
      },
      settled: (result, info) => this.onSettled(result, info.outOfOrder),
      claimStale: (reply) => this.claimStale(reply),
    };
  }

  start(): void {
    this.startedAt = monotonic();
    this.progress.now();
    void this.run();
  }

  stop(): void {
    this.finish('stopped');
  }

  private async run(): Promise<void> {
    const { intervalMs, rounds, durationMs, payload, to } = this.args;
    let slot = 0;
    while (!this.ended) {
      if (rounds !== undefined && this.sends >= rounds) break;
      if (durationMs !== undefined && monotonic() - this.startedAt >= durationMs) break;
      if (intervalMs > 0) {
        const late = monotonic() - (this.startedAt + slot * intervalMs);
        if (late >= intervalMs) slot += Math.floor(late / intervalMs);
        const wait = this.startedAt + slot * intervalMs - monotonic();
        slot += 1;
        if (wait > 0 && !(await this.sleeper.sleep(wait))) return;
        if (durationMs !== undefined && monotonic() - this.startedAt >= durationMs) break;
      }
      try {
        await this.ctx.send(payload, to, this.owner);
      } catch (err) {
        return this.finish('error', err);
      }
      if (this.ended) return;
      this.sends += 1;
      this.progress.poke();
      if (intervalMs === 0) await this.allSettled();
    }
    await this.allSettled();
    this.finish('done');
  }

  private allSettled(): Promise<void> {
    if (this.open === 0 || this.ended) return Promise.resolve();
    return new Promise((resolve) => {
      this.settledWaiter = resolve;
    });
  }

  private wakeIfSettled(): void {
    if (this.open > 0 && !this.ended) return;
    const wake = this.settledWaiter;
    this.settledWaiter = undefined;
    wake?.();
  }

  private onSettled(result: ExchangeResult, outOfOrder: boolean): void {
    // A send still on its way when the run stopped may open an exchange after the cancel.
    if (this.ended) return;
    this.open -= 1;
    const replied = result.verdict !== 'timeout';
    this.stats.recordVerdict(
      result.verdict,
      replied ? result.completeMs : undefined,
      replied ? (result.actual?.length ?? 0) : 0,
    );
    if (outOfOrder) this.stats.recordOutOfOrder();
    if (result.verdict !== 'pass') {
      if (result.expected) {
        this.stale.push(result.expected);
        if (this.stale.length > STALE_WINDOW) this.stale.shift();
      }
      this.ctx.emit({ type: 'exchange', id: this.ctx.id, result });
    }
    this.progress.poke();
    this.wakeIfSettled();
  }

  private claimStale(reply: Uint8Array): boolean {
    const at = this.stale.findIndex((bytes) => bytes.length === reply.length && firstDiff(bytes, reply) < 0);
    if (at < 0) return false;
    this.stale.splice(at, 1);
    this.stats.recordOutOfOrder();
    this.progress.poke();
    return true;
  }

  private finish(state: 'done' | 'stopped' | 'error', err?: unknown): void {
    if (this.ended) return;
    this.ended = true;
    this.elapsed = monotonic() - this.startedAt;
    this.sleeper.cancel();
    this.progress.cancel();
    this.ctx.cancelExchanges(this.group);
    this.wakeIfSettled();
    this.report(state, err);
    this.ctx.ended();
  }

  private report(state: 'running' | 'done' | 'stopped' | 'error', err?: unknown): void {
    const { id, taskId, emit } = this.ctx;
    const elapsed = this.ended ? this.elapsed : monotonic() - this.startedAt;
    emit({
      type: 'task',
      id,
      taskId,
      kind: 'soak',
      state,
      sent: this.sends,
      ...(this.args.rounds !== undefined ? { total: this.args.rounds } : {}),
      stats: this.stats.snapshot(elapsed),
      ...(state === 'error' ? { error: errorInfoOf(err) } : {}),
    });
  }
}
