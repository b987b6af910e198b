// The desktop transport: one window's IPC bound to the dispatcher through injected ports, so this
// file never imports 'electron' and vitest can drive it with fakes.
import { API_METHODS, apiChannel, EVENTS_ACK_CHANNEL, EVENTS_CHANNEL } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/errors';
import type { EventBatch } from '../../shared/contract/events';
import type { Dispatch, ServerEndpoint } from '../../shared/rpc/transport';
import { errorInfo } from '../core/engine-said';

export interface IpcEvent {
  senderFrame: unknown;
}

/** The slice of Electron the adapter needs: webContents.ipc, webContents.send and a sender check. */
export interface IpcPorts {
  handle(channel: string, listener: (event: IpcEvent, arg: unknown) => Promise<unknown>): () => void;
  sendToRenderer(channel: string, payload: unknown): void;
  onRendererMessage(channel: string, listener: (event: IpcEvent, arg: unknown) => void): () => void;
  isTrustedFrame(frame: unknown): boolean;
  /** The window's page went away for good; the endpoint closes itself. */
  onClosed(listener: () => void): () => void;
}

export type IpcEndpoint = ServerEndpoint & { dispose(): void };

const FORBIDDEN: Result<never> = { ok: false, error: errorInfo('E_FORBIDDEN', 'error.engine.foreignFrame') };
const NOT_READY: Result<never> = {
  ok: false,
  error: errorInfo('E_TRANSPORT', 'error.engine.notAttachedWindow'),
};

const isSeq = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

export function createIpcEndpoint(ports: IpcPorts): IpcEndpoint {
  let dispatch: Dispatch | undefined;
  let disposed = false;
  const ackListeners = new Set<(seq: number) => void>();
  const closeListeners = new Set<() => void>();

  const unbind = API_METHODS.map((method) =>
    ports.handle(apiChannel(method), async (event, arg) => {
      // Any other frame (an injected iframe, a page we navigated away to) must never reach the engine.
      if (!ports.isTrustedFrame(event.senderFrame)) return FORBIDDEN;
      return dispatch ? dispatch(method, arg) : NOT_READY;
    }),
  );
  unbind.push(
    ports.onRendererMessage(EVENTS_ACK_CHANNEL, (event, seq) => {
      if (!ports.isTrustedFrame(event.senderFrame) || !isSeq(seq)) return;
      for (const listener of ackListeners) listener(seq);
    }),
    ports.onClosed(() => dispose()),
  );

  function dispose(): void {
    if (disposed) return;
    disposed = true;
    for (const off of unbind) off();
    ackListeners.clear();
    // Close listeners run last so whoever attached us can detach from the engine.
    const listeners = [...closeListeners];
    closeListeners.clear();
    for (const listener of listeners) listener();
  }

  return {
    serve(next) {
      dispatch = next;
    },
    sendEvents(batch: EventBatch) {
      if (!disposed) ports.sendToRenderer(EVENTS_CHANNEL, batch);
    },
    onAck(listener) {
      ackListeners.add(listener);
      return () => ackListeners.delete(listener);
    },
    onClose(listener) {
      if (disposed) {
        queueMicrotask(listener);
        return () => {};
      }
      closeListeners.add(listener);
      return () => closeListeners.delete(listener);
    },
    dispose,
  };
}
