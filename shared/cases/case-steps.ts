// The steps of a case file: which action each list item is, its payload or rule, its timeout, and
// a label for reports (payloads and rules: case-messages.ts). Throws CaseFormatError naming the step and the field.

import { phrase } from '../codec/codec-error';
import type { Phrase } from '../contract/model';
import {
  checkKeys,
  describeType,
  type FieldContext,
  fail,
  isRecord,
  type Place,
  readDuration,
  readInteger,
  readString,
  typePhrase,
} from './case-fields';
import { describePayload, describeRule, PAYLOAD_OPTIONS, readPayload, readRule } from './case-messages';
import type { CaseBoard, CaseStep } from './case-types';
import { DEFAULT_TIMEOUTS_MS } from './case-types';

const ACTIONS = ['connect', 'listen', 'send', 'expect', 'wait', 'repeat', 'close'] as const;
type Action = (typeof ACTIONS)[number];

const KNOWN_KEYS: Record<Action, readonly string[]> = {
  connect: ['connect', 'timeout', 'name'],
  listen: ['listen', 'timeout', 'name'],
  send: ['send', 'expect', 'timeout', 'name', ...PAYLOAD_OPTIONS],
  expect: ['expect', 'timeout', 'name'],
  wait: ['wait', 'name'],
  repeat: ['repeat', 'steps', 'name'],
  close: ['close', 'name'],
};

export interface StepDefaults {
  board: CaseBoard;
  /** `defaults.timeout`, when the file gives one. */
  timeoutMs?: number;
}

function actionOf(ctx: FieldContext, place: Place, item: unknown): [Action, Record<string, unknown>] {
  if (typeof item === 'string' && (['connect', 'listen', 'close'] as const).includes(item as 'close')) {
    return [item as Action, { [item]: null }];
  }
  if (!isRecord(item)) {
    return fail(
      ctx,
      place,
      undefined,
      `a step is a map such as "send: hello", found ${describeType(item)}`,
      phrase('cases.stepIsMap', { found: typePhrase(item) }),
    );
  }
  const present = ACTIONS.filter((a) => Object.hasOwn(item, a));
  if (present.length === 2 && present[0] === 'send' && present[1] === 'expect') return ['send', item];
  if (present.length !== 1) {
    const found = present.length === 0 ? 'none' : present.join(' and ');
    const foundPhrase =
      present.length === 0
        ? phrase('cases.none')
        : present.slice(1).reduce<Phrase | string>((a, b) => phrase('cases.and', { a, b }), present[0] ?? '');
    return fail(
      ctx,
      place,
      undefined,
      `a step needs exactly one of ${ACTIONS.join(', ')}; found ${found}`,
      phrase('cases.stepOneAction', { actions: ACTIONS.join(', '), found: foundPhrase }),
    );
  }
  return [present[0] as Action, item];
}

function readTimeout(
  ctx: FieldContext,
  place: Place,
  step: Record<string, unknown>,
  fallback: number,
): number {
  return step.timeout === undefined ? fallback : readDuration(ctx, place, 'timeout', step.timeout);
}

/** Parses a list of steps; `prefix` numbers nested ones ("4." inside step 4). */
export function readSteps(
  ctx: FieldContext,
  path: readonly (string | number)[],
  items: unknown,
  defaults: StepDefaults,
  prefix = '',
): CaseStep[] {
  const where = prefix ? `step ${prefix.slice(0, -1)}` : 'the case';
  if (!Array.isArray(items) || items.length === 0) {
    return fail(
      ctx,
      { path, where },
      undefined,
      `'steps' must be a non-empty list, found ${describeType(items)}`,
      phrase('cases.stepsList', { found: typePhrase(items) }),
    );
  }
  return items.map((item, i) => readStep(ctx, [...path, i], item, defaults, `${prefix}${i + 1}`));
}

function readStep(
  ctx: FieldContext,
  stepPath: readonly (string | number)[],
  item: unknown,
  defaults: StepDefaults,
  number: string,
): CaseStep {
  const [action, step] = actionOf(ctx, { path: stepPath, where: `step ${number}` }, item);
  const place: Place = { path: stepPath, where: `step ${number} (${action})` };
  checkKeys(ctx, place, step, KNOWN_KEYS[action]);
  const name = step.name === undefined ? undefined : readString(ctx, place, 'name', step.name);
  const base = { number };
  /** The step's own name, or SocketBench's words for it with their phrase (for a window's language). */
  const label = (fallback: string, detail: Phrase) =>
    name === undefined ? { label: fallback, labelDetail: detail } : { label: name };
  const timeout = (kind: keyof typeof DEFAULT_TIMEOUTS_MS) =>
    readTimeout(ctx, place, step, defaults.timeoutMs ?? DEFAULT_TIMEOUTS_MS[kind]);
  switch (action) {
    case 'connect':
    case 'listen': {
      const value = step[action];
      if (value !== null && value !== true && !(isRecord(value) && Object.keys(value).length === 0)) {
        return fail(
          ctx,
          place,
          action,
          `write "- ${action}" (a per-step timeout goes beside it as timeout:)`,
          phrase('cases.writeAction', { action }),
        );
      }
      const words =
        action === 'listen'
          ? label('listen for a board', phrase('cases.step.listen'))
          : label('connect', phrase('cases.step.connect'));
      return { ...base, kind: action, ...words, timeoutMs: timeout(action) };
    }
    case 'close':
      return { ...base, kind: 'close', ...label('close', phrase('cases.step.close')) };
    case 'wait': {
      const ms = readDuration(ctx, place, 'wait', step.wait);
      return { ...base, kind: 'wait', ms, ...label(`wait ${ms} ms`, phrase('cases.step.wait', { ms })) };
    }
    case 'send': {
      const payload = readPayload(ctx, place, step, defaults.board);
      const expect =
        step.expect === undefined ? undefined : readRule(ctx, place, step.expect, defaults.board, true);
      const fallback = `send ${describePayload(payload)}${expect ? ` -> ${describeRule(expect)}` : ''}`;
      // The payload and the rule are written as in the file; only a size is put into words.
      const what =
        'bytes' in payload
          ? phrase('cases.step.bytes', { count: payload.bytes.length })
          : describePayload(payload);
      const words = expect
        ? phrase('cases.step.sendExpect', { payload: what, rule: describeRule(expect) })
        : phrase('cases.step.send', { payload: what });
      return {
        ...base,
        kind: 'send',
        payload,
        ...(expect ? { expect } : {}),
        ...label(fallback, words),
        timeoutMs: timeout('expect'),
      };
    }
    case 'expect': {
      const expect = readRule(ctx, place, step.expect, defaults.board, false);
      return {
        ...base,
        kind: 'expect',
        expect,
        ...label(
          `expect ${describeRule(expect)}`,
          phrase('cases.step.expect', { rule: describeRule(expect) }),
        ),
        timeoutMs: timeout('expect'),
      };
    }
    case 'repeat': {
      const body = isRecord(step.repeat) ? step.repeat : { count: step.repeat, steps: step.steps };
      if (isRecord(step.repeat)) {
        checkKeys(ctx, { ...place, path: [...stepPath, 'repeat'] }, step.repeat, ['count', 'steps']);
        if (step.steps !== undefined)
          return fail(
            ctx,
            place,
            'steps',
            'give steps either inside repeat or beside it',
            phrase('cases.stepsTwice'),
          );
      }
      const count = readInteger(ctx, place, 'repeat', body.count, 1, 1_000_000);
      const stepsPath = isRecord(step.repeat) ? [...stepPath, 'repeat', 'steps'] : [...stepPath, 'steps'];
      const steps = readSteps(ctx, stepsPath, body.steps, defaults, `${number}.`);
      return {
        ...base,
        kind: 'repeat',
        count,
        steps,
        ...label(`repeat ${count} times`, phrase('cases.step.repeat', { count })),
      };
    }
  }
}
