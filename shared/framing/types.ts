// What every framer gives back and how it is driven. Framers are pure: the caller feeds bytes
// with their arrival time and owns the timers (tick at nextDeadline for the idle-gap framer).

/** Why a frame is not a plain, complete message. */
export type FrameIssue =
  /** A piece of a message longer than maxFrameBytes: the stream was cut so memory stays bounded. */
  | 'oversized'
  /** A length prefix smaller than its own header: the header alone is given back. */
  | 'bad-length'
  /** What was still waiting when the stream ended (flush). */
  | 'incomplete';

export interface Frame {
  bytes: Uint8Array;
  /** Arrival time of the chunk that brought the frame's last byte. */
  at: number;
  issue?: FrameIssue;
}

export interface Framer {
  /** Feed a received chunk; returns the frames it completed, in order. */
  push(chunk: Uint8Array, at: number): Frame[];
  /** Let time pass without data: the idle-gap framer ends a frame here; others return []. */
  tick(now: number): Frame[];
  /** When tick() should next be called, or undefined when no timer is needed. */
  nextDeadline(): number | undefined;
  /** Bytes held for the frame not yet complete. */
  pending(): number;
  /** Give back the incomplete frame (at close) and start afresh. */
  flush(): Frame | undefined;
}

/** Default cap on one frame: a stream that never delimits must not grow without bound. */
export const DEFAULT_MAX_FRAME_BYTES = 1024 * 1024;
/** Largest frame size the settings accept, as the contract's schema does. */
export const MAX_FRAME_BYTES_LIMIT = 64 * 1024 * 1024;
