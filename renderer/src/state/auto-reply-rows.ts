// Auto-reply rules as typed (rows of strings) and as the engine runs them: every row becomes a rule
// in the same order (a disabled row is sent disabled), so the engine's rule numbers are row numbers
// and its hit counts land on the right row. Pure.
import type { AutoReplyRule, MatchKind, TextEncodingName } from '../../../shared/contract/model';
import { MATCH_KINDS } from '../../../shared/contract/model';
import { matchProblem } from '../../../shared/verify/match';
import { type MessageKey, t } from '../i18n';
import { say } from './phrase';
import type { AutoReplyRow } from './settings';

/** Each match kind's option, as a catalogue key. */
export const MATCH_LABELS: Readonly<Record<MatchKind, MessageKey>> = {
  exact: 'autoReply.exact',
  contains: 'autoReply.contains',
  prefix: 'autoReply.prefix',
  regex: 'autoReply.regex',
  hex: 'autoReply.hex',
};

/** More rules than a bench ever needs, and the engine's own limit. */
export const MAX_RULES = 256;
const MAX_TEXT = 64 * 1024;

export function newRow(rows: readonly AutoReplyRow[]): AutoReplyRow {
  const id = rows.reduce((max, r) => Math.max(max, r.id), 0) + 1;
  return { id, match: 'contains', pattern: '', reply: '', delayMs: '', enabled: true };
}

/** Why a row cannot run, or undefined. `n` is its 1-based number, for the sentence. */
export function rowProblem(row: AutoReplyRow, n: number): string | undefined {
  if (!row.enabled) return undefined;
  if (row.pattern === '' && row.match !== 'exact') return t('autoReply.needPattern', { n });
  if (row.pattern.length > MAX_TEXT || row.reply.length > MAX_TEXT) return t('autoReply.tooLong', { n });
  const bad = matchProblem({ kind: row.match, pattern: row.pattern });
  if (bad) return t('autoReply.ruleFault', { n, fault: say(bad.message, bad.detail) });
  const delay = row.delayMs.trim();
  if (delay !== '' && (!/^\d{1,6}$/.test(delay) || Number(delay) > 600_000)) {
    return t('autoReply.delayBad', { n });
  }
  return undefined;
}

export type RulesResult = { ok: true; rules: AutoReplyRule[] } | { ok: false; reason: string; row: number };

/**
 * The rules to run, or the first row's fault. Replies are text with escapes, the match's groups
 * and the macros, encoded as `encoding` (the composer's text encoding); text patterns too.
 */
export function rulesFromRows(
  rows: readonly AutoReplyRow[],
  encoding: TextEncodingName = 'utf-8',
): RulesResult {
  if (rows.length > MAX_RULES)
    return { ok: false, reason: t('autoReply.tooMany', { max: MAX_RULES }), row: MAX_RULES };
  const rules: AutoReplyRule[] = [];
  for (const [i, row] of rows.entries()) {
    const problem = rowProblem(row, i + 1);
    if (problem) return { ok: false, reason: problem, row: i };
    const delay = row.delayMs.trim();
    const textMatch = row.match !== 'hex' && row.match !== 'regex';
    rules.push({
      match: {
        kind: row.match,
        pattern: row.pattern,
        ...(textMatch || row.match === 'regex' ? { encoding } : {}),
      },
      reply: { text: row.reply, encoding, escapes: true, lineEnding: 'none', macros: true },
      ...(delay !== '' && Number(delay) > 0 ? { delayMs: Number(delay) } : {}),
      enabled: row.enabled,
    });
  }
  return { ok: true, rules };
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/** Remembered rows are trusted only when every one has the right shape. */
export function isAutoReplyRows(value: unknown): value is AutoReplyRow[] {
  return (
    Array.isArray(value) &&
    value.length <= MAX_RULES &&
    value.every(
      (r) =>
        isObject(r) &&
        typeof r.id === 'number' &&
        typeof r.match === 'string' &&
        (MATCH_KINDS as readonly string[]).includes(r.match) &&
        typeof r.pattern === 'string' &&
        typeof r.reply === 'string' &&
        typeof r.delayMs === 'string' &&
        typeof r.enabled === 'boolean',
    )
  );
}
