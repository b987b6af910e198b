// What the app may know about its link to the engine, whichever transport carries it.
import type { ClientTransport } from '../../../shared/rpc/transport';

/** `lost`: the link dropped (or never came up) and is being retried. */
export type LinkStatus = 'connecting' | 'open' | 'lost';

export interface LinkTransport extends ClientTransport {
  status(): LinkStatus;
  /** Called on every change; each change to `open` means "resync from list()". */
  onStatus(listener: (status: LinkStatus) => void): () => void;
  dispose(): void;
}

/** Add a listener to a set; the returned function takes it out again. */
export function subscribe<T>(set: Set<T>, listener: T): () => void {
  set.add(listener);
  return () => set.delete(listener);
}
