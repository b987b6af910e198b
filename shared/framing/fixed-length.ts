// Fixed-length framing: every `length` bytes are one frame, however they arrived.
import { ByteBuffer } from './byte-buffer';
import type { Frame, Framer } from './types';

export function createFixedLengthFramer(length: number): Framer {
  const held = new ByteBuffer();
  let lastAt = 0;
  return {
    push(chunk, at) {
      lastAt = at;
      held.append(chunk);
      const frames: Frame[] = [];
      while (held.length >= length) frames.push({ bytes: held.take(length), at });
      return frames;
    },
    tick: () => [],
    nextDeadline: () => undefined,
    pending: () => held.length,
    flush() {
      if (held.length === 0) return undefined;
      return { bytes: held.take(held.length), at: lastAt, issue: 'incomplete' };
    },
  };
}
