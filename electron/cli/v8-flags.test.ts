// The engine's V8 options are one list (v8-flags.json), passed by every launcher of the engine:
// `npm run web`, the `socketbench` command's first line, and `npm start` (start.test.ts).
import { execFile } from 'node:child_process';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import flags from './v8-flags.json';

const CLI = 'out/main/cli.js';
const line = flags.engine.join(' ');

describe('the engine V8 options', () => {
  it('are a non-empty list of V8 options', () => {
    expect(flags.engine.length).toBeGreaterThan(0);
    for (const flag of flags.engine) expect(flag).toMatch(/^--[a-z-]+(=\S+)?$/);
  });

  it('are passed by npm run web', () => {
    const pkg = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.web).toContain(`node ${line} ${CLI} web`);
  });

  it('are on the socketbench command first line', () => {
    const first = readFileSync('electron/cli/index.ts', 'utf8').split('\n')[0];
    expect(first).toBe(`#!/usr/bin/env -S node ${line}`);
  });

  const runnable = existsSync(CLI) && process.platform !== 'win32';
  it.skipIf(!runnable)(
    runnable
      ? 'start the built command when it is run by itself'
      : `start the built command when it is run by itself (skipped: ${process.platform === 'win32' ? 'Windows runs no shebang line' : `${CLI} is missing; npm test builds it first`})`,
    async () => {
      expect(readFileSync(CLI, 'utf8').split('\n')[0]).toBe(`#!/usr/bin/env -S node ${line}`);
      expect(statSync(CLI).mode & 0o111).not.toBe(0);
      const out = await new Promise<{ code: number; stdout: string }>((resolve) => {
        execFile(`./${CLI}`, ['--help'], { timeout: 15_000 }, (error, stdout) =>
          resolve({ code: error ? Number(error.code ?? -1) : 0, stdout }),
        );
      });
      expect(out.stdout).toContain('--help');
      expect(out.code).toBe(0);
    },
  );
});
