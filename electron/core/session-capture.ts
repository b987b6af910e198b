// Capture to file for one session: checks the path the user gave, records every byte the session
// moves (through its tap), holds TCP boards back while the disk catches up, reports progress. Plain Node.
import { stat } from 'node:fs/promises';
import { isAbsolute } from 'node:path';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type { CaptureStatus, SessionId } from '../../shared/contract/model';
import { type Capture, CaptureError, createCapture, INDEX_SUFFIX } from './capture';
import { refusal } from './engine-said';
import type { ByteTap, EngineSession } from './session';

/** Progress events while bytes flow: often enough for a live figure, rare enough to cost nothing. */
export const CAPTURE_PROGRESS_MS = 250;

export interface SessionCaptureOptions {
  id: SessionId;
  emit: EventSink;
  now: () => number;
  session: EngineSession;
  /** Absolute; in browser mode the user types it, so it is checked here, not trusted. */
  path: string;
  /** Passed to createCapture; tests make them small. */
  highWaterBytes?: number;
  maxQueuedBytes?: number;
}

const fullPathExample = (): string =>
  process.platform === 'win32' ? 'C:\\Users\\you\\capture.bin' : '/home/you/capture.bin';

/**
 * A relative path would land wherever the engine was started, so it is refused; so is any file
 * that exists (the data file or its index): the path may be typed in a browser, and a capture
 * that silently replaced a file the user forgot about would destroy it.
 */
async function checkPath(path: string): Promise<void> {
  if (!isAbsolute(path)) {
    throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.capture.notFullPath', {
      path,
      example: fullPathExample(),
    });
  }
  for (const file of [path, path + INDEX_SUFFIX]) {
    const info = await stat(file).catch(() => undefined);
    if (!info) continue;
    if (info.isDirectory()) {
      throw refusal('EISDIR', 'error.capture.EISDIR', { path: file });
    }
    throw refusal('EEXIST', file === path ? 'error.capture.fileExists' : 'error.capture.indexExists', {
      path,
      file,
    });
  }
}

/** Opens the files (refusing a relative path or an existing file) and starts recording at once. */
export async function startSessionCapture(opts: SessionCaptureOptions): Promise<SessionCapture> {
  await checkPath(opts.path);
  let capture: Capture;
  try {
    capture = await createCapture({
      path: opts.path,
      overwrite: false,
      highWaterBytes: opts.highWaterBytes,
      maxQueuedBytes: opts.maxQueuedBytes,
    });
  } catch (err) {
    if (err instanceof CaptureError) throw new ApiError(err.code, err.message, err.detail);
    throw err;
  }
  return new SessionCapture(capture, opts);
}

export class SessionCapture {
  private readonly status: CaptureStatus;
  private readonly unsubscribe: (() => void)[];
  private progressTimer: NodeJS.Timeout | undefined;
  private pausedSession = false;
  private attached = true;
  private closed: Promise<void> | undefined;

  constructor(
    private readonly capture: Capture,
    private readonly opts: SessionCaptureOptions,
  ) {
    this.status = { path: opts.path, active: true, bytes: 0, records: 0 };
    this.unsubscribe = [
      capture.onError((err) => this.fail(err)),
      capture.onDrain(() => this.pauseSession(false)),
    ];
    opts.session.setTap(this.tap);
    this.report();
  }

  get active(): boolean {
    return this.status.active;
  }

  /** A copy: callers may keep it while the capture goes on. */
  getStatus(): CaptureStatus {
    return { ...this.status };
  }

  /** Completes both files; resolves with the final status (with the error if it failed). */
  async stop(): Promise<CaptureStatus> {
    if (this.attached) {
      this.detach();
      this.status.active = false;
      this.closed = this.capture.close().then(
        (totals) => {
          this.status.bytes = totals.bytes;
          this.status.records = totals.records;
        },
        (err: unknown) => this.noteError(err),
      );
      await this.closed;
      this.report();
    }
    await this.closed;
    return this.getStatus();
  }

  private readonly tap: ByteTap = {
    write: (dir, at, peer, bytes) => {
      if (!this.attached || bytes.byteLength === 0) return;
      this.capture.write(dir, at, peer, bytes);
      // A capture that could not keep up failed inside write(): this chunk is not in the file.
      if (!this.attached) return;
      this.status.bytes += bytes.byteLength;
      this.status.records += 1;
      if (this.capture.needsDrain()) this.pauseSession(true);
      this.progressTimer ??= setTimeout(() => {
        this.progressTimer = undefined;
        if (this.attached) this.report();
      }, CAPTURE_PROGRESS_MS);
    },
  };

  /** Disk full, a folder gone, or a UDP flood the disk could not follow: stop, and say so. */
  private fail(err: CaptureError): void {
    if (!this.attached) return;
    this.detach();
    this.noteError(err);
    this.status.active = false;
    // The files keep exactly what the index lists; closing them reports the same failure again.
    this.closed = this.capture.close().then(
      () => undefined,
      () => undefined,
    );
    this.report();
  }

  private noteError(err: unknown): void {
    if (this.status.error) return;
    if (err instanceof CaptureError) {
      this.status.error = { code: err.code, message: err.message, detail: err.detail };
      return;
    }
    this.status.error = { code: 'EIO', message: err instanceof Error ? err.message : String(err) };
  }

  private detach(): void {
    this.attached = false;
    this.opts.session.setTap(undefined);
    this.pauseSession(false);
    for (const off of this.unsubscribe) off();
    if (this.progressTimer) clearTimeout(this.progressTimer);
    this.progressTimer = undefined;
  }

  private pauseSession(paused: boolean): void {
    if (paused === this.pausedSession) return;
    this.pausedSession = paused;
    this.opts.session.setReadingPaused(paused);
  }

  private report(): void {
    this.opts.emit({ type: 'capture', id: this.opts.id, capture: this.getStatus() });
  }
}
