// Fans the engine's events out to every connected window or browser tab. Plain Node.
// The engine has one sink; each connection subscribes its own batcher and leaves when it closes.
import type { EventSink } from '../../shared/contract/events';

export interface EventHub {
  sink: EventSink;
  subscribe(listener: EventSink): () => void;
}

export function createEventHub(): EventHub {
  const listeners = new Set<EventSink>();
  /**
   * Replaced, never changed, when someone subscribes or leaves: a listener that unsubscribes (or
   * subscribes another) mid-event is safe, and a flood's events cost no copy each.
   */
  let current: readonly EventSink[] = [];
  return {
    sink(event) {
      const each = current;
      let firstError: unknown;
      let failed = false;
      for (let i = 0; i < each.length; i++) {
        try {
          (each[i] as EventSink)(event);
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
      current = [...listeners];
      return () => {
        listeners.delete(listener);
        current = [...listeners];
      };
    },
  };
}
