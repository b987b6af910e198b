// The case file format: every step form, variables, defaults, JSON, and errors that name the
// file, the step, the field and the line.
import { describe, expect, it } from 'vitest';
import { CaseFormatError, type CaseStep } from './case-types';
import { parseCase, resolveBoard } from './parse-case';

const parse = (text: string, vars: Record<string, string> = {}) =>
  parseCase(text, { file: 'case.yaml', vars });

function formatError(text: string, vars: Record<string, string> = {}): string {
  try {
    parse(text, vars);
  } catch (error) {
    expect(error).toBeInstanceOf(CaseFormatError);
    return (error as Error).message;
  }
  throw new Error('the case was accepted');
}

const CLIENT = `
name: demo
board: { mode: tcp-client, host: 10.0.0.5, port: 8087, encoding: ascii }
`;

describe('parseCase', () => {
  it('reads every step form with the board defaults', () => {
    const c = parse(`${CLIENT}
defaults: { timeout: 1.5s }
steps:
  - connect
  - send: hello
    expect: { prefix-echo: "TCP Server : " }
  - send: { hex: 31 32 33 }
    expect: echo
    timeout: 250ms
  - send: { text: "a\\\\r", lineEnding: crlf, escapes: false }
  - send: "n {counter}"
    macros: true
    checksum: crc16-modbus
  - expect: { regex: "^ok$", encoding: latin1 }
  - expect: { text: done }
    name: the last word
  - wait: 20
  - close
`);
    expect(c.name).toBe('demo');
    expect(c.board).toEqual({
      mode: 'tcp-client',
      host: '10.0.0.5',
      port: 8087,
      framing: { kind: 'raw' },
      encoding: 'ascii',
      lineEnding: 'none',
    });
    const [connect, send, hex, raw, macro, regex, text, wait, close] = c.steps as CaseStep[];
    expect(connect).toEqual({
      number: '1',
      kind: 'connect',
      label: 'connect',
      labelDetail: { key: 'cases.step.connect' },
      timeoutMs: 1500,
    });
    expect(send).toMatchObject({
      kind: 'send',
      payload: { text: 'hello', encoding: 'ascii', lineEnding: 'none', escapes: true, macros: false },
      expect: { kind: 'rule', rule: { kind: 'prefix-echo', prefix: 'TCP Server : ', encoding: 'ascii' } },
      label: 'send "hello" -> prefix-echo "TCP Server : "',
      timeoutMs: 1500,
    });
    expect(hex).toMatchObject({
      payload: { hex: '31 32 33' },
      expect: { rule: { kind: 'echo' } },
      timeoutMs: 250,
    });
    expect(raw).toMatchObject({ payload: { text: 'a\\r', lineEnding: 'crlf', escapes: false } });
    expect(raw).not.toHaveProperty('expect');
    expect(macro).toMatchObject({ payload: { macros: true, checksum: { kind: 'crc16-modbus' } } });
    expect(regex).toMatchObject({
      kind: 'expect',
      expect: { rule: { kind: 'regex', pattern: '^ok$', encoding: 'latin1' } },
    });
    expect(text).toMatchObject({ label: 'the last word', expect: { rule: { kind: 'text', text: 'done' } } });
    expect(wait).toEqual({
      number: '8',
      kind: 'wait',
      ms: 20,
      label: 'wait 20 ms',
      labelDetail: { key: 'cases.step.wait', params: { ms: 20 } },
    });
    expect(close).toEqual({
      number: '9',
      kind: 'close',
      label: 'close',
      labelDetail: { key: 'cases.step.close' },
    });
  });

  it('numbers nested steps and reads both repeat forms', () => {
    const c = parse(`${CLIENT}
steps:
  - connect
  - repeat: 3
    steps:
      - send: a
        expect: echo
  - repeat: { count: 2, steps: [ { send: b, expect: echo }, { wait: 1 } ] }
`);
    expect(c.steps[1]).toMatchObject({ kind: 'repeat', count: 3, steps: [{ number: '2.1', kind: 'send' }] });
    expect(c.steps[2]).toMatchObject({
      count: 2,
      steps: [{ number: '3.1' }, { number: '3.2', kind: 'wait' }],
    });
  });

  it('substitutes variables, with --var over the file and $$ for a dollar', () => {
    const text = `
name: \${who} test
vars: { who: board, port: 8087, greeting: hi }
board: { mode: tcp-client, host: "\${host}", port: "\${port}" }
steps:
  - connect
  - send: "\${greeting} $$5"
    expect: { text: "\${greeting}" }
`;
    const c = parse(text, { host: '127.0.0.1', greeting: 'hello' });
    expect(c.name).toBe('board test');
    expect(c.board).toMatchObject({ host: '127.0.0.1', port: 8087 });
    expect(c.steps[1]).toMatchObject({ payload: { text: 'hello $5' }, expect: { rule: { text: 'hello' } } });
    expect(formatError(text)).toMatch(
      /^case\.yaml: board, field 'host': unknown variable \$\{host\}: define it under 'vars' or pass --var host=VALUE \(line 4\)$/,
    );
  });

  it('reads JSON, which is YAML, and framing shorthands', () => {
    const c = parse(
      JSON.stringify({
        board: { mode: 'tcp-server', port: 8888, framing: 'crlf' },
        steps: [{ listen: null, timeout: 1000 }, { expect: { text: 'Hello\r\n' } }],
      }),
    );
    expect(c.name).toBe('case.yaml');
    expect(c.board.framing).toEqual({ kind: 'delimiter', delimiterHex: '0D 0A' });
    expect(c.steps[0]).toMatchObject({ kind: 'listen', timeoutMs: 1000 });
  });

  it('names the file, step, field and line of each mistake', () => {
    const steps = (body: string) => `${CLIENT}steps:\n  - connect\n${body}`;
    const cases: [string, RegExp][] = [
      [
        steps('  - send: hi\n    expect: { prefx-echo: "x" }\n'),
        /step 2 \(send\), field 'prefx-echo': unknown field; known fields here: echo, prefix-echo/,
      ],
      [
        steps('  - send: hi\n    expct: echo\n'),
        /step 2 \(send\), field 'expct': unknown field.* \(line 7\)$/,
      ],
      [steps('  - send: { hex: 31 3 }\n'), /step 2 \(send\), field 'hex': .*\(line 6\)$/],
      [
        steps('  - expect: echo\n'),
        /step 2 \(expect\), field 'expect': echo compares the reply with what was sent: put it on a send step/,
      ],
      [steps('  - expect: { regex: "(" }\n'), /step 2 \(expect\), field 'regex': .*regular expression/i],
      [steps('  - wait: soon\n'), /step 2 \(wait\), field 'wait': expected milliseconds/],
      [
        steps('  - repeat: 0\n    steps: [ { wait: 1 } ]\n'),
        /step 2 \(repeat\), field 'repeat': expected a whole number from 1/,
      ],
      [
        steps('  - repeat: 2\n    steps:\n      - send: { text: 你 }\n'),
        /step 2\.1 \(send\), field 'send': .*'你'/,
      ],
      [steps('  - send: hi\n    wait: 5\n'), /step 2: a step needs exactly one of .* found send and wait/],
      [steps('  - send: hi\n    timeout: -1\n'), /field 'timeout': expected milliseconds/],
      [steps('  - listen\n'), /step 2 \(listen\): listen belongs to tcp-server cases/],
      [`${CLIENT}steps:\n  - send: hi\n`, /step 1 \(send\): nothing is open yet: connect first/],
      [steps('  - expect: closed\n  - send: hi\n'), /step 3 \(send\): nothing is open yet/],
      [`${CLIENT}steps: []\n`, /'steps' must be a non-empty list/],
      [
        `board: { mode: tcp, host: a, port: 1 }\nsteps: [connect]\n`,
        /board, field 'mode': expected one of tcp-client, tcp-server, udp.*\(line 1\)$/,
      ],
      [
        `board: { mode: udp, host: a, port: 70000 }\nsteps: [connect]\n`,
        /board, field 'port': expected a whole number from 0 to 65535/,
      ],
      [
        `board: { mode: udp, host: a, port: 1 }\nsteps: [connect, { send: a, expect: closed }]\n`,
        /UDP has no connection to close/,
      ],
      [`${CLIENT}simulate: esp32\nsteps: [connect]\n`, /the case, field 'simulate': expected one of w55rp20/],
      [`${CLIENT}steps: [connect]\nextra: 1\n`, /the case, field 'extra': unknown field/],
      ['name: [unclosed\n', /^case\.yaml: not valid YAML or JSON: .*\(line \d+\)$/],
    ];
    for (const [text, pattern] of cases) expect(formatError(text), text).toMatch(pattern);
    for (const [text] of cases) expect(formatError(text)).toMatch(/^case\.yaml: /);
  });
});

describe('resolveBoard', () => {
  const noHost = parse('board: { mode: tcp-client, port: 8087 }\nsteps: [connect]\n');

  it('puts --host and --port over the file, and says what is missing', () => {
    expect(resolveBoard(noHost, { host: '127.0.0.1' })).toMatchObject({ host: '127.0.0.1', port: 8087 });
    expect(() => resolveBoard(noHost, {})).toThrow(
      /board, field 'host': missing; give it in the file or with --host/,
    );
    const server = parse('board: { mode: tcp-server, port: 8888 }\nsteps: [listen]\n');
    expect(resolveBoard(server, { host: '127.0.0.1', port: 0 })).toMatchObject({
      localAddress: '127.0.0.1',
      port: 0,
    });
  });
});
