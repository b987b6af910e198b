// Bench automation for one session: its expect rule and judged exchanges, auto-reply rules,
// periodic sends and soak runs. Plain Node; the session manager feeds it the session's events.
import type { SendResult } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EngineEvent, EventSink } from '../../shared/contract/events';
import type { AutoReplyRule, ExpectSpec, Payload, SendTarget, SessionId } from '../../shared/contract/model';
import { expectRuleProblem, matchProblem, type Said } from '../../shared/verify';
import { AutoReplies } from './auto-reply';
import { refusal } from './engine-said';
import { type ExchangeOwner, ExchangeTracker } from './exchange-tracker';
import { type PeriodicArgs, PeriodicTask } from './periodic-task';
import { type EngineSession, encodeOrThrow, type MacroCounter, refusedBeforeSending } from './session';
import { type SoakArgs, SoakTask } from './soak-task';
import type { Task, TaskContext } from './task-common';

/** Tasks running at once on one session; more is a runaway script, not a bench. */
export const MAX_TASKS_PER_SESSION = 16;

export interface SessionAutomationOptions {
  id: SessionId;
  emit: EventSink;
  now: () => number;
  session: EngineSession;
  macros: MacroCounter;
}

const badArgument = (said: Said) => new ApiError(CONTRACT_ERROR_CODES.badArgument, said.message, said.detail);

export class SessionAutomation {
  private readonly tracker: ExchangeTracker;
  private readonly autoReplies: AutoReplies;
  private readonly tasks = new Map<string, Task>();
  private taskCount = 0;

  constructor(private readonly opts: SessionAutomationOptions) {
    const { session } = opts;
    this.tracker = new ExchangeTracker({ now: opts.now, framing: () => session.framing });
    this.autoReplies = new AutoReplies({
      id: opts.id,
      protocol: session.config.protocol,
      emit: opts.emit,
      reply: (payload, to, groups) => this.send(payload, to, null, groups),
    });
  }

  /** Every event the session emits, in order, as it happens (`at`: see ExchangeTracker.observe). */
  observe(event: EngineEvent, at?: number): void {
    this.tracker.observe(event, at);
    this.autoReplies.observe(event);
  }

  setExpect(expect: ExpectSpec | null): void {
    if (!expect) {
      this.tracker.setDefaultOwner(undefined);
      return;
    }
    const problem = expectRuleProblem(expect.rule);
    if (problem) throw badArgument(problem);
    const { id, emit } = this.opts;
    this.tracker.setDefaultOwner({
      rule: expect.rule,
      timeoutMs: expect.timeoutMs,
      group: {},
      settled: (result) => emit({ type: 'exchange', id, result }),
    });
  }

  setAutoReply(rules: AutoReplyRule[]): void {
    rules.forEach((rule, i) => {
      const problem = matchProblem(rule.match);
      if (problem) {
        throw badArgument({
          message: `Rule ${i + 1}: ${problem.message}`,
          detail: { key: 'autoReply.ruleFault', params: { n: i + 1, fault: problem.detail } },
        });
      }
    });
    this.autoReplies.set(rules);
  }

  startPeriodic(args: PeriodicArgs): { taskId: string } {
    if (!(args.intervalMs >= 1)) throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.task.interval');
    this.checkPayload(args.payload);
    return this.startTask('periodic', (ctx) => new PeriodicTask(ctx, args));
  }

  startSoak(args: SoakArgs): { taskId: string } {
    const problem = expectRuleProblem(args.expect.rule);
    if (problem) throw badArgument(problem);
    this.checkPayload(args.payload);
    return this.startTask('soak', (ctx) => new SoakTask(ctx, args));
  }

  stopTask(taskId: string): void {
    const task = this.tasks.get(taskId);
    if (!task) {
      throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.task.unknown', { taskId });
    }
    task.stop();
  }

  /** Stops every task (each sends its final event), cancels waiting replies and open exchanges. */
  dispose(): void {
    for (const task of [...this.tasks.values()]) task.stop();
    this.autoReplies.dispose();
    this.tracker.dispose();
  }

  /**
   * Encodes with the session's next {counter} (and a match's groups), then sends exactly those
   * bytes, so the exchange tracker knows the send by its byte array. `owner` undefined: judged by
   * the session's expect rule like any send; null: not judged.
   */
  private async send(
    payload: Payload,
    to: SendTarget | undefined,
    owner?: ExchangeOwner | null,
    groups?: readonly string[],
  ): Promise<SendResult> {
    const { macros, session } = this.opts;
    const n = macros.take(payload);
    try {
      const bytes = encodeOrThrow(payload, { ...macros.context(n), ...(groups ? { groups } : {}) });
      if (owner !== undefined) this.tracker.claim(bytes, owner);
      return await session.send({ bytes }, to);
    } catch (err) {
      if (n !== undefined && refusedBeforeSending(err)) macros.giveBack(n);
      throw err;
    }
  }

  /** A payload that cannot be encoded is refused when the task starts, not at its first send. */
  private checkPayload(payload: Payload): void {
    encodeOrThrow(payload, this.opts.macros.context(1));
  }

  private startTask(kind: Task['kind'], make: (ctx: TaskContext) => Task): { taskId: string } {
    if (this.tasks.size >= MAX_TASKS_PER_SESSION) {
      throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.task.tooMany', { max: MAX_TASKS_PER_SESSION });
    }
    this.taskCount += 1;
    const taskId = `${kind}-${this.taskCount}`;
    const ctx: TaskContext = {
      id: this.opts.id,
      taskId,
      emit: this.opts.emit,
      send: (payload, to, owner) => this.send(payload, to, owner),
      cancelExchanges: (group) => this.tracker.cancelGroup(group),
      ended: () => this.tasks.delete(taskId),
    };
    const task = make(ctx);
    this.tasks.set(taskId, task);
    task.start();
    return { taskId };
  }
}
