// Splits one received TCP stream into messages under its session's framing and reports them as
// data and pending events; owns the idle-gap timer of that stream. Plain Node.
import { performance } from 'node:perf_hooks';
import type { FramingSpec, SessionId } from '../../shared/contract/model';
import { createFramer, type Frame, type Framer } from '../../shared/framing';
import type { SessionEmit } from './session';

export interface StreamFramerOptions {
  id: SessionId;
  /** "address:port" of the board at the other end. */
  peer: string;
  emit: SessionEmit;
  /** Epoch milliseconds, for the events. */
  now: () => number;
  spec: FramingSpec | undefined;
}

/** The framer's own clock: monotonic, so a wall clock that steps never ends or stretches a gap. */
const monotonic = (): number => performance.now();

export class StreamFramer {
  private readonly opts: StreamFramerOptions;
  /** Undefined for raw chunks: each chunk goes straight out as one event, uncopied. */
  private framer: Framer | undefined;
  private timer: NodeJS.Timeout | undefined;
  private timerAt = 0;
  private reported = 0;
  private ended = false;

  constructor(opts: StreamFramerOptions) {
    this.opts = opts;
    this.framer = makeFramer(opts.spec);
  }

  /** One chunk as the socket delivered it, read at `mono`. */
  push(bytes: Uint8Array, mono = monotonic()): void {
    if (this.ended) return;
    const framer = this.framer;
    if (!framer) {
      const { id, peer, emit, now } = this.opts;
      emit({ type: 'data', id, dir: 'rx', at: now(), peer, bytes }, mono);
      return;
    }
    this.deliver(framer.push(bytes, mono), mono);
    this.settle(mono);
  }

  /**
   * Bytes received from now on are split by `spec`. What the old framing still held is given back
   * first, flagged 'incomplete' (unless already flagged): the change cut that message.
   */
  setSpec(spec: FramingSpec): void {
    if (this.ended) return;
    const mono = monotonic();
    const partial = this.framer?.flush();
    if (partial) this.deliver([{ ...partial, issue: partial.issue ?? 'incomplete' }], mono);
    this.framer = makeFramer(spec);
    this.settle();
  }

  /** The stream ended: what is held goes out as the framer judges it, and the timer stops. */
  end(): void {
    if (this.ended) return;
    const partial = this.framer?.flush();
    if (partial) this.deliver([partial], monotonic());
    this.ended = true;
    this.clearTimer();
    this.reportPending(0);
  }

  private deliver(frames: Frame[], mono: number): void {
    if (frames.length === 0) return;
    const epoch = this.opts.now();
    for (const frame of frames) this.emitFrame(frame, epoch, mono);
  }

  /** Frame times are monotonic; the event's time is the same instant on the wall clock. */
  private emitFrame(frame: Frame, epoch: number, mono: number): void {
    const { id, peer, emit } = this.opts;
    const at = this.framer ? Math.round(epoch - (mono - frame.at)) : epoch;
    const event = { type: 'data', id, dir: 'rx', at, peer, bytes: frame.bytes } as const;
    // The frame's own time: when the chunk that completed it (or, after a silence, its last) came.
    emit(frame.issue ? { ...event, issue: frame.issue } : event, frame.at);
  }

  /**
   * After a change: report the held byte count if it moved (`mono`: when the chunk that moved it
   * came), and arm the timer if one is due.
   */
  private settle(mono?: number): void {
    const framer = this.framer;
    this.reportPending(framer?.pending() ?? 0, mono);
    const deadline = framer?.nextDeadline();
    if (deadline === undefined) {
      this.clearTimer();
      return;
    }
    // A timer already due no later than the deadline stays: when it fires the deadline is looked
    // up again, so a stream of chunks does not re-arm a timer for every one of them.
    if (this.timer && this.timerAt <= deadline) return;
    this.arm(deadline);
  }

  private arm(deadline: number): void {
    this.clearTimer();
    this.timerAt = deadline;
    // Timers may fire a little before the monotonic clock reaches the deadline; tick() then ends
    // nothing and settle() arms again for the rest.
    const delay = Math.max(1, Math.ceil(deadline - monotonic()));
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.ended || !this.framer) return;
      const mono = monotonic();
      this.deliver(this.framer.tick(mono), mono);
      this.settle();
    }, delay);
  }

  private reportPending(bytes: number, mono?: number): void {
    if (bytes === this.reported) return;
    this.reported = bytes;
    const { id, peer, emit } = this.opts;
    emit({ type: 'pending', id, peer, bytes }, mono);
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

function makeFramer(spec: FramingSpec | undefined): Framer | undefined {
  return !spec || spec.kind === 'raw' ? undefined : createFramer(spec);
}
