// The WebSocket endpoint on its own, over a real loopback socket: acks in, events out, and a
// browser that stops reading is cut off instead of buffered without bound.
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket, { WebSocketServer } from 'ws';
import type { EventBatch } from '../../shared/contract/events';
import type { ServerEndpoint, WireMessage } from '../../shared/rpc/transport';
import { decodeFrame, encodeFrame } from '../../shared/rpc/wire';
import { createWsEndpoint } from './ws-endpoint';

let wss: WebSocketServer | undefined;
const clients: WebSocket[] = [];

afterEach(async () => {
  for (const client of clients) client.terminate();
  clients.length = 0;
  await new Promise<void>((resolve) => (wss ? wss.close(() => resolve()) : resolve()));
  wss = undefined;
});

/** A server endpoint and the client socket talking to it. */
async function pair(maxBufferedBytes?: number): Promise<{ endpoint: ServerEndpoint; client: WebSocket }> {
  const server = new WebSocketServer({ host: '127.0.0.1', port: 0 });
  wss = server;
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const accepted = new Promise<ServerEndpoint>((resolve) =>
    server.once('connection', (ws) => resolve(createWsEndpoint(ws, maxBufferedBytes))),
  );
  const client = new WebSocket(`ws://127.0.0.1:${(server.address() as AddressInfo).port}`);
  clients.push(client);
  await new Promise<void>((resolve) => client.once('open', () => resolve()));
  return { endpoint: await accepted, client };
}

const nextMessage = (ws: WebSocket) =>
  new Promise<WireMessage>((resolve) =>
    ws.once('message', (data: Buffer) => resolve(decodeFrame(new Uint8Array(data)))),
  );

const dataBatch = (seq: number, size: number): EventBatch => ({
  seq,
  events: [
    {
      type: 'data',
      id: 's1',
      dir: 'rx',
      at: 1,
      peer: '127.0.0.1:8087',
      bytes: new Uint8Array(size).fill(0x41),
    },
  ],
});

describe('createWsEndpoint', () => {
  it('delivers event batches with their bytes intact', async () => {
    const { endpoint, client } = await pair();
    const received = nextMessage(client);
    endpoint.sendEvents(dataBatch(1, 5));
    expect(await received).toEqual({ t: 'evt', batch: dataBatch(1, 5) });
  });

  it('sends a batch of large chunks as one message, in fragments the browser joins', async () => {
    const { endpoint, client } = await pair();
    const chunk = (n: number) => new Uint8Array(64 * 1024).fill(n);
    const batch: EventBatch = {
      seq: 2,
      events: [1, 2, 3].map((n) => ({
        type: 'data' as const,
        id: 's1',
        dir: 'rx' as const,
        at: n,
        peer: '127.0.0.1:8087',
        bytes: chunk(n),
      })),
    };
    const received = nextMessage(client);
    endpoint.sendEvents(batch);
    endpoint.sendEvents(dataBatch(3, 5));
    const got = (await received) as Extract<WireMessage, { t: 'evt' }>;
    expect(got.batch.seq).toBe(2);
    const sums = got.batch.events.map((e) => (e as { bytes: Uint8Array }).bytes.reduce((a, b) => a + b, 0));
    expect(sums).toEqual([1, 2, 3].map((n) => n * 64 * 1024));
  });

  it('passes acks on and answers requests before serve() with a transport error', async () => {
    const { endpoint, client } = await pair();
    const early = nextMessage(client);
    client.send(encodeFrame({ t: 'req', id: 1, method: 'list', arg: {} }));
    expect(await early).toMatchObject({
      t: 'res',
      id: 1,
      result: { ok: false, error: { code: 'E_TRANSPORT' } },
    });
    const ack = new Promise<number>((resolve) => endpoint.onAck(resolve));
    client.send(encodeFrame({ t: 'ack', seq: 3 }));
    expect(await ack).toBe(3);
  });

  it('cuts off a client that stops reading once its send buffer passes the bound', async () => {
    const { endpoint, client } = await pair(256 * 1024);
    const closed = new Promise<void>((resolve) => endpoint.onClose(resolve));
    client.pause();
    // The kernel's socket buffers absorb the first batches; the bound applies beyond them.
    let sent = 0;
    let open = true;
    endpoint.onClose(() => {
      open = false;
    });
    while (open && sent < 256) {
      endpoint.sendEvents(dataBatch(sent + 1, 1024 * 1024));
      sent += 1;
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await closed;
    expect(sent).toBeLessThan(256);
  });
});
