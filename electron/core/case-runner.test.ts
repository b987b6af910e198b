// The case runner against the real engine on 127.0.0.1: connection failures, boards that close,
// bytes no one checked, continuing after a failure, stopping, and the JUnit escaping.
import { once } from 'node:events';
import { createServer, type Server, type Socket } from 'node:net';
import { describe, expect, it } from 'vitest';
import { parseCase, resolveBoard } from '../../shared/cases/parse-case';
import type { Phrase } from '../../shared/contract/model';
import { type MessageKey, translate } from '../../shared/i18n/catalog';
import { escapeXml } from './case-junit';
import { type CaseReport, type RunCaseOptions, runCase } from './case-runner';
import { createEventHub } from './event-hub';
import { createSessionManager } from './session-manager';
import { startSimulatedBoard } from './simulated-boards';
import { resourcesAddedSince, trackedResources } from './test-recorder';

/**
 * Runs a test body and fails it if a socket or timer it started is still open at its end. Checked
 * inside the test, not in afterEach: the test runner starts timers of its own around hooks.
 */
function leakFree(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    const before = await trackedResources();
    await body();
    expect(await resourcesAddedSince(before)).toEqual({});
  };
}

/** A phrase in English: what a window shows, which must be the report's own sentence. */
const inEnglish = (p: Phrase): string => {
  const params = Object.fromEntries(
    Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? inEnglish(v) : v]),
  );
  return translate('en', p.key as MessageKey, params);
};

/** Every reason, note and target the report words has a phrase that reads exactly as it does. */
function expectPhrasesMatch(report: CaseReport): void {
  for (const step of report.steps) {
    if (step.reason && step.reasonDetail) expect(inEnglish(step.reasonDetail)).toBe(step.reason);
  }
  expect(report.noteDetails.map(inEnglish)).toEqual(report.notes);
  if (report.targetDetail) expect(inEnglish(report.targetDetail)).toBe(report.target);
}

async function runText(
  text: string,
  target: { host?: string; port?: number } = {},
  extra: Partial<RunCaseOptions> = {},
): Promise<CaseReport> {
  const testCase = parseCase(text, { file: 'case.yaml' });
  const hub = createEventHub();
  const api = createSessionManager({ sink: hub.sink, closeGraceMs: 50 });
  try {
    const report = await runCase(testCase, {
      api,
      subscribe: hub.subscribe,
      board: resolveBoard(testCase, target),
      ...extra,
    });
    expectPhrasesMatch(report);
    return report;
  } finally {
    await api.dispose();
  }
}

async function tcpBoard(
  onSocket: (socket: Socket) => void,
): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    onSocket(socket);
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

/** A port nothing listens on: bound once, then released. */
async function freePort(): Promise<number> {
  const server = createServer().listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

const verdicts = (r: CaseReport) =>
  r.steps.map((s) => `${s.number}${s.round ? `#${s.round}` : ''}:${s.verdict}`);

describe('runCase', () => {
  it(
    'fails a connect that is refused with the engine’s sentence and skips the rest',
    leakFree(async () => {
      const port = await freePort();
      const report = await runText(
        'board: { mode: tcp-client }\nsteps: [connect, { send: a, expect: echo }]\n',
        {
          host: '127.0.0.1',
          port,
        },
      );
      expect(verdicts(report)).toEqual(['1:fail', '2:skipped']);
      expect(report.steps[0]?.reason).toContain(`127.0.0.1:${port}`);
      expect(report.verdict).toBe('fail');
    }),
  );

  it(
    'fails at once when the board closes instead of replying, and passes expect closed',
    leakFree(async () => {
      const board = await tcpBoard((socket) =>
        socket.on('data', (d) => (d.includes('bye') ? socket.end('by') : socket.write(d))),
      );
      const report = await runText(
        `board: { mode: tcp-client, host: 127.0.0.1, port: ${board.port} }
continueOnFailure: true
steps:
  - connect
  - send: hi
    expect: echo
  - send: bye
    expect: { text: bye }
    timeout: 10s
  - connect
  - send: bye
    expect: closed
`,
      );
      expect(verdicts(report)).toEqual(['1:pass', '2:pass', '3:fail', '4:pass', '5:pass']);
      expect(report.steps[2]?.reason).toBe(
        'The board closed the connection. The reply ended after 2 of 3 expected bytes.',
      );
      expect(report.steps[2]?.durationMs).toBeLessThan(5000);
      expect(report.notes).toEqual(['2 received bytes were never checked by an expect.']);
      await board.close();
    }),
  );

  it(
    'fails a reply the board never sends because it closed, without waiting for the timeout',
    leakFree(async () => {
      const board = await tcpBoard((socket) => socket.on('data', () => socket.end()));
      const report = await runText(
        `board: { mode: tcp-client, host: 127.0.0.1, port: ${board.port} }\nsteps: [connect, { send: a, expect: echo, timeout: 30s }]\n`,
      );
      expect(report.steps[1]).toMatchObject({
        verdict: 'fail',
        reason: 'The board closed the connection. No reply came.',
      });
      expect(report.steps[1]?.durationMs).toBeLessThan(10_000);
      await board.close();
    }),
  );

  it(
    'keeps going after a failure with continueOnFailure, repeat rounds included',
    leakFree(async () => {
      const board = await tcpBoard((socket) =>
        socket.on('data', (d) => socket.write(d.toString() === 'n 2' ? 'n 9' : d)),
      );
      const report = await runText(
        `board: { mode: tcp-client, host: 127.0.0.1, port: ${board.port} }
continueOnFailure: true
steps:
  - connect
  - repeat: 3
    steps: [ { send: "n {counter}", macros: true, expect: echo } ]
`,
      );
      expect(verdicts(report)).toEqual(['1:pass', '2.1#1:pass', '2.1#2:fail', '2.1#3:pass']);
      expect(report.steps[2]).toMatchObject({ diffAt: 2, sent: new Uint8Array([0x6e, 0x20, 0x32]) });
      expect(report.rtt?.min).toBeGreaterThanOrEqual(0);
      await board.close();
    }),
  );

  it(
    'reports skipped rounds once when a repeat stops early',
    leakFree(async () => {
      const board = await startSimulatedBoard('quecpython-tcp');
      const report = await runText(
        `board: { mode: tcp-client, host: 127.0.0.1, port: ${board.port} }
steps:
  - connect
  - repeat: 100
    steps: [ { send: x, expect: { text: y } } ]
  - close
`,
      );
      expect(verdicts(report)).toEqual(['1:pass', '2.1#1:fail', '2:skipped', '3:skipped']);
      expect(report.steps[2]?.reason).toBe('Rounds 2 to 100 were not run.');
      await board.close();
    }),
  );

  it(
    'times out a listen that no board answers, and judges UDP datagrams one by one',
    leakFree(async () => {
      const listen = await runText(
        'board: { mode: tcp-server, localAddress: 127.0.0.1, port: 0 }\nsteps: [{ listen: null, timeout: 50 }]\n',
      );
      expect(listen.steps[0]).toMatchObject({
        verdict: 'timeout',
        reason: 'No board connected within 50 ms.',
      });
      expect(listen.target).toMatch(/^listening on 127\.0\.0\.1:\d+$/);

      const udp = await startSimulatedBoard('quecpython-udp');
      const report = await runText(
        `board: { mode: udp, host: 127.0.0.1, port: ${udp.port} }
steps: [connect, { send: abc, expect: { text: ab } }]
`,
      );
      // A datagram is a whole message: a longer one is wrong, not "ab" with "c" left for later.
      expect(report.steps[1]).toMatchObject({
        verdict: 'fail',
        reason: 'The reply has 1 byte more than the 2 expected.',
      });
      await udp.close();
    }),
  );

  it(
    'stops on the signal: the waiting step fails as stopped, the rest are skipped',
    leakFree(async () => {
      const board = await tcpBoard(() => {});
      const aborter = new AbortController();
      const report = await runText(
        `board: { mode: tcp-client, host: 127.0.0.1, port: ${board.port} }
steps: [connect, { send: a, expect: echo, timeout: 60s }, close]
`,
        {},
        { onStep: (s) => s.number === '1' && setImmediate(() => aborter.abort()), signal: aborter.signal },
      );
      expect(verdicts(report)).toEqual(['1:pass', '2:fail', '3:skipped']);
      expect(report.steps[1]?.reason).toBe('Stopped.');
      await board.close();
    }),
  );
});

describe('escapeXml', () => {
  it('escapes markup and replaces characters XML 1.0 cannot carry', () => {
    expect(escapeXml(`<a href="x">'&'</a>\u0000\u0007\t\n`)).toBe(
      '&lt;a href=&quot;x&quot;&gt;&apos;&amp;&apos;&lt;/a&gt;\ufffd\ufffd\t\n',
    );
  });
});
