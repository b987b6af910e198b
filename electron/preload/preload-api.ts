// What the preload exposes to the page, built from a small ipcRenderer-like port so vitest can
// check its exact shape. Imports nothing but shared/ so the sandboxed preload bundles to one file.
import {
  API_METHODS,
  type ApiMethod,
  apiChannel,
  EVENTS_ACK_CHANNEL,
  EVENTS_CHANNEL,
} from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import type { EventBatch } from '../../shared/contract/events';
import type { PreloadApi } from '../../shared/rpc/transport';

type IpcListener = (event: unknown, payload: unknown) => void;

/** The slice of ipcRenderer the preload uses. */
export interface PreloadIpc {
  invoke(channel: string, arg: unknown): Promise<unknown>;
  on(channel: string, listener: IpcListener): unknown;
  removeListener(channel: string, listener: IpcListener): unknown;
  send(channel: string, payload: unknown): void;
}

const isBatch = (value: unknown): value is EventBatch =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as EventBatch).seq === 'number' &&
  Array.isArray((value as EventBatch).events);

export function buildPreloadApi(ipc: PreloadIpc): PreloadApi {
  const call =
    (method: ApiMethod) =>
    async (arg: unknown): Promise<Result<unknown>> => {
      try {
        return (await ipc.invoke(apiChannel(method), arg)) as Result<unknown>;
      } catch (error) {
        // Electron rejects with a bare message (no code) when the main side is gone or not ready.
        return { ok: false, error: { code: 'E_TRANSPORT', message: String(error) } };
      }
    };
  const methods = Object.fromEntries(API_METHODS.map((m) => [m, call(m)])) as Record<
    ApiMethod,
    (arg: unknown) => Promise<Result<unknown>>
  >;

  const listeners = new Set<(batch: EventBatch) => void>();
  // One IPC subscription however many page listeners, so each batch is acknowledged exactly once.
  const onBatch: IpcListener = (_event, payload) => {
    if (!isBatch(payload)) return;
    try {
      for (const listener of [...listeners]) listener(payload);
    } finally {
      // Ack even if a listener threw: a stalled ack window would freeze the log for good.
      ipc.send(EVENTS_ACK_CHANNEL, payload.seq);
    }
  };

  function onEvents(listener: (batch: EventBatch) => void): () => void {
    if (typeof listener !== 'function') throw new TypeError('onEvents needs a function');
    const wrapped = (batch: EventBatch) => listener(batch);
    if (listeners.size === 0) ipc.on(EVENTS_CHANNEL, onBatch);
    listeners.add(wrapped);
    return () => {
      if (!listeners.delete(wrapped)) return;
      if (listeners.size === 0) ipc.removeListener(EVENTS_CHANNEL, onBatch);
    };
  }

  return { ...methods, onEvents };
}
