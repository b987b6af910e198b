// Request / reply over a forked child's IPC channel: the bench drives its helper processes (the
// engine in browser mode, the load generator, the raw reference) with named commands.
import { type ChildProcess, fork } from 'node:child_process';

type Handler = (args: never) => unknown;
export type Handlers = Record<string, Handler>;

interface Request {
  id: number;
  cmd: string;
  args: unknown;
}

interface Reply {
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** The child's side: answers each request with its handler's result (or its error's text). */
export function serve(handlers: Handlers): void {
  process.on('message', (message: Request) => {
    const { id, cmd, args } = message;
    const handler = handlers[cmd] as ((args: unknown) => unknown) | undefined;
    const reply = (r: Reply) => process.send?.(r);
    if (!handler) {
      reply({ id, ok: false, error: `unknown command ${cmd}` });
      return;
    }
    Promise.resolve()
      .then(() => handler(args))
      .then(
        (value) => reply({ id, ok: true, value }),
        (err: unknown) =>
          reply({ id, ok: false, error: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
  });
  // The parent going away ends the child, so a crashed bench leaves no process behind.
  process.on('disconnect', () => process.exit(0));
}

export interface Child {
  readonly process: ChildProcess;
  call<T>(cmd: string, args?: unknown): Promise<T>;
  /** Asks the child to leave and waits until it has. */
  stop(): Promise<void>;
}

/** Forks a bench entry; `hello` is the first message it sends once ready. */
export async function forkChild<H>(
  file: string,
  argv: string[] = [],
  execArgv: string[] = [],
): Promise<{ child: Child; hello: H }> {
  const proc = fork(file, argv, {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    execArgv,
  });
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  const hello = await new Promise<H>((resolve, reject) => {
    proc.once('message', (m) => resolve(m as H));
    proc.once('exit', (code) => reject(new Error(`${file} exited (${code}) before it was ready`)));
  });
  proc.on('message', (m: Reply) => {
    const waiter = pending.get(m.id);
    if (!waiter) return;
    pending.delete(m.id);
    if (m.ok) waiter.resolve(m.value);
    else waiter.reject(new Error(m.error));
  });
  void exited.then(() => {
    for (const w of pending.values()) w.reject(new Error(`${file} exited`));
    pending.clear();
  });
  const child: Child = {
    process: proc,
    call<T>(cmd: string, args?: unknown): Promise<T> {
      const id = nextId++;
      return new Promise<T>((resolve, reject) => {
        pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
        proc.send({ id, cmd, args } satisfies Request);
      });
    },
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      await exited;
    },
  };
  return { child, hello };
}
