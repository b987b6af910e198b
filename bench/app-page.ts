// SocketBench's page in Chromium as the bench drives it: the e2e page object for the UI's accessible
// names, the in-page probes (page-probes.js) for timing, and CDP for the renderer's JS heap.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Browser, BrowserContext, CDPSession, Locator, Page } from '@playwright/test';
import { BenchPage } from '../e2e/pages/bench-page';
import { MiB, withTimeout } from './stats';

/** The in-page probes, injected before the app's own scripts (the bench runs from the project's root). */
export const PROBES = resolve('bench/page-probes.js');

/**
 * A desktop screen. At 1280 x 720 the log's toolbar wraps, and Pause moves when the waiting count
 * appears: a click aimed at it then lands on Hex dump (see docs/performance.md).
 */
export const VIEWPORT = { width: 1600, height: 1000 };

export type Watched = 'rx' | 'entries';

export interface HeapSampler {
  /** Stops sampling; returns every sample, in MB. */
  stop(): Promise<number[]>;
}

export class AppPage {
  readonly ui: BenchPage;
  readonly toggle: Locator;

  private constructor(
    readonly context: BrowserContext,
    readonly page: Page,
    private readonly cdp: CDPSession,
    private readonly profileDir: string | undefined,
  ) {
    this.ui = new BenchPage(page);
    this.toggle = page.getByRole('button', { name: /^(Pause|Resume)$/ });
  }

  /**
   * A fresh browser context (no cache, no storage) with the probes, on the app with one clean
   * session. With `profileDir`, the renderer's main thread is profiled until close().
   */
  static async open(browser: Browser, url: string, profileDir?: string): Promise<AppPage> {
    const context = await browser.newContext({ viewport: VIEWPORT });
    await context.addInitScript({ path: PROBES });
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    const app = new AppPage(context, page, cdp, profileDir);
    if (profileDir) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
      await cdp.send('Profiler.start');
    }
    await app.ui.openClean(url);
    return app;
  }

  eval<T>(expression: string): Promise<T> {
    return this.page.evaluate(expression) as Promise<T>;
  }

  /** (Re)starts watching the RX counter and the log's entry count. */
  watch(): Promise<void> {
    return this.eval(`__bench.watch(['rx', 'entries'])`);
  }

  value(name: Watched): Promise<{ value: number; at: number }> {
    return this.eval(`__bench.value(${JSON.stringify(name)})`);
  }

  /** Wall time at which the page first showed `name` >= `target`. */
  reach(name: Watched, target: number, timeoutMs: number): Promise<number> {
    return withTimeout(
      this.eval<number>(`__bench.reach(${JSON.stringify(name)}, ${target})`),
      timeoutMs,
      `the page showing ${name} >= ${target}`,
    );
  }

  /**
   * Clicks Pause (pressed: true) or Resume where the button is, as a user would (no actionability
   * checks, which cost round trips to a busy page); ms from the click to the frame showing its effect.
   */
  async clickToggle(pressed: boolean, timeoutMs: number): Promise<number> {
    // The log's rows and counts change under a flood; a click that lands beside the button (the
    // layout moved between reading its place and the click) is tried again, as a user would, and
    // counted in `toggleMisses`. Three misses in a row fail the figure.
    for (let attempt = 1; ; attempt += 1) {
      const result = await this.clickToggleOnce(pressed, timeoutMs);
      if (typeof result === 'number') return result;
      this.toggleMisses += 1;
      if (attempt === 3) {
        throw new Error(
          `a click meant for ${pressed ? 'Pause' : 'Resume'} landed on ${result.missed}: the toolbar moved under the pointer`,
        );
      }
    }
  }

  /** Clicks that landed beside Pause / Resume and were tried again. */
  toggleMisses = 0;

  private async clickToggleOnce(pressed: boolean, timeoutMs: number): Promise<number | { missed: string }> {
    const at = await this.eval<{ x: number; y: number }>(`__bench.armToggle(${pressed})`);
    await this.page.mouse.click(at.x, at.y);
    try {
      return await withTimeout(
        this.eval<number | { missed: string }>('__bench.toggleResult()'),
        timeoutMs,
        'the effect of a click',
      );
    } catch (err) {
      const seen = await this.eval('__bench.toggleDiag()').catch(() => 'nothing');
      throw new Error(`${err instanceof Error ? err.message : err}; the page shows ${JSON.stringify(seen)}`);
    }
  }

  async paused(): Promise<boolean> {
    return (await this.toggle.getAttribute('aria-pressed')) === 'true';
  }

  framesStart(): Promise<void> {
    return this.eval('__bench.framesStart()');
  }

  framesStop(): Promise<{ frames: number; p50: number; p99: number; max: number }> {
    return this.eval('__bench.framesStop()');
  }

  /** Samples the renderer's used JS heap every `everyMs` until stopped. */
  sampleHeap(everyMs = 200): HeapSampler {
    const samples: number[] = [];
    let busy = false;
    const take = async () => {
      if (busy) return;
      busy = true;
      try {
        const { usedSize } = await this.cdp.send('Runtime.getHeapUsage');
        samples.push(usedSize / MiB);
      } catch {
        // The page went away mid-sample; the samples so far stand.
      } finally {
        busy = false;
      }
    };
    void take();
    const timer = setInterval(() => void take(), everyMs);
    return {
      async stop() {
        clearInterval(timer);
        await take();
        return samples;
      },
    };
  }

  async close(): Promise<void> {
    if (this.profileDir) {
      const { profile } = await this.cdp.send('Profiler.stop');
      mkdirSync(this.profileDir, { recursive: true });
      writeFileSync(join(this.profileDir, `renderer-${Date.now()}.cpuprofile`), JSON.stringify(profile));
    }
    await this.context.close();
  }
}
