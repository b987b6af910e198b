// Waiting for one expectation of a case step: the board's reply (cut from the stream or taken as
// the next message) or the connection closing, with its verdict, diff and round trip. Plain Node.
import type { StepExpect } from '../../shared/cases/case-types';
import { phrase } from '../../shared/codec/codec-error';
import { describeDiff } from '../../shared/verify';
import { judgeMessage, judgeStream, judgeUnfinished, type ReplyDecision } from './case-judge';
import type { CaseLink } from './case-link';
import type { StepResult } from './case-runner';

export interface ReplyOptions {
  timeoutMs: number;
  /** Messages come framed (a framing other than raw, or UDP datagrams); else a raw byte stream. */
  framed: boolean;
  /** Monotonic milliseconds, the clock of `t0`. */
  now: () => number;
  signal?: AbortSignal;
}

const EMPTY: Uint8Array = new Uint8Array(0);
const STOPPED = { verdict: 'fail', reason: 'Stopped.', reasonDetail: phrase('cases.stopped') } as const;

/** `t0`: when the send went out (or the expect step began). */
export async function awaitReply(
  link: CaseLink,
  expect: StepExpect,
  sent: Uint8Array,
  t0: number,
  opts: ReplyOptions,
): Promise<Partial<StepResult>> {
  const { timeoutMs, framed, now, signal } = opts;
  if (expect.kind === 'closed') {
    const waited = await link.waitFor(() => (link.ended ? true : undefined), timeoutMs, signal);
    if (waited.ok) return { verdict: 'pass', completeMs: now() - t0 };
    if (waited.why === 'aborted') return STOPPED;
    return {
      verdict: 'timeout',
      reason: `The connection is still open after ${timeoutMs} ms.`,
      reasonDetail: phrase('cases.stillOpen', { ms: timeoutMs }),
    };
  }
  const { rule } = expect;
  let firstRx: number | undefined;
  let doneAt = 0;
  const check = (): ReplyDecision | undefined => {
    firstRx ??= link.firstRxSince(t0);
    let decision: ReplyDecision | undefined;
    if (framed) {
      const message = link.nextMessage();
      if (message) {
        decision = judgeMessage(rule, sent, message.bytes);
        if (message.issue) {
          const issue = message.issue;
          decision.reasonDetail = decision.reason
            ? phrase('cases.frameFlagged', { reason: decision.reasonDetail ?? decision.reason, issue })
            : phrase('cases.frameFlaggedAlone', { issue });
          decision.reason = `${decision.reason ?? ''} (frame flagged ${issue})`.trim();
        }
        link.consumeMessage();
      }
    } else {
      decision = judgeStream(rule, sent, link.unreadBytes());
      if (decision) link.consumeBytes(decision.consumed);
    }
    if (!decision && link.ended) {
      const unread = framed ? EMPTY : link.unreadBytes();
      decision = judgeUnfinished(rule, sent, unread, {
        kind: 'closed',
        sentence: link.ended,
        ...(link.endedDetail ? { detail: link.endedDetail } : {}),
      });
      link.consumeBytes(unread.length);
    }
    if (decision) doneAt = link.lastRxAt;
    return decision;
  };
  const waited = await link.waitFor(check, timeoutMs, signal);
  let decision: ReplyDecision;
  if (waited.ok) decision = waited.value;
  else {
    // What came in time belongs to this reply, even unfinished: it must not start the next one.
    const unread = framed ? EMPTY : link.unreadBytes();
    link.consumeBytes(unread.length);
    decision = judgeUnfinished(rule, sent, unread, { kind: 'timeout', ms: timeoutMs });
    if (waited.why === 'aborted') decision = { ...decision, ...STOPPED };
  }
  const diff =
    decision.verdict === 'pass' || !decision.expected ? '' : describeDiff(decision.expected, decision.actual);
  return {
    verdict: decision.verdict,
    ...(firstRx !== undefined ? { firstByteMs: firstRx - t0 } : {}),
    ...(decision.verdict !== 'timeout' && doneAt >= t0 ? { completeMs: doneAt - t0 } : {}),
    ...(decision.expected ? { expected: decision.expected } : {}),
    actual: decision.actual,
    ...(decision.diffAt !== undefined ? { diffAt: decision.diffAt } : {}),
    ...(decision.reason ? { reason: decision.reason } : {}),
    ...(decision.reason && decision.reasonDetail ? { reasonDetail: decision.reasonDetail } : {}),
    ...(diff ? { diff } : {}),
  };
}
