// Figure 7, start-up: browser mode's page from navigation to usable, in a fresh browser context each
// time (no cache), and the JavaScript the first screen loads, gzipped, from the built renderer.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { PROBES, VIEWPORT } from './app-page';
import { type BenchContext, cpuWindow } from './context';
import { formatCpu } from './cpu';
import { type FigureResult, verdict } from './report';
import { count, median, round } from './stats';

interface InitialFile {
  file: string;
  bytes: number;
  gzipBytes: number;
}

/** The entry scripts and module preloads index.html names: what loads before the first screen. */
export function initialJs(rendererDir: string): InitialFile[] {
  const html = readFileSync(join(rendererDir, 'index.html'), 'utf8');
  const refs = [
    ...html.matchAll(/<script[^>]*type="module"[^>]*src="([^"]+)"/g),
    ...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="([^"]+)"/g),
  ].map((m) => m[1] as string);
  return refs.map((ref) => {
    const data = readFileSync(join(rendererDir, ref));
    return { file: ref, bytes: data.length, gzipBytes: gzipSync(data).length };
  });
}

async function loadOnce(ctx: BenchContext): Promise<{ interactiveMs: number; fcpMs: number }> {
  const context = await ctx.browser.newContext({ viewport: VIEWPORT });
  try {
    await context.addInitScript({ path: PROBES });
    const page = await context.newPage();
    await page.goto(ctx.url);
    // A function, not a string: the page's CSP forbids evaluating strings.
    await page.waitForFunction(
      () => (globalThis as { __bench?: { interactiveAt?: number } }).__bench?.interactiveAt !== undefined,
      undefined,
      { timeout: ctx.sizes.waitMs },
    );
    // The paint's timing entry can come a frame after the one that found the page interactive.
    await page
      .waitForFunction(() => performance.getEntriesByName('first-contentful-paint').length > 0, undefined, {
        timeout: 2000,
      })
      .catch(() => undefined);
    return await page.evaluate(`({
      interactiveMs: window.__bench.interactiveAt,
      fcpMs: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    })`);
  } finally {
    await context.close();
  }
}

export async function runStartUp(ctx: BenchContext): Promise<FigureResult> {
  const files = initialJs(ctx.options.rendererDir);
  const gzip = files.reduce((n, f) => n + f.gzipBytes, 0);
  const [loads, cpu] = await cpuWindow(ctx, async () => {
    const out = [];
    for (let i = 0; i < ctx.sizes.startUpLoads; i++) out.push(await loadOnce(ctx));
    return out;
  });
  const interactive = loads.map((l) => l.interactiveMs);
  const p50 = median(interactive);
  const kB = (n: number) => `${round(n / 1000, 1)} kB`;
  return {
    rows: [
      {
        figure: `7 start-up: interactive after navigation, median of ${loads.length}`,
        raw: '',
        app: `${Math.round(p50)} ms`,
        target: '< 500 ms',
        verdict: verdict(p50 < 500),
        note: `fresh browser context each load; "interactive": the first frame with the traffic log on screen and the engine's sessions listed; slowest ${Math.round(Math.max(...interactive))} ms; first contentful paint median ${Math.round(median(loads.map((l) => l.fcpMs).filter(Number.isFinite)))} ms; CPU in percent of one core: ${formatCpu(cpu)}`,
      },
      {
        figure: '7 start-up: initial JavaScript, gzipped',
        raw: '',
        app: kB(gzip),
        target: '< 300 kB',
        verdict: verdict(gzip < 300_000),
        note: files.map((f) => `${f.file} ${count(f.bytes)} B (${kB(f.gzipBytes)} gzipped)`).join(', '),
      },
    ],
    details: { files, gzipBytes: gzip, loads },
  };
}
