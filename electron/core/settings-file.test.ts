// The settings file on a real disk (a temporary folder): no file is a first run; a corrupt,
// unreadable or newer file is moved aside as a backup and the app starts clean with a notice; a
// file with some bad values keeps the rest and a copy; writes are atomic and leave no temp files.
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, type Settings } from '../../shared/settings';
import { backupPath, readSettingsFile, writeSettingsFile } from './settings-file';

const NOW = new Date('2025-03-04T05:06:07.890Z');
const BACKUP = 'settings.corrupt-2025-03-04T05-06-07.json';

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-settings-'));
  file = join(dir, 'settings.json');
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const withTheme = (theme: 'dark' | 'light'): Settings => ({
  ...defaultSettings(),
  ui: { ...defaultSettings().ui, theme },
});

describe('reading the settings file', () => {
  it('starts a first run with the defaults and creates nothing', async () => {
    await expect(readSettingsFile(file, NOW)).resolves.toEqual({
      settings: defaultSettings(),
      origin: 'new',
    });
    expect(await readdir(dir)).toEqual([]);
  });

  it('reads back what was written', async () => {
    await writeSettingsFile(file, withTheme('dark'));
    await expect(readSettingsFile(file, NOW)).resolves.toEqual({
      settings: withTheme('dark'),
      origin: 'file',
    });
  });

  it('moves a corrupt file aside, starts clean and names the backup', async () => {
    await writeFile(file, '{"format":"socketbench-settings","version":2,"ui":{"theme":"da');
    const outcome = await readSettingsFile(file, NOW);
    expect(outcome).toMatchObject({
      settings: defaultSettings(),
      origin: 'recovered',
      notice: { kind: 'corrupt', backup: BACKUP },
    });
    expect(outcome.notice?.detail).toMatch(/JSON/);
    expect(await readdir(dir)).toEqual([BACKUP]);
    // The backup is the file as it was, byte for byte.
    expect(await readFile(join(dir, BACKUP), 'utf8')).toContain('"theme":"da');
  });

  it('treats JSON that is not a settings file as corrupt too', async () => {
    await writeFile(file, '[1, 2, 3]');
    await expect(readSettingsFile(file, NOW)).resolves.toMatchObject({
      origin: 'recovered',
      notice: { kind: 'corrupt', backup: BACKUP },
    });
  });

  it('moves an unreadable one aside (here a folder where the file should be)', async () => {
    await mkdir(file);
    await writeFile(join(file, 'inside.txt'), 'x');
    const outcome = await readSettingsFile(file, NOW);
    expect(outcome).toMatchObject({ origin: 'recovered', notice: { kind: 'unreadable', detail: 'EISDIR' } });
    expect(outcome.notice?.backup).toBe(BACKUP);
    expect(await readdir(dir)).toEqual([BACKUP]);
  });

  it('keeps a newer version’s file as a backup instead of overwriting it', async () => {
    await writeFile(file, JSON.stringify({ format: 'socketbench-settings', version: 7 }));
    await expect(readSettingsFile(file, NOW)).resolves.toMatchObject({
      settings: defaultSettings(),
      origin: 'recovered',
      notice: { kind: 'newer', detail: '7', backup: 'settings.newer-2025-03-04T05-06-07.json' },
    });
  });

  it('keeps the good values of a damaged file, lists the bad ones and keeps a copy', async () => {
    const doc = { ...withTheme('dark'), ui: { ...withTheme('dark').ui, decodeAs: 'morse' }, presets: 'none' };
    await writeFile(file, JSON.stringify(doc));
    const outcome = await readSettingsFile(file, NOW);
    expect(outcome).toEqual({
      settings: withTheme('dark'),
      origin: 'file',
      notice: {
        kind: 'partial',
        refused: ['ui.decodeAs', 'presets'],
        backup: 'settings.partial-2025-03-04T05-06-07.json',
      },
    });
    expect((await readdir(dir)).sort()).toEqual([
      'settings.json',
      'settings.partial-2025-03-04T05-06-07.json',
    ]);
  });

  it('never overwrites an earlier backup made in the same second', async () => {
    await writeFile(join(dir, BACKUP), 'older');
    expect(await backupPath(file, 'corrupt', NOW)).toBe(
      join(dir, 'settings.corrupt-2025-03-04T05-06-07-2.json'),
    );
  });
});

describe('writing the settings file', () => {
  it('creates the folder, writes the whole file and leaves no temp file', async () => {
    const nested = join(dir, 'a', 'b', 'settings-browser.json');
    await writeSettingsFile(nested, withTheme('light'));
    expect(JSON.parse(await readFile(nested, 'utf8'))).toEqual(withTheme('light'));
    expect(await readdir(join(dir, 'a', 'b'))).toEqual(['settings-browser.json']);
  });

  it('replaces the file in one step: a write that fails leaves the old file whole', async () => {
    await writeSettingsFile(file, withTheme('dark'));
    const before = await readFile(file, 'utf8');
    // A value JSON cannot write fails the write after the temp file was opened.
    const broken = {
      ...withTheme('light'),
      history: [{ text: 1n, encodeAs: 'ascii' }],
    } as unknown as Settings;
    await expect(writeSettingsFile(file, broken)).rejects.toThrow(/BigInt/);
    expect(await readFile(file, 'utf8')).toBe(before);
    expect(await readdir(dir)).toEqual(['settings.json']);
  });

  it('fails without a trace when the file cannot be put in place', async () => {
    await mkdir(file);
    await writeFile(join(file, 'keep.txt'), 'x');
    await expect(writeSettingsFile(file, withTheme('dark'))).rejects.toMatchObject({
      code: expect.stringMatching(/EISDIR|ENOTEMPTY|EEXIST|EPERM/),
    });
    expect(await readdir(dir)).toEqual(['settings.json']);
  });
});
