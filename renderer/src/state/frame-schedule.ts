// When the page takes in what the engine sent: at the next display frame, and while batches keep
// coming, no more often than ten times a second (four after a flood's heavy update), so a flood
// costs the page few frames' work.

/** Cancels what was scheduled. */
export type Cancel = () => void;
/**
 * `heavy`: the update before was a heavy one (a flood's), so the next may wait longer. `soon`: at
 * the next frame whatever the pace (a burst has ended), still counted as the latest update.
 */
export type Schedule = (flush: () => void, heavy?: boolean, soon?: boolean) => Cancel;

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
/**
 * After a heavy update (a flood's hundreds of entries), this often at most: a log scrolling past
 * thousands of entries a second is read no better ten times a second than four, and an update
 * costs the page much the same whatever it holds. The end of a burst still shows at once (see
 * engine-sync.ts).
 */
export const HEAVY_INTERVAL_MS = 250;

export interface PacedOptions {
  intervalMs?: number;
  heavyIntervalMs?: number;
  frame?: Schedule;
  now?: () => number;
}

/**
 * `frame`, but no sooner than `intervalMs` after the flush before (`heavyIntervalMs` after a heavy
 * one), unless `soon`.
 */
export function pacedFrames({
  intervalMs = BUSY_INTERVAL_MS,
  heavyIntervalMs = HEAVY_INTERVAL_MS,
  frame = nextFrame,
  now = () => performance.now(),
}: PacedOptions = {}): Schedule {
  let last = Number.NEGATIVE_INFINITY;
  return (flush, heavy = false, soon = false) => {
    const run = () => {
      last = now();
      flush();
    };
    const wait = soon ? 0 : last + (heavy ? heavyIntervalMs : intervalMs) - now();
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
