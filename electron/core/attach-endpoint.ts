// Wires one connection (an Electron window or a browser tab's WebSocket) to the engine. Plain Node.
// Requests go to the shared dispatcher; events reach it through its own batcher, paced by its acks.
import type { Dispatch, ServerEndpoint } from '../../shared/rpc/transport';
import { createEventBatcher, type EventBatcherOptions } from './event-batcher';
import type { EventHub } from './event-hub';

export interface AttachEndpointOptions {
  endpoint: ServerEndpoint;
  dispatch: Dispatch;
  hub: EventHub;
  batcher?: Partial<Omit<EventBatcherOptions, 'send'>>;
}

/** Returns the detach function; the endpoint closing detaches too. Detaching twice is harmless. */
export function attachEndpoint(opts: AttachEndpointOptions): () => void {
  const { endpoint, dispatch, hub } = opts;
  endpoint.serve(dispatch);
  const batcher = createEventBatcher({ ...opts.batcher, send: (batch) => endpoint.sendEvents(batch) });
  const unsubscribe = hub.subscribe(batcher.push);
  const offAck = endpoint.onAck((seq) => batcher.ack(seq));
  let detached = false;
  const detach = () => {
    if (detached) return;
    detached = true;
    unsubscribe();
    offAck();
    offClose();
    batcher.dispose();
  };
  const offClose = endpoint.onClose(detach);
  return detach;
}
