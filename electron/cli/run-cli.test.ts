// The `socketbench` command run in-process with injected output and signals, against a real
// server on 127.0.0.1.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { USAGE } from './args';
import { type CliIo, EXIT_FAILURE, EXIT_OK, EXIT_USAGE, runCli } from './run-cli';

let dir: string;
let rendererDir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-cli-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>SocketBench</title>');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

function fakeIo(renderer = rendererDir) {
  const out: string[] = [];
  let err = '';
  const opened: string[] = [];
  let stop: (() => void) | undefined;
  let announce: ((line: string) => void) | undefined;
  const firstLine = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const io: CliIo = {
    stdout: (line) => {
      out.push(line);
      announce?.(line);
    },
    stderr: (text) => {
      err += text;
    },
    rendererDir: renderer,
    openBrowser: (url) => opened.push(url),
    onStopSignal(handler) {
      stop = handler;
      return () => {
        stop = undefined;
      };
    },
  };
  return { io, out, opened, firstLine, err: () => err, signal: () => stop?.() };
}

function status(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { agent: false }, (res) => {
      res.resume();
      res.on('end', () => resolve(res.statusCode ?? 0));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('socketbench web', () => {
  it('prints exactly one URL line, serves with its token, opens nothing with --no-open, stops on a signal', async () => {
    const fake = fakeIo();
    const exit = runCli(['web', '--port', '0', '--no-open'], fake.io);
    const line = await fake.firstLine;
    const match =
      /^SocketBench browser mode: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=([A-Za-z0-9_-]{43}))$/.exec(line);
    expect(match).not.toBeNull();
    const [, url = '', port = ''] = match ?? [];
    expect(await status(url)).toBe(200);
    expect(await status(`http://127.0.0.1:${port}/`)).toBe(403);
    expect(fake.opened).toEqual([]);
    fake.signal();
    expect(await exit).toBe(EXIT_OK);
    expect(fake.out).toEqual([line]);
    await expect(status(url)).rejects.toMatchObject({ code: 'ECONNREFUSED' });
  });

  it('opens the browser at the printed URL by default', async () => {
    const fake = fakeIo();
    const exit = runCli(['web'], fake.io);
    const line = await fake.firstLine;
    expect(fake.opened).toEqual([line.replace('SocketBench browser mode: ', '')]);
    fake.signal();
    expect(await exit).toBe(EXIT_OK);
  });

  it('fails with one sentence when the user interface is not built', async () => {
    const fake = fakeIo(join(dir, 'nothing-here'));
    expect(await runCli(['web', '--no-open'], fake.io)).toBe(EXIT_FAILURE);
    expect(fake.out).toEqual([]);
    expect(fake.err()).toContain('npm run build');
  });

  it('fails with one sentence when the port is taken', async () => {
    const first = fakeIo();
    const exit = runCli(['web', '--no-open'], first.io);
    const port = /:(\d+)\//.exec(await first.firstLine)?.[1] ?? '';
    const second = fakeIo();
    expect(await runCli(['web', '--no-open', '--port', port], second.io)).toBe(EXIT_FAILURE);
    expect(second.err()).toContain(`port ${port} is already in use`);
    first.signal();
    await exit;
  });
});

describe('socketbench arguments', () => {
  it('answers a bad flag with one error line, the usage and exit code 2', async () => {
    for (const argv of [['web', '--port', '70000'], ['web', '--frobnicate'], []]) {
      const fake = fakeIo();
      expect(await runCli(argv, fake.io)).toBe(EXIT_USAGE);
      const [first, blank] = fake.err().split('\n');
      expect(first).toMatch(/^socketbench: /);
      expect(blank).toBe('');
      expect(fake.err()).toContain(USAGE);
      expect(fake.out).toEqual([]);
    }
  });

  it('prints the usage for --help', async () => {
    const fake = fakeIo();
    expect(await runCli(['--help'], fake.io)).toBe(EXIT_OK);
    expect(fake.out.join('\n')).toContain('Usage: socketbench');
  });

  it('answers a missing case file with its name and exit code 2', async () => {
    const fake = fakeIo();
    expect(await runCli(['run', join(dir, 'no-such-case.yaml')], fake.io)).toBe(EXIT_USAGE);
    expect(fake.err()).toContain('no-such-case.yaml: no such file');
  });
});
