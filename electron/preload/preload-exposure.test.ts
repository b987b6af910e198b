// What the real preload entry puts into the page (through a stand-in contextBridge), and the shape
// of the built preload: one sandbox-loadable CommonJS file that requires nothing but 'electron'.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS } from '../../shared/contract/api';
import { PRELOAD_GLOBAL } from '../../shared/rpc/transport';

const fakes = vi.hoisted(() => ({
  exposed: [] as Array<[string, unknown]>,
  ipc: { invoke: () => Promise.resolve(null), on: () => {}, removeListener: () => {}, send: () => {} },
}));

vi.mock('electron', () => ({
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      fakes.exposed.push([key, api]);
    },
  },
  ipcRenderer: fakes.ipc,
}));

await import('./index');

describe('the preload entry', () => {
  it('exposes one global, holding exactly the API methods and onEvents, all plain functions', () => {
    expect(fakes.exposed.map(([key]) => key)).toEqual([PRELOAD_GLOBAL]);
    const api = fakes.exposed[0]?.[1] as Record<string, unknown>;
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onEvents'].sort());
    for (const [name, value] of Object.entries(api)) {
      expect(typeof value, name).toBe('function');
      expect(value, name).not.toBe(fakes.ipc.invoke);
    }
    // Nothing of Electron crosses: not ipcRenderer, nor any of its methods.
    expect(Object.values(api)).not.toContain(fakes.ipc);
    expect(Object.values(api)).not.toContain(fakes.ipc.send);
  });
});

const BUILT_DIR = resolve(__dirname, '../../out/preload');
const BUILT = resolve(BUILT_DIR, 'index.cjs');
const built = existsSync(BUILT);
const SKIP_REASON =
  'out/preload/index.cjs is absent: run `npm run build` first (`npm test` builds before testing)';

describe('the built preload', () => {
  it('is a single CommonJS file whose only require is electron', (ctx) => {
    if (!built) return ctx.skip(SKIP_REASON);
    expect(readdirSync(BUILT_DIR).filter((name) => !name.endsWith('.map'))).toEqual(['index.cjs']);
    const code = readFileSync(BUILT, 'utf8');
    const requires = [...code.matchAll(/\brequire\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((m) => m[1]);
    expect([...new Set(requires)]).toEqual(['electron']);
    // A sandboxed preload cannot load ES modules or anything from disk.
    expect(code).not.toMatch(/^\s*import\s|\bimport\(/m);
    expect(code).toContain('exposeInMainWorld');
  });
});
