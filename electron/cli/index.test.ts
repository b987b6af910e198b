// The built `socketbench` command as a user runs it: a real process, its exit code and its output.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const CLI = 'out/main/cli.js';
const built = existsSync(CLI);

function runBuilt(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { timeout: 15_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : -1) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

const title = built
  ? 'the built socketbench command'
  : `the built socketbench command (skipped: ${CLI} is missing; npm test builds it first, or run npm run build)`;

describe.skipIf(!built)(title, () => {
  it('runs an example against its simulated board and exits 0', async () => {
    const { code, stdout, stderr } = await runBuilt([
      'run',
      'examples/w55rp20-prefix-echo.yaml',
      '--simulate',
    ]);
    expect(stderr).toBe('');
    expect(stdout).toMatch(
      /^W55RP20 prefix echo \[examples\/w55rp20-prefix-echo\.yaml\] against 127\.0\.0\.1:\d+ \(simulated w55rp20\)$/m,
    );
    expect(stdout).toContain('PASSED: 14 passed, 0 failed, 0 timed out, 0 skipped');
    expect(code).toBe(0);
  });

  it('exits 2 for a case file that is not there', async () => {
    const { code, stderr } = await runBuilt(['run', 'examples/no-such-case.yaml']);
    expect(stderr).toContain('examples/no-such-case.yaml: no such file');
    expect(code).toBe(2);
  });
});
