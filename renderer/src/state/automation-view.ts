// What the engine says about a session's automation: the verdict totals of its judged exchanges,
// its periodic send and soak run (the latest of each, from task events) and its auto-reply hits.
import type { AutoReplyEvent, ExchangeEvent, TaskEvent } from '../../../shared/contract/events';
import type { ErrorInfo, SoakStats, TaskKind, TaskState } from '../../../shared/contract/model';

export interface TaskView {
  taskId: string;
  kind: TaskKind;
  state: TaskState;
  sent: number;
  total?: number;
  skipped?: number;
  stats?: SoakStats;
  error?: ErrorInfo;
  /** As the user started it (this window only): the interval, for the running indicator. */
  intervalMs?: number;
}

export interface ExchangeTotals {
  passed: number;
  failed: number;
  timedOut: number;
}

export interface AutomationView {
  exchanges: ExchangeTotals;
  periodic?: TaskView;
  soak?: TaskView;
  /** Hits by auto-reply rule index, as the engine last counted them. */
  hits: readonly number[];
}

export const NO_AUTOMATION: AutomationView = {
  exchanges: { passed: 0, failed: 0, timedOut: 0 },
  hits: [],
};

export type AutomationEvent = ExchangeEvent | TaskEvent | AutoReplyEvent;

export const isAutomationEvent = (event: { type: string }): event is AutomationEvent =>
  event.type === 'exchange' || event.type === 'task' || event.type === 'auto-reply';

function withExchange(totals: ExchangeTotals, verdict: ExchangeEvent['result']['verdict']): ExchangeTotals {
  switch (verdict) {
    case 'pass':
      return { ...totals, passed: totals.passed + 1 };
    case 'fail':
      return { ...totals, failed: totals.failed + 1 };
    case 'timeout':
      return { ...totals, timedOut: totals.timedOut + 1 };
  }
}

/** A task event as the view of its task; a later event of a task of the same kind replaces it. */
export function taskViewOf(event: TaskEvent): TaskView {
  const view: TaskView = { taskId: event.taskId, kind: event.kind, state: event.state, sent: event.sent };
  if (event.total !== undefined) view.total = event.total;
  if (event.skipped !== undefined) view.skipped = event.skipped;
  if (event.stats) view.stats = event.stats;
  if (event.error) view.error = event.error;
  return view;
}

/** Events of one task can arrive after its end was already seen (a stale batch): those are ignored. */
function acceptsTask(current: TaskView | undefined, event: TaskEvent): boolean {
  return !(
    current &&
    current.taskId === event.taskId &&
    current.state !== 'running' &&
    event.state === 'running'
  );
}

export function applyAutomation(view: AutomationView, event: AutomationEvent): AutomationView {
  switch (event.type) {
    case 'exchange':
      return { ...view, exchanges: withExchange(view.exchanges, event.result.verdict) };
    case 'task': {
      const current = view[event.kind];
      if (!acceptsTask(current, event)) return view;
      const next = taskViewOf(event);
      if (current?.taskId === event.taskId && current.intervalMs !== undefined) {
        next.intervalMs = current.intervalMs;
      }
      return { ...view, [event.kind]: next };
    }
    case 'auto-reply': {
      if (event.rule < 0 || event.rule > 1024 || view.hits[event.rule] === event.hits) return view;
      const hits = view.hits.slice();
      for (let i = hits.length; i < event.rule; i++) hits[i] = 0;
      hits[event.rule] = event.hits;
      return { ...view, hits };
    }
  }
}

/** A task the user started, before its first event: the button turns into Stop at once. */
export function taskStarted(
  view: AutomationView,
  kind: TaskKind,
  taskId: string,
  params: { intervalMs: number; total?: number },
): AutomationView {
  const current = view[kind];
  // Its first event beat the answer: that event already says more, bar the interval.
  if (current?.taskId === taskId) return { ...view, [kind]: { ...current, intervalMs: params.intervalMs } };
  const started: TaskView = { taskId, kind, state: 'running', sent: 0, intervalMs: params.intervalMs };
  if (params.total !== undefined) started.total = params.total;
  return { ...view, [kind]: started };
}

/** New rules count from zero (the engine's counters start again with them). */
export const hitsReset = (view: AutomationView): AutomationView =>
  view.hits.length === 0 ? view : { ...view, hits: [] };

export const exchangesReset = (view: AutomationView): AutomationView => ({
  ...view,
  exchanges: NO_AUTOMATION.exchanges,
});
