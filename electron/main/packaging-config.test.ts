// electron-builder.yml checked offline: loaded and validated by electron-builder's own code against its
// schema (what it does before downloading Electron), every file it names present, every icon size there.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseDocument } from 'yaml';

const ROOT = resolve(__dirname, '../..');
const CONFIG_FILE = 'electron-builder.yml';

type Config = Record<string, unknown>;
interface ConfigModule {
  getConfig(projectDir: string, configPath: string | null, fromOptions: Config | null): Promise<Config>;
  validateConfiguration(config: Config, debugLogger: unknown): Promise<void>;
}

// The copy of app-builder-lib that electron-builder itself runs, wherever npm placed it.
const builderRequire = createRequire(createRequire(join(ROOT, 'package.json')).resolve('electron-builder'));
const configModule = builderRequire('app-builder-lib/out/util/config/config') as ConfigModule;
const { DebugLogger } = builderRequire('builder-util') as { DebugLogger: new (enabled: boolean) => unknown };

/** Loads a project's configuration and validates it exactly as `electron-builder` does at its start. */
async function loadAndValidate(projectDir: string): Promise<Config> {
  const config = await configModule.getConfig(projectDir, null, null);
  await configModule.validateConfiguration(config, new DebugLogger(false));
  return config;
}

const scratch: string[] = [];
afterAll(() => {
  for (const dir of scratch) rmSync(dir, { recursive: true, force: true });
});

/** A project folder holding package.json and a changed copy of the configuration. */
function brokenCopy(edit: (doc: ReturnType<typeof parseDocument>) => void): string {
  const dir = mkdtempSync(join(tmpdir(), 'socketbench-builder-'));
  scratch.push(dir);
  cpSync(join(ROOT, 'package.json'), join(dir, 'package.json'));
  const doc = parseDocument(readFileSync(join(ROOT, CONFIG_FILE), 'utf8'));
  edit(doc);
  writeFileSync(join(dir, CONFIG_FILE), doc.toString());
  return dir;
}

const at = (config: Config, ...path: string[]): unknown =>
  path.reduce<unknown>((v, key) => (v as Config | undefined)?.[key], config);

/** Every string in the configuration that names a file in the resources folder. */
function resourcePaths(value: unknown, found: string[] = []): string[] {
  if (typeof value === 'string' && value.startsWith('build/')) found.push(value);
  else if (Array.isArray(value)) for (const v of value) resourcePaths(v, found);
  else if (value && typeof value === 'object') for (const v of Object.values(value)) resourcePaths(v, found);
  return found;
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Uint8Array): [number, number] {
  const view = Buffer.from(bytes);
  expect(view.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [view.readUInt32BE(16), view.readUInt32BE(20)];
}

const read = (path: string) => readFileSync(join(ROOT, path));
const targetNames = (targets: unknown) => (targets as { target: string }[]).map((t) => t.target);

describe('electron-builder.yml', async () => {
  const config = await loadAndValidate(ROOT);

  it("passes electron-builder's own schema validation", () => {
    expect(config.appId).toBe('dev.socketbench.app');
    expect(config.productName).toBe('SocketBench');
  });

  it('builds every package the release needs', () => {
    expect(targetNames(at(config, 'win', 'target'))).toEqual(['nsis', 'portable']);
    const mac = at(config, 'mac', 'target') as { target: string; arch: string[] }[];
    expect(mac).toEqual([{ target: 'dmg', arch: ['x64', 'arm64'] }]);
    expect(at(config, 'mac', 'hardenedRuntime')).toBe(true);
    expect(targetNames(at(config, 'linux', 'target'))).toEqual(['AppImage', 'deb']);
    for (const key of ['maintainer', 'synopsis', 'category']) {
      expect(at(config, 'linux', key), `linux.${key}`).toEqual(expect.any(String));
    }
  });

  it("takes the version from package.json and puts it in every artifact's name", () => {
    const pkg = JSON.parse(read('package.json').toString()) as { version: string; main: string };
    expect(pkg.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(at(config, 'extraMetadata', 'version')).toBeUndefined();
    expect(config.buildVersion).toBeUndefined();
    const names = [
      config.artifactName,
      at(config, 'nsis', 'artifactName'),
      at(config, 'portable', 'artifactName'),
      at(config, 'dmg', 'artifactName'),
    ];
    for (const name of names)
      expect(name).toMatch(/^\$\{productName\}-\$\{version\}-.*\$\{arch\}.*\.\$\{ext\}$/);
    // The nsis and portable targets write .exe files into one folder: their names must differ.
    expect(new Set(names).size).toBe(names.length);
    expect(pkg.main.startsWith('out/')).toBe(true);
  });

  it('names only files that exist', () => {
    const paths = resourcePaths(config);
    for (const required of [
      'build/icon.ico',
      'build/icon.icns',
      'build/icons',
      'build/entitlements.mac.plist',
      'build/entitlements.mac.inherit.plist',
    ]) {
      expect(paths).toContain(required);
    }
    for (const path of paths)
      expect(() => read(path.endsWith('icons') ? `${path}/16x16.png` : path)).not.toThrow();
  });

  it('gives the hardened runtime JIT and the network, nothing more', () => {
    const keys = (path: string) =>
      [
        ...read(path)
          .toString()
          .matchAll(/<key>([^<]+)<\/key>/g),
      ].map((m) => m[1]);
    expect(keys('build/entitlements.mac.plist')).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.network.client',
      'com.apple.security.network.server',
    ]);
    expect(keys('build/entitlements.mac.inherit.plist')).toEqual([
      'com.apple.security.cs.allow-jit',
      'com.apple.security.network.client',
    ]);
  });
});

describe('the icons', () => {
  it('has a Linux PNG for every size from 16 to 512', () => {
    for (const size of [16, 24, 32, 48, 64, 128, 256, 512]) {
      expect(pngSize(read(`build/icons/${size}x${size}.png`)), `${size}x${size}.png`).toEqual([size, size]);
    }
    expect(pngSize(read('build/icon.png'))).toEqual([512, 512]);
  });

  it('has a Windows .ico from 16 to 256', () => {
    const ico = read('build/icon.ico');
    expect([ico.readUInt16LE(0), ico.readUInt16LE(2)]).toEqual([0, 1]);
    const count = ico.readUInt16LE(4);
    // A width byte of 0 means 256.
    const sizes = Array.from({ length: count }, (_, i) => ico[6 + i * 16] || 256);
    expect(sizes.sort((a, b) => a - b)).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('has a macOS .icns with 1x and 2x PNGs up to 512', () => {
    const icns = read('build/icon.icns');
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const entries = new Map<string, number>();
    for (let offset = 8; offset < icns.length; ) {
      const length = icns.readUInt32BE(offset + 4);
      const [width] = pngSize(icns.subarray(offset + 8, offset + length));
      entries.set(icns.subarray(offset, offset + 4).toString('latin1'), width);
      offset += length;
    }
    expect(Object.fromEntries(entries)).toEqual({
      icp4: 16,
      icp5: 32,
      icp6: 64,
      ic07: 128,
      ic08: 256,
      ic09: 512,
      ic11: 32,
      ic12: 64,
      ic13: 256,
      ic14: 512,
    });
  });
});

describe('a broken configuration', () => {
  it('fails on a key electron-builder does not know', async () => {
    const dir = brokenCopy((doc) => doc.set('hardenedRuntme', true));
    await expect(loadAndValidate(dir)).rejects.toThrow(/Invalid configuration object[\s\S]*hardenedRuntme/);
  });

  it('fails on a misspelt option inside a platform', async () => {
    const dir = brokenCopy((doc) => doc.setIn(['mac', 'entitlement'], 'build/entitlements.mac.plist'));
    await expect(loadAndValidate(dir)).rejects.toThrow(
      /Invalid configuration object[\s\S]*configuration\.mac/,
    );
  });

  it('fails on a value of the wrong kind', async () => {
    const dir = brokenCopy((doc) => doc.setIn(['nsis', 'oneClick'], 'sometimes'));
    await expect(loadAndValidate(dir)).rejects.toThrow(/Invalid configuration object[\s\S]*oneClick/);
  });
});
