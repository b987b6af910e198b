// What every figure gets: the sizes, the three helper processes and the browser with the app open.
import type { Browser } from '@playwright/test';
import type { AppPage } from './app-page';
import { type CpuShares, startCpu } from './cpu';
import type { EngineStats } from './engine-host';
import type { Child } from './ipc';
import type { Options, Sizes } from './options';

export interface BenchContext {
  options: Options;
  sizes: Sizes;
  /** Browser mode's engine, in its own process. */
  engine: Child;
  /** The loads: pushers, boards, many clients, senders. */
  load: Child;
  /** The raw Node references: sink, echo server, UDP socket. */
  raw: Child;
  browser: Browser;
  /** Where the built bench entries are (to fork more helper processes). */
  benchDir: string;
  /** Browser mode's URL, token included. */
  url: string;
  /** The app's page with one clean session, opened on first use and kept between figures. */
  app(): Promise<AppPage>;
  /** Drops the page after a figure failed midway, so the next one starts from a clean page. */
  resetApp(): Promise<void>;
  /** Highest number of open files each process may have (the held clients need one each). */
  fileLimit: number;
  /** The CPU shares of every measured window, for the run's summary of how busy the machine was. */
  windows: CpuShares[];
}

/** The engine's loop delay and memory, and every process's CPU, while `run` runs. */
export type WindowStats = EngineStats & { cpu: CpuShares; windowMs: number };

/** Every process's CPU while `run` runs. */
export async function cpuWindow<T>(ctx: BenchContext, run: () => Promise<T>): Promise<[T, CpuShares]> {
  const cpu = startCpu({
    engine: ctx.engine.process.pid,
    load: ctx.load.process.pid,
    raw: ctx.raw.process.pid,
  });
  const value = await run();
  const shares = cpu();
  ctx.windows.push(shares);
  return [value, shares];
}

export async function engineWindow<T>(ctx: BenchContext, run: () => Promise<T>): Promise<[T, WindowStats]> {
  await ctx.engine.call('reset');
  const start = performance.now();
  const [value, cpu] = await cpuWindow(ctx, run);
  const windowMs = performance.now() - start;
  return [value, { ...(await ctx.engine.call<EngineStats>('stats')), cpu, windowMs }];
}
