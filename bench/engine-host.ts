// The engine under test: browser mode's web server (the same module `socketbench web` runs), in a
// process of its own so its event-loop delay and memory are the engine's alone.
import { resolve } from 'node:path';
import { type EventLoopUtilization, monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { startWebServer } from '../electron/web/server';
import { serve } from './ipc';

export interface EngineHello {
  url: string;
}

/** Event-loop delay and memory since the last reset. */
export interface EngineStats {
  loopDelayP50Ms: number;
  loopDelayP99Ms: number;
  loopDelayMaxMs: number;
  rssMaxMB: number;
  rssNowMB: number;
  /** Share of the time the loop was running code rather than waiting for I/O (0..1). */
  loopUtilization: number;
}

/** How often RSS is sampled (a cheap call); the loop-delay histogram samples on its own timer. */
const SAMPLE_MS = 50;
const MB = 1024 * 1024;

async function main(): Promise<void> {
  const rendererDir = resolve(process.argv[2] ?? 'out/renderer');
  const server = await startWebServer({ port: 0, rendererDir, warn: () => {} });
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let rssMax = 0;
  let elu: EventLoopUtilization = performance.eventLoopUtilization();
  const sample = () => {
    rssMax = Math.max(rssMax, process.memoryUsage.rss());
  };
  const sampler = setInterval(sample, SAMPLE_MS);

  serve({
    reset: () => {
      delay.reset();
      rssMax = 0;
      elu = performance.eventLoopUtilization();
      sample();
    },
    stats: (): EngineStats => {
      sample();
      const ms = (ns: number) => ns / 1e6;
      return {
        loopDelayP50Ms: ms(delay.percentile(50)),
        loopDelayP99Ms: ms(delay.percentile(99)),
        loopDelayMaxMs: ms(delay.max),
        rssMaxMB: rssMax / MB,
        rssNowMB: process.memoryUsage.rss() / MB,
        loopUtilization: performance.eventLoopUtilization(elu).utilization,
      };
    },
  });
  const stop = () => {
    clearInterval(sampler);
    delay.disable();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGTERM', stop);
  process.send?.({ url: server.url } satisfies EngineHello);
}

void main();
