// Builds the bench (TypeScript in bench/, importing the engine and renderer state from source) with
// rolldown, the bundler the project's build already uses, into out/bench/, then runs it.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'rolldown';

const benchDir = dirname(fileURLToPath(import.meta.url));
const root = resolve(benchDir, '..');
const outDir = join(root, 'out/bench');

if (!existsSync(join(root, 'out/renderer/index.html'))) {
  process.stderr.write('bench: the user interface is not built; run `npm run build` first.\n');
  process.exit(1);
}

// Packages stay imports (resolved from node_modules at run time); the project's own files are bundled.
const isPackage = (id) => !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// Chunk names carry a hash: last build's would otherwise pile up beside this one's.
if (existsSync(outDir)) {
  for (const name of readdirSync(outDir)) if (name.endsWith('.mjs')) rmSync(join(outDir, name));
}

await build({
  input: {
    main: join(benchDir, 'main.ts'),
    'engine-host': join(benchDir, 'engine-host.ts'),
    peer: join(benchDir, 'peer.ts'),
  },
  platform: 'node',
  external: isPackage,
  logLevel: 'warn',
  output: { dir: outDir, format: 'esm', entryFileNames: '[name].mjs', chunkFileNames: '[name]-[hash].mjs' },
});

const child = spawn(process.execPath, [join(outDir, 'main.mjs'), ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: root,
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
