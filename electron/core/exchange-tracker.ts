// Pairs each judged send with the board's reply: watches a session's own events (sends, received
// messages, pending bytes, closes), keeps the open exchanges per peer and times them. Plain Node.
import { performance } from 'node:perf_hooks';
import { phrase } from '../../shared/codec/codec-error';
import type { EngineEvent } from '../../shared/contract/events';
import type { ExchangeResult, ExpectRule, FramingSpec, Phrase } from '../../shared/contract/model';
import { DEFAULT_MAX_FRAME_BYTES } from '../../shared/framing';
import { concatBytes, expectedBytes, firstDiff, isCompleteReply, judgeReply } from '../../shared/verify';

/** Who judges an exchange and hears its end: the session's expect rule, or a soak run. */
export interface ExchangeOwner {
  readonly rule: ExpectRule;
  readonly timeoutMs: number;
  /** Exchanges of one group may take each other's replies when those arrive out of order. */
  readonly group: object;
  /** An exchange of this owner opened (a send reached a socket for `peer`). */
  opened?(peer: string): void;
  settled(result: ExchangeResult, info: { outOfOrder: boolean }): void;
  /** A reply no open exchange expects: true when it is a late one to this owner's earlier send. */
  claimStale?(reply: Uint8Array): boolean;
}

interface Exchange {
  seq: number;
  owner: ExchangeOwner;
  peer: string;
  sent: Uint8Array;
  expected: Uint8Array | undefined;
  sentAt: number;
  /** Monotonic milliseconds at hand-over, first byte and the whole reply. */
  t0: number;
  firstByte?: number;
  /** Monotonic milliseconds after which it times out. */
  deadline: number;
  /** Raw framing: what arrived so far for this reply. */
  chunks: Uint8Array[];
  received: number;
}

type Outcome = Pick<
  ExchangeResult,
  'verdict' | 'actual' | 'diffAt' | 'reason' | 'reasonDetail' | 'firstByteMs' | 'completeMs'
>;

export interface ExchangeTrackerOptions {
  /** Epoch milliseconds for sentAt. */
  now: () => number;
  /** The framing in force; undefined for UDP, where a datagram is one reply. */
  framing: () => FramingSpec | undefined;
}

const monotonic = (): number => performance.now();
const MAX_RAW_REGEX_BYTES = 64 * 1024;
const ENDED_STATES = new Set(['disconnected', 'error', 'reconnecting']);

/** " (got 5 of 18 bytes)", or nothing when nothing came. */
const gotSoFar = (count: number, expected: Uint8Array | undefined): string =>
  count > 0 ? ` (got ${count}${expected ? ` of ${expected.length}` : ''} bytes)` : '';

/** The same, as a catalogue phrase (or '' when nothing came). */
const gotDetail = (count: number, expected: Uint8Array | undefined): Phrase | string => {
  if (count === 0) return '';
  return expected
    ? phrase('verify.gotOf', { count, expected: expected.length })
    : phrase('verify.got', { count });
};

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && firstDiff(a, b) < 0;

/**
 * Every send an owner claims (or, unclaimed, every send while the session has an expect rule)
 * opens an exchange for the peer it went to. The reply is what the framing delivers next from that
 * peer: the next message, or with raw framing the bytes up to the expected length. Sends made
 * while earlier exchanges of that peer are open queue behind them (FIFO per peer): the first
 * reply answers the oldest send.
 */
export class ExchangeTracker {
  private readonly queues = new Map<string, Exchange[]>();
  /** Sends recognised by the very byte array handed to the session; null = judge nothing. */
  private readonly claims = new WeakMap<Uint8Array, ExchangeOwner | null>();
  /** Idle-gap framing ends a message after a silence: its reply was complete at its last chunk. */
  private readonly lastChunkAt = new Map<string, number>();
  /** Bytes the framing holds per peer: part of the oldest exchange's reply, for a timeout's sentence. */
  private readonly held = new Map<string, number>();
  private sessionOwner: ExchangeOwner | undefined;
  private seq = 0;
  private disposed = false;
  /**
   * One timer for every open exchange, due at the earliest deadline or before: a request and its
   * reply then cost no timer of their own, and a reply that comes in time leaves it as it is.
   */
  private timer: NodeJS.Timeout | undefined;
  private timerAt = Number.POSITIVE_INFINITY;

  constructor(private readonly opts: ExchangeTrackerOptions) {}

  /** The owner of unclaimed sends from now on; the old owner's open exchanges end without a verdict. */
  setDefaultOwner(owner: ExchangeOwner | undefined): void {
    const old = this.sessionOwner;
    this.sessionOwner = owner;
    if (old) this.cancel((x) => x.owner === old);
  }

  /** The send of exactly these bytes belongs to `owner` (null: it opens no exchange). */
  claim(bytes: Uint8Array, owner: ExchangeOwner | null): void {
    this.claims.set(bytes, owner);
  }

  /** Drops open exchanges of a group without a verdict (a stopped soak). */
  cancelGroup(group: object): void {
    this.cancel((x) => x.owner.group === group);
  }

  dispose(): void {
    this.disposed = true;
    this.cancel(() => true);
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  /** `at`: when the event happened on the monotonic clock, if taken before it went elsewhere. */
  observe(event: EngineEvent, at?: number): void {
    if (this.disposed) return;
    switch (event.type) {
      case 'data': {
        if (event.dir === 'tx') this.open(event.peer, event.bytes, at ?? monotonic());
        else this.onMessage(event.peer, event.bytes, at ?? monotonic());
        return;
      }
      case 'pending':
        this.held.set(event.peer, event.bytes);
        if (event.bytes > 0) {
          const chunkAt = at ?? monotonic();
          this.lastChunkAt.set(event.peer, chunkAt);
          const head = this.queues.get(event.peer)?.[0];
          if (head && head.firstByte === undefined) head.firstByte = chunkAt;
        }
        return;
      case 'client-disconnected':
        this.endPeer(event.peer);
        return;
      case 'state':
        if (ENDED_STATES.has(event.state)) for (const peer of [...this.queues.keys()]) this.endPeer(peer);
        return;
    }
  }

  private open(peer: string, sent: Uint8Array, t0: number): void {
    const owner = this.claims.has(sent) ? this.claims.get(sent) : this.sessionOwner;
    if (!owner) return;
    this.seq += 1;
    const exchange: Exchange = {
      seq: this.seq,
      owner,
      peer,
      sent,
      expected: expectedBytes(owner.rule, sent),
      sentAt: this.opts.now(),
      t0,
      deadline: t0 + owner.timeoutMs,
      chunks: [],
      received: 0,
    };
    let queue = this.queues.get(peer);
    if (!queue) {
      queue = [];
      this.queues.set(peer, queue);
    }
    queue.push(exchange);
    this.armFor(exchange.deadline);
    owner.opened?.(peer);
  }

  /** The timer is due no later than `deadline`. */
  private armFor(deadline: number): void {
    if (this.disposed || (this.timer && this.timerAt <= deadline)) return;
    if (this.timer) clearTimeout(this.timer);
    this.timerAt = deadline;
    // A timer may fire a little before the monotonic clock reaches the deadline; expire() then
    // times out nothing yet and arms again for the rest.
    this.timer = setTimeout(this.expire, Math.max(1, Math.ceil(deadline - monotonic())));
    // Left armed after the last reply came: it must not keep the engine running on its own.
    this.timer.unref();
  }

  /** Times out every exchange past its deadline, oldest deadline first, and arms for the next. */
  private readonly expire = (): void => {
    this.timer = undefined;
    this.timerAt = Number.POSITIVE_INFINITY;
    const now = monotonic();
    const due: Exchange[] = [];
    for (const queue of this.queues.values()) for (const x of queue) if (x.deadline <= now) due.push(x);
    due.sort((a, b) => a.deadline - b.deadline || a.seq - b.seq);
    // Settling one may end others (an owner that stops): each is timed out only while still open.
    for (const x of due) if (this.queues.get(x.peer)?.includes(x)) this.timeOut(x);
    let next = Number.POSITIVE_INFINITY;
    for (const queue of this.queues.values()) for (const x of queue) next = Math.min(next, x.deadline);
    if (next < Number.POSITIVE_INFINITY) this.armFor(next);
  };

  private onMessage(peer: string, bytes: Uint8Array, at: number): void {
    const framing = this.opts.framing();
    if (framing?.kind === 'raw') {
      this.onRawChunk(peer, bytes, at);
      return;
    }
    const head = this.queues.get(peer)?.[0];
    if (!head) return;
    const complete = framing?.kind === 'idle-gap' ? (this.lastChunkAt.get(peer) ?? at) : at;
    head.firstByte ??= complete;
    this.judge(head, bytes, Math.max(complete, head.firstByte));
  }

  /** TCP chunks carry no boundaries: bytes gather for the oldest exchange until a reply is whole. */
  private onRawChunk(peer: string, chunk: Uint8Array, at: number): void {
    let rest = chunk;
    while (rest.length > 0) {
      const head = this.queues.get(peer)?.[0];
      if (!head) return;
      head.firstByte ??= at;
      head.chunks.push(rest);
      head.received += rest.length;
      rest = new Uint8Array(0);
      if (!this.rawComplete(head)) continue;
      let reply = concatBytes(head.chunks);
      // Pipelined replies glued in one chunk: the expected length says where this one ends.
      if (head.expected && reply.length > head.expected.length) {
        rest = reply.subarray(head.expected.length);
        reply = reply.subarray(0, head.expected.length);
      }
      head.chunks = [];
      head.received = 0;
      this.judge(head, reply, at);
    }
  }

  /** A regex sees the whole reply again at each chunk, so a raw reply it judges is capped lower. */
  private rawComplete(x: Exchange): boolean {
    if (x.received >= (x.expected ? DEFAULT_MAX_FRAME_BYTES : MAX_RAW_REGEX_BYTES)) return true;
    if (!x.expected) return isCompleteReply(x.owner.rule, x.sent, concatBytes(x.chunks));
    if (x.received >= x.expected.length) return true;
    const last = x.chunks[x.chunks.length - 1] as Uint8Array;
    const offset = x.received - last.length;
    return firstDiff(x.expected.subarray(offset, offset + last.length), last) >= 0;
  }

  private judge(head: Exchange, reply: Uint8Array, completeAt: number): void {
    const judged = judgeReply(head.owner.rule, head.sent, reply);
    const times = { firstByteMs: (head.firstByte ?? completeAt) - head.t0, completeMs: completeAt - head.t0 };
    if (judged.verdict === 'pass') {
      this.settle(head, { verdict: 'pass', actual: reply, ...times }, false);
      return;
    }
    // A reply to a later send that overtook this one's (UDP reorders): that send passes, this one waits.
    const queue = this.queues.get(head.peer) ?? [];
    const group = head.owner.group;
    const other = queue.find(
      (x) => x !== head && x.owner.group === group && x.expected && sameBytes(x.expected, reply),
    );
    if (other) {
      const at = { firstByteMs: completeAt - other.t0, completeMs: completeAt - other.t0 };
      this.settle(other, { verdict: 'pass', actual: reply, ...at }, true);
      return;
    }
    if (head.owner.claimStale?.(reply)) return;
    const { diffAt, reason, reasonDetail } = judged;
    this.settle(head, { verdict: 'fail', actual: reply, diffAt, reason, reasonDetail, ...times }, false);
  }

  private timeOut(x: Exchange): void {
    const partial = concatBytes(x.chunks);
    const isHead = this.queues.get(x.peer)?.[0] === x;
    const count = partial.length || (isHead && x.firstByte !== undefined ? (this.held.get(x.peer) ?? 0) : 0);
    const got = gotSoFar(count, x.expected);
    const what = count > 0 ? 'complete reply' : 'reply';
    this.settle(
      x,
      {
        verdict: 'timeout',
        reason: `No ${what} within ${x.owner.timeoutMs} ms${got}.`,
        reasonDetail: phrase(count > 0 ? 'verify.noCompleteReply' : 'verify.noReply', {
          ms: x.owner.timeoutMs,
          got: gotDetail(count, x.expected),
        }),
        ...(partial.length > 0 ? { actual: partial } : {}),
        ...(x.firstByte !== undefined ? { firstByteMs: x.firstByte - x.t0 } : {}),
      },
      false,
    );
  }

  /** The connection ended: no reply can come any more. */
  private endPeer(peer: string): void {
    this.lastChunkAt.delete(peer);
    this.held.delete(peer);
    for (const x of [...(this.queues.get(peer) ?? [])]) {
      const partial = concatBytes(x.chunks);
      const got = gotSoFar(partial.length, x.expected);
      this.settle(
        x,
        {
          verdict: 'fail',
          reason: `The connection closed before a complete reply${got}.`,
          reasonDetail: phrase('verify.closedEarly', { got: gotDetail(partial.length, x.expected) }),
          ...(partial.length > 0 ? { actual: partial } : {}),
        },
        false,
      );
    }
  }

  private settle(x: Exchange, outcome: Outcome, outOfOrder: boolean): void {
    this.remove(x);
    const result: ExchangeResult = {
      seq: x.seq,
      verdict: outcome.verdict,
      sentAt: x.sentAt,
      peer: x.peer,
      ...(outcome.firstByteMs !== undefined ? { firstByteMs: outcome.firstByteMs } : {}),
      ...(outcome.completeMs !== undefined ? { completeMs: outcome.completeMs } : {}),
      ...(x.expected ? { expected: x.expected } : {}),
      ...(outcome.actual ? { actual: outcome.actual } : {}),
      ...(outcome.diffAt !== undefined ? { diffAt: outcome.diffAt } : {}),
      ...(outcome.reason ? { reason: outcome.reason } : {}),
      ...(outcome.reason && outcome.reasonDetail ? { reasonDetail: outcome.reasonDetail } : {}),
    };
    x.owner.settled(result, { outOfOrder });
  }

  private remove(x: Exchange): void {
    const queue = this.queues.get(x.peer);
    if (!queue) return;
    const at = queue.indexOf(x);
    if (at >= 0) queue.splice(at, 1);
    if (queue.length === 0) this.queues.delete(x.peer);
  }

  private cancel(which: (x: Exchange) => boolean): void {
    for (const queue of [...this.queues.values()]) for (const x of [...queue]) if (which(x)) this.remove(x);
  }
}
