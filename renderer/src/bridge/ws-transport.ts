// Browser mode's transport: binary frames over one WebSocket to the engine's /rpc, reconnected with
// backoff. A drop fails every pending request with E_TRANSPORT; each reopen asks the app to resync.
import { CONTRACT_ERROR_CODES, type Result } from '../../../shared/contract/errors';
import type { EventBatch } from '../../../shared/contract/events';
import { translate } from '../../../shared/i18n/catalog';
import { decodeFrame, encodeFrame } from '../../../shared/rpc/wire';
import { type LinkStatus, type LinkTransport, subscribe } from './link';

/** Quick at first (an engine restart takes a moment), then no faster than every 5 s. */
const BACKOFF_MS = [250, 500, 1000, 2000, 5000];

/** Why a request failed with the link, as a catalogue sentence the window shows in its language. */
type LinkLoss = 'status.link.lostBeforeAnswer' | 'status.link.retrying' | 'status.link.closed';

const lost = (why: LinkLoss): Result<unknown> => ({
  ok: false,
  error: { code: CONTRACT_ERROR_CODES.transport, message: translate('en', why), detail: { key: why } },
});

export function createWsTransport(url: string): LinkTransport {
  let ws: WebSocket | undefined;
  let status: LinkStatus = 'connecting';
  let nextId = 1;
  let attempt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const batchListeners = new Set<(batch: EventBatch) => void>();
  const statusListeners = new Set<(status: LinkStatus) => void>();

  const setStatus = (next: LinkStatus) => {
    if (next === status) return;
    status = next;
    for (const l of [...statusListeners]) l(next);
  };
  const failPending = (why: LinkLoss) => {
    for (const settle of pending.values()) settle(lost(why));
    pending.clear();
  };

  function connect(): void {
    const socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    ws = socket;
    socket.onopen = () => {
      attempt = 0;
      setStatus('open');
    };
    socket.onmessage = (e: MessageEvent) => {
      let msg: ReturnType<typeof decodeFrame>;
      try {
        msg = decodeFrame(new Uint8Array(e.data as ArrayBuffer));
      } catch {
        socket.close(); // An unreadable frame means we are out of step: start over and resync.
        return;
      }
      if (msg.t === 'res') {
        pending.get(msg.id)?.(msg.result);
        pending.delete(msg.id);
      } else if (msg.t === 'evt') {
        try {
          for (const l of [...batchListeners]) l(msg.batch);
        } finally {
          // Acked after the listeners ran, even one that threw: a missing ack stalls the engine's window.
          if (socket.readyState === WebSocket.OPEN)
            socket.send(encodeFrame({ t: 'ack', seq: msg.batch.seq }));
        }
      }
    };
    socket.onclose = () => {
      if (ws !== socket) return;
      ws = undefined;
      failPending('status.link.lostBeforeAnswer');
      if (disposed) return;
      setStatus('lost');
      retry = setTimeout(connect, BACKOFF_MS[Math.min(attempt++, BACKOFF_MS.length - 1)]);
    };
  }
  connect();

  return {
    request(method, arg) {
      const socket = ws;
      if (socket?.readyState !== WebSocket.OPEN) return Promise.resolve(lost('status.link.retrying'));
      const id = nextId++;
      return new Promise((settle) => {
        pending.set(id, settle);
        socket.send(encodeFrame({ t: 'req', id, method, arg }));
      });
    },
    onEvents: (listener) => subscribe(batchListeners, listener),
    status: () => status,
    onStatus: (listener) => subscribe(statusListeners, listener),
    dispose() {
      disposed = true;
      clearTimeout(retry);
      failPending('status.link.closed');
      ws?.close();
    },
  };
}
