// Macros in a text payload, expanded at send time: {counter} {date} {time} {unix} {unixms}
// {random:N}; "{{" and "}}" are literal braces. The clock and the dice are injected; an auto-reply
// adds its match's groups as {0}, {1} ...
import type { Phrase } from '../contract/model';
import { type CodecError, charPosition, fail, phrase } from './codec-error';

export interface MacroContext {
  /** The session's send counter: how many sends came before this one. */
  counter: number;
  now: Date;
  randomBytes(n: number): Uint8Array;
  /** An auto-reply's match: {0} is the whole match, {1} ... its groups. Absent: {0} is no macro. */
  groups?: readonly string[];
}

/**
 * The payload after expansion: ranges of the typed text (still to have escapes expanded and be
 * encoded), generated text (to encode) and raw bytes ({random:N} is bytes, not characters).
 */
export type MacroPart =
  | { kind: 'source'; start: number; end: number }
  | { kind: 'text'; text: string }
  | { kind: 'bytes'; bytes: Uint8Array };

export type MacroResult = { ok: true; parts: MacroPart[] } | { ok: false; error: CodecError };

export const MACRO_NAMES = ['counter', 'date', 'time', 'unix', 'unixms', 'random:N'] as const;

const MAX_RANDOM = 1024;
const KNOWN = 'Use {counter}, {date}, {time}, {unix}, {unixms} or {random:N}; write {{ and }} for braces.';

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/**
 * A context for previews and callers without one: counter 0, the current time, and a small
 * xorshift generator seeded from the clock. Not for secrets; the engine injects real randomness.
 */
export function defaultMacroContext(now = new Date()): MacroContext {
  let state = (now.getTime() % 0x7fffffff) | 1;
  return {
    counter: 0,
    now,
    randomBytes(n: number): Uint8Array {
      const out = new Uint8Array(n);
      for (let i = 0; i < n; i++) {
        state ^= state << 13;
        state ^= state >>> 17;
        state ^= state << 5;
        out[i] = state & 0xff;
      }
      return out;
    },
  };
}

/** Why a name in braces expands to nothing: empty when it names no macro at all. */
type Refusal = { why: ''; detail?: undefined } | { why: string; detail: Phrase };

/** Date and time in the PC's local zone, as a bench log writes them. */
function expandName(name: string, ctx: MacroContext): MacroPart | Refusal {
  const now = ctx.now;
  switch (name) {
    case 'counter':
      return { kind: 'text', text: String(ctx.counter) };
    case 'date':
      return {
        kind: 'text',
        text: `${pad(now.getFullYear(), 4)}-${pad(now.getMonth() + 1, 2)}-${pad(now.getDate(), 2)}`,
      };
    case 'time':
      return {
        kind: 'text',
        text: `${pad(now.getHours(), 2)}:${pad(now.getMinutes(), 2)}:${pad(now.getSeconds(), 2)}.${pad(now.getMilliseconds(), 3)}`,
      };
    case 'unix':
      return { kind: 'text', text: String(Math.floor(now.getTime() / 1000)) };
    case 'unixms':
      return { kind: 'text', text: String(now.getTime()) };
  }
  if (ctx.groups && /^\d{1,2}$/.test(name)) {
    const group = ctx.groups[Number(name)];
    if (group !== undefined) return { kind: 'text', text: group };
    const n = ctx.groups.length;
    if (n === 0) return { why: 'the match has no groups', detail: phrase('codec.macroNoGroups') };
    if (n === 1) return { why: 'the match has only {0}', detail: phrase('codec.macroOnlyGroup0') };
    return {
      why: `the match has groups {0} to {${n - 1}}`,
      detail: phrase('codec.macroGroups', { last: n - 1 }),
    };
  }
  if (name === 'random' || name.startsWith('random:')) {
    const count = name.slice(7);
    if (!/^\d{1,4}$/.test(count) || Number(count) < 1 || Number(count) > MAX_RANDOM) {
      return {
        why: `{random:N} takes a byte count N from 1 to ${MAX_RANDOM}`,
        detail: phrase('codec.macroRandom', { max: MAX_RANDOM }),
      };
    }
    const bytes = ctx.randomBytes(Number(count));
    return { kind: 'bytes', bytes: bytes.length === Number(count) ? bytes : bytes.slice(0, Number(count)) };
  }
  return { why: '' };
}

/**
 * Split `input` into parts, expanding each macro. With `escapes` on, a backslash takes the next
 * character with it, so "\\{counter}" is a backslash and the counter, and "\{" is refused as the
 * escape it is not. An unknown name, an unclosed "{" or a lone "}" is
 * an error at that brace: a payload that silently kept "{countr}" would confuse the board.
 */
export function expandMacros(input: string, ctx: MacroContext, opts?: { escapes?: boolean }): MacroResult {
  const escapes = opts?.escapes ?? false;
  const parts: MacroPart[] = [];
  let literalStart = 0;
  const flush = (end: number): void => {
    if (end > literalStart) parts.push({ kind: 'source', start: literalStart, end });
  };
  const n = input.length;
  let i = 0;
  while (i < n) {
    const c = input.charCodeAt(i);
    if (c === 0x5c && escapes) {
      const next = input.charCodeAt(i + 1);
      if (next === 0x7b || next === 0x7d) {
        const shown = next === 0x7b ? '{' : '}';
        const position = charPosition(input, i);
        return fail(
          i,
          `'\\${shown}' at position ${position} is not an escape. Write ${shown}${shown} for a literal brace.`,
          phrase('codec.macroBraceEscape', { brace: shown, position }),
        );
      }
      i += 2;
      continue;
    }
    if (c !== 0x7b && c !== 0x7d) {
      i++;
      continue;
    }
    const brace = c === 0x7b ? '{' : '}';
    if (input.charCodeAt(i + 1) === c) {
      // A doubled brace: keep the first (a range of the typed text), drop the second.
      flush(i + 1);
      literalStart = i + 2;
      i += 2;
      continue;
    }
    if (brace === '}') {
      const position = charPosition(input, i);
      return fail(
        i,
        `'}' at position ${position} closes nothing. Write }} for a literal brace.`,
        phrase('codec.macroCloseNothing', { position }),
      );
    }
    const close = input.indexOf('}', i + 1);
    if (close < 0) {
      const position = charPosition(input, i);
      return fail(
        i,
        `'{' at position ${position} is not closed. Close the macro with }, or write {{ for a literal brace.`,
        phrase('codec.macroNotClosed', { position }),
      );
    }
    const name = input.slice(i + 1, close);
    const expanded = expandName(name, ctx);
    if ('why' in expanded) {
      const shown = name.length > 20 ? `{${name.slice(0, 20)}…` : `{${name}}`;
      const position = charPosition(input, i);
      const reason = expanded.why === '' ? `is not a macro. ${KNOWN}` : `is not valid: ${expanded.why}.`;
      return fail(
        i,
        `'${shown}' at position ${position} ${reason}`,
        expanded.detail
          ? phrase('codec.macroInvalid', { shown, position, reason: expanded.detail })
          : phrase('codec.macroUnknown', { shown, position }),
      );
    }
    flush(i);
    parts.push(expanded);
    i = close + 1;
    literalStart = i;
  }
  flush(n);
  return { ok: true, parts };
}
