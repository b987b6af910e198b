// The settings file on disk: read with recovery (a corrupt or unreadable file is moved aside as a
// backup and the app starts clean), written atomically (a temp file, synced, then renamed). Plain Node.
import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { LoadedSettings, SettingsNotice } from '../../shared/contract/api';
import { defaultSettings, readSettingsText, type Settings } from '../../shared/settings';

export const DESKTOP_SETTINGS_FILE = 'settings.json';
/** Browser mode keeps its own file beside the desktop app's: two apps, two sets of choices. */
export const BROWSER_SETTINGS_FILE = 'settings-browser.json';

/** Windows' virus scanners and indexers hold a just-written file for a moment; rename then fails. */
const RENAME_RETRIES = 5;
const RENAME_RETRY_MS = 40;
const RETRYABLE = new Set(['EPERM', 'EACCES', 'EBUSY']);

const codeOf = (error: unknown): string | undefined => {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};
const describe = (error: unknown): string =>
  codeOf(error) ?? (error instanceof Error ? error.message : String(error));

/** "2025-03-04T05-06-07": sorts by time and is a valid file name everywhere. */
const stamp = (date: Date): string => date.toISOString().slice(0, 19).replaceAll(':', '-');

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

/** A free name beside `path`: settings.corrupt-<time>.json, then -2, -3 ... within the same second. */
export async function backupPath(path: string, why: string, now: Date): Promise<string> {
  const ext = extname(path);
  const stem = join(dirname(path), basename(path, ext));
  for (let n = 1; ; n++) {
    const candidate = `${stem}.${why}-${stamp(now)}${n > 1 ? `-${n}` : ''}${ext}`;
    if (!(await exists(candidate))) return candidate;
  }
}

/** Moves the file out of the way (or copies it, when `keep`); the backup's name, or undefined. */
async function backUp(path: string, why: string, now: Date, keep: boolean): Promise<string | undefined> {
  const target = await backupPath(path, why, now);
  try {
    if (keep) await copyFile(path, target);
    else await rename(path, target);
    return basename(target);
  } catch {
    if (keep) return undefined;
    // A rename can fail where a copy works (another process holds the file on Windows).
    try {
      await copyFile(path, target);
      await rm(path, { force: true, recursive: true });
      return basename(target);
    } catch {
      return undefined;
    }
  }
}

export type ReadOutcome = Omit<LoadedSettings, 'path'>;

/**
 * The settings in `path`. No file: defaults, origin 'new'. A file that cannot be used at all is
 * moved aside (origin 'recovered'); one with some bad values keeps the good ones and a copy of
 * itself is kept (a 'partial' notice), since the next save writes it without the bad ones.
 */
export async function readSettingsFile(path: string, now: Date = new Date()): Promise<ReadOutcome> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (codeOf(error) === 'ENOENT') return { settings: defaultSettings(), origin: 'new' };
    return recovered(path, now, { kind: 'unreadable', detail: describe(error) });
  }
  const read = readSettingsText(text);
  if (!read.ok) {
    if (read.problem === 'newer') {
      return recovered(path, now, { kind: 'newer', detail: String(read.version) }, 'newer');
    }
    return recovered(path, now, {
      kind: 'corrupt',
      ...(read.problem === 'not-json' ? { detail: read.detail } : {}),
    });
  }
  if (read.refused.length === 0) return { settings: read.settings, origin: 'file' };
  const backup = await backUp(path, 'partial', now, true);
  const notice: SettingsNotice = { kind: 'partial', refused: read.refused, ...(backup ? { backup } : {}) };
  return { settings: read.settings, origin: 'file', notice };
}

async function recovered(
  path: string,
  now: Date,
  notice: SettingsNotice,
  why = 'corrupt',
): Promise<ReadOutcome> {
  const backup = await backUp(path, why, now, false);
  return {
    settings: defaultSettings(),
    origin: 'recovered',
    notice: { ...notice, ...(backup ? { backup } : {}) },
  };
}

async function renameWithRetry(from: string, to: string): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      if (attempt >= RENAME_RETRIES || !RETRYABLE.has(codeOf(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, RENAME_RETRY_MS * attempt));
    }
  }
}

/**
 * Writes the whole file so that a crash or a full disk at any moment leaves either the old file or
 * the new one, never half of one: write a temp file beside it, flush it to disk, rename it over.
 */
export async function writeSettingsFile(path: string, settings: Settings): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const temp = `${path}.${process.pid}-${randomBytes(4).toString('hex')}.tmp`;
  try {
    const file = await open(temp, 'w', 0o600);
    try {
      await file.writeFile(`${JSON.stringify(settings, null, 2)}\n`, 'utf8');
      await file.sync();
    } finally {
      await file.close();
    }
    await renameWithRetry(temp, path);
  } catch (error) {
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
