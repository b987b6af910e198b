// Two transport ends joined in memory, for tests: every message is framed with encodeFrame and
// read back with decodeFrame, and delivered on a later microtask, as a real boundary would.
import { CONTRACT_ERROR_CODES, type Result } from '../contract/errors';
import type { EventBatch } from '../contract/events';
import type { ClientTransport, Dispatch, ServerEndpoint, WireMessage } from './transport';
import { decodeFrame, encodeFrame } from './wire';

type Listener<T> = (value: T) => void;

function listeners<T>() {
  const set = new Set<Listener<T>>();
  return {
    add(listener: Listener<T>): () => void {
      set.add(listener);
      return () => set.delete(listener);
    },
    /** Runs every listener even if one throws; the first error is rethrown after all ran. */
    emit(value: T): unknown {
      let failure: unknown;
      for (const listener of [...set]) {
        try {
          listener(value);
        } catch (error) {
          failure ??= error;
        }
      }
      return failure;
    },
  };
}

/**
 * Requests made before `serve` wait in a queue and are dispatched when it is called: a real
 * endpoint may attach its dispatcher a moment after the UI starts asking, and the UI should not
 * see an error for that. close() answers every open request with an E_TRANSPORT rejection.
 */
export function createMemoryTransportPair(): {
  client: ClientTransport;
  server: ServerEndpoint;
  close(): void;
} {
  let closed = false;
  let nextId = 1;
  let dispatch: Dispatch | null = null;
  const waiting: { id: number; method: string; arg: unknown }[] = [];
  const pending = new Map<number, { resolve: (r: Result<unknown>) => void; reject: (e: Error) => void }>();
  const eventListeners = listeners<EventBatch>();
  const ackListeners = listeners<number>();
  const closeListeners = listeners<void>();

  // Framing happens now (so an unsendable message fails at the sender); delivery later.
  const post = (msg: WireMessage, receive: (msg: WireMessage) => void): void => {
    const frame = encodeFrame(msg);
    queueMicrotask(() => {
      if (!closed) receive(decodeFrame(frame));
    });
  };

  const answer = (id: number, result: Result<unknown>): void => {
    try {
      post({ t: 'res', id, result }, toClient);
    } catch (error) {
      const reason = error instanceof Error ? error.message : 'unknown reason';
      const message = `The engine's reply could not be framed (${reason}).`;
      post(
        { t: 'res', id, result: { ok: false, error: { code: CONTRACT_ERROR_CODES.internal, message } } },
        toClient,
      );
    }
  };

  const run = (serveWith: Dispatch, req: { id: number; method: string; arg: unknown }): void => {
    // A Dispatch never rejects by contract; a broken one still gets its request answered.
    const broken: Result<unknown> = {
      ok: false,
      error: { code: CONTRACT_ERROR_CODES.internal, message: 'The engine failed to answer the request.' },
    };
    void serveWith(req.method, req.arg).then(
      (result) => !closed && answer(req.id, result),
      () => !closed && answer(req.id, broken),
    );
  };

  const toServer = (msg: WireMessage): void => {
    if (msg.t === 'ack') {
      const failure = ackListeners.emit(msg.seq);
      if (failure !== undefined) throw failure;
    } else if (msg.t === 'req') {
      if (dispatch) run(dispatch, msg);
      else waiting.push(msg);
    }
  };

  const toClient = (msg: WireMessage): void => {
    if (msg.t === 'res') {
      const entry = pending.get(msg.id);
      pending.delete(msg.id);
      entry?.resolve(msg.result);
    } else if (msg.t === 'evt') {
      const failure = eventListeners.emit(msg.batch);
      post({ t: 'ack', seq: msg.batch.seq }, toServer);
      // A listener's bug must surface, but only after the others ran and the batch was acked.
      if (failure !== undefined) throw failure;
    }
  };

  const client: ClientTransport = {
    request(method, arg) {
      if (closed) return Promise.reject(new Error('the connection is closed'));
      const id = nextId++;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        try {
          post({ t: 'req', id, method, arg }, toServer);
        } catch (error) {
          pending.delete(id);
          reject(error);
        }
      });
    },
    onEvents: (listener) => eventListeners.add(listener),
  };

  const server: ServerEndpoint = {
    serve(serveWith) {
      dispatch = serveWith;
      for (const req of waiting.splice(0)) run(serveWith, req);
    },
    sendEvents(batch) {
      if (!closed) post({ t: 'evt', batch }, toClient);
    },
    onAck: (listener) => ackListeners.add(listener),
    onClose: (listener) => closeListeners.add(listener),
  };

  return {
    client,
    server,
    close() {
      if (closed) return;
      closed = true;
      waiting.length = 0;
      for (const { reject } of pending.values()) reject(new Error('the connection was closed'));
      pending.clear();
      const failure = closeListeners.emit();
      if (failure !== undefined) throw failure;
    },
  };
}
