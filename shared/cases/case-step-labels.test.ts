// A step without a name of its own is labelled by SocketBench: the label's phrase reads in English
// exactly as the label (the command line's report), and in Chinese with the same payload and rule.
import { describe, expect, it } from 'vitest';
import type { Phrase } from '../contract/model';
import { type Language, type MessageKey, translate } from '../i18n/catalog';
import type { CaseStep } from './case-types';
import { parseCase } from './parse-case';

const render = (language: Language, p: Phrase): string => {
  const params = Object.fromEntries(
    Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? render(language, v) : v]),
  );
  return translate(language, p.key as MessageKey, params);
};

const CASE = [
  'name: labels',
  'board: { mode: tcp-client, host: 127.0.0.1, port: 1 }',
  'steps:',
  '  - connect',
  '  - send: hello',
  '  - send: { hex: 31 32 }',
  '    expect: { prefix-echo: "TCP Server : " }',
  '  - wait: 10',
  '  - repeat: 2',
  '    steps:',
  '      - send: ping',
  '        expect: echo',
  '  - name: my own name',
  '    send: hi',
  '  - close',
  '  - connect',
  '  - expect: closed',
].join('\n');

const flatten = (steps: CaseStep[]): CaseStep[] =>
  steps.flatMap((step) => (step.kind === 'repeat' ? [step, ...flatten(step.steps)] : [step]));

describe('step labels', () => {
  const steps = flatten(parseCase(CASE, { file: 'case.yaml' }).steps);

  it('read in English as the report writes them', () => {
    expect(steps.map((s) => s.label)).toEqual([
      'connect',
      'send "hello"',
      'send hex 31 32 -> prefix-echo "TCP Server : "',
      'wait 10 ms',
      'repeat 2 times',
      'send "ping" -> echo',
      'my own name',
      'close',
      'connect',
      'expect closed',
    ]);
    for (const step of steps) {
      if (step.labelDetail) expect(render('en', step.labelDetail)).toBe(step.label);
    }
  });

  it('have a phrase only where SocketBench wrote the words', () => {
    expect(steps.filter((s) => !s.labelDetail).map((s) => s.label)).toEqual(['my own name']);
  });

  it('say the action in Chinese and keep the payload and rule as the file writes them', () => {
    const chinese = steps.flatMap((s) => (s.labelDetail ? [render('zh-CN', s.labelDetail)] : []));
    expect(chinese).toEqual([
      '连接',
      '发送 "hello"',
      '发送 hex 31 32，期望 prefix-echo "TCP Server : "',
      '等待 10 ms',
      '重复 2 次',
      '发送 "ping"，期望 echo',
      '关闭',
      '连接',
      '期望 closed',
    ]);
  });
});
