// Makes every icon the desktop packages need from build/icon.png (512 px): icon.ico for Windows,
// icon.icns for macOS and icons/<size>x<size>.png for Linux. Needs ImageMagick's `convert`.
// Run by hand after changing icon.png (`node build/make-icons.mjs`) and commit the results; CI and
// packaging only read the committed files.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const source = join(here, 'icon.png');

/** Linux desktops pick the nearest size from hicolor; 512 is the largest the source gives. */
export const LINUX_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
/** Windows uses 16 (title bar), 24/32 (taskbar), 48 (Explorer), 64/128 and 256 (large icons, installer). */
export const ICO_SIZES = [256, 128, 64, 48, 32, 24, 16];
/**
 * macOS icon types that hold PNG data, with their pixel size: 1x and 2x (Retina) for 16 to 256.
 * ic10 (512@2x, 1024 px) is left out: the source is 512 px and an upscaled copy adds nothing.
 */
export const ICNS_TYPES = [
  ['icp4', 16],
  ['icp5', 32],
  ['icp6', 64],
  ['ic07', 128],
  ['ic08', 256],
  ['ic09', 512],
  ['ic11', 32],
  ['ic12', 64],
  ['ic13', 256],
  ['ic14', 512],
];

// No timestamps or tool comments in the files, so making them again gives the same bytes.
const REPRODUCIBLE = ['-strip', '-define', 'png:exclude-chunks=date,time'];

function png(size, out) {
  execFileSync('convert', [source, '-resize', `${size}x${size}`, ...REPRODUCIBLE, `PNG32:${out}`]);
}

function icns(pngFor) {
  const entries = ICNS_TYPES.map(([type, size]) => {
    const data = readFileSync(pngFor(size));
    const head = Buffer.alloc(8);
    head.write(type, 0, 'latin1');
    head.writeUInt32BE(data.length + 8, 4);
    return Buffer.concat([head, data]);
  });
  const body = Buffer.concat(entries);
  const head = Buffer.alloc(8);
  head.write('icns', 0, 'latin1');
  head.writeUInt32BE(body.length + 8, 4);
  return Buffer.concat([head, body]);
}

function main() {
  const scratch = mkdtempSync(join(tmpdir(), 'socketbench-icons-'));
  try {
    const sizes = [...new Set([...LINUX_SIZES, ...ICO_SIZES, ...ICNS_TYPES.map(([, size]) => size)])];
    const pngFor = (size) => join(scratch, `${size}.png`);
    for (const size of sizes) png(size, pngFor(size));

    mkdirSync(join(here, 'icons'), { recursive: true });
    for (const size of LINUX_SIZES) {
      writeFileSync(join(here, 'icons', `${size}x${size}.png`), readFileSync(pngFor(size)));
    }
    execFileSync('convert', [...ICO_SIZES.map(pngFor), ...REPRODUCIBLE, join(here, 'icon.ico')]);
    writeFileSync(join(here, 'icon.icns'), icns(pngFor));
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

main();
