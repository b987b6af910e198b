// Raw framing, the default: each received chunk is one frame, just as the network cut it.
import type { Frame, Framer } from './types';

export function createRawFramer(): Framer {
  return {
    // Chunks pass through uncopied: the socket never reuses a chunk it has handed over.
    push: (chunk, at) => (chunk.length === 0 ? [] : [{ bytes: chunk, at }]),
    tick: () => [],
    nextDeadline: () => undefined,
    pending: () => 0,
    flush: (): Frame | undefined => undefined,
  };
}
