// Idle-gap framing: a frame ends when no byte has arrived for gapMs. Pure: the caller passes
// arrival times, and calls tick() at nextDeadline() from its own timer.
import { ByteBuffer } from './byte-buffer';
import type { Frame, Framer } from './types';

/**
 * A frame's time is its last byte's, so the result does not depend on when tick() runs: a push
 * that comes after the gap ends the frame before it just as a tick would have. Times should come
 * from a monotonic clock; a clock that steps back only delays the end of a frame.
 */
export function createIdleGapFramer(gapMs: number, maxFrameBytes: number): Framer {
  const held = new ByteBuffer();
  let lastAt = 0;
  // The frame being held continues one that was cut at maxFrameBytes.
  let cut = false;

  function endAfterGap(now: number, frames: Frame[]): void {
    if (now - lastAt < gapMs) return;
    if (held.length > 0) {
      const bytes = held.take(held.length);
      frames.push(cut ? { bytes, at: lastAt, issue: 'oversized' } : { bytes, at: lastAt });
    }
    cut = false;
  }

  return {
    push(chunk, at) {
      const frames: Frame[] = [];
      if (chunk.length === 0) return frames;
      endAfterGap(at, frames);
      held.append(chunk);
      lastAt = at;
      while (held.length >= maxFrameBytes) {
        frames.push({ bytes: held.take(maxFrameBytes), at, issue: 'oversized' });
        cut = true;
      }
      return frames;
    },
    tick(now) {
      const frames: Frame[] = [];
      endAfterGap(now, frames);
      return frames;
    },
    nextDeadline: () => (held.length > 0 ? lastAt + gapMs : undefined),
    pending: () => held.length,
    flush() {
      // The end of the stream ends the message as surely as a gap does.
      const frame: Frame | undefined =
        held.length === 0
          ? undefined
          : cut
            ? { bytes: held.take(held.length), at: lastAt, issue: 'oversized' }
            : { bytes: held.take(held.length), at: lastAt };
      cut = false;
      return frame;
    },
  };
}
