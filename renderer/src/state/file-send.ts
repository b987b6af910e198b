// Send file, as pure parts: the chunk plan, the fields' checks, and the loop that reads one slice at
// a time and awaits each send (a slow board holds the next chunk back), stoppable at any chunk
// boundary. Reading and sending are injected, so the loop runs the same in tests.
import { t } from '../i18n';

/** The engine takes at most 16 MiB per send; a chunk is one send. */
export const MAX_CHUNK_BYTES = 16 * 1024 * 1024;

export interface ChunkPlan {
  total: number;
  chunkBytes: number;
  chunks: number;
}

export function planChunks(total: number, chunkBytes: number): ChunkPlan {
  const size = Math.max(1, Math.floor(chunkBytes));
  return { total, chunkBytes: size, chunks: Math.ceil(total / size) };
}

/** Bytes [start, end) of chunk `i`. */
export function chunkRange(plan: ChunkPlan, i: number): [number, number] {
  const start = i * plan.chunkBytes;
  return [start, Math.min(plan.total, start + plan.chunkBytes)];
}

export type FileSendFields =
  | { ok: true; chunkBytes: number; delayMs: number }
  | { ok: false; field: 'fileChunkBytes' | 'fileDelayMs'; reason: string };

export function fileSendFields(chunk: string, delay: string): FileSendFields {
  const c = chunk.trim();
  const d = delay.trim();
  if (!/^\d{1,9}$/.test(c) || Number(c) < 1 || Number(c) > MAX_CHUNK_BYTES) {
    return {
      ok: false,
      field: 'fileChunkBytes',
      reason: t('file.chunkBad', { max: MAX_CHUNK_BYTES }),
    };
  }
  if (d !== '' && (!/^\d{1,6}$/.test(d) || Number(d) > 600_000)) {
    return {
      ok: false,
      field: 'fileDelayMs',
      reason: t('file.delayBad'),
    };
  }
  return { ok: true, chunkBytes: Number(c), delayMs: d === '' ? 0 : Number(d) };
}

export interface FileSendLoop {
  plan: ChunkPlan;
  delayMs: number;
  read(start: number, end: number): Promise<Uint8Array>;
  /** Resolves once the engine has the chunk: the loop's backpressure. */
  send(bytes: Uint8Array): Promise<unknown>;
  /** Resolves after `ms`, or at once when the signal aborts. */
  wait(ms: number, signal: AbortSignal): Promise<void>;
  signal: AbortSignal;
  /** Bytes sent so far, after each chunk. */
  onProgress(sent: number): void;
  /**
   * A chunk that was on its way when the send was cancelled was refused after all: `bytes` fewer
   * went than the cancel said.
   */
  onLateRefusal?(bytes: number, error: unknown): void;
}

/** Resolves 'aborted' as soon as the signal aborts. */
const aborted = (signal: AbortSignal): Promise<'aborted'> =>
  new Promise((resolve) => signal.addEventListener('abort', () => resolve('aborted'), { once: true }));

/** 'done' when every chunk went, 'cancelled' when the signal stopped it; a failed send throws. */
export async function runFileSend(loop: FileSendLoop): Promise<'done' | 'cancelled'> {
  const { plan, signal } = loop;
  const stopped = aborted(signal);
  let sent = 0;
  for (let i = 0; i < plan.chunks; i++) {
    if (signal.aborted) return 'cancelled';
    if (i > 0 && loop.delayMs > 0) {
      await loop.wait(loop.delayMs, signal);
      if (signal.aborted) return 'cancelled';
    }
    const [start, end] = chunkRange(plan, i);
    const bytes = await loop.read(start, end);
    if (signal.aborted) return 'cancelled';
    // The chunk is handed over (the engine counts it as it arrives); a board reading slowly can hold
    // its write for many seconds, and Cancel must not wait for that.
    const sending = loop.send(bytes);
    const first = await Promise.race([sending, stopped]);
    sent += bytes.length;
    loop.onProgress(sent);
    if (first === 'aborted') {
      sending.catch((error: unknown) => loop.onLateRefusal?.(bytes.length, error));
      return 'cancelled';
    }
  }
  return 'done';
}

/** A timer that an abort cuts short, for the delay between chunks. */
export function abortableWait(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) {
      resolve();
      return;
    }
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done);
  });
}

export interface FileSendProgress {
  name: string;
  total: number;
  sent: number;
  state: 'sending' | 'done' | 'cancelled' | 'error';
  error?: string;
}

/** "4,096 / 12,345 bytes (33%)" */
export function progressText(p: FileSendProgress, count: (n: number) => string): string {
  const pct = p.total === 0 ? 100 : Math.floor((p.sent / p.total) * 100);
  return t('file.progressText', { sent: count(p.sent), total: count(p.total), pct });
}
