// Every kind of fault in a case file carries a catalogue phrase that reads, in English, exactly as
// its message: the app shows the phrase in its language, the command line prints the message.
import { describe, expect, it } from 'vitest';
import type { Phrase } from '../contract/model';
import { type MessageKey, translate } from '../i18n/catalog';
import { CaseFormatError } from './case-types';
import { parseCase, resolveBoard } from './parse-case';

const inEnglish = (p: Phrase): string => {
  const params = Object.fromEntries(
    Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? inEnglish(v) : v]),
  );
  return translate('en', p.key as MessageKey, params);
};

const keysOf = (p: Phrase): string[] => [
  p.key,
  ...Object.values(p.params ?? {}).flatMap((v) => (typeof v === 'object' ? keysOf(v) : [])),
];

function refusal(run: () => unknown): CaseFormatError {
  try {
    run();
  } catch (error) {
    if (error instanceof CaseFormatError) return error;
    throw error;
  }
  throw new Error('expected a CaseFormatError');
}

const CLIENT = 'board: { mode: tcp-client, host: 127.0.0.1, port: 1 }\n';
const SERVER = 'board: { mode: tcp-server, port: 1 }\n';
const UDP = 'board: { mode: udp, host: 127.0.0.1, port: 1 }\n';
/** A case file's variable sign, kept out of this file's own template strings. */
const VAR = '$';
const parse = (text: string) => () => parseCase(text, { file: 'case.yaml' });

/** The fault each case shows, with a key its phrase must use. */
const FAULTS: [string, () => unknown][] = [
  ['cases.notYamlLine', parse('name: [\n')],
  ['cases.expectedCase', parse('- a\n- b\n')],
  ['cases.unknownField', parse(`${CLIENT}nme: x\nsteps: [connect]\n`)],
  [
    'cases.varHintDefine',
    parse(`board: { mode: tcp-client, host: "${VAR}{nope}", port: 1 }\nsteps: [connect]\n`),
  ],
  [
    'cases.varHintName',
    parse(`board: { mode: tcp-client, host: "${VAR}{1 x}", port: 1 }\nsteps: [connect]\n`),
  ],
  ['cases.expectedText', parse(`${CLIENT}name: [1, 2]\nsteps: [connect]\n`)],
  ['cases.expectedWhole', parse('board: { mode: tcp-client, host: h, port: abc }\nsteps: [connect]\n')],
  ['cases.expectedBoolean', parse(`${CLIENT}continueOnFailure: maybe\nsteps: [connect]\n`)],
  ['cases.expectedChoice', parse('board: { mode: ftp }\nsteps: [connect]\n')],
  ['cases.expectedMs', parse(`${CLIENT}defaults: { timeout: soon }\nsteps: [connect]\n`)],
  ['cases.giveMessage', parse(`${CLIENT}steps: [connect, { send: { text: a, hex: "01" } }]\n`)],
  ['codec.notHexDigit', parse(`${CLIENT}steps: [connect, { send: { hex: "0g" } }]\n`)],
  ['codec.notAscii', parse(`${CLIENT}steps: [connect, { send: "é", encoding: ascii }]\n`)],
  ['cases.giveOneRule', parse(`${CLIENT}steps: [connect, { send: a, expect: { text: a, hex: "01" } }]\n`)],
  ['cases.writeEcho', parse(`${CLIENT}steps: [connect, { send: a, expect: { echo: false } }]\n`)],
  ['cases.expectedRule', parse(`${CLIENT}steps: [connect, { send: a, expect: 5 }]\n`)],
  ['cases.ruleNeedsSend', parse(`${CLIENT}steps: [connect, { expect: echo }]\n`)],
  ['cases.stepIsMap', parse(`${CLIENT}steps: [5]\n`)],
  ['cases.and', parse(`${CLIENT}steps: [{ wait: 1, close: null }]\n`)],
  ['cases.none', parse(`${CLIENT}steps: [{ nothing: 1 }]\n`)],
  ['cases.stepsList', parse(`${CLIENT}steps: []\n`)],
  ['cases.writeAction', parse(`${CLIENT}steps: [{ connect: 5 }]\n`)],
  [
    'cases.stepsTwice',
    parse(`${CLIENT}steps: [connect, { repeat: { count: 2, steps: [close] }, steps: [close] }]\n`),
  ],
  [
    'cases.expectedFraming',
    parse('board: { mode: tcp-client, host: h, port: 1, framing: 5 }\nsteps: [connect]\n'),
  ],
  ['cases.expectedBoard', parse('board: 5\nsteps: [connect]\n')],
  ['cases.serverHost', parse('board: { mode: tcp-server, host: h, port: 1 }\nsteps: [listen]\n')],
  ['cases.udpFraming', parse('board: { mode: udp, host: h, port: 1, framing: lf }\nsteps: [connect]\n')],
  ['cases.expectedVars', parse(`${CLIENT}vars: 5\nsteps: [connect]\n`)],
  ['cases.varName', parse(`${CLIENT}vars: { 1a: x }\nsteps: [connect]\n`)],
  ['cases.varValue', parse(`${CLIENT}vars: { a: [1] }\nsteps: [connect]\n`)],
  ['cases.serverConnect', parse(`${SERVER}steps: [connect]\n`)],
  ['cases.listenNotServer', parse(`${CLIENT}steps: [listen]\n`)],
  ['cases.nothingOpen', parse(`${CLIENT}steps: [{ send: a }]\n`)],
  ['cases.udpClosed', parse(`${UDP}steps: [connect, { send: a, expect: closed }]\n`)],
  ['cases.repeatBalance', parse(`${CLIENT}steps: [{ repeat: { count: 2, steps: [connect] } }]\n`)],
  ['cases.expectedMap', parse(`${CLIENT}defaults: 5\nsteps: [connect]\n`)],
  [
    'cases.missing',
    () =>
      resolveBoard(
        parseCase('board: { mode: tcp-client, port: 1 }\nsteps: [connect]\n', { file: 'c.yaml' }),
        {},
      ),
  ],
];

describe('case file faults', () => {
  it.each(FAULTS)('%s reads in English as its message', (key, run) => {
    const error = refusal(run);
    expect(error.detail, error.message).toBeDefined();
    const detail = error.detail as Phrase;
    expect(keysOf(detail)).toContain(key);
    expect(inEnglish(detail)).toBe(error.message);
  });

  it('names the step, the field and the line in Chinese too', () => {
    const error = refusal(parse(`${CLIENT}steps:\n  - connect\n  - send: { hex: "0g" }\n`));
    expect(error.message).toBe(
      "case.yaml: step 2 (send), field 'hex': 'g' at position 2 is not a hex digit. (line 4)",
    );
    const zh = (p: Phrase): string => {
      const params = Object.fromEntries(
        Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? zh(v) : v]),
      );
      return translate('zh-CN', p.key as MessageKey, params);
    };
    expect(zh(error.detail as Phrase)).toBe(
      "case.yaml：第 2 步（send）的字段 'hex'：第 2 个字符 'g' 不是十六进制数字。（第 4 行）",
    );
  });
});
