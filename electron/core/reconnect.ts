// Backoff for a TCP client that reconnects by itself when the board drops or reboots. Plain Node
// timers; the session owns the sockets, this owns the wait between attempts.
import type { ErrorInfo, ReconnectSpec } from '../../shared/contract/model';
import { errorInfo, reasonOf } from './engine-said';

export interface NextAttempt {
  /** 1 for the first attempt after a drop, 2 for the next ... */
  attempt: number;
  delayMs: number;
}

/** What the session shows after a close it did not ask for. */
export type AfterClose =
  | { state: 'reconnecting'; attempt: number; error?: ErrorInfo }
  | { state: 'error'; attempt?: undefined; error: ErrorInfo };

/**
 * The delay doubles from initialDelayMs to maxDelayMs, without jitter: one bench PC reconnecting
 * to one board has no thundering herd to spread, and a predictable schedule is easier to read in
 * the log and to test. The count starts again at each successful connect.
 */
export class Reconnector {
  private failures = 0;
  private timer: NodeJS.Timeout | undefined;
  /** The first failure since the last close: its sentence explains the next wait. */
  private lastError: ErrorInfo | undefined;
  /** Epoch milliseconds of the attempt being waited for. */
  nextAttemptAt: number | undefined;

  constructor(private readonly spec: ReconnectSpec | undefined) {}

  get enabled(): boolean {
    return this.spec !== undefined;
  }

  /** Attempts made since the last good connection. */
  get attempts(): number {
    return this.failures;
  }

  /** The connection (or an attempt) ended by itself: the next attempt, or undefined when tries ran out. */
  next(): NextAttempt | undefined {
    const spec = this.spec;
    if (!spec) return undefined;
    if (spec.maxTries > 0 && this.failures >= spec.maxTries) return undefined;
    const delayMs = Math.min(spec.maxDelayMs, spec.initialDelayMs * 2 ** Math.min(this.failures, 30));
    this.failures += 1;
    return { attempt: this.failures, delayMs: Math.max(0, delayMs) };
  }

  /** A failure (reset, refusal, timeout) whose close is still to come. */
  noteFailure(info: ErrorInfo): void {
    this.lastError ??= info;
  }

  /** The connection or attempt closed by itself: schedules `attempt`, or gives up after maxTries. */
  afterClose(now: number, attempt: () => void): AfterClose {
    const last = this.lastError;
    this.lastError = undefined;
    const next = this.next();
    if (!next) {
      this.nextAttemptAt = undefined;
      return { state: 'error', error: gaveUp(last, this.failures) };
    }
    this.nextAttemptAt = now + next.delayMs;
    this.schedule(next.delayMs, () => {
      this.nextAttemptAt = undefined;
      attempt();
    });
    return { state: 'reconnecting', attempt: next.attempt, ...(last ? { error: last } : {}) };
  }

  /** Runs `attempt` after the delay; a pending wait is replaced. */
  schedule(delayMs: number, attempt: () => void): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      attempt();
    }, delayMs);
  }

  get waiting(): boolean {
    return this.timer !== undefined;
  }

  connected(): void {
    this.failures = 0;
    this.lastError = undefined;
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.nextAttemptAt = undefined;
  }
}

/** The last failure's sentence, and that the client stopped trying. */
export function gaveUp(last: ErrorInfo | undefined, attempts: number): ErrorInfo {
  const form = attempts === 1 ? 'one' : 'other';
  if (!last) return errorInfo('ECONNRESET', `error.reconnect.closed_${form}`, { count: attempts });
  return errorInfo(last.code, `error.reconnect.gaveUp_${form}`, { reason: reasonOf(last), count: attempts });
}
