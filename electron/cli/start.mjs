// `npm start`: build and open the desktop app; where the Electron binary is missing, fetch it once
// if the network allows, else say so in one sentence and offer browser mode. Runs before any build.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const requireFromRoot = createRequire(join(root, 'package.json'));
/** V8 options for the engine's process (v8-flags.json says why in docs/decisions.md). */
const ENGINE_V8_FLAGS = createRequire(import.meta.url)('./v8-flags.json').engine;
/** Offline, the download fails within seconds; online, a minute covers Electron's ~100 MB archive. */
const INSTALL_TIMEOUT_MS = 60_000;

const MISSING =
  'SocketBench cannot open the desktop app: the Electron binary is not installed ' +
  '(node_modules/electron/dist is missing). Run `npm install` with internet access to fetch it, ' +
  'or use browser mode: `npm run web`.';

/** The Electron executable, or undefined. electron/index.js throws when its download never happened. */
function electronBinary() {
  try {
    const id = requireFromRoot.resolve('electron');
    delete requireFromRoot.cache[id];
    const path = requireFromRoot(id);
    return typeof path === 'string' && existsSync(path) ? path : undefined;
  } catch {
    return undefined;
  }
}

/** Electron's own installer, run once; true when it reported success. */
function tryInstallElectron() {
  if (process.env.ELECTRON_SKIP_BINARY_DOWNLOAD) return false;
  const installer = join(root, 'node_modules', 'electron', 'install.js');
  if (!existsSync(installer)) return false;
  process.stderr.write('The Electron binary is missing; trying to download it (up to a minute)...\n');
  // Its output on failure is a stack trace; the sentence below says what matters instead.
  const result = spawnSync(process.execPath, [installer], {
    cwd: dirname(installer),
    stdio: 'ignore',
    timeout: INSTALL_TIMEOUT_MS,
  });
  return result.status === 0;
}

/** Runs a command with the terminal attached; resolves with its exit code. */
function run(command, args, env = process.env) {
  return new Promise((done) => {
    const child = spawn(command, args, { cwd: root, stdio: 'inherit', env });
    // Ctrl+C already reaches the child (same process group), so this process only waits for it;
    // a SIGTERM sent to this process alone is passed on.
    const ignore = () => {};
    const forward = (signal) => child.kill(signal);
    process.on('SIGINT', ignore);
    process.on('SIGTERM', forward);
    const finish = (code) => {
      process.off('SIGINT', ignore);
      process.off('SIGTERM', forward);
      done(code);
    };
    child.on('error', (error) => {
      process.stderr.write(`SocketBench could not run ${command}: ${error.message}\n`);
      finish(1);
    });
    child.on('exit', (code, signal) => finish(code ?? (signal ? 1 : 0)));
  });
}

const build = () =>
  run(process.execPath, [join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build']);

function ask(question) {
  return new Promise((done) => {
    const rl = createInterface({ input: process.stdin, output: process.stderr });
    let answered = false;
    rl.question(question, (answer) => {
      answered = true;
      rl.close();
      done(answer);
    });
    // Ctrl+D or a closed terminal counts as no.
    rl.on('close', () => {
      if (!answered) done('n');
    });
  });
}

async function main() {
  let electron = electronBinary();
  if (!electron && tryInstallElectron()) electron = electronBinary();

  if (electron) {
    const built = await build();
    if (built !== 0) return built;
    // Set by some editors' terminals, it would make Electron behave as plain Node.
    const env = { ...process.env };
    delete env.ELECTRON_RUN_AS_NODE;
    // The engine runs in Electron's main process, which takes V8 options only from its command line.
    return run(electron, [`--js-flags=${ENGINE_V8_FLAGS.join(' ')}`, '.'], env);
  }

  process.stderr.write(`${MISSING}\n`);
  if (!process.stdin.isTTY) return 1;
  const answer = (await ask('Start browser mode now? [Y/n] ')).trim().toLowerCase();
  if (answer !== '' && answer !== 'y' && answer !== 'yes') return 1;
  const built = await build();
  if (built !== 0) return built;
  return run(process.execPath, [...ENGINE_V8_FLAGS, join(root, 'out', 'main', 'cli.js'), 'web']);
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(
      `SocketBench could not start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  },
);
