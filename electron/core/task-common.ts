// What periodic sends and soak runs share: their view of the session, a throttle for their
// progress events, and a monotonic clock. Plain Node timers.
import { performance } from 'node:perf_hooks';
import type { SendResult } from '../../shared/contract/api';
import { isPhrase } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type { ErrorInfo, Payload, SendTarget, SessionId } from '../../shared/contract/model';
import type { ExchangeOwner } from './exchange-tracker';

export const monotonic = (): number => performance.now();

/** Progress events of a task go out at most this often; the final one always goes out. */
export const TASK_EVENT_INTERVAL_MS = 200;

export interface TaskContext {
  id: SessionId;
  taskId: string;
  emit: EventSink;
  /** Sends as the user's Send does: the session's {counter}, its checks and its sentences. */
  send(payload: Payload, to: SendTarget | undefined, owner?: ExchangeOwner | null): Promise<SendResult>;
  /** Drops the open exchanges of a group (a stopped soak). */
  cancelExchanges(group: object): void;
  /** Called once, when the task has ended and sent its final event. */
  ended(): void;
}

export interface Task {
  readonly kind: 'periodic' | 'soak';
  start(): void;
  /** Ends at once: no further send, a final 'stopped' event. */
  stop(): void;
}

export const errorInfoOf = (err: unknown): ErrorInfo => {
  const e = err as { code?: unknown; message?: unknown; detail?: unknown } | undefined;
  const info: ErrorInfo = {
    code: typeof e?.code === 'string' ? e.code : 'E_INTERNAL',
    message: typeof e?.message === 'string' ? e.message : String(err),
  };
  // The sentence's catalogue key, so the window says why the task stopped in its language.
  if (typeof e?.message === 'string' && isPhrase(e.detail)) info.detail = e.detail;
  return info;
};

/** Calls `fire` after a change, at most once per interval; cancel() before the final event. */
export class Throttle {
  private timer: NodeJS.Timeout | undefined;
  private last = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly fire: () => void,
    private readonly intervalMs = TASK_EVENT_INTERVAL_MS,
  ) {}

  /** Fires now. */
  now(): void {
    this.cancel();
    this.last = monotonic();
    this.fire();
  }

  poke(): void {
    if (this.timer) return;
    const wait = this.last + this.intervalMs - monotonic();
    if (wait <= 0) {
      this.now();
      return;
    }
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.now();
    }, wait);
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

/** A setTimeout that stop() can cut short; resolves true when it ran its course. */
export class Sleeper {
  private timer: NodeJS.Timeout | undefined;
  private wake: ((ran: boolean) => void) | undefined;

  sleep(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.timer = setTimeout(
        () => {
          this.timer = undefined;
          this.wake = undefined;
          resolve(true);
        },
        // Whole milliseconds, rounded up: a timer must not run a send ahead of its slot.
        Math.max(0, Math.ceil(ms)),
      );
    });
  }

  cancel(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const wake = this.wake;
    this.wake = undefined;
    wake?.(false);
  }
}
