// The `socketbench` command line: what each word and flag means, and the usage text. Plain Node.
import { parseArgs } from 'node:util';
import { splitEndpoint } from '../../shared/net/ip';
import { BOARD_IDS, type BoardId, isBoardId } from '../../shared/presets/boards';

export const USAGE = `Usage: socketbench <command> [options]

Commands:
  web              Serve SocketBench to your web browser (browser mode)
  run CASE...      Run test case files (YAML or JSON) against boards; see docs/test-cases.md
  simulate BOARD   Run a simulated board on this computer until Ctrl+C
                   (${BOARD_IDS.join(', ')})

Options for web:
  --port N         Port to listen on, 0-65535 (default 0: any free port)
  --host H         Address to listen on (default 127.0.0.1; any other address is reachable
                   from the network, still behind the token)
  --no-open        Print the URL without opening a browser
  --user-data DIR  Keep browser mode's settings (settings-browser.json) in DIR instead of
                   SocketBench's user-data folder (also: SOCKETBENCH_USER_DATA)

Options for run:
  --host H         The board's address (a tcp-server case: the address to listen on)
  --port P         The board's port (a tcp-server case: the port to listen on)
  --var NAME=VALUE Set a variable the case uses as \${NAME} (repeatable)
  --simulate       Run each case against its simulated board on loopback
  --fan-out LIST   Run each case against several boards at once: host:port,host:port
  --junit FILE     Write a JUnit XML report
  --json FILE      Write a JSON report
  Exit status: 0 every step passed, 1 a step failed or timed out, 2 bad arguments or case file.

Options for simulate:
  --port N         Port to listen on (default 0: any free port); esp8266: the port it
                   connects to (default 8888)
  --host H         Address to listen on, or for esp8266 to connect to (default 127.0.0.1)

  -h, --help       Show this help
`;

export interface RunOptions {
  cases: string[];
  host?: string;
  port?: number;
  vars: Record<string, string>;
  simulate: boolean;
  fanOut?: { host: string; port: number }[];
  junit?: string;
  json?: string;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'web'; host: string; port: number; open: boolean; userData?: string }
  | ({ kind: 'run' } & RunOptions)
  | { kind: 'simulate'; board: BoardId; host: string; port: number }
  | { kind: 'error'; message: string };

const OPTIONS = {
  port: { type: 'string' },
  host: { type: 'string' },
  'no-open': { type: 'boolean' },
  'user-data': { type: 'string' },
  simulate: { type: 'boolean' },
  'fan-out': { type: 'string' },
  junit: { type: 'string' },
  json: { type: 'string' },
  var: { type: 'string', multiple: true },
  help: { type: 'boolean', short: 'h' },
} as const;

/** Options each command accepts; any other given option is an error naming the command. */
const ALLOWED: Record<'web' | 'run' | 'simulate', readonly string[]> = {
  web: ['port', 'host', 'no-open', 'user-data'],
  run: ['port', 'host', 'simulate', 'fan-out', 'junit', 'json', 'var'],
  simulate: ['port', 'host'],
};

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

  if (command !== 'web' && command !== 'run' && command !== 'simulate') {
    return { kind: 'error', message: `unknown command '${command}'` };
  }
  const given = Object.keys(values).filter(
    (k) => k !== 'help' && values[k as keyof typeof values] !== undefined,
  );
  const stray = given.find((k) => !ALLOWED[command].includes(k));
  if (stray) return { kind: 'error', message: `--${stray} does not apply to the ${command} command` };
  const badPort = () => ({
    kind: 'error' as const,
    message: `--port must be a whole number from 0 to 65535, not '${values.port}'`,
  });
  const port = values.port === undefined ? undefined : parsePort(values.port);
  if (values.port !== undefined && port === undefined) return badPort();
  if (values.host !== undefined && values.host.trim() === '') {
    return { kind: 'error', message: '--host must not be empty' };
  }
  const host = values.host?.trim();

  if (command === 'web') {
    if (rest.length > 0) return { kind: 'error', message: `unexpected argument '${rest[0]}'` };
    const userData = values['user-data']?.trim();
    if (values['user-data'] !== undefined && !userData) {
      return { kind: 'error', message: '--user-data must name a folder' };
    }
    return {
      kind: 'web',
      host: host ?? '127.0.0.1',
      port: port ?? 0,
      open: !values['no-open'],
      ...(userData ? { userData } : {}),
    };
  }

  if (command === 'simulate') {
    const [board, extra] = rest;
    if (board === undefined)
      return { kind: 'error', message: `simulate needs a board: ${BOARD_IDS.join(', ')}` };
    if (!isBoardId(board)) {
      return { kind: 'error', message: `unknown board '${board}'; choose one of ${BOARD_IDS.join(', ')}` };
    }
    if (extra !== undefined) return { kind: 'error', message: `unexpected argument '${extra}'` };
    if (board === 'esp8266' && port === 0) {
      return { kind: 'error', message: 'the simulated ESP8266 connects to a port: give --port 1-65535' };
    }
    return {
      kind: 'simulate',
      board,
      host: host ?? '127.0.0.1',
      port: port ?? (board === 'esp8266' ? 8888 : 0),
    };
  }

  if (rest.length === 0) return { kind: 'error', message: 'run needs a test case file' };
  const vars: Record<string, string> = {};
  for (const pair of values.var ?? []) {
    const eq = pair.indexOf('=');
    const name = eq < 0 ? '' : pair.slice(0, eq).trim();
    if (!/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) {
      return { kind: 'error', message: `--var takes NAME=VALUE, not '${pair}'` };
    }
    vars[name] = pair.slice(eq + 1);
  }
  let fanOut: { host: string; port: number }[] | undefined;
  if (values['fan-out'] !== undefined) {
    fanOut = [];
    for (const item of values['fan-out'].split(',').map((t) => t.trim())) {
      const endpoint = splitEndpoint(item);
      if (!endpoint?.address) {
        return {
          kind: 'error',
          message: `--fan-out takes host:port,host:port ...; '${item}' is not host:port`,
        };
      }
      fanOut.push({ host: endpoint.address, port: endpoint.port });
    }
    if (host !== undefined || port !== undefined) {
      return { kind: 'error', message: '--fan-out names every board; leave out --host and --port' };
    }
  }
  if (values.simulate && (fanOut || host !== undefined || port !== undefined)) {
    return {
      kind: 'error',
      message:
        '--simulate starts one board per case on a free loopback port; leave out --host, --port and --fan-out',
    };
  }
  return {
    kind: 'run',
    cases: rest,
    ...(host !== undefined ? { host } : {}),
    ...(port !== undefined ? { port } : {}),
    vars,
    simulate: values.simulate === true,
    ...(fanOut ? { fanOut } : {}),
    ...(values.junit !== undefined ? { junit: values.junit } : {}),
    ...(values.json !== undefined ? { json: values.json } : {}),
  };
}
