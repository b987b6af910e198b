// The one place a case step's reply is judged: how much of the received stream or which message
// is the reply, and its verdict, through shared/verify (the engine's own rules and diffs). Plain Node.
import { phrase } from '../../shared/codec/codec-error';
import type { ExpectRule, Phrase } from '../../shared/contract/model';
import { expectedBytes, isCompleteReply, judgeReply } from '../../shared/verify';

export interface ReplyDecision {
  verdict: 'pass' | 'fail' | 'timeout';
  /** Bytes (raw) of the unread stream this reply used up. */
  consumed: number;
  actual: Uint8Array;
  expected?: Uint8Array;
  diffAt?: number;
  reason?: string;
  /** `reason` as a catalogue phrase. */
  reasonDetail?: Phrase;
}

const EMPTY = new Uint8Array(0);

/**
 * Raw framing: TCP keeps no message boundaries, so a reply is cut from the unread stream. A rule
 * with known bytes takes exactly that many (the rest is the next reply, as when a board's two
 * sends arrive glued together); when the bytes already differ, everything unread is the reply. A
 * regex takes everything unread once it matches. Undefined: wait for more bytes.
 */
export function judgeStream(
  rule: ExpectRule,
  sent: Uint8Array,
  unread: Uint8Array,
): ReplyDecision | undefined {
  if (unread.length === 0 || !isCompleteReply(rule, sent, unread)) return undefined;
  const expected = expectedBytes(rule, sent);
  const whole = !expected || unread.length < expected.length;
  const actual = whole ? unread : unread.subarray(0, expected.length);
  const judged = judgeReply(rule, sent, actual);
  return { ...judged, consumed: actual.length, actual };
}

/** Framed sessions and UDP: one message (or datagram) is one reply, short ones included. */
export function judgeMessage(rule: ExpectRule, sent: Uint8Array, message: Uint8Array): ReplyDecision {
  const judged = judgeReply(rule, sent, message);
  return { ...judged, consumed: message.length, actual: message };
}

/**
 * Time is up, or the board closed the connection, before a complete reply: TIMEOUT when nothing
 * or only a correct beginning came in time; FAIL when what came cannot be the reply.
 */
export function judgeUnfinished(
  rule: ExpectRule,
  sent: Uint8Array,
  unread: Uint8Array,
  why: { kind: 'timeout'; ms: number } | { kind: 'closed'; sentence?: string; detail?: Phrase },
): ReplyDecision {
  const expected = expectedBytes(rule, sent);
  const closed = why.kind === 'closed';
  // Why the connection ended, as the engine said it (or the board's own close).
  const sentence = closed ? (why.sentence ?? 'The board closed the connection.') : '';
  const sentenceDetail: Phrase | string = closed
    ? why.sentence === undefined
      ? phrase('cases.boardClosed')
      : (why.detail ?? why.sentence)
    : '';
  if (unread.length === 0) {
    return {
      verdict: closed ? 'fail' : 'timeout',
      consumed: 0,
      actual: EMPTY,
      ...(expected ? { expected } : {}),
      ...(closed
        ? {
            reason: `${sentence} No reply came.`,
            reasonDetail: phrase('cases.noReplyCame', { closed: sentenceDetail }),
          }
        : {
            reason: `No reply within ${why.ms} ms.`,
            reasonDetail: phrase('verify.noReply', { ms: why.ms, got: '' }),
          }),
    };
  }
  const judged = judgeReply(rule, sent, unread);
  if (judged.verdict === 'pass') return { ...judged, consumed: unread.length, actual: unread };
  // Only a correct beginning is a TIMEOUT: bytes that differ, or a regex that never matched what
  // came, are the board's wrong answer.
  const verdict = !closed && judged.incomplete ? 'timeout' : 'fail';
  const prefix = closed ? `${sentence} ` : `After ${why.ms} ms: `;
  const inner: Phrase | string = judged.reasonDetail ?? judged.reason ?? '';
  return {
    ...judged,
    verdict,
    consumed: unread.length,
    actual: unread,
    reason: `${prefix}${judged.reason ?? ''}`,
    reasonDetail: closed
      ? phrase('cases.closedThen', { closed: sentenceDetail, reason: inner })
      : phrase('cases.afterMs', { ms: why.ms, reason: inner }),
  };
}
