// A judged exchange in the words and cells the log shows: its badge, round trips to 0.01 ms, the
// reason, and for a FAIL the bytes around the first difference, expected above actual. Pure.

import type { ExchangeResult, Verdict } from '../../../shared/contract/model';
import { describeDiff } from '../../../shared/verify/diff';
import { type MessageKey, t } from '../i18n';
import { say } from './phrase';

const BADGES: Readonly<Record<Verdict, MessageKey>> = {
  pass: 'exchange.pass',
  fail: 'exchange.fail',
  timeout: 'exchange.timeout',
};

/** PASS, FAIL or TIMEOUT in the window's language. */
export const verdictBadge = (verdict: Verdict): string => t(BADGES[verdict]);

const MS = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** "0.41 ms", "1,204.50 ms": round trips to a hundredth of a millisecond. */
export const formatMs = (ms: number): string => `${MS.format(ms)} ms`;

/** "first byte 0.41 ms · complete 0.52 ms", or what there is of it. */
export function timingText(result: ExchangeResult): string {
  const parts: string[] = [];
  if (result.firstByteMs !== undefined)
    parts.push(t('exchange.firstByte', { ms: formatMs(result.firstByteMs) }));
  if (result.completeMs !== undefined)
    parts.push(t('exchange.complete', { ms: formatMs(result.completeMs) }));
  return parts.join(' · ');
}

/** Why an exchange failed or timed out, in the window's language ('' for a PASS). */
export const reasonText = (result: ExchangeResult): string =>
  result.verdict !== 'pass' && result.reason ? say(result.reason, result.reasonDetail) : '';

/** One line for the log's text exports: "PASS #12 to 127.0.0.1:8087 · first byte …". */
export function exchangeLine(result: ExchangeResult): string {
  const timing = timingText(result);
  const peer = result.peer ? t('exchange.toPeer', { peer: result.peer }) : '';
  const why = reasonText(result);
  const reason = why ? `: ${why}` : '';
  return `${verdictBadge(result.verdict)} #${result.seq}${peer}${timing ? ` · ${timing}` : ''}${reason}`;
}

/** The diff as lines of text (the shared report's picture), for exports; '' when there is none. */
export function exchangeDiffText(result: ExchangeResult): string {
  if (result.verdict !== 'fail' || !result.expected || !result.actual) return '';
  return describeDiff(result.expected, result.actual, say);
}

export interface ByteCell {
  /** Offset in the reply. */
  at: number;
  /** Two hex digits, or '' past the end of the bytes. */
  hex: string;
  /** The byte as a printable character ('·' when it is not one, '' past the end). */
  char: string;
  /** This is the first byte that differs. */
  first: boolean;
  /** Differs from the other side at this offset (or only one side has a byte here). */
  differs: boolean;
}

export interface DiffView {
  /** Offset of the first differing byte. */
  at: number;
  /** Offset of the window's first cell. */
  start: number;
  expected: ByteCell[];
  actual: ByteCell[];
  /** Bytes left out before and after the window, per side. */
  before: boolean;
  after: boolean;
}

/** Narrower than the reports' 16: hex and text side by side must fit the log's payload column. */
const BEFORE = 6;
const WIDTH = 12;

const hex2 = (b: number): string => b.toString(16).toUpperCase().padStart(2, '0');
const printable = (b: number): string => (b >= 0x20 && b < 0x7f ? String.fromCharCode(b) : '·');

function cells(bytes: Uint8Array, other: Uint8Array, start: number, at: number): ByteCell[] {
  const out: ByteCell[] = [];
  for (let i = start; i < start + WIDTH && (i < bytes.length || i < other.length); i++) {
    const b = bytes[i];
    out.push({
      at: i,
      hex: b === undefined ? '' : hex2(b),
      char: b === undefined ? '' : printable(b),
      first: i === at,
      differs: b !== other[i],
    });
  }
  return out;
}

/** A window of 12 bytes around the first difference, or undefined when the exchange has no diff. */
export function diffView(result: ExchangeResult): DiffView | undefined {
  const { expected, actual } = result;
  if (result.verdict !== 'fail' || !expected || !actual) return undefined;
  let at = result.diffAt;
  if (at === undefined) {
    at = 0;
    while (at < expected.length && at < actual.length && expected[at] === actual[at]) at++;
    if (at === expected.length && at === actual.length) return undefined;
  }
  const start = Math.max(0, at - BEFORE);
  const longest = Math.max(expected.length, actual.length);
  return {
    at,
    start,
    expected: cells(expected, actual, start, at),
    actual: cells(actual, expected, start, at),
    before: start > 0,
    after: longest > start + WIDTH,
  };
}

/** "Expected 68 'h' at byte 13, got 48 'H'": the first difference in one sentence. */
export function diffSentence(result: ExchangeResult, view: DiffView): string {
  const e = result.expected?.[view.at];
  const a = result.actual?.[view.at];
  const word = (b: number | undefined, none: string) =>
    b === undefined ? none : `${hex2(b)}${b >= 0x20 && b < 0x7f ? ` '${String.fromCharCode(b)}'` : ''}`;
  return t('exchange.sentence', {
    at: view.at,
    expected: word(e, t('exchange.endOfReply')),
    actual: word(a, t('verify.nothing')),
  });
}
