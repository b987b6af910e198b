// `npm run bench`: starts browser mode's engine, the load and raw-reference processes and Chromium,
// runs each figure of the performance issue, prints one table and writes the same as JSON.
import { readFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Browser, chromium, type LaunchOptions } from '@playwright/test';
import engineV8Flags from '../electron/cli/v8-flags.json';
import playwrightConfig from '../playwright.config';
import { AppPage } from './app-page';
import { runManyBoards } from './boards';
import type { BenchContext } from './context';
import { runEngineAlone } from './engine-alone';
import type { EngineHello } from './engine-host';
import { runIngest } from './ingest';
import { type Child, forkChild } from './ipc';
import { runLog } from './log';
import { runMessageRate } from './messages';
import { type FigureKey, type Options, parseOptions } from './options';
import { type FigureResult, formatNotes, formatTable, type Row, summary, writeJson } from './report';
import { runRoundTrips } from './round-trips';
import { runStartUp } from './start-up';
import { runUdp } from './udp';

const RUNNERS: Record<FigureKey, (ctx: BenchContext) => Promise<FigureResult>> = {
  startUp: runStartUp,
  ingest: runIngest,
  messageRate: runMessageRate,
  udp: runUdp,
  manyBoards: runManyBoards,
  roundTrips: runRoundTrips,
  log: runLog,
  engineAlone: runEngineAlone,
};

/** Figures that need the page; the others run after the browser closed, on a quieter machine. */
const IN_BROWSER: readonly FigureKey[] = ['startUp', 'ingest', 'messageRate', 'udp', 'manyBoards'];

/** The soft limit on open files (Linux), which every child inherits; elsewhere assume the usual. */
function fileLimit(): number {
  try {
    const line = readFileSync('/proc/self/limits', 'utf8').match(/^Max open files\s+(\d+)/m);
    return Number(line?.[1] ?? 1024);
  } catch {
    return 1024;
  }
}

function launchOptions(): LaunchOptions {
  const web = playwrightConfig.projects?.find((p) => p.name === 'web');
  return { ...(web?.use?.launchOptions ?? {}), headless: true };
}

async function runFigures(options: Options, ctx: BenchContext, closeBrowser: () => Promise<void>) {
  const results: Partial<Record<FigureKey, FigureResult | { error: string }>> = {};
  const rows: Row[] = [];
  let errors = 0;
  const ordered = [
    ...options.figures.filter((f) => IN_BROWSER.includes(f)),
    ...options.figures.filter((f) => !IN_BROWSER.includes(f)),
  ];
  let browserOpen = true;
  for (const key of ordered) {
    if (browserOpen && !IN_BROWSER.includes(key)) {
      await closeBrowser();
      browserOpen = false;
    }
    process.stderr.write(`bench: ${key}...\n`);
    const started = performance.now();
    try {
      const result = await RUNNERS[key](ctx);
      results[key] = result;
      rows.push(...result.rows);
    } catch (err) {
      errors++;
      const message = err instanceof Error ? err.message : String(err);
      results[key] = { error: message };
      rows.push({
        figure: `${key}: the bench failed`,
        raw: '',
        app: 'error',
        target: '',
        verdict: 'fail',
        note: message.split('\n')[0] ?? '',
      });
      await ctx.resetApp();
    } finally {
      await Promise.all([ctx.load.call('closeAll'), ctx.raw.call('closeAll')]).catch(() => {});
      process.stderr.write(`bench: ${key} took ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    }
  }
  // Closing the page also writes its profile, with --profile.
  if (browserOpen) await closeBrowser();
  return { results, rows, errors };
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return 2;
  }
  const here = dirname(fileURLToPath(import.meta.url));
  const rendererDir = resolve(options.rendererDir);
  const children: Child[] = [];
  let browser: Browser | undefined;
  try {
    const profile = options.profileDir ? ['--cpu-prof', `--cpu-prof-dir=${options.profileDir}`] : [];
    const engine = await forkChild<EngineHello>(
      join(here, 'engine-host.mjs'),
      [rendererDir],
      // Started as browser mode's launchers start it; --engine-flags adds to (or overrides) that.
      [...engineV8Flags.engine, ...profile, ...options.engineFlags],
    );
    children.push(engine.child);
    const load = (await forkChild(join(here, 'peer.mjs'), ['load'])).child;
    children.push(load);
    const raw = (await forkChild(join(here, 'peer.mjs'), ['raw'])).child;
    children.push(raw);
    browser = await chromium.launch(launchOptions());
    const launched = browser;
    let app: AppPage | undefined;
    const ctx: BenchContext = {
      options,
      sizes: options.sizes,
      engine: engine.child,
      load,
      raw,
      browser: launched,
      benchDir: here,
      url: engine.hello.url,
      fileLimit: fileLimit(),
      windows: [],
      async app() {
        app ??= await AppPage.open(launched, engine.hello.url, options.profileDir);
        return app;
      },
      async resetApp() {
        await app?.close().catch(() => {});
        app = undefined;
      },
    };
    const version = browser.version();
    const { results, rows, errors } = await runFigures(options, ctx, async () => {
      await ctx.resetApp();
      await launched.close();
    });
    const machine = {
      cpus: cpus().length,
      cpu: cpus()[0]?.model ?? '',
      memoryGB: Math.round(totalmem() / 2 ** 30),
      node: process.version,
      chromium: version,
      fileLimit: ctx.fileLimit,
    };
    const others = ctx.windows.map((w) => w.other).filter((n): n is number => n !== undefined);
    const otherLoad =
      others.length > 0 ? Math.round(others.reduce((a, b) => a + b, 0) / others.length) : undefined;
    const flags = `; engine started with ${[...engineV8Flags.engine, ...options.engineFlags].join(' ')}`;
    const heading = `SocketBench bench, ${options.mode}: ${machine.cpus} cores (${machine.cpu}), Node ${machine.node}, Chromium ${machine.chromium}${flags}`;
    const busy =
      otherLoad === undefined
        ? ''
        : `\nother programs on this machine used ${otherLoad} % of one core on average while the bench measured${otherLoad > 20 ? ': the figures are worse than on a quiet machine' : ''}`;
    process.stdout.write(
      `\n${heading}\n\n${formatTable(rows)}\n\n${formatNotes(rows)}\n\n${summary(rows)}${busy}\n`,
    );
    writeJson(options.jsonPath, {
      mode: options.mode,
      date: new Date().toISOString(),
      machine: { ...machine, otherLoadPercent: otherLoad },
      engineFlags: options.engineFlags,
      sizes: options.sizes,
      ...results,
      table: rows,
    });
    process.stdout.write(`written to ${options.jsonPath}\n`);
    return errors > 0 ? 1 : 0;
  } finally {
    await browser?.close().catch(() => {});
    await Promise.all(children.map((c) => c.stop()));
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bench: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exit(1);
  },
);
