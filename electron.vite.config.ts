// Build of the three Electron targets. The main target also emits the CLI (browser mode), which
// shares the engine but never loads 'electron'.
import { chmodSync } from 'node:fs';
import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

/** The `socketbench` command is out/main/cli.js: a rebuild must leave it executable, as npm made it. */
const executableCli = {
  name: 'socketbench-executable-cli',
  writeBundle() {
    chmodSync(resolve(__dirname, 'out/main/cli.js'), 0o755);
  },
};

export default defineConfig({
  main: {
    plugins: [executableCli],
    build: {
      outDir: 'out/main',
      rolldownOptions: {
        input: {
          index: resolve(__dirname, 'electron/main/index.ts'),
          cli: resolve(__dirname, 'electron/cli/index.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      // A sandboxed preload must be one self-contained CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Half the bytes to parse at start-up; the source stays readable in the repository.
      minify: true,
      // The first screen is one chunk of about 620 KB (190 kB gzipped, React DOM a third of it),
      // which `npm run bench` holds to its own budget (under 300 kB gzipped); Vite's generic
      // 500 KB warning would only repeat that in every build.
      chunkSizeWarningLimit: 800,
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
  },
});
