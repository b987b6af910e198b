// When the page takes in what the engine sent: at the next display frame, and while batches keep
// coming, no more often than a few times a second, so a flood costs the page few frames' work.

/** Cancels what was scheduled. */
export type Cancel = () => void;
export type Schedule = (flush: () => void) => Cancel;

/**
 * The next display frame, or 100 ms if no frame comes first (a hidden window gets none, and the
 * engine's window of unacknowledged bytes would otherwise stall behind it).
 */
export function nextFrame(flush: () => void): Cancel {
  let done = false;
  const run = () => {
    if (done) return;
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    flush();
  };
  const frame = requestAnimationFrame(run);
  const timer = setTimeout(run, 100);
  return () => {
    done = true;
    cancelAnimationFrame(frame);
    clearTimeout(timer);
  };
}

/**
 * While traffic flows, the stores take it in this often at most: each update lays out and paints
 * the log and the counters, and on a 2-core bench PC a page updating every frame takes the core the
 * engine needs to read a flood. Ten updates a second still reads as live; a line after a quiet
 * spell shows at the next frame.
 */
export const BUSY_INTERVAL_MS = 100;

export interface PacedOptions {
  intervalMs?: number;
  frame?: Schedule;
  now?: () => number;
}

/** `frame`, but no sooner than `intervalMs` after the flush before. */
export function pacedFrames({
  intervalMs = BUSY_INTERVAL_MS,
  frame = nextFrame,
  now = () => performance.now(),
}: PacedOptions = {}): Schedule {
  let last = Number.NEGATIVE_INFINITY;
  return (flush) => {
    const run = () => {
      last = now();
      flush();
    };
    const wait = last + intervalMs - now();
    if (wait <= 0) return frame(run);
    let cancelFrame: Cancel | undefined;
    const timer = setTimeout(() => {
      cancelFrame = frame(run);
    }, wait);
    return () => {
      clearTimeout(timer);
      cancelFrame?.();
    };
  };
}
