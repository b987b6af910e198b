// Capture to file: every byte of a session, both directions, in order, to the file the user chose,
// with an index of chunks (offset, length, time, direction, peer) beside it. Plain Node.
import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import { unlink } from 'node:fs/promises';
import type { Phrase } from '../../shared/contract/model';
import type { MessageKey } from '../../shared/i18n/catalog';
import { type PhraseParams, said } from './engine-said';

export type CaptureDirection = 'rx' | 'tx';

export interface CaptureOptions {
  /** The data file; the index goes to `path + INDEX_SUFFIX`. */
  path: string;
  /** Replace files that exist (default true); false refuses with EEXIST instead. */
  overwrite?: boolean;
  /** Queued bytes at which needsDrain() turns true and the source should pause (default 8 MiB). */
  highWaterBytes?: number;
  /**
   * Queued bytes at which the capture gives up with an error (default 256 MiB). A TCP source that
   * pauses on needsDrain() never gets near it; it bounds memory for sources that cannot pause
   * (UDP) when the disk is slower than the network.
   */
  maxQueuedBytes?: number;
}

export interface CaptureTotals {
  bytes: number;
  records: number;
}

export interface Capture {
  /**
   * Queue one chunk. Never drops: the chunk is written unless the capture has failed (then
   * onError has said so). The bytes are written as they are later, so the caller must not
   * modify them afterwards (socket chunks and encoded sends never are).
   */
  write(direction: CaptureDirection, at: number, peer: string, bytes: Uint8Array): void;
  /** True while the queue is at or above highWaterBytes: pause the source until onDrain. */
  needsDrain(): boolean;
  /** Called once the queue is below highWaterBytes again after needsDrain() was true. */
  onDrain(listener: () => void): () => void;
  /** Called once if the capture fails (disk full, queue limit); nothing is written after it. */
  onError(listener: (error: CaptureError) => void): () => void;
  /** Flush and close both files. Rejects with the failure if the capture failed. */
  close(): Promise<CaptureTotals>;
}

export const INDEX_SUFFIX = '.idx.csv';
export const INDEX_HEADER = 'offset,length,time_ms,direction,peer\n';
export const DEFAULT_CAPTURE_HIGH_WATER_BYTES = 8 * 1024 * 1024;
export const DEFAULT_CAPTURE_MAX_QUEUED_BYTES = 256 * 1024 * 1024;

/** A capture failure: a system code (EISDIR, ENOSPC ...) or CAPTURE_BEHIND, and a sentence. */
export class CaptureError extends Error {
  /** `message` as a catalogue key and values. */
  readonly detail: Phrase;
  constructor(
    readonly code: string,
    key: MessageKey,
    params: PhraseParams,
  ) {
    const sentence = said(key, params);
    super(sentence.message);
    this.name = 'CaptureError';
    this.detail = sentence.detail;
  }
}

const FS_SENTENCES: Readonly<Record<string, MessageKey>> = {
  EISDIR: 'error.capture.EISDIR',
  ENOENT: 'error.capture.ENOENT',
  ENOTDIR: 'error.capture.ENOTDIR',
  EACCES: 'error.capture.EACCES',
  EPERM: 'error.capture.EACCES',
  EEXIST: 'error.capture.EEXIST',
  EROFS: 'error.capture.EROFS',
  ENOSPC: 'error.capture.ENOSPC',
  EDQUOT: 'error.capture.ENOSPC',
};

function describeFsError(error: unknown, path: string): CaptureError {
  const code = String((error as { code?: unknown })?.code ?? 'EIO');
  const key = Object.hasOwn(FS_SENTENCES, code) ? FS_SENTENCES[code] : undefined;
  if (key) return new CaptureError(code, key, { path });
  // The system's own words for a failure without a sentence of ours.
  const reason = String((error as { message?: unknown })?.message ?? code);
  return new CaptureError(code, 'error.capture.failed', { path, reason });
}

/** A peer never holds a comma or a quote, but the index stays valid CSV if one ever does. */
const csvField = (s: string): string => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);

function openStream(path: string, highWaterMark: number, flags: string): Promise<WriteStream> {
  return new Promise((resolve, reject) => {
    const stream = createWriteStream(path, { flags, highWaterMark });
    const onError = (error: unknown): void => {
      stream.off('ready', onReady);
      reject(error);
    };
    const onReady = (): void => {
      stream.off('error', onError);
      resolve(stream);
    };
    stream.once('error', onError);
    stream.once('ready', onReady);
  });
}

/**
 * Open the data file and its index; rejects with a CaptureError sentence if either cannot be
 * created (a folder's path, a missing folder, no permission).
 *
 * Lossless by back-pressure, not by dropping: the session pauses its socket while needsDrain()
 * is true and resumes on onDrain, so the queue stays near highWaterBytes however fast the board
 * sends. Only a source that cannot pause can push the queue to maxQueuedBytes; then the capture
 * fails loudly, leaving files that hold exactly the chunks the index lists.
 */
export async function createCapture(options: CaptureOptions): Promise<Capture> {
  const { path } = options;
  const highWater = options.highWaterBytes ?? DEFAULT_CAPTURE_HIGH_WATER_BYTES;
  const maxQueued = options.maxQueuedBytes ?? DEFAULT_CAPTURE_MAX_QUEUED_BYTES;
  const overwrite = options.overwrite ?? true;
  const flags = overwrite ? 'w' : 'wx';
  let data: WriteStream;
  let index: WriteStream;
  try {
    data = await openStream(path, highWater, flags);
  } catch (error) {
    throw describeFsError(error, path);
  }
  try {
    index = await openStream(path + INDEX_SUFFIX, Math.max(16 * 1024, highWater >> 4), flags);
  } catch (error) {
    data.destroy();
    // The data file was made just now, by this call: leave nothing half made behind (closed
    // first, since Windows refuses to delete an open file).
    if (!overwrite) {
      if (!data.closed) await once(data, 'close').catch(() => undefined);
      await unlink(path).catch(() => undefined);
    }
    throw describeFsError(error, path + INDEX_SUFFIX);
  }

  const drainListeners = new Set<() => void>();
  const errorListeners = new Set<(error: CaptureError) => void>();
  let offset = 0;
  let records = 0;
  let failure: CaptureError | undefined;
  let waitingForDrain = false;
  let closing: Promise<CaptureTotals> | undefined;

  const queued = (): number => data.writableLength + index.writableLength;
  const needsDrain = (): boolean => queued() >= highWater;

  function fail(error: CaptureError): void {
    if (failure) return;
    failure = error;
    for (const listener of errorListeners) listener(error);
  }
  const onStreamError = (error: unknown): void => fail(describeFsError(error, path));
  data.on('error', onStreamError);
  index.on('error', onStreamError);

  // Checked after every completed write of either file (not on the streams' own 'drain', which
  // each fires only for its own threshold), so the sum of both queues decides.
  const afterWrite = (error?: Error | null): void => {
    if (error) onStreamError(error);
    if (!waitingForDrain || needsDrain()) return;
    waitingForDrain = false;
    for (const listener of drainListeners) listener();
  };
  index.write(INDEX_HEADER, afterWrite);

  return {
    write(direction, at, peer, bytes) {
      if (closing) throw new Error('Capture is closed.');
      if (failure || bytes.length === 0) return;
      if (queued() + bytes.length > maxQueued) {
        fail(
          new CaptureError('CAPTURE_BEHIND', 'error.capture.behind', {
            path,
            mib: Math.round(maxQueued / (1024 * 1024)),
          }),
        );
        return;
      }
      data.write(bytes, afterWrite);
      index.write(`${offset},${bytes.length},${at},${direction},${csvField(peer)}\n`, afterWrite);
      offset += bytes.length;
      records++;
      if (needsDrain()) waitingForDrain = true;
    },
    needsDrain,
    onDrain(listener) {
      drainListeners.add(listener);
      return () => drainListeners.delete(listener);
    },
    onError(listener) {
      errorListeners.add(listener);
      return () => errorListeners.delete(listener);
    },
    close() {
      closing ??= (async () => {
        const finished = [data, index].map(async (stream) => {
          if (stream.destroyed) return;
          stream.end();
          await once(stream, 'close').catch(() => undefined);
        });
        await Promise.all(finished);
        drainListeners.clear();
        errorListeners.clear();
        if (failure) throw failure;
        return { bytes: offset, records };
      })();
      return closing;
    },
  };
}
