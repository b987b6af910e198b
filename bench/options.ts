// What one bench run measures, and how much: the full sizes of the figures, a quick subset (the
// default) and tiny sizes that only prove the bench still runs.
import { MiB } from './stats';

export type Mode = 'full' | 'quick' | 'tiny';

export const FIGURES = [
  'startUp',
  'ingest',
  'messageRate',
  'udp',
  'manyBoards',
  'roundTrips',
  'log',
  'engineAlone',
] as const;
export type FigureKey = (typeof FIGURES)[number];

export interface Sizes {
  /** Interleaved raw / app repeats of the throughput figures; each reports the median. */
  rounds: number;
  ingestBytes: number;
  /** Pause / Resume pairs clicked during a flood, per session kind... */
  pauseClicks: number;
  /** ...unless the page is so slow that they take longer than this. */
  clickBudgetMs: number;
  messages: number;
  messageBytes: number;
  datagrams: number;
  datagramBytes: number;
  udpReceiveBuffer: number;
  heldClients: number;
  lineClients: number;
  roundTrips: number;
  roundTripWarmup: number;
  logEntries: number;
  /**
   * Entries the page's log is filled to before figure 6 scrolls it (full: the million it keeps),
   * at a pace it shows whole; 0 scrolls what the UDP rounds left.
   */
  pageLogEntries: number;
  startUpLoads: number;
  /** Upper bound for any one wait, so a broken app fails a row instead of hanging the bench. */
  waitMs: number;
}

const FULL: Sizes = {
  // A round of a throughput figure swings by 20 % or more on two cores shared by the load, the
  // engine and Chromium; the median of five moves much less between runs than that of three.
  rounds: 5,
  ingestBytes: 1024 * MiB,
  pauseClicks: 20,
  clickBudgetMs: 60_000,
  messages: 1_000_000,
  messageBytes: 16,
  datagrams: 100_000,
  datagramBytes: 64,
  udpReceiveBuffer: 64 * MiB,
  heldClients: 10_000,
  lineClients: 1_000,
  roundTrips: 50_000,
  roundTripWarmup: 1_000,
  logEntries: 1_000_000,
  pageLogEntries: 1_000_000,
  startUpLoads: 10,
  waitMs: 120_000,
};

const QUICK: Sizes = {
  ...FULL,
  pageLogEntries: 0,
  ingestBytes: 256 * MiB,
  clickBudgetMs: 30_000,
  // The full run's messages too, the count: 100,000 take a fifth of a second, where the
  // start of a flood (the page's first update, the display budget's burst) weighs as much as the
  // rest, and their rate swung from 0.74x to 1.04x of the raw sink's between runs.

  // A p99 of 5,000 trips is their 50th slowest, where this machine's tail turns steep: it moved by
  // 50 % between runs with nothing changed. Of 20,000, it moves by a few percent.
  roundTrips: 20_000,
  roundTripWarmup: 500,
  startUpLoads: 5,
  waitMs: 60_000,
};

const TINY: Sizes = {
  ...FULL,
  rounds: 1,
  ingestBytes: 4 * MiB,
  pauseClicks: 3,
  clickBudgetMs: 5_000,
  messages: 2_000,
  datagrams: 1_000,
  udpReceiveBuffer: 1 * MiB,
  heldClients: 100,
  lineClients: 20,
  roundTrips: 200,
  roundTripWarmup: 20,
  logEntries: 10_000,
  startUpLoads: 1,
  waitMs: 20_000,
};

export interface Options {
  mode: Mode;
  sizes: Sizes;
  figures: readonly FigureKey[];
  /** Where the JSON goes. */
  jsonPath: string;
  /** With --profile: where the engine's and the page's CPU profiles go (open them in Chrome DevTools). */
  profileDir?: string;
  /** The built renderer browser mode serves (--renderer=DIR, e.g. an unminified build to profile). */
  rendererDir: string;
  /** Node options for the engine's process (--engine-flags="..."), to try a V8 setting. */
  engineFlags: string[];
}

export const USAGE = `npm run bench [-- --full | --tiny] [--only=ingest,udp,...] [--profile] [--renderer=DIR]
                 [--engine-flags="--node-option ..."]
  quick subset by default; --full runs every figure at the issue's sizes; --tiny only proves the
  bench runs; --profile writes CPU profiles of the engine and the page to out/bench/profiles/;
  --renderer serves another build of the renderer (default out/renderer); --engine-flags starts
  the engine's process with those Node options (the figures then are not the shipped app's).
  Figures: ${FIGURES.join(', ')}.`;

export function parseOptions(argv: readonly string[]): Options | string {
  let mode: Mode = 'quick';
  let figures: FigureKey[] = [...FIGURES];
  let profileDir: string | undefined;
  let rendererDir = 'out/renderer';
  let engineFlags: string[] = [];
  for (const arg of argv) {
    if (arg === '--full') mode = 'full';
    else if (arg === '--profile') profileDir = 'out/bench/profiles';
    else if (arg === '--tiny') mode = 'tiny';
    else if (arg === '--quick') mode = 'quick';
    else if (arg.startsWith('--renderer=')) rendererDir = arg.slice('--renderer='.length);
    else if (arg.startsWith('--engine-flags='))
      engineFlags = arg.slice('--engine-flags='.length).split(/\s+/).filter(Boolean);
    else if (arg.startsWith('--only=')) {
      const wanted = arg.slice('--only='.length).split(',');
      const unknown = wanted.filter((f) => !(FIGURES as readonly string[]).includes(f));
      if (unknown.length > 0) return `unknown figure ${unknown.join(', ')}\n${USAGE}`;
      figures = FIGURES.filter((f) => wanted.includes(f));
    } else return `unknown option ${arg}\n${USAGE}`;
  }
  const sizes = mode === 'full' ? FULL : mode === 'tiny' ? TINY : QUICK;
  const jsonPath = mode === 'tiny' ? 'out/bench/results.tiny.json' : 'bench/results.json';
  return { mode, sizes, figures, jsonPath, rendererDir, engineFlags, ...(profileDir ? { profileDir } : {}) };
}
