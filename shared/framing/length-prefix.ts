// Length-prefix framing: `offset` bytes, then a 1, 2 or 4 byte length in either byte order, then
// the body; the length counts the body alone or the whole frame, header included.
import { ByteBuffer } from './byte-buffer';
import type { Frame, Framer } from './types';

export interface LengthPrefixOptions {
  size: 1 | 2 | 4;
  order: 'be' | 'le';
  offset: number;
  includesHeader: boolean;
  maxFrameBytes: number;
}

/**
 * A declared frame longer than maxFrameBytes is still followed to its declared end, but given back
 * in maxFrameBytes pieces flagged 'oversized', so a garbage length (4 GiB from noise) costs no
 * memory and the framer stays in step with the sender if the length was real. A length smaller
 * than its own header cannot be followed: the header alone is given back as 'bad-length' and the
 * next byte is read as the start of a frame.
 */
export function createLengthPrefixFramer(options: LengthPrefixOptions): Framer {
  const { size, order, offset, includesHeader, maxFrameBytes } = options;
  const header = offset + size;
  const held = new ByteBuffer();
  let oversizedLeft = 0;
  let lastAt = 0;

  function declaredLength(): number {
    let value = 0;
    for (let k = 0; k < size; k++) {
      const byte = held.byteAt(offset + (order === 'be' ? k : size - 1 - k));
      value = value * 256 + byte;
    }
    return value;
  }

  /** The next frame if it is complete, else undefined. */
  function next(at: number): Frame | undefined {
    if (oversizedLeft > 0) {
      const n = Math.min(oversizedLeft, maxFrameBytes);
      if (held.length < n) return undefined;
      oversizedLeft -= n;
      return { bytes: held.take(n), at, issue: 'oversized' };
    }
    if (held.length < header) return undefined;
    const length = declaredLength();
    if (includesHeader && length < header) return { bytes: held.take(header), at, issue: 'bad-length' };
    const total = includesHeader ? length : header + length;
    if (total > maxFrameBytes) {
      oversizedLeft = total;
      return next(at);
    }
    return held.length < total ? undefined : { bytes: held.take(total), at };
  }

  return {
    push(chunk, at) {
      lastAt = at;
      held.append(chunk);
      const frames: Frame[] = [];
      for (let frame = next(at); frame; frame = next(at)) frames.push(frame);
      return frames;
    },
    tick: () => [],
    nextDeadline: () => undefined,
    pending: () => held.length,
    flush() {
      oversizedLeft = 0;
      if (held.length === 0) return undefined;
      return { bytes: held.take(held.length), at: lastAt, issue: 'incomplete' };
    },
  };
}
