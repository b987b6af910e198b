#!/usr/bin/env -S node --initial-old-space-size=64
// The `socketbench` command (built to out/main/cli.js): browser mode, test case runs, simulated boards.
// Plain Node: never loads 'electron'.
import { join } from 'node:path';
import { openBrowser } from './open-browser';
import { runCli } from './run-cli';

/** After a stop, anything still holding the event loop gets this long before the process leaves. */
const EXIT_GRACE_MS = 2000;

runCli(process.argv.slice(2), {
  stdout: (line) => process.stdout.write(`${line}\n`),
  stderr: (text) => process.stderr.write(text),
  // The built layout: out/main/cli.js next to out/renderer/.
  rendererDir: join(__dirname, '../renderer'),
  openBrowser,
  onStopSignal(stop) {
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    return () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
    };
  },
}).then(
  (code) => {
    process.exitCode = code;
    setTimeout(() => process.exit(code), EXIT_GRACE_MS).unref();
  },
  (error: unknown) => {
    process.stderr.write(`socketbench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
