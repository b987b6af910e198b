import { createHash } from 'node:crypto';
import { createReadStream, existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type Capture, CaptureError, createCapture, INDEX_HEADER, INDEX_SUFFIX } from './capture';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-capture-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** 64 KiB of pseudo-random bytes, different for every k. */
function chunk(k: number, size = 64 * 1024): Uint8Array {
  const words = new Uint32Array(size / 4);
  let x = (k * 2654435761) >>> 0 || 1;
  for (let i = 0; i < words.length; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    words[i] = x >>> 0;
  }
  return new Uint8Array(words.buffer);
}

async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  for await (const piece of createReadStream(path)) hash.update(piece as Buffer);
  return hash.digest('hex');
}

const waitForDrain = (capture: Capture): Promise<void> =>
  new Promise((resolve) => {
    const off = capture.onDrain(() => {
      off();
      resolve();
    });
  });

interface IndexRow {
  offset: number;
  length: number;
  time: number;
  direction: string;
  peer: string;
}
async function readIndex(path: string): Promise<IndexRow[]> {
  const text = await readFile(path + INDEX_SUFFIX, 'utf8');
  expect(text.startsWith(INDEX_HEADER)).toBe(true);
  return text
    .slice(INDEX_HEADER.length)
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => {
      const [offset, length, time, direction, peer] = line.split(',');
      return {
        offset: Number(offset),
        length: Number(length),
        time: Number(time),
        direction,
        peer,
      } as IndexRow;
    });
}

describe('capture to file', () => {
  it('writes a 256 MiB stream in 64 KiB chunks byte-exact, pausing on back-pressure', async () => {
    const path = join(dir, 'flood.bin');
    const capture = await createCapture({ path });
    const sent = createHash('sha256');
    const chunks = 4096;
    let pauses = 0;
    for (let k = 0; k < chunks; k++) {
      if (capture.needsDrain()) {
        pauses++;
        await waitForDrain(capture);
      }
      const bytes = chunk(k);
      sent.update(bytes);
      capture.write('rx', 1_700_000_000_000 + k, '127.0.0.1:9000', bytes);
    }
    expect(await capture.close()).toEqual({ bytes: 256 * 1024 * 1024, records: chunks });
    // The source really was paused: the queue filled faster than the disk took it.
    expect(pauses).toBeGreaterThan(0);
    expect((await stat(path)).size).toBe(256 * 1024 * 1024);
    expect(await sha256File(path)).toBe(sent.digest('hex'));
    const index = await readIndex(path);
    expect(index).toHaveLength(chunks);
    expect(index[4095]).toEqual({
      offset: 4095 * 65536,
      length: 65536,
      time: 1_700_000_000_000 + 4095,
      direction: 'rx',
      peer: '127.0.0.1:9000',
    });
  }, 120_000);

  it('interleaves both directions in order and indexes every chunk', async () => {
    const path = join(dir, 'session.bin');
    const capture = await createCapture({ path });
    const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
    capture.write('tx', 10, '[::1]:8087', ascii('AT\r\n'));
    capture.write('rx', 12, '[::1]:8087', ascii('OK\r\n'));
    capture.write('rx', 13, '[::1]:8087', new Uint8Array(0));
    capture.write('rx', 15, '192.168.1.50:4001', Uint8Array.of(0, 0xff));
    expect(await capture.close()).toEqual({ bytes: 10, records: 3 });
    expect([...(await readFile(path))]).toEqual([...ascii('AT\r\nOK\r\n'), 0, 0xff]);
    expect(await readIndex(path)).toEqual([
      { offset: 0, length: 4, time: 10, direction: 'tx', peer: '[::1]:8087' },
      { offset: 4, length: 4, time: 12, direction: 'rx', peer: '[::1]:8087' },
      { offset: 8, length: 2, time: 15, direction: 'rx', peer: '192.168.1.50:4001' },
    ]);
  });

  it('closes once, and refuses writes after close', async () => {
    const capture = await createCapture({ path: join(dir, 'c.bin') });
    const first = capture.close();
    expect(capture.close()).toBe(first);
    await first;
    expect(() => capture.write('rx', 1, 'p', Uint8Array.of(1))).toThrow('Capture is closed.');
  });

  it('says so in a sentence when the path is a folder', async () => {
    const attempt = createCapture({ path: dir });
    await expect(attempt).rejects.toBeInstanceOf(CaptureError);
    await expect(attempt).rejects.toMatchObject({
      code: 'EISDIR',
      message: `Cannot capture to "${dir}": it is a folder. Choose a file name.`,
    });
  });

  it('says so when the folder does not exist, or the index cannot be made', async () => {
    const missing = join(dir, 'no-such-folder', 'x.bin');
    await expect(createCapture({ path: missing })).rejects.toMatchObject({
      code: 'ENOENT',
      message: `Cannot capture to "${missing}": its folder does not exist.`,
    });
    const path = join(dir, 'x.bin');
    await mkdir(path + INDEX_SUFFIX);
    await expect(createCapture({ path })).rejects.toMatchObject({
      code: 'EISDIR',
      message: `Cannot capture to "${path + INDEX_SUFFIX}": it is a folder. Choose a file name.`,
    });
  });

  it('fails loudly, never silently, when a source that cannot pause outruns the disk', async () => {
    const path = join(dir, 'udp.bin');
    const capture = await createCapture({ path, highWaterBytes: 256 * 1024, maxQueuedBytes: 1024 * 1024 });
    const errors: CaptureError[] = [];
    capture.onError((error) => errors.push(error));
    for (let k = 0; k < 64; k++) capture.write('rx', k, '127.0.0.1:5000', chunk(k));
    expect(errors.map((e) => e.code)).toEqual(['CAPTURE_BEHIND']);
    expect(errors[0]?.message).toBe(
      `Capture to "${path}" stopped: the disk fell 1 MiB behind the traffic. The file holds everything up to that point.`,
    );
    await expect(capture.close()).rejects.toBe(errors[0]);
    // What was accepted is on disk, exactly as the index lists it.
    const index = await readIndex(path);
    const data = await readFile(path);
    expect(index.length).toBeGreaterThan(0);
    expect(data.length).toBe(index.reduce((n, row) => n + row.length, 0));
    const expected = Buffer.concat(index.map((_, k) => chunk(k)));
    expect(data.equals(expected)).toBe(true);
  });

  it.skipIf(!existsSync('/dev/full'))('reports a full disk', async () => {
    const path = join(dir, 'full.bin');
    await symlink('/dev/full', path);
    const capture = await createCapture({ path });
    const failed = new Promise<CaptureError>((resolve) => capture.onError(resolve));
    capture.write('rx', 1, '127.0.0.1:1', chunk(1));
    const error = await failed;
    expect(error).toMatchObject({
      code: 'ENOSPC',
      message: `Capture to "${path}" stopped: the disk is full.`,
    });
    await expect(capture.close()).rejects.toBe(error);
  });
});
