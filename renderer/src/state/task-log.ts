// Writes a row in a session's log when one of its periodic sends or soak runs ends: the indicator's
// last words, and for a soak the summary that the exports carry too.
import type { TaskKind } from '../../../shared/contract/model';
import { t } from '../i18n';
import type { TaskView } from './automation-view';
import type { LogStore } from './log-store';
import type { SessionsState } from './sessions-reducer';
import type { SessionsStore } from './sessions-store';
import { periodicText, soakSummaryLines } from './task-words';

const KINDS: readonly TaskKind[] = ['periodic', 'soak'];

/** The row for a task that just ended, or undefined while it runs. */
export function endedTaskRow(task: TaskView): { tone: 'ok' | 'warn' | 'error'; text: string } | undefined {
  if (task.state === 'running') return undefined;
  const tone = task.state === 'error' ? 'error' : task.state === 'stopped' ? 'warn' : 'ok';
  if (task.kind === 'periodic') return { tone, text: t('task.periodicEnded', { text: periodicText(task) }) };
  const bad = task.stats && (task.stats.failed > 0 || task.stats.timedOut > 0);
  return { tone: bad && tone === 'ok' ? 'warn' : tone, text: soakSummaryLines(task).join(' · ') };
}

export function startTaskLog(
  sessions: SessionsStore,
  log: LogStore,
  now: () => number = Date.now,
): () => void {
  // Per session and kind: the task last seen and whether its end is written, so each end is
  // written once however often the store changes. A new engine session starts with no tasks, and
  // its task ids (which restart) are new to this record too.
  const seen = new Map<string, { taskId: string; ended: boolean }>();
  let last: SessionsState | undefined;
  const check = (state: SessionsState) => {
    if (state === last) return;
    last = state;
    for (const uiId of state.order) {
      const automation = state.sessions[uiId]?.automation;
      for (const kind of KINDS) {
        const slot = `${uiId} ${kind}`;
        const task = automation?.[kind];
        if (!task) {
          seen.delete(slot);
          continue;
        }
        const before = seen.get(slot);
        const row = endedTaskRow(task);
        if (before?.taskId === task.taskId && before.ended) continue;
        seen.set(slot, { taskId: task.taskId, ended: row !== undefined });
        // After the batch's own log entries: the sessions store takes a batch before the log does.
        if (row) queueMicrotask(() => log.appendSystem(uiId, { at: now(), ...row }));
      }
    }
    for (const slot of [...seen.keys()])
      if (!state.sessions[slot.slice(0, slot.lastIndexOf(' '))]) seen.delete(slot);
  };
  return sessions.subscribe(check);
}
