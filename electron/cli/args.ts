// The `socketbench` command line: what each word and flag means, and the usage text. Plain Node.
import { parseArgs } from 'node:util';

export const USAGE = `Usage: socketbench <command> [options]

Commands:
  web              Serve SocketBench to your web browser (browser mode)
  run CASE         Run a test case file (not available yet)

Options for web:
  --port N         Port to listen on, 0-65535 (default 0: any free port)
  --host H         Address to listen on (default 127.0.0.1; any other address is reachable
                   from the network, still behind the token)
  --no-open        Print the URL without opening a browser

  -h, --help       Show this help
`;

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'web'; host: string; port: number; open: boolean }
  | { kind: 'run'; casePath: string }
  | { kind: 'error'; message: string };

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'no-open': { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parsePort(text: string): number | undefined {
  if (!/^\d{1,5}$/.test(text)) return undefined;
  const port = Number(text);
  return port <= 65535 ? port : undefined;
}

export function parseCli(argv: readonly string[]): CliCommand {
  let parsed: ReturnType<typeof parseArgs<{ options: typeof OPTIONS; allowPositionals: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages run on with advice about '--'; the first sentence is the useful part.
    const text = error instanceof Error ? error.message : String(error);
    const first = text.split('\n')[0]?.split('. ')[0]?.replace(/\.$/, '');
    return { kind: 'error', message: first || 'bad arguments' };
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [command, ...rest] = positionals;
  if (command === undefined) return { kind: 'error', message: 'missing command' };
  if (command === 'help') return { kind: 'help' };

  if (command === 'web') {
    if (rest.length > 0) return { kind: 'error', message: `unexpected argument '${rest[0]}'` };
    const port = values.port === undefined ? 0 : parsePort(values.port);
    if (port === undefined) {
      return {
        kind: 'error',
        message: `--port must be a whole number from 0 to 65535, not '${values.port}'`,
      };
    }
    const host = values.host ?? '127.0.0.1';
    if (host.trim() === '') return { kind: 'error', message: '--host must not be empty' };
    return { kind: 'web', host: host.trim(), port, open: !values['no-open'] };
  }

  if (command === 'run') {
    if (values.port !== undefined || values.host !== undefined || values['no-open']) {
      return { kind: 'error', message: '--port, --host and --no-open belong to the web command' };
    }
    const [casePath, extra] = rest;
    if (casePath === undefined) return { kind: 'error', message: 'run needs a test case file' };
    if (extra !== undefined) return { kind: 'error', message: `unexpected argument '${extra}'` };
    return { kind: 'run', casePath };
  }

  return { kind: 'error', message: `unknown command '${command}'` };
}
