// `socketbench run` in-process, on 127.0.0.1: every example against its simulated board, wrong
// expectations with their diffs, format errors, reports, fan-out, a silent board and cut replies.
import { once } from 'node:events';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SimulatedBoard, startSimulatedBoard } from '../core/simulated-boards';
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './run-cli';

/**
 * A small well-formedness check: one root, tags nested and closed in order, attributes quoted and
 * unique, only the five predefined entities or character references, no stray '<' or '&'.
 */
function checkWellFormedXml(xml: string): { root: string; count(tag: string): number } {
  const counts = new Map<string, number>();
  const stack: string[] = [];
  let root = '';
  const body = xml.replace(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n/, '');
  const token = /<(\/?)([A-Za-z][\w.-]*)((?:\s+[\w.-]+="[^"<]*")*)\s*(\/?)>|([^<]+)/gy;
  let at = 0;
  for (let m = token.exec(body); m; m = token.exec(body)) {
    at = token.lastIndex;
    const [, closing, name, attrs, selfClosing, text] = m;
    const checkEntities = (t: string) => {
      for (const amp of t.matchAll(/&([^;]*);?/g)) {
        if (!/^&(amp|lt|gt|quot|apos|#\d+|#x[0-9a-fA-F]+);$/.test(amp[0]))
          throw new Error(`bad entity ${amp[0]}`);
      }
    };
    if (text !== undefined) {
      if (stack.length === 0 && text.trim()) throw new Error('text outside the root');
      checkEntities(text);
      continue;
    }
    const tag = name as string;
    if (closing) {
      if (stack.pop() !== tag) throw new Error(`</${tag}> closes the wrong element`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(/([\w.-]+)="([^"]*)"/g)].map((a) => {
      checkEntities(a[2] as string);
      return a[1];
    });
    if (new Set(names).size !== names.length) throw new Error(`<${tag}> repeats an attribute`);
    if (stack.length === 0) {
      if (root) throw new Error('a second root element');
      root = tag;
    }
    counts.set(tag, (counts.get(tag) ?? 0) + 1);
    if (!selfClosing) stack.push(tag);
  }
  if (at !== body.length) throw new Error(`not XML at offset ${at}: ${body.slice(at, at + 20)}`);
  if (stack.length > 0) throw new Error(`<${stack.at(-1)}> is never closed`);
  return { root, count: (tag) => counts.get(tag) ?? 0 };
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-run-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeIo() {
  const out: string[] = [];
  let err = '';
  let stop: (() => void) | undefined;
  const io: CliIo = {
    stdout: (line) => out.push(line),
    stderr: (text) => {
      err += text;
    },
    rendererDir: '',
    openBrowser: () => {},
    onStopSignal(handler) {
      stop = handler;
      return () => {
        stop = undefined;
      };
    },
  };
  return { io, out, text: () => out.join('\n'), err: () => err, signal: () => stop?.() };
}

async function caseFile(name: string, text: string): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, text);
  return path;
}

async function run(argv: string[]) {
  const fake = fakeIo();
  const code = await runCli(['run', ...argv], fake.io);
  return { code, out: fake.text(), err: fake.err(), lines: fake.out };
}

/** A loopback board run by the test: `onData` decides what it answers. */
async function board(
  onData: (socket: Socket, data: Buffer) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    socket.on('data', (data) => onData(socket, data));
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  return {
    port: (server.address() as { port: number }).port,
    close: async () => {
      for (const s of sockets) s.destroy();
      await new Promise((r) => server.close(r));
    },
  };
}

/** Writes `bytes` one at a time, each on its own turn of the timer queue, so they arrive cut up. */
function dribble(socket: Socket, bytes: Buffer): void {
  let i = 0;
  const next = () => {
    if (i >= bytes.length || socket.destroyed) return;
    socket.write(bytes.subarray(i, i + 1));
    i += 1;
    setTimeout(next, 2);
  };
  next();
}

const W55 = (steps: string, extra = '') => `name: prefix board
simulate: w55rp20
board: { mode: tcp-client, host: 127.0.0.1, port: 1, encoding: ascii }
${extra}
steps:
  - connect
${steps}`;

describe('socketbench run: examples', async () => {
  const examples = (await readdir('examples')).filter((f) => f.endsWith('.yaml')).sort();

  it('ships the seed boards’ examples', () => {
    for (const name of ['w55rp20-prefix-echo', 'k230-welcome', 'esp8266-client', 'quecpython-udp-echo']) {
      expect(examples).toContain(`${name}.yaml`);
    }
  });

  for (const file of examples) {
    it(`${file} passes against its simulated board`, async () => {
      const { code, lines, err } = await run([`examples/${file}`, '--simulate']);
      expect(err).toBe('');
      expect(code).toBe(EXIT_OK);
      expect(lines[0]).toMatch(/against (listening on )?127\.0\.0\.1:\d+.*\(simulated /);
      const steps = lines.filter((l) => /^ {2}[A-Z]/.test(l));
      expect(steps.length).toBeGreaterThan(2);
      for (const line of steps) expect(line).toMatch(/^ {2}PASS /);
      expect(lines).toContainEqual(
        expect.stringMatching(/^PASSED: \d+ passed, 0 failed, 0 timed out, 0 skipped/),
      );
    });
  }
});

describe('socketbench run: verdicts', () => {
  it('fails on a wrong expectation with the differing byte pointed out, and skips the rest', async () => {
    const path = await caseFile(
      'wrong.yaml',
      W55(`  - send: hello
    expect: { prefix-echo: "TCP Server ; " }
  - send: again
    expect: { prefix-echo: "TCP Server : " }
  - close
`),
    );
    const { code, out, lines } = await run([path, '--simulate']);
    expect(code).toBe(EXIT_FAILURE);
    expect(out).toMatch(/^ {2}FAIL {4}2 /m);
    expect(out).toContain(
      "Differs at byte 11: expected 3B ';', got 3A ':' (18 bytes expected, 18 received).",
    );
    const expectedRow = lines.find((l) => l.includes('expected') && l.includes('|'));
    const actualRow = lines.find((l) => l.includes('actual') && l.includes('|'));
    expect(expectedRow).toMatch(/ 3B 20 68 65 6C 6C 6F +\| Server ; hello\|$/);
    expect(actualRow).toMatch(/ 3A 20 68 65 6C 6C 6F +\| Server : hello\|$/);
    expect(out).toMatch(/^ {2}SKIPPED 3 /m);
    expect(out).toMatch(/^ {2}SKIPPED 4 /m);
    expect(out).toContain('FAILED: 1 passed, 1 failed, 0 timed out, 2 skipped');
  });

  it('gives TIMEOUT, not a hang, for a board that accepts and never answers', async () => {
    const silent = await board(() => {});
    const path = await caseFile(
      'silent.yaml',
      `board: { mode: tcp-client, host: 127.0.0.1, port: ${silent.port} }
steps:
  - connect
  - send: anyone there?
    expect: echo
    timeout: 150
`,
    );
    const { code, out } = await run([path]);
    expect(code).toBe(EXIT_FAILURE);
    expect(out).toMatch(/^ {2}TIMEOUT 2 +send "anyone there\?" -> echo/m);
    expect(out).toContain('No reply within 150 ms.');
    await silent.close();
  });

  it('gives TIMEOUT with what came when a reply stops short', async () => {
    const short = await board((socket, data) => socket.write(data.subarray(0, 3)));
    const path = await caseFile(
      'short.yaml',
      `board: { mode: tcp-client, host: 127.0.0.1, port: ${short.port} }
steps: [connect, { send: hello, expect: echo, timeout: 1000 }]
`,
    );
    const { code, out } = await run([path]);
    expect(code).toBe(EXIT_FAILURE);
    expect(out).toContain('After 1000 ms: The reply ended after 3 of 5 expected bytes.');
    expect(out).toContain("Differs at byte 3: expected 6C 'l', got nothing");
    await short.close();
  });

  it('passes replies cut into pieces, raw and framed by lines', async () => {
    const slow = await board((socket, data) =>
      dribble(socket, Buffer.concat([Buffer.from('TCP Server : '), data])),
    );
    for (const framing of ['raw', 'lf']) {
      const path = await caseFile(
        `cut-${framing}.yaml`,
        `board: { mode: tcp-client, host: 127.0.0.1, port: ${slow.port}, framing: ${framing}, lineEnding: lf }
steps:
  - connect
  - repeat: 3
    steps:
      - send: "piece {counter}"
        macros: true
        expect: { prefix-echo: "TCP Server : " }
`,
      );
      const { code, out } = await run([path]);
      expect(out, framing).toContain('PASSED: 4 passed');
      expect(code).toBe(EXIT_OK);
    }
    await slow.close();
  });

  it('substitutes --var into the case', async () => {
    const path = await caseFile(
      'vars.yaml',
      W55(`  - send: \${word}
    expect: { prefix-echo: "TCP Server : " }
`),
    );
    const { code, out } = await run([path, '--simulate', '--var', 'word=bonjour']);
    expect(code).toBe(EXIT_OK);
    expect(out).toContain('send "bonjour"');
    const missing = await run([path, '--simulate']);
    expect(missing.code).toBe(EXIT_USAGE);
    expect(missing.err).toContain(`step 2 (send), field 'send': unknown variable \${word}`);
  });
});

describe('socketbench run: format errors', () => {
  it('exit with 2 and name the file, step and field; nothing runs', async () => {
    const path = await caseFile(
      'typo.yaml',
      W55(`  - send: hello
    expect: { prefix-ecko: "TCP Server : " }
`),
    );
    const { code, out, err } = await run([path, '--simulate']);
    expect(code).toBe(EXIT_USAGE);
    expect(out).toBe('');
    expect(err).toContain(`socketbench: ${path}: step 2 (send), field 'prefix-ecko': unknown field`);
    expect(err).toMatch(/\(line 8\)\n$/);
  });

  it('say which case cannot be simulated or has no board address', async () => {
    const path = await caseFile('nosim.yaml', 'board: { mode: tcp-client, port: 5 }\nsteps: [connect]\n');
    expect((await run([path, '--simulate'])).err).toContain('the case names no simulated board');
    expect((await run([path])).err).toContain(
      "board, field 'host': missing; give it in the file or with --host",
    );
  });
});

describe('socketbench run: reports', () => {
  it('writes well-formed JUnit XML and a JSON report that match the run', async () => {
    const path = await caseFile(
      'report.yaml',
      W55(`  - send: "<&>"
    expect: { prefix-echo: "TCP Server : " }
  - send: hello
    expect: { prefix-echo: "TCP Server ; " }
  - close
`),
    );
    const junit = join(dir, 'report.xml');
    const json = join(dir, 'report.json');
    const { code, out } = await run([path, '--simulate', '--junit', junit, '--json', json]);
    expect(code).toBe(EXIT_FAILURE);

    const xml = await readFile(junit, 'utf8');
    const shape = checkWellFormedXml(xml);
    expect(shape.root).toBe('testsuites');
    expect(shape.count('testsuite')).toBe(1);
    expect(shape.count('testcase')).toBe(4);
    expect(shape.count('failure')).toBe(1);
    expect(shape.count('skipped')).toBe(1);
    expect(xml).toContain(
      'name="2 send &quot;&lt;&amp;&gt;&quot; -&gt; prefix-echo &quot;TCP Server : &quot;"',
    );
    expect(xml).toContain('type="FAIL"');
    expect(xml).toContain('Differs at byte 11');

    const report = JSON.parse(await readFile(json, 'utf8'));
    expect(report).toMatchObject({ version: 1, verdict: 'fail' });
    const [runReport] = report.runs;
    expect(runReport.counts).toEqual({ passed: 2, failed: 1, timedOut: 0, skipped: 1 });
    expect(out).toContain('FAILED: 2 passed, 1 failed, 0 timed out, 1 skipped');
    expect(runReport.simulated).toBe('w55rp20');
    const failed = runReport.steps[2];
    expect(failed).toMatchObject({ number: '3', verdict: 'fail', diffAt: 11 });
    expect(failed.sentHex).toBe('68 65 6C 6C 6F');
    expect(failed.actualHex).toBe(
      Buffer.from('TCP Server : hello')
        .toString('hex')
        .toUpperCase()
        .replace(/(..)(?!$)/g, '$1 '),
    );
    expect(failed.expectedHex.split(' ')[11]).toBe('3B');
  });
});

describe('socketbench run: fan-out', () => {
  const echoCase = (name: string) =>
    caseFile(
      name,
      `name: fan-out
board: { mode: tcp-client, port: 1 }
steps:
  - connect
  - send: hi
    expect: { prefix-echo: "TCP Server : " }
  - close
`,
    );

  it('runs one case against several boards at once, with a line per board', async () => {
    const boards: SimulatedBoard[] = await Promise.all([
      startSimulatedBoard('w55rp20'),
      startSimulatedBoard('w55rp20'),
      startSimulatedBoard('quecpython-tcp'),
    ]);
    const [a, b, wrong] = boards as [SimulatedBoard, SimulatedBoard, SimulatedBoard];
    const path = await echoCase('fan.yaml');
    const good = await run([path, '--fan-out', `127.0.0.1:${a.port},127.0.0.1:${b.port}`]);
    expect(good.code).toBe(EXIT_OK);
    const start = good.lines.indexOf('Per board (fan-out):') + 1;
    const table = good.lines.slice(start, good.lines.indexOf('', start));
    expect(table).toHaveLength(2);
    expect(table[0]).toMatch(new RegExp(`^ {2}PASS +fan-out +127\\.0\\.0\\.1:${a.port} +3 passed, 0 failed`));
    expect(table[1]).toMatch(new RegExp(`^ {2}PASS +fan-out +127\\.0\\.0\\.1:${b.port} +3 passed`));
    expect(good.out).toContain('All 2 runs passed.');

    const mixed = await run([path, '--fan-out', `127.0.0.1:${a.port},127.0.0.1:${wrong.port}`]);
    expect(mixed.code).toBe(EXIT_FAILURE);
    expect(mixed.out).toMatch(
      new RegExp(
        `^ {2}FAIL +fan-out +127\\.0\\.0\\.1:${wrong.port} +1 passed, 1 failed, 0 timed out, 1 skipped`,
        'm',
      ),
    );
    expect(mixed.out).toContain('1 of 2 runs failed.');
    await Promise.all(boards.map((x) => x.close()));
  });
});

describe('socketbench simulate', () => {
  it('prints one address line, answers, and stops on a signal', async () => {
    const fake = fakeIo();
    let announce!: (line: string) => void;
    const first = new Promise<string>((r) => {
      announce = r;
    });
    const io = { ...fake.io, stdout: (line: string) => announce(line) };
    const exit = runCli(['simulate', 'w55rp20'], io);
    const line = await first;
    const port = Number(/^Simulated w55rp20 listening on 127\.0\.0\.1:(\d+)$/.exec(line)?.[1]);
    const path = await caseFile(
      'to-sim.yaml',
      `board: { mode: tcp-client, host: 127.0.0.1, port: ${port} }\nsteps: [connect, { send: x, expect: { text: "TCP Server : x" } }]\n`,
    );
    expect((await run([path])).code).toBe(EXIT_OK);
    fake.signal();
    expect(await exit).toBe(EXIT_OK);
  });
});
