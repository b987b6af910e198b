// Judging a board's reply against an expect rule: what bytes the rule expects for a send, whether
// a reply is complete yet (raw streams), and PASS or FAIL with the first differing byte.
import { phrase } from '../codec/codec-error';
import { parseHex } from '../codec/hex';
import { encodeText } from '../codec/text';
import type { ExpectRule, Phrase } from '../contract/model';
import { decodeText } from './decode';
import { firstDiff } from './diff';
import { regexFault } from './regex-fault';

export interface Judgement {
  verdict: 'pass' | 'fail';
  /** What the rule expected (absent for regex, or when the rule itself is broken). */
  expected?: Uint8Array;
  /** First byte offset where the reply differs from `expected`. */
  diffAt?: number;
  /**
   * The reply is a strict prefix of `expected`: not wrong yet, only short. The caller decides
   * whether to wait for more (a raw stream) or to call it a failure (a framed message).
   */
  incomplete?: boolean;
  /** A sentence, for a failure. */
  reason?: string;
  /** `reason` as a catalogue key and values, for a window in another language. */
  reasonDetail?: Phrase;
}

/** A sentence in English with its catalogue key and values. */
export interface Said {
  message: string;
  detail: Phrase;
}

/** The codec's fault as a value inside another sentence: translated when it says how. */
const inner = (error: { message: string; detail?: Phrase }): string | Phrase => error.detail ?? error.message;

/** The pieces end to end; a single piece comes back as it is. */
export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  if (chunks.length === 1) return chunks[0] as Uint8Array;
  let total = 0;
  for (const chunk of chunks) total += chunk.length;
  const out = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

/**
 * The bytes `rule` expects in reply to `sent`: echo -> sent; prefix-echo -> prefix + sent; text ->
 * the text encoded; hex -> the bytes. Undefined for regex, and for a text or hex rule that cannot
 * be encoded (checkExpectRule says why).
 */
export function expectedBytes(rule: ExpectRule, sent: Uint8Array): Uint8Array | undefined {
  switch (rule.kind) {
    case 'echo':
      return sent;
    case 'prefix-echo': {
      const prefix = encodeText(rule.prefix, rule.encoding ?? 'utf-8');
      return prefix.ok ? concatBytes([prefix.bytes, sent]) : undefined;
    }
    case 'text': {
      const text = encodeText(rule.text, rule.encoding ?? 'utf-8');
      return text.ok ? text.bytes : undefined;
    }
    case 'hex': {
      const hex = parseHex(rule.hex);
      return hex.ok ? hex.bytes : undefined;
    }
    case 'regex':
      return undefined;
  }
}

/** A soak judges thousands of replies with one pattern: compile each pattern once (a few kept). */
const compiled = new Map<string, RegExp | Said>();
const MAX_COMPILED = 64;

/** The pattern compiled (no flags), or the sentence saying why it is not a regular expression. */
export function compileRegex(pattern: string): RegExp | Said {
  const known = compiled.get(pattern);
  if (known !== undefined) return known;
  let result: RegExp | Said;
  try {
    result = new RegExp(pattern);
  } catch (err) {
    // The JavaScript engine's own words for the fault, as a phrase where they are a usual one.
    const detail = err instanceof Error ? err.message : String(err);
    result = {
      message: `/${pattern}/ is not a valid regular expression: ${detail}.`,
      detail: phrase('verify.badRegex', { pattern, detail: regexFault(pattern, detail) }),
    };
  }
  if (compiled.size >= MAX_COMPILED) compiled.clear();
  compiled.set(pattern, result);
  return result;
}

/** The pattern compiled (no flags), or a sentence saying why it is not a regular expression. */
export function compilePattern(pattern: string): RegExp | string {
  const re = compileRegex(pattern);
  return re instanceof RegExp ? re : re.message;
}

/** Why `rule` cannot judge anything (a bad regex, hex or unencodable text), or undefined when it can. */
export function expectRuleProblem(rule: ExpectRule): Said | undefined {
  switch (rule.kind) {
    case 'echo':
      return undefined;
    case 'regex': {
      const re = compileRegex(rule.pattern);
      return re instanceof RegExp ? undefined : re;
    }
    case 'hex': {
      const hex = parseHex(rule.hex);
      if (hex.ok) return undefined;
      return {
        message: `The expected hex is not valid: ${hex.error.message}`,
        detail: phrase('verify.expectedHexBad', { error: inner(hex.error) }),
      };
    }
    case 'prefix-echo':
    case 'text': {
      const text = rule.kind === 'text' ? rule.text : rule.prefix;
      const encoded = encodeText(text, rule.encoding ?? 'utf-8');
      if (encoded.ok) return undefined;
      return {
        message: `The expected text cannot be encoded: ${encoded.error.message}`,
        detail: phrase('verify.expectedTextBad', { error: inner(encoded.error) }),
      };
    }
  }
}

/** Why `rule` cannot judge anything, in English, or undefined when it can. */
export const checkExpectRule = (rule: ExpectRule): string | undefined => expectRuleProblem(rule)?.message;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** A failure's reason and its detail, as the Judgement carries them. */
const failing = (said: Said) => ({ reason: said.message, reasonDetail: said.detail });

/** Never throws: a broken rule is a failure with its sentence. */
export function judgeReply(rule: ExpectRule, sent: Uint8Array, reply: Uint8Array): Judgement {
  if (rule.kind === 'regex') {
    const re = compileRegex(rule.pattern);
    if (!(re instanceof RegExp)) return { verdict: 'fail', ...failing(re) };
    if (re.test(decodeText(reply, rule.encoding))) return { verdict: 'pass' };
    return {
      verdict: 'fail',
      ...failing({
        message: `The reply (${plural(reply.length, 'byte')}) does not match /${rule.pattern}/.`,
        detail: phrase(reply.length === 1 ? 'verify.noMatch_one' : 'verify.noMatch_other', {
          count: reply.length,
          pattern: rule.pattern,
        }),
      }),
    };
  }
  const expected = expectedBytes(rule, sent);
  if (!expected) {
    const problem = expectRuleProblem(rule) ?? {
      message: 'The expect rule is not valid.',
      detail: phrase('verify.ruleInvalid'),
    };
    return { verdict: 'fail', ...failing(problem) };
  }
  const diffAt = firstDiff(expected, reply);
  if (diffAt < 0) return { verdict: 'pass', expected };
  if (diffAt === reply.length) {
    return {
      verdict: 'fail',
      expected,
      diffAt,
      incomplete: true,
      ...failing({
        message: `The reply ended after ${reply.length} of ${plural(expected.length, 'expected byte')}.`,
        detail: phrase(expected.length === 1 ? 'verify.endedAfter_one' : 'verify.endedAfter_other', {
          got: reply.length,
          count: expected.length,
        }),
      }),
    };
  }
  if (diffAt === expected.length) {
    const more = reply.length - expected.length;
    return {
      verdict: 'fail',
      expected,
      diffAt,
      ...failing({
        message: `The reply has ${plural(more, 'byte')} more than the ${expected.length} expected.`,
        detail: phrase(more === 1 ? 'verify.moreBytes_one' : 'verify.moreBytes_other', {
          count: more,
          expected: expected.length,
        }),
      }),
    };
  }
  return {
    verdict: 'fail',
    expected,
    diffAt,
    ...failing({
      message: `The reply differs from the expected bytes at byte ${diffAt}.`,
      detail: phrase('verify.differsAt', { at: diffAt }),
    }),
  };
}

/**
 * For raw framing, where TCP's chunks say nothing about where a reply ends: the bytes received so
 * far are a whole reply when there are at least as many as expected, or when they already differ
 * from the expected bytes (more would not mend them); for regex, once the pattern matches.
 */
export function isCompleteReply(rule: ExpectRule, sent: Uint8Array, received: Uint8Array): boolean {
  if (rule.kind === 'regex') {
    const re = compileRegex(rule.pattern);
    return re instanceof RegExp && re.test(decodeText(received, rule.encoding));
  }
  const expected = expectedBytes(rule, sent);
  if (!expected) return received.length > 0;
  if (received.length >= expected.length) return true;
  return firstDiff(expected, received) < received.length;
}
