// What the automation buttons do: Start / Stop periodic, Start / Stop soak, and Send file (read in
// slices, each sent and awaited, with its progress in a store) with Cancel. Refusals come back as
// the engine's sentence for the panel to show.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { SessionApi } from '../../../shared/contract/api';
import type { ErrorInfo, ExpectSpec, Payload, SendTarget, TaskKind } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { t } from '../i18n';
import { taskStarted } from './automation-view';
import { abortableWait, type FileSendProgress, planChunks, runFileSend } from './file-send';
import type { LogStore } from './log-store';
import { type SessionActions, toErrorInfo } from './session-actions';
import type { SessionsStore } from './sessions-store';

export type AutomationApi = Pick<SessionApi, 'startPeriodic' | 'startSoak' | 'stopTask'>;

export interface SoakParams {
  intervalMs: number;
  rounds?: number;
  durationMs?: number;
  expect: ExpectSpec;
}

/** A file as Send file needs it: a Blob (or File) with a name. */
export interface NamedBlob {
  name: string;
  size: number;
  slice(start: number, end: number): Blob;
}

export interface AutomationActions {
  startPeriodic(
    uiId: string,
    payload: Payload,
    to: SendTarget | undefined,
    intervalMs: number,
    count?: number,
  ): Promise<ErrorInfo | undefined>;
  startSoak(
    uiId: string,
    payload: Payload,
    to: SendTarget | undefined,
    params: SoakParams,
  ): Promise<ErrorInfo | undefined>;
  stopTask(uiId: string, kind: TaskKind): Promise<void>;
  /** Resolves when the file is sent, cancelled or failed; progress is in `files`. */
  sendFile(
    uiId: string,
    file: NamedBlob,
    chunkBytes: number,
    delayMs: number,
    to?: SendTarget,
  ): Promise<void>;
  cancelFile(uiId: string): void;
  /** Send file progress by UI session. */
  files: StoreApi<Record<string, FileSendProgress>>;
}

/** Progress redraws at most this often: a fast file of small chunks would otherwise redraw per chunk. */
const PROGRESS_EVERY_MS = 50;

export function createAutomationActions(
  api: AutomationApi,
  sessions: SessionsStore,
  log: LogStore,
  actions: Pick<SessionActions, 'send'>,
  now: () => number = Date.now,
): AutomationActions {
  const files = createStore<Record<string, FileSendProgress>>()(() => ({}));
  const cancels = new Map<string, AbortController>();
  const engineOf = (uiId: string) => sessions.getState().sessions[uiId]?.engineId;
  const row = (uiId: string, tone: 'info' | 'ok' | 'warn' | 'error', text: string) =>
    log.appendSystem(uiId, { at: now(), tone, text });
  const setFile = (uiId: string, change: Partial<FileSendProgress>) => {
    const current = files.getState()[uiId];
    if (current) files.setState({ [uiId]: { ...current, ...change } });
  };
  const notStarted = (): ErrorInfo => ({ code: 'ENOTCONN', message: t('task.notStarted') });

  return {
    files,

    async startPeriodic(uiId, payload, to, intervalMs, count) {
      const id = engineOf(uiId);
      if (!id) return notStarted();
      try {
        const { taskId } = await api.startPeriodic({
          id,
          payload,
          intervalMs,
          ...(to ? { to } : {}),
          ...(count ? { count } : {}),
        });
        sessions.updateAutomation(uiId, (v) =>
          taskStarted(v, 'periodic', taskId, { intervalMs, total: count }),
        );
        return undefined;
      } catch (error) {
        return toErrorInfo(error);
      }
    },

    async startSoak(uiId, payload, to, params) {
      const id = engineOf(uiId);
      if (!id) return notStarted();
      try {
        const { taskId } = await api.startSoak({ id, payload, ...(to ? { to } : {}), ...params });
        sessions.updateAutomation(uiId, (v) =>
          taskStarted(v, 'soak', taskId, { intervalMs: params.intervalMs, total: params.rounds }),
        );
        return undefined;
      } catch (error) {
        return toErrorInfo(error);
      }
    },

    async stopTask(uiId, kind) {
      const session = sessions.getState().sessions[uiId];
      const task = session?.automation?.[kind];
      if (!session?.engineId || !task) return;
      await api.stopTask({ id: session.engineId, taskId: task.taskId }).catch((error) => {
        row(uiId, 'error', t('task.stopError', { message: toErrorInfo(error).message }));
      });
    },

    async sendFile(uiId, file, chunkBytes, delayMs, to) {
      cancels.get(uiId)?.abort();
      const controller = new AbortController();
      cancels.set(uiId, controller);
      const plan = planChunks(file.size, chunkBytes);
      files.setState({ [uiId]: { name: file.name, total: file.size, sent: 0, state: 'sending' } });
      row(
        uiId,
        'info',
        t('file.started', {
          name: file.name,
          size: formatCount(file.size),
          chunks: formatCount(plan.chunks),
        }),
      );
      let shownAt = 0;
      let sent = 0;
      try {
        const outcome = await runFileSend({
          plan,
          delayMs,
          signal: controller.signal,
          read: async (start, end) => new Uint8Array(await file.slice(start, end).arrayBuffer()),
          send: (bytes) => actions.send(uiId, { bytes }, to),
          wait: abortableWait,
          onProgress: (n) => {
            sent = n;
            if (now() - shownAt < PROGRESS_EVERY_MS && n < file.size) return;
            shownAt = now();
            setFile(uiId, { sent: n });
          },
          onLateRefusal: (bytes, error) => {
            sent -= bytes;
            setFile(uiId, { sent });
            const message = toErrorInfo(error).message;
            row(uiId, 'warn', t('file.lateRefusalRow', { error: message, sent: formatCount(sent) }));
          },
        });
        setFile(uiId, { sent, state: outcome });
        if (outcome === 'done')
          row(uiId, 'ok', t('file.finished', { name: file.name, sent: formatCount(sent) }));
        else
          row(
            uiId,
            'warn',
            t('file.cancelledRow', { sent: formatCount(sent), total: formatCount(file.size) }),
          );
      } catch (error) {
        const message = toErrorInfo(error).message;
        setFile(uiId, { sent, state: 'error', error: message });
        row(uiId, 'error', t('file.stoppedRow', { sent: formatCount(sent), error: message }));
      } finally {
        if (cancels.get(uiId) === controller) cancels.delete(uiId);
      }
    },

    cancelFile(uiId) {
      cancels.get(uiId)?.abort();
    },
  };
}
