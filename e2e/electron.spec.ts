// Desktop smoke test with Playwright's _electron: the built app opens one secure window that exposes
// exactly the API. Where no Electron binary exists it skips; unit tests with fakes cover the shell.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { API_METHODS } from '../shared/contract/api';
import { makeUserData, removeUserData } from './fixtures/app';

const root = resolve(__dirname, '..');
const electronDir = join(root, 'node_modules', 'electron');

/** The path Electron's own index.js would return, without its throw when the download never ran. */
function electronBinary(): string | undefined {
  const pathFile = join(electronDir, 'path.txt');
  if (!existsSync(pathFile)) return undefined;
  const binary = join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : undefined;
}

const binary = electronBinary();

test('the desktop app opens a secure window with exactly the SocketBench API', async () => {
  test.skip(
    binary === undefined,
    'Electron binary not installed (node_modules/electron/dist missing); the desktop shell is covered by unit tests with fakes',
  );
  const main = join(root, 'out', 'main', 'index.js');
  expect(existsSync(main), 'build first: npm run build').toBe(true);

  const { ELECTRON_RUN_AS_NODE: _asNode, ...env } = process.env;
  // The whole profile (settings, window state, web storage) in a temporary folder, never the user's.
  const userData = makeUserData();
  const app = await electron.launch({
    executablePath: binary,
    args: [main],
    cwd: root,
    env: { ...env, SOCKETBENCH_USER_DATA: userData } as Record<string, string>,
  });
  try {
    const page = await app.firstWindow();
    await expect.poll(() => page.title()).toContain('SocketBench');
    await expect(page.getByRole('log', { name: 'Traffic log' })).toBeVisible();

    const exposed = await page.evaluate(() => {
      const api = (window as unknown as Record<string, Record<string, unknown> | undefined>).socketbench;
      return {
        keys: api ? Object.keys(api).sort() : [],
        allFunctions: api ? Object.values(api).every((value) => typeof value === 'function') : false,
        hasRequire: typeof (globalThis as Record<string, unknown>).require !== 'undefined',
        hasProcess: typeof (globalThis as Record<string, unknown>).process !== 'undefined',
      };
    });
    expect(exposed.keys).toEqual([...API_METHODS, 'onEvents'].sort());
    expect(exposed.allFunctions).toBe(true);
    expect(exposed.hasRequire).toBe(false);
    expect(exposed.hasProcess).toBe(false);

    // The preload reaches the engine: a fresh app has no sessions.
    const listed = await page.evaluate(() =>
      (window as unknown as { socketbench: { list(arg: unknown): Promise<unknown> } }).socketbench.list({}),
    );
    expect(listed).toEqual({ ok: true, value: [] });
  } finally {
    await app.close();
    removeUserData(userData);
  }
});
