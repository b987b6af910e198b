// Fans the engine's events out to every connected window or browser tab. Plain Node.
// The engine has one sink; each connection subscribes its own batcher and leaves when it closes.
import type { EventSink } from '../../shared/contract/events';

export interface EventHub {
  sink: EventSink;
  subscribe(listener: EventSink): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventSink>();
  return {
    sink(event) {
      let firstError: unknown;
      let failed = false;
      // A copy, so a listener that unsubscribes (or subscribes another) mid-event is safe.
      for (const listener of [...listeners]) {
        try {
          listener(event);
        } catch (err) {
          // One broken window must not starve the others; the failure still surfaces afterwards.
          if (!failed) firstError = err;
          failed = true;
        }
      }
      if (failed) throw firstError;
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}
