// A page that renders nothing: one WebSocket to browser mode's '/rpc' that decodes every batch,
// keeps the counters and acknowledges at once. The engine-alone figure measures the engine with it.
import WebSocket from 'ws';
import type { EngineEvent } from '../shared/contract/events';
import type { SessionConfig, SessionSnapshot } from '../shared/contract/model';
import type { WireMessage } from '../shared/rpc/transport';
import { decodeFrame, encodeFrame } from '../shared/rpc/wire';

export interface SubscriberTotals {
  /** RX bytes of the session as its last counters event said. */
  rx: number;
  /** Data events received (rx) and their bytes, and the bytes and chunks of dropped events. */
  dataEvents: number;
  dataBytes: number;
  droppedBytes: number;
  droppedChunks: number;
  batches: number;
  /** Wall time (epoch ms) when `rx` last changed. */
  rxAt: number;
  /** The engine's time (epoch ms) of the latest RX data event: when it took that payload. */
  lastDataAt: number;
}

const wallMs = (): number => performance.timeOrigin + performance.now();

export class Subscriber {
  private nextId = 1;
  private readonly pending = new Map<number, (msg: Extract<WireMessage, { t: 'res' }>) => void>();
  private readonly totals = new Map<string, SubscriberTotals>();
  private waiters: (() => void)[] = [];

  private constructor(private readonly ws: WebSocket) {
    ws.on('message', (data: Buffer) =>
      this.onFrame(new Uint8Array(data.buffer, data.byteOffset, data.length)),
    );
  }

  static async connect(url: string): Promise<Subscriber> {
    const u = new URL(url);
    const ws = new WebSocket(`ws://${u.host}/rpc?token=${u.searchParams.get('token') ?? ''}`, {
      origin: u.origin,
    });
    await new Promise<void>((resolve, reject) => {
      ws.once('open', () => resolve());
      ws.once('error', reject);
    });
    return new Subscriber(ws);
  }

  private onFrame(bytes: Uint8Array): void {
    const msg = decodeFrame(bytes);
    if (msg.t === 'res') {
      this.pending.get(msg.id)?.(msg);
      this.pending.delete(msg.id);
      return;
    }
    if (msg.t !== 'evt') return;
    for (const event of msg.batch.events) this.apply(event);
    this.ws.send(encodeFrame({ t: 'ack', seq: msg.batch.seq }));
    const waiters = this.waiters;
    this.waiters = [];
    for (const w of waiters) w();
  }

  private of(id: string): SubscriberTotals {
    let t = this.totals.get(id);
    if (!t) {
      t = {
        rx: 0,
        dataEvents: 0,
        dataBytes: 0,
        droppedBytes: 0,
        droppedChunks: 0,
        batches: 0,
        rxAt: 0,
        lastDataAt: 0,
      };
      this.totals.set(id, t);
    }
    return t;
  }

  private apply(event: EngineEvent): void {
    if (event.type === 'counters') {
      const t = this.of(event.id);
      if (event.counters.rxBytes !== t.rx) {
        t.rx = event.counters.rxBytes;
        t.rxAt = wallMs();
      }
    } else if (event.type === 'data' && event.dir === 'rx') {
      const t = this.of(event.id);
      t.dataEvents++;
      t.dataBytes += event.bytes.byteLength;
      t.lastDataAt = Math.max(t.lastDataAt, event.at);
    } else if (event.type === 'dropped' && event.dir === 'rx') {
      const t = this.of(event.id);
      t.droppedBytes += event.bytes;
      t.droppedChunks += event.chunks;
    }
  }

  async request<T>(method: string, arg: unknown): Promise<T> {
    const id = this.nextId++;
    const res = await new Promise<Extract<WireMessage, { t: 'res' }>>((resolve) => {
      this.pending.set(id, resolve);
      this.ws.send(encodeFrame({ t: 'req', id, method, arg }));
    });
    if (!res.result.ok) throw new Error(`${method}: ${res.result.error.message}`);
    return res.result.value as T;
  }

  async open(config: SessionConfig): Promise<SessionSnapshot> {
    return this.request<SessionSnapshot>('open', { config });
  }

  /** Resolves with the totals once the session's RX reached `bytes`, or after `quietMs` without change. */
  async waitRx(id: string, bytes: number, quietMs: number): Promise<SubscriberTotals> {
    const t = this.of(id);
    while (t.rx < bytes) {
      const before = t.rx;
      const moved = await new Promise<boolean>((resolve) => {
        const timer = setTimeout(() => resolve(false), quietMs);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve(true);
        });
      });
      if (!moved && t.rx === before) break;
    }
    return { ...t };
  }

  reset(id: string): void {
    this.totals.delete(id);
  }

  close(): Promise<void> {
    return new Promise((resolve) => {
      this.ws.once('close', () => resolve());
      this.ws.close();
    });
  }
}
