// Send file's pure parts: the chunk plan, the fields, and the loop: chunks in order, each send
// awaited before the next read (backpressure), the delay between chunks, cancel at a boundary
// (also in the middle of a delay), and a failed send ending the loop with its error.
import { describe, expect, it } from 'vitest';
import {
  abortableWait,
  chunkRange,
  fileSendFields,
  planChunks,
  progressText,
  runFileSend,
} from './file-send';

const file = Uint8Array.from({ length: 10 }, (_, i) => i);
const read = async (start: number, end: number) => file.slice(start, end);
const noWait = async () => undefined;

describe('file send', () => {
  it('plans whole chunks and a short last one', () => {
    const plan = planChunks(10, 4);
    expect(plan).toEqual({ total: 10, chunkBytes: 4, chunks: 3 });
    expect([0, 1, 2].map((i) => chunkRange(plan, i))).toEqual([
      [0, 4],
      [4, 8],
      [8, 10],
    ]);
    expect(planChunks(0, 4).chunks).toBe(0);
  });

  it('cancels at once while a slow board still holds a chunk, counting that chunk as handed over', async () => {
    const controller = new AbortController();
    const progress: number[] = [];
    const late: number[] = [];
    let refuse: ((error: Error) => void) | undefined;
    const outcome = runFileSend({
      plan: planChunks(10, 4),
      delayMs: 0,
      signal: controller.signal,
      read,
      send: () =>
        new Promise<void>((_, reject) => {
          refuse = reject;
        }),
      wait: noWait,
      onProgress: (n) => progress.push(n),
      onLateRefusal: (bytes) => late.push(bytes),
    });
    await new Promise((r) => setTimeout(r, 0));
    controller.abort();
    expect(await outcome).toBe('cancelled');
    expect(progress).toEqual([4]);
    // Refused after all (the board went away): the sender is told how many bytes did not go.
    refuse?.(new Error('gone'));
    await new Promise((r) => setTimeout(r, 0));
    expect(late).toEqual([4]);
  });

  it('checks the chunk size and the delay', () => {
    expect(fileSendFields('1024', '')).toEqual({ ok: true, chunkBytes: 1024, delayMs: 0 });
    expect(fileSendFields('0', '5')).toMatchObject({ ok: false, field: 'fileChunkBytes' });
    expect(fileSendFields(String(17 * 1024 * 1024), '5')).toMatchObject({
      ok: false,
      field: 'fileChunkBytes',
    });
    expect(fileSendFields('64', 'soon')).toMatchObject({ ok: false, field: 'fileDelayMs' });
  });

  it('sends every chunk in order, reading the next only once the last send is done', async () => {
    const trace: string[] = [];
    let release: (() => void) | undefined;
    const sends: Uint8Array[] = [];
    const progress: number[] = [];
    const done = runFileSend({
      plan: planChunks(10, 4),
      delayMs: 0,
      signal: new AbortController().signal,
      read: async (s, e) => {
        trace.push(`read ${s}-${e}`);
        return read(s, e);
      },
      send: (bytes) => {
        trace.push(`send ${bytes.length}`);
        sends.push(bytes);
        return new Promise<void>((r) => {
          release = r;
        });
      },
      wait: noWait,
      onProgress: (n) => progress.push(n),
    });
    // The board has not taken the first chunk: nothing more is read.
    await new Promise((r) => setTimeout(r, 0));
    expect(trace).toEqual(['read 0-4', 'send 4']);
    for (let i = 0; i < 3; i++) {
      release?.();
      await new Promise((r) => setTimeout(r, 0));
    }
    expect(await done).toBe('done');
    expect(trace).toEqual(['read 0-4', 'send 4', 'read 4-8', 'send 4', 'read 8-10', 'send 2']);
    expect(Array.from(new Uint8Array(sends.flatMap((s) => Array.from(s))))).toEqual(Array.from(file));
    expect(progress).toEqual([4, 8, 10]);
  });

  it('waits between chunks and stops at the next boundary when cancelled', async () => {
    const controller = new AbortController();
    const waits: number[] = [];
    const sent: number[] = [];
    const outcome = await runFileSend({
      plan: planChunks(10, 2),
      delayMs: 25,
      signal: controller.signal,
      read,
      send: async (bytes) => {
        sent.push(bytes.length);
        if (sent.length === 2) controller.abort();
      },
      wait: async (ms) => {
        waits.push(ms);
      },
      onProgress: () => undefined,
    });
    expect(outcome).toBe('cancelled');
    expect(sent).toEqual([2, 2]);
    expect(waits).toEqual([25]);
  });

  it('ends with the send’s error', async () => {
    const loop = runFileSend({
      plan: planChunks(10, 4),
      delayMs: 0,
      signal: new AbortController().signal,
      read,
      send: async () => {
        throw new Error('The board closed the connection.');
      },
      wait: noWait,
      onProgress: () => undefined,
    });
    await expect(loop).rejects.toThrow('The board closed the connection.');
  });

  it('cuts a delay short on cancel', async () => {
    const controller = new AbortController();
    const waiting = abortableWait(60_000, controller.signal);
    controller.abort();
    await expect(waiting).resolves.toBeUndefined();
    await expect(abortableWait(60_000, controller.signal)).resolves.toBeUndefined();
  });

  it('words the progress', () => {
    const count = (n: number) => n.toLocaleString('en-US');
    expect(progressText({ name: 'fw.bin', total: 12_345, sent: 4096, state: 'sending' }, count)).toBe(
      '4,096 / 12,345 bytes (33%)',
    );
  });
});
