// `npm start` run as a real process over a fake project tree: a missing Electron binary gives one
// sentence and exit 1 without hanging; a present one is built for and launched.
import { spawn } from 'node:child_process';
import { copyFile, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

const SENTENCE =
  'SocketBench cannot open the desktop app: the Electron binary is not installed ' +
  '(node_modules/electron/dist is missing). Run `npm install` with internet access to fetch it, ' +
  'or use browser mode: `npm run web`.';

let root: string | undefined;

afterEach(async () => {
  if (root) await rm(root, { recursive: true, force: true });
  root = undefined;
});

/** A project with start.mjs in place and an Electron package whose binary was never downloaded. */
async function fakeProject(opts: { electronPackage: boolean; installerSucceeds?: boolean }): Promise<string> {
  root = await mkdtemp(join(tmpdir(), 'socketbench-start-'));
  await mkdir(join(root, 'electron', 'cli'), { recursive: true });
  await copyFile(join(__dirname, 'start.mjs'), join(root, 'electron', 'cli', 'start.mjs'));
  await copyFile(join(__dirname, 'v8-flags.json'), join(root, 'electron', 'cli', 'v8-flags.json'));
  await writeFile(join(root, 'package.json'), JSON.stringify({ name: 'fake', main: 'out/main/index.js' }));
  const electronDir = join(root, 'node_modules', 'electron');
  const viteBin = join(root, 'node_modules', 'electron-vite', 'bin');
  await mkdir(viteBin, { recursive: true });
  await writeFile(
    join(viteBin, 'electron-vite.js'),
    "require('node:fs').appendFileSync(require('node:path').join(process.cwd(), 'marks.txt'), 'built\\n');",
  );
  if (!opts.electronPackage) return root;
  await mkdir(electronDir, { recursive: true });
  await writeFile(join(electronDir, 'package.json'), JSON.stringify({ name: 'electron', main: 'index.js' }));
  // Like Electron's own index.js: a path from path.txt, or a throw when the download never happened.
  await writeFile(
    join(electronDir, 'index.js'),
    [
      "const fs = require('node:fs'); const path = require('node:path');",
      "const file = path.join(__dirname, 'path.txt');",
      "if (!fs.existsSync(file)) throw new Error('Electron failed to install correctly');",
      "module.exports = path.join(__dirname, 'dist', fs.readFileSync(file, 'utf8'));",
    ].join('\n'),
  );
  // The installer leaves a mark, then fails as it does offline, or "downloads" a fake binary.
  const fakeBinary = [
    '#!/usr/bin/env node',
    "require('node:fs').appendFileSync('marks.txt', 'electron ' + process.argv.slice(2).join(' ') + '\\n');",
    'process.exit(7);',
  ].join('\n');
  await writeFile(
    join(electronDir, 'install.js'),
    [
      "const fs = require('node:fs'); const path = require('node:path');",
      "fs.appendFileSync(path.join(__dirname, '..', '..', 'marks.txt'), 'install\\n');",
      opts.installerSucceeds
        ? [
            "fs.mkdirSync(path.join(__dirname, 'dist'), { recursive: true });",
            `fs.writeFileSync(path.join(__dirname, 'dist', 'electron'), ${JSON.stringify(fakeBinary)}, { mode: 0o755 });`,
            "fs.writeFileSync(path.join(__dirname, 'path.txt'), 'electron');",
          ].join('\n')
        : 'process.exit(1);',
    ].join('\n'),
  );
  return root;
}

function runStart(
  project: string,
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const { ELECTRON_SKIP_BINARY_DOWNLOAD: _skip, ...inherited } = process.env;
    // stdin is not a TTY here, which is the CI case: no question, just the sentence and exit 1.
    const child = spawn(process.execPath, [join(project, 'electron', 'cli', 'start.mjs')], {
      cwd: project,
      env: { ...inherited, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const marks = async (project: string) =>
  (await readFile(join(project, 'marks.txt'), 'utf8').catch(() => '')).trim();

describe('npm start without the Electron binary', () => {
  it('tries the download once, then says what is missing in one sentence and exits 1', async () => {
    const project = await fakeProject({ electronPackage: true });
    const result = await runStart(project);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${SENTENCE}\n`);
    expect(result.stderr).not.toContain('Electron failed to install correctly');
    expect(result.stdout).toBe('');
    expect(await marks(project)).toBe('install');
  });

  it('skips the download when ELECTRON_SKIP_BINARY_DOWNLOAD is set', async () => {
    const project = await fakeProject({ electronPackage: true });
    const result = await runStart(project, { ELECTRON_SKIP_BINARY_DOWNLOAD: '1' });
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(SENTENCE);
    expect(await marks(project)).toBe('');
  });

  it('gives the same sentence when the electron package itself is absent', async () => {
    const project = await fakeProject({ electronPackage: false });
    const result = await runStart(project);
    expect(result.code).toBe(1);
    expect(result.stderr.trim()).toBe(SENTENCE);
  });
});

describe('npm start with the Electron binary', () => {
  it.skipIf(process.platform === 'win32')(
    'builds, then launches electron on the project and exits with its code',
    async () => {
      const project = await fakeProject({ electronPackage: true, installerSucceeds: true });
      const result = await runStart(project);
      expect(result.stderr).not.toContain('cannot open the desktop app');
      expect(await marks(project)).toBe('install\nbuilt\nelectron --js-flags=--initial-old-space-size=64 .');
      expect(result.code).toBe(7);
    },
  );
});
