// The browser transport: one WebSocket as a ServerEndpoint, binary frames via the shared wire
// format. Plain Node. A bad frame costs only its own socket; the server keeps running.
import type WebSocket from 'ws';
import type { Result } from '../../shared/contract/errors';
import type { EventBatch } from '../../shared/contract/events';
import type { Dispatch, ServerEndpoint, WireMessage } from '../../shared/rpc/transport';
import { decodeFrame, encodeFrameParts } from '../../shared/rpc/wire';
import { errorInfo } from '../core/engine-said';

/** RFC 6455 "unsupported data": the peer sent something we cannot read. */
export const CLOSE_UNSUPPORTED_DATA = 1003;
/**
 * The batcher's ack window bounds what is in flight, so a send buffer this deep means the browser
 * stopped reading; dropping the connection (the page reconnects and lists) beats unbounded memory.
 */
export const MAX_BUFFERED_BYTES = 32 * 1024 * 1024;

const NOT_READY: Result<never> = { ok: false, error: errorInfo('E_TRANSPORT', 'error.engine.notAttached') };

const isSeq = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;

export function createWsEndpoint(ws: WebSocket, maxBufferedBytes = MAX_BUFFERED_BYTES): ServerEndpoint {
  let dispatch: Dispatch | undefined;
  const ackListeners = new Set<(seq: number) => void>();

  // One message in WebSocket fragments: a flood's chunks go to the socket as they are, uncopied.
  const send = (msg: WireMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    const parts = encodeFrameParts(msg);
    const last = parts.length - 1;
    for (let i = 0; i <= last; i++) ws.send(parts[i] as Uint8Array, { binary: true, fin: i === last });
  };

  ws.on('message', (data, isBinary) => {
    let msg: WireMessage;
    try {
      if (!isBinary) throw new Error('text frame');
      const raw = Array.isArray(data) ? Buffer.concat(data) : data;
      const bytes =
        raw instanceof ArrayBuffer
          ? new Uint8Array(raw)
          : new Uint8Array(raw.buffer, raw.byteOffset, raw.length);
      msg = decodeFrame(bytes);
    } catch {
      ws.close(CLOSE_UNSUPPORTED_DATA, 'malformed frame');
      return;
    }
    if (msg.t === 'req') {
      const { id } = msg;
      const pending = dispatch ? dispatch(msg.method, msg.arg) : Promise.resolve(NOT_READY);
      void pending.then((result) => send({ t: 'res', id, result }));
    } else if (msg.t === 'ack' && isSeq(msg.seq)) {
      for (const listener of ackListeners) listener(msg.seq);
    } else {
      ws.close(CLOSE_UNSUPPORTED_DATA, 'unexpected message');
    }
  });
  // ws reports protocol violations (oversized frames, bad opcodes) here and closes the socket itself.
  ws.on('error', () => {});

  return {
    serve(next) {
      dispatch = next;
    },
    sendEvents(batch: EventBatch) {
      if (ws.bufferedAmount > maxBufferedBytes) ws.terminate();
      else send({ t: 'evt', batch });
    },
    onAck(listener) {
      ackListeners.add(listener);
      return () => ackListeners.delete(listener);
    },
    onClose(listener) {
      if (ws.readyState === ws.CLOSED) {
        queueMicrotask(listener);
        return () => {};
      }
      ws.on('close', listener);
      return () => ws.off('close', listener);
    },
  };
}
