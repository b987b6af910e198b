// What the `socketbench` command does, with its outside world (output, browser, signals) injected
// so vitest can run it in-process. Plain Node.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { BOARD_PRESETS } from '../../shared/presets/boards';
import { formatEndpoint } from '../core/error-messages';
import { BROWSER_SETTINGS_FILE } from '../core/settings-file';
import { userDataDir } from '../core/settings-service';
import { type SimulatedBoard, startSimulatedBoard } from '../core/simulated-boards';
import { startWebServer } from '../web/server';
import { type CliCommand, parseCli, USAGE } from './args';
import { runCommand } from './run-command';

export interface CliIo {
  /** Results: browser mode's URL line, a simulated board's address line, a case run's summary. */
  stdout(line: string): void;
  /** Everything else for humans: warnings, errors, usage, progress. */
  stderr(text: string): void;
  rendererDir: string;
  openBrowser(url: string): void;
  /** Calls `stop` on SIGINT/SIGTERM; returns the unsubscribe. */
  onStopSignal(stop: () => void): () => void;
}

export const EXIT_OK = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export const browserModeLine = (url: string): string => `SocketBench browser mode: ${url}`;

function describeStartError(error: unknown, command: Extract<CliCommand, { kind: 'web' }>): string {
  const code = (error as { code?: unknown }).code;
  if (code === 'EADDRINUSE') {
    return `port ${command.port} is already in use on ${command.host}; choose another with --port, or --port 0 for any free port.`;
  }
  if (code === 'EADDRNOTAVAIL' || code === 'ENOTFOUND') {
    return `cannot listen on ${command.host}: it is not an address of this computer.`;
  }
  if (code === 'EACCES') return `not allowed to listen on port ${command.port}; use a port above 1023.`;
  return `could not start browser mode: ${error instanceof Error ? error.message : String(error)}`;
}

async function runWeb(command: Extract<CliCommand, { kind: 'web' }>, io: CliIo): Promise<number> {
  if (!existsSync(join(io.rendererDir, 'index.html'))) {
    io.stderr(
      `socketbench: the user interface is not built (no index.html in ${io.rendererDir}); run \`npm run build\` first.\n`,
    );
    return EXIT_FAILURE;
  }
  let server: Awaited<ReturnType<typeof startWebServer>>;
  try {
    server = await startWebServer({
      host: command.host,
      port: command.port,
      rendererDir: io.rendererDir,
      warn: (line) => io.stderr(`${line}\n`),
      settingsFile: join(userDataDir(command.userData), BROWSER_SETTINGS_FILE),
    });
  } catch (error) {
    io.stderr(`socketbench: ${describeStartError(error, command)}\n`);
    return EXIT_FAILURE;
  }
  const stopped = new Promise<void>((resolve) => {
    const off = io.onStopSignal(() => {
      off();
      resolve();
    });
  });
  io.stdout(browserModeLine(server.url));
  io.stderr('Press Ctrl+C to stop.\n');
  if (command.open) io.openBrowser(server.url);
  await stopped;
  await server.close();
  io.stderr('SocketBench browser mode stopped.\n');
  return EXIT_OK;
}

/** The one stdout line of `socketbench simulate`, for people and scripts. */
export const simulatedBoardLine = (board: SimulatedBoard): string => {
  const where = formatEndpoint(board.host, board.port);
  return board.kind === 'esp8266'
    ? `Simulated ${board.kind} connecting to ${where}`
    : `Simulated ${board.kind} listening on ${where}${board.kind === 'quecpython-udp' ? ' (UDP)' : ''}`;
};

async function runSimulate(command: Extract<CliCommand, { kind: 'simulate' }>, io: CliIo): Promise<number> {
  let board: SimulatedBoard;
  try {
    board = await startSimulatedBoard(command.board, {
      host: command.host,
      port: command.port,
      log: (line) => io.stderr(`${command.board}: ${line}\n`),
    });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    const why =
      code === 'EADDRINUSE'
        ? `port ${command.port} is already in use on ${command.host}; choose another with --port`
        : error instanceof Error
          ? error.message
          : String(error);
    io.stderr(`socketbench: could not start the simulated ${command.board}: ${why}\n`);
    return EXIT_FAILURE;
  }
  const stopped = new Promise<void>((resolve) => {
    const off = io.onStopSignal(() => {
      off();
      resolve();
    });
  });
  io.stdout(simulatedBoardLine(board));
  io.stderr(`${BOARD_PRESETS[command.board].behaviour}\nPress Ctrl+C to stop.\n`);
  await stopped;
  await board.close();
  return EXIT_OK;
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const command = parseCli(argv);
  switch (command.kind) {
    case 'help':
      io.stdout(USAGE.trimEnd());
      return EXIT_OK;
    case 'error':
      io.stderr(`socketbench: ${command.message}\n\n${USAGE}`);
      return EXIT_USAGE;
    case 'run': {
      const { kind: _, ...options } = command;
      return runCommand(options, io);
    }
    case 'simulate':
      return runSimulate(command, io);
    case 'web':
      return runWeb(command, io);
  }
}
