// Delimiter framing: a frame ends with the delimiter (LF, CRLF or any bytes), which it keeps.
// A frame that reaches maxFrameBytes without one is cut there and flagged, so memory stays bounded.
import { ByteBuffer } from './byte-buffer';
import type { Frame, Framer } from './types';

/**
 * The stream's rule, whatever the chunks: a frame is the bytes up to and including the first
 * delimiter that ends within maxFrameBytes of the frame's start; failing that, the first
 * maxFrameBytes bytes, flagged 'oversized', and the search starts afresh after them (so a
 * delimiter straddling the cut is not seen). The rest of an oversized message, up to its
 * delimiter, is flagged too.
 */
export function createDelimiterFramer(delimiter: Uint8Array, maxFrameBytes: number): Framer {
  const held = new ByteBuffer();
  const d = delimiter.length;
  const first = delimiter[0] as number;
  // No delimiter starts before this index of what is held: each byte is searched once.
  let searched = 0;
  let cut = false;
  let lastAt = 0;

  /** Index just past the first delimiter ending within maxFrameBytes, or -1. */
  function frameEnd(): number {
    const view = held.view();
    const limit = Math.min(view.length, maxFrameBytes);
    let i = searched;
    for (;;) {
      i = view.indexOf(first, i);
      if (i < 0 || i + d > limit) break;
      let k = 1;
      while (k < d && view[i + k] === delimiter[k]) k++;
      if (k === d) return i + d;
      i++;
    }
    searched = Math.max(searched, limit - d + 1, 0);
    return -1;
  }

  return {
    push(chunk, at) {
      lastAt = at;
      held.append(chunk);
      const frames: Frame[] = [];
      for (;;) {
        const end = frameEnd();
        if (end >= 0) {
          frames.push(
            cut ? { bytes: held.take(end), at, issue: 'oversized' } : { bytes: held.take(end), at },
          );
          cut = false;
        } else if (held.length >= maxFrameBytes) {
          frames.push({ bytes: held.take(maxFrameBytes), at, issue: 'oversized' });
          cut = true;
        } else {
          break;
        }
        searched = 0;
      }
      return frames;
    },
    tick: () => [],
    nextDeadline: () => undefined,
    pending: () => held.length,
    flush() {
      cut = false;
      searched = 0;
      if (held.length === 0) return undefined;
      return { bytes: held.take(held.length), at: lastAt, issue: 'incomplete' };
    },
  };
}
