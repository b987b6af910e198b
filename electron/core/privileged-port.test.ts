// A privileged port, refused for real: the engine, run by a user without administrator rights, asks
// the system for ports below 1024 and the user reads the state and the sentence the refusal deserves.
import { spawn } from 'node:child_process';
import { chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { afterEach, describe, expect, it, type TestContext } from 'vitest';
import { startW55rp20Board } from '../../e2e/fixtures/boards';
import type { StateEvent } from '../../shared/contract/events';
import type { SessionConfig, SessionSnapshot } from '../../shared/contract/model';
import { createSessionManager } from './session-manager';
import { createRecorder, resourcesAddedSince, trackedResources } from './test-recorder';

/**
 * Tests usually run as root here, and root may bind any port, so a refusal would never happen. The
 * honest way to meet the system's real EACCES is to run the real engine as an ordinary user: as
 * root, the first test runs vitest again as "nobody" (uid 65534) over the tests whose names say
 * "privileged port" (these below and the TCP server's own in tcp-server-listen.test.ts), and checks
 * that each of them ran and passed rather than skipped. Run as an ordinary user, they run directly.
 */
const AS_UNPRIVILEGED = 'SOCKETBENCH_TEST_UNPRIVILEGED';
const NOBODY = 65534;
const FILTER = 'privileged port';
const OTHER_FILE = resolve(__dirname, 'tcp-server-listen.test.ts');
const PORT = 80;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

interface JsonReport {
  testResults: { name: string; assertionResults: { fullName: string; status: string }[] }[];
}

/** Runs vitest as uid/gid `NOBODY` and returns its JSON report, or a reason the system refused. */
async function runAsNobody(): Promise<{ report?: JsonReport; refused?: string; output: string }> {
  const dir = await mkdtemp(join(tmpdir(), 'socketbench-unprivileged-'));
  cleanups.push(() => rm(dir, { recursive: true, force: true }));
  await chown(dir, NOBODY, NOBODY);
  const reportPath = join(dir, 'report.json');
  const vitest = resolve(
    dirname(createRequire(import.meta.url).resolve('vitest/package.json')),
    'vitest.mjs',
  );
  const args = [vitest, 'run', __filename, OTHER_FILE, '-t', FILTER, '--reporter=json'];
  let output = '';
  const child = spawn(process.execPath, [...args, `--outputFile=${reportPath}`], {
    cwd: resolve(__dirname, '../..'),
    uid: NOBODY,
    gid: NOBODY,
    // HOME must be a folder the user may enter; nothing else of the parent's identity goes along.
    env: { ...process.env, [AS_UNPRIVILEGED]: '1', HOME: dir, NO_COLOR: '1', FORCE_COLOR: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const outcome = await new Promise<{ code: number | null } | { error: Error }>((done) => {
    child.once('error', (error) => done({ error }));
    child.once('close', (code) => done({ code }));
  });
  if ('error' in outcome) return { refused: String(outcome.error), output };
  try {
    return { report: JSON.parse(await readFile(reportPath, 'utf8')) as JsonReport, output };
  } catch {
    return { output: `${output}\n(exit code ${outcome.code}, no report)` };
  }
}

/** Skips (with the reason) where the current user may bind privileged ports after all. */
function skipIfAllowed(ctx: TestContext, snapshot: SessionSnapshot): void {
  if (snapshot.state !== 'error' || snapshot.error?.code !== 'EACCES') {
    ctx.skip(
      `this user could use port ${PORT} (CAP_NET_BIND_SERVICE, a lowered net.ipv4.ip_unprivileged_port_start, or a system without privileged ports); state was ${snapshot.state}`,
    );
  }
}

function skipUnlessUnprivileged(ctx: TestContext): void {
  if (process.platform === 'win32') ctx.skip('Windows has no privileged ports');
  if (process.getuid?.() === 0) {
    ctx.skip('root may bind any port; the first test runs this one again as an unprivileged user');
  }
}

/** Opens `config` through a session manager, as a window does; the recorder sees its events. */
async function openAsTheWindowDoes(config: SessionConfig) {
  const before = await trackedResources();
  const recorder = createRecorder();
  const manager = createSessionManager({ sink: recorder.sink, closeGraceMs: 200 });
  cleanups.push(() => manager.dispose());
  const snapshot = await manager.open({ config });
  return { before, recorder, manager, snapshot };
}

const finalState = (recorder: ReturnType<typeof createRecorder>, id: string) =>
  recorder.waitFor(
    (e): e is StateEvent =>
      e.type === 'state' && e.id === id && (e.state === 'error' || e.state === 'disconnected'),
    'error or disconnected',
  );

describe('ports below 1024, opened by a user without administrator rights', () => {
  it('root runs the privileged-port tests again as the unprivileged user "nobody"', {
    timeout: 120_000,
  }, async (ctx) => {
    if (process.env[AS_UNPRIVILEGED] === '1') ctx.skip('already running as the unprivileged user');
    if (process.platform !== 'linux') ctx.skip('switching to uid 65534 is done the Linux way here');
    if (process.getuid?.() !== 0) {
      ctx.skip('not root: the tests below meet the refusal directly in this process');
    }
    const { report, refused, output } = await runAsNobody();
    if (refused) return ctx.skip(`the system refused to start a process as uid ${NOBODY}: ${refused}`);
    expect(report, output).toBeDefined();
    const results = (report?.testResults ?? []).flatMap((file) => file.assertionResults);
    const ran = results.filter((r) => r.fullName.includes(FILTER));
    // Every test that names a privileged port ran and passed; none skipped, none missing.
    expect(
      ran.map((r) => r.status),
      output,
    ).toEqual(ran.map(() => 'passed'));
    const expected = [
      `TCP server session on ${FILTER} ${PORT}`,
      `TCP client session from local ${FILTER} ${PORT}`,
      `UDP session on local ${FILTER} 67`,
      `says a ${FILTER} needs administrator rights`,
    ];
    expect(ran.length, output).toBe(expected.length);
    for (const name of expected) {
      expect(ran.find((r) => r.fullName.includes(name))?.status, `${name}\n${output}`).toBe('passed');
    }
  });

  it(`a TCP server session on ${FILTER} ${PORT}: Error, EACCES and the sentence`, async (ctx) => {
    skipUnlessUnprivileged(ctx);
    const { before, recorder, manager, snapshot } = await openAsTheWindowDoes({
      protocol: 'tcp-server',
      localAddress: '127.0.0.1',
      port: PORT,
    });
    skipIfAllowed(ctx, snapshot);
    const sentence = `Port ${PORT} is below 1024: on Linux and macOS only an administrator may listen on such ports. Pick a port above 1024 (8080, for example).`;
    expect(snapshot).toMatchObject({ state: 'error', error: { code: 'EACCES', message: sentence } });
    expect((await finalState(recorder, snapshot.id)).error).toMatchObject({
      code: 'EACCES',
      message: sentence,
    });
    expect(await manager.list({})).toMatchObject([{ id: snapshot.id, state: 'error' }]);
    await manager.close({ id: snapshot.id });
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it(`a TCP client session from local ${FILTER} ${PORT}: Error, EACCES and the sentence`, async (ctx) => {
    skipUnlessUnprivileged(ctx);
    const board = await startW55rp20Board();
    cleanups.push(() => board.close());
    const { before, recorder, manager, snapshot } = await openAsTheWindowDoes({
      protocol: 'tcp-client',
      host: board.host,
      port: board.port,
      localPort: PORT,
    });
    const settled = await recorder.waitFor(
      (e): e is StateEvent => e.type === 'state' && e.id === snapshot.id && e.state !== 'connecting',
      'connected, error or disconnected',
    );
    if (settled.state === 'connected') {
      ctx.skip(
        `this user could bind local port ${PORT} (CAP_NET_BIND_SERVICE or a lowered ip_unprivileged_port_start)`,
      );
    }
    const final = await finalState(recorder, snapshot.id);
    const sentence = `Local port ${PORT} needs administrator rights. Choose a port above 1023, or leave it empty.`;
    expect(final.error).toMatchObject({ code: 'EACCES', message: sentence });
    expect(board.connections()).toBe(0);
    await manager.close({ id: snapshot.id });
    expect(await resourcesAddedSince(before)).toEqual({});
  });

  it(`a UDP session on local ${FILTER} 67: Error, EACCES and the sentence`, async (ctx) => {
    skipUnlessUnprivileged(ctx);
    const { before, manager, snapshot } = await openAsTheWindowDoes({
      protocol: 'udp',
      localAddress: '127.0.0.1',
      localPort: 67,
    });
    skipIfAllowed(ctx, snapshot);
    expect(snapshot.error).toMatchObject({
      code: 'EACCES',
      message:
        'Local port 67 is below 1024: on Linux and macOS only an administrator may use such ports. Pick a local port above 1024, or 0 for any free port.',
    });
    await manager.close({ id: snapshot.id });
    expect(await resourcesAddedSince(before)).toEqual({});
  });
});
