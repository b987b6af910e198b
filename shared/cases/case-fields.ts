// Reading one field of a case file: the error that names file, step, field and line, `${name}`
// substitution, and readers for numbers, names and enumerations.
import type { Document, LineCounter } from 'yaml';
import { phrase } from '../codec/codec-error';
import type { Phrase } from '../contract/model';
import { CaseFormatError } from './case-types';

export type YamlPath = readonly (string | number)[];

/** Where a value sits: its path in the document (for the line) and how a message names it. */
export interface Place {
  path: YamlPath;
  /** "step 3 (send)", "board" ... */
  where: string;
}

export interface FieldContext {
  file: string;
  doc: Document;
  lines: LineCounter;
  vars: Readonly<Record<string, string>>;
}

function lineOf(ctx: FieldContext, path: YamlPath): number | undefined {
  for (let n = path.length; n >= 0; n--) {
    const node = ctx.doc.getIn(path.slice(0, n), true) as { range?: [number, number, number] } | undefined;
    const start = node && typeof node === 'object' ? node.range?.[0] : undefined;
    if (start !== undefined) return ctx.lines.linePos(start).line;
  }
  return undefined;
}

/** A place's words as a phrase: the few places a case has ("step 3 (send)", "board" ...). */
function wherePhrase(where: string): Phrase | string {
  const step = /^step (\S+?)(?: \((\w+)\))?$/.exec(where);
  if (step) {
    const [, n = '', action] = step;
    return action ? phrase('cases.whereStepAction', { n, action }) : phrase('cases.whereStep', { n });
  }
  switch (where) {
    case 'the case':
      return phrase('cases.whereCase');
    case 'board':
      return phrase('cases.whereBoard');
    case 'vars':
      return phrase('cases.whereVars');
    case 'defaults':
      return phrase('cases.whereDefaults');
  }
  return where;
}

/**
 * Throws the fault at its place: "case.yaml: step 3 (send), field 'hex': ... (line 7)". `detail` is
 * `message` as a phrase, so a window can show the whole sentence in its own language.
 */
export function fail(
  ctx: FieldContext,
  place: Place,
  field: string | undefined,
  message: string,
  detail?: Phrase,
): never {
  const path = field === undefined ? place.path : [...place.path, field];
  const line = lineOf(ctx, path);
  const what = field === undefined ? place.where : `${place.where}, field '${field}'`;
  const where =
    field === undefined
      ? wherePhrase(place.where)
      : phrase('cases.whereField', { where: wherePhrase(place.where), field });
  const params = { file: ctx.file, where, message: detail ?? message };
  throw new CaseFormatError(
    `${ctx.file}: ${what}: ${message}${line ? ` (line ${line})` : ''}`,
    line ? phrase('cases.errorAtLine', { ...params, line }) : phrase('cases.errorAt', params),
  );
}

const VARIABLE = /\$\$|\$\{([^}]*)\}/g;
export const VAR_NAME = /^[A-Za-z_][A-Za-z0-9_.-]*$/;

/** `${name}` becomes the variable's value; `$$` is a literal `$`. */
export function substitute(ctx: FieldContext, place: Place, field: string | undefined, text: string): string {
  return text.replace(VARIABLE, (_token, name: string | undefined) => {
    if (name === undefined) return '$';
    if (!Object.hasOwn(ctx.vars, name)) {
      const known = VAR_NAME.test(name);
      const hint = known
        ? `define it under 'vars' or pass --var ${name}=VALUE`
        : 'a variable name is letters, digits, _ . and -';
      return fail(
        ctx,
        place,
        field,
        `unknown variable \${${name}}: ${hint}`,
        phrase('cases.unknownVar', {
          name,
          hint: known ? phrase('cases.varHintDefine', { name }) : phrase('cases.varHintName'),
        }),
      );
    }
    return ctx.vars[name] as string;
  });
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export function describeType(value: unknown): string {
  if (value === null || value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a map';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** describeType as a phrase. */
export function typePhrase(value: unknown): Phrase {
  if (value === null || value === undefined) return phrase('cases.typeNothing');
  if (Array.isArray(value)) return phrase('cases.typeList');
  if (typeof value === 'object') return phrase('cases.typeMap');
  return phrase('cases.typeValue', { type: typeof value, value: JSON.stringify(value) });
}

/** A map's keys must all be known: a typo should not silently do nothing. */
export function checkKeys(
  ctx: FieldContext,
  place: Place,
  value: Record<string, unknown>,
  known: readonly string[],
): void {
  for (const key of Object.keys(value)) {
    if (!known.includes(key)) {
      fail(
        ctx,
        place,
        key,
        `unknown field; known fields here: ${known.join(', ')}`,
        phrase('cases.unknownField', { known: known.join(', ') }),
      );
    }
  }
}

/** A string field, variables substituted; numbers and booleans are taken as written. */
export function readString(ctx: FieldContext, place: Place, field: string, value: unknown): string {
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value !== 'string')
    return fail(
      ctx,
      place,
      field,
      `expected text, found ${describeType(value)}`,
      phrase('cases.expectedText', { found: typePhrase(value) }),
    );
  return substitute(ctx, place, field, value);
}

/** A whole number in [min, max]; text such as "${port}" is substituted first. */
export function readInteger(
  ctx: FieldContext,
  place: Place,
  field: string,
  value: unknown,
  min: number,
  max: number,
): number {
  let n: number = Number.NaN;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const text = substitute(ctx, place, field, value).trim();
    if (/^-?\d+$/.test(text)) n = Number(text);
  }
  if (!Number.isInteger(n) || n < min || n > max) {
    return fail(
      ctx,
      place,
      field,
      `expected a whole number from ${min} to ${max}, found ${describeType(value)}`,
      phrase('cases.expectedWhole', { min, max, found: typePhrase(value) }),
    );
  }
  return n;
}

export function readBoolean(ctx: FieldContext, place: Place, field: string, value: unknown): boolean {
  if (typeof value === 'boolean') return value;
  if (value === 'true' || value === 'false') return value === 'true';
  return fail(
    ctx,
    place,
    field,
    `expected true or false, found ${describeType(value)}`,
    phrase('cases.expectedBoolean', { found: typePhrase(value) }),
  );
}

export function readChoice<T extends string>(
  ctx: FieldContext,
  place: Place,
  field: string,
  value: unknown,
  choices: readonly T[],
): T {
  const text = typeof value === 'string' ? substitute(ctx, place, field, value).trim() : value;
  if (typeof text === 'string' && (choices as readonly string[]).includes(text)) return text as T;
  return fail(
    ctx,
    place,
    field,
    `expected one of ${choices.join(', ')}; found ${describeType(value)}`,
    phrase('cases.expectedChoice', { choices: choices.join(', '), found: typePhrase(value) }),
  );
}

/** Milliseconds: a number, or text like "250", "250ms", "2s". */
export function readDuration(ctx: FieldContext, place: Place, field: string, value: unknown): number {
  const text = typeof value === 'string' ? substitute(ctx, place, field, value).trim() : value;
  let ms: number = Number.NaN;
  if (typeof text === 'number') ms = text;
  else if (typeof text === 'string') {
    const m = /^(\d+(?:\.\d+)?)\s*(ms|s)?$/.exec(text);
    if (m) ms = Number(m[1]) * (m[2] === 's' ? 1000 : 1);
  }
  if (!Number.isFinite(ms) || ms < 0 || ms > 86_400_000) {
    return fail(
      ctx,
      place,
      field,
      `expected milliseconds (500, "500ms", "2s"), found ${describeType(value)}`,
      phrase('cases.expectedMs', { found: typePhrase(value) }),
    );
  }
  return Math.round(ms);
}
