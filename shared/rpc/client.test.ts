import { describe, expect, it } from 'vitest';
import { API_METHODS, type AppApi } from '../contract/api';
import { ApiError } from '../contract/errors';
import type { EventBatch } from '../contract/events';
import { type SessionSnapshot, zeroCounters } from '../contract/model';
import { applyPatch, defaultSettings, type Settings } from '../settings';
import { createApiClient } from './client';
import { createDispatcher } from './dispatcher';
import { createMemoryTransportPair } from './memory-transport';
import type { ClientTransport } from './transport';

/** A small stand-in engine; the real one is tested in electron/core. */
function fakeApi() {
  const sessions = new Map<string, SessionSnapshot>();
  const calls: string[] = [];
  let settings: Settings = defaultSettings();
  const api: AppApi = {
    async open({ config, name }) {
      calls.push('open');
      const id = `s${sessions.size + 1}`;
      const snapshot: SessionSnapshot = {
        id,
        name: name ?? ('host' in config ? `${config.host}:${config.port}` : config.protocol),
        config,
        state: 'connecting',
        counters: zeroCounters(),
        openedAt: 1,
      };
      sessions.set(id, snapshot);
      return snapshot;
    },
    async close({ id }) {
      calls.push('close');
      if (!sessions.delete(id)) throw new ApiError('E_UNKNOWN_SESSION', `There is no session ${id}.`);
    },
    async send({ id }) {
      calls.push('send');
      if (!sessions.has(id)) {
        throw Object.assign(new Error('write EPIPE'), { code: 'EPIPE' });
      }
      return { bytes: 3 };
    },
    async list() {
      calls.push('list');
      return [...sessions.values()];
    },
    async rename({ id, name }) {
      calls.push('rename');
      const found = sessions.get(id);
      if (found) found.name = name;
    },
    async disconnectClient() {
      calls.push('disconnectClient');
    },
    async listInterfaces() {
      calls.push('listInterfaces');
      return [];
    },
    async selfTest() {
      calls.push('selfTest');
      return [];
    },
    async setFraming() {
      calls.push('setFraming');
    },
    async resetCounters() {
      calls.push('resetCounters');
    },
    async startCapture({ path }) {
      calls.push('startCapture');
      return { path, active: true, bytes: 0, records: 0 };
    },
    async stopCapture() {
      calls.push('stopCapture');
      return { path: 'c.bin', active: false, bytes: 0, records: 0 };
    },
    async setExpect() {
      calls.push('setExpect');
    },
    async setAutoReply() {
      calls.push('setAutoReply');
    },
    async startPeriodic() {
      calls.push('startPeriodic');
      return { taskId: 't1' };
    },
    async startSoak() {
      calls.push('startSoak');
      return { taskId: 't2' };
    },
    async stopTask() {
      calls.push('stopTask');
    },
    async runCase() {
      throw new Error('not used');
    },
    async startSimulatedBoard({ kind }) {
      calls.push('startSimulatedBoard');
      return { id: 'b1', kind, host: '127.0.0.1', port: 40000 };
    },
    async stopSimulatedBoard() {
      calls.push('stopSimulatedBoard');
    },
    async listSimulatedBoards() {
      calls.push('listSimulatedBoards');
      return [];
    },
    async loadSettings() {
      calls.push('loadSettings');
      return { settings, origin: 'file', path: 'settings.json' };
    },
    async saveSettings({ settings: patch }) {
      calls.push('saveSettings');
      settings = applyPatch(settings, patch);
    },
  };
  return { api, calls };
}

function connected() {
  const pair = createMemoryTransportPair();
  const engine = fakeApi();
  pair.server.serve(createDispatcher(engine.api));
  return { ...pair, ...engine, api: createApiClient(pair.client) };
}

/** Resolves on the next batch a client sees. */
const nextBatch = (api: ReturnType<typeof createApiClient>): Promise<EventBatch> =>
  new Promise((resolve) => {
    const off = api.onEvents((batch) => {
      off();
      resolve(batch);
    });
  });

describe('client + memory transport + dispatcher', () => {
  it('carries the settings file both ways', async () => {
    const { api, close } = connected();
    await api.saveSettings({ settings: { recent: { hosts: ['192.168.1.123'], ports: ['8087'] } } });
    const loaded = await api.loadSettings({});
    expect(loaded.settings.recent).toEqual({ hosts: ['192.168.1.123'], ports: ['8087'] });
    await expect(
      api.saveSettings({ settings: { recent: { hosts: [], ports: ['http'] } } }),
    ).rejects.toMatchObject({ name: 'ApiError', code: 'E_BAD_ARGUMENT' });
    close();
  });

  it('has one function per API method, derived from API_METHODS', () => {
    const { api, close } = connected();
    for (const method of API_METHODS) expect(typeof api[method]).toBe('function');
    expect(typeof api.onEvents).toBe('function');
    close();
  });

  it('resolves values across the boundary', async () => {
    const { api, close } = connected();
    const opened = await api.open({ config: { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 } });
    expect(opened).toMatchObject({ id: 's1', name: '127.0.0.1:8087', state: 'connecting' });
    expect(await api.send({ id: 's1', payload: { hex: '31 32 33' } })).toEqual({ bytes: 3 });
    expect(await api.list({})).toHaveLength(1);
    expect(await api.close({ id: 's1' })).toBeUndefined();
    expect(await api.list({})).toEqual([]);
    close();
  });

  it('throws an ApiError that keeps the engine code', async () => {
    const { api, close } = connected();
    await expect(api.close({ id: 'nope' })).rejects.toEqual(
      new ApiError('E_UNKNOWN_SESSION', 'There is no session nope.'),
    );
    const error = await api.send({ id: 'gone', payload: { hex: '' } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'EPIPE', message: 'write EPIPE' });
    close();
  });

  it('refuses bad arguments before the engine sees them', async () => {
    const { api, calls, close } = connected();
    const bad = api.open({ config: { protocol: 'tcp-client', host: '', port: 70000 } });
    await expect(bad).rejects.toMatchObject({ name: 'ApiError', code: 'E_BAD_ARGUMENT' });
    expect(calls).toEqual([]);
    close();
  });

  it('delivers event batches with their bytes and acks each after the listeners ran', async () => {
    const { api, server, close } = connected();
    const order: string[] = [];
    api.onEvents((batch) => order.push(`listener ${batch.seq}`));
    const acked = new Promise<number>((resolve) =>
      server.onAck((seq) => {
        order.push(`ack ${seq}`);
        if (seq === 2) resolve(seq);
      }),
    );
    const received = nextBatch(api);
    const bytes = Uint8Array.of(0x54, 0x43, 0x50, 0x0d, 0x0a, 0xff);
    server.sendEvents({
      seq: 1,
      events: [{ type: 'data', id: 's1', dir: 'rx', at: 5, peer: '127.0.0.1:8087', bytes }],
    });
    server.sendEvents({ seq: 2, events: [{ type: 'session-closed', id: 's1' }] });
    const first = await received;
    expect(first.events[0]).toEqual({
      type: 'data',
      id: 's1',
      dir: 'rx',
      at: 5,
      peer: '127.0.0.1:8087',
      bytes,
    });
    // Bytes crossed a real frame: equal, but not the sender's array.
    expect((first.events[0] as { bytes: Uint8Array }).bytes).not.toBe(bytes);
    await acked;
    expect([...order].sort()).toEqual(['ack 1', 'ack 2', 'listener 1', 'listener 2']);
    expect(order.indexOf('ack 1')).toBeGreaterThan(order.indexOf('listener 1'));
    expect(order.indexOf('ack 2')).toBeGreaterThan(order.indexOf('listener 2'));
    expect(order.indexOf('ack 2')).toBeGreaterThan(order.indexOf('ack 1'));
    close();
  });

  it('stops calling a listener once it unsubscribes', async () => {
    const { api, server, close } = connected();
    const seen: number[] = [];
    const off = api.onEvents((batch) => seen.push(batch.seq));
    const acks: number[] = [];
    const both = new Promise<void>((resolve) =>
      server.onAck((seq) => {
        acks.push(seq);
        if (seq === 1) off();
        if (seq === 2) resolve();
      }),
    );
    server.sendEvents({ seq: 1, events: [] });
    await new Promise<void>((resolve) => server.onAck(() => resolve()));
    server.sendEvents({ seq: 2, events: [] });
    await both;
    expect(seen).toEqual([1]);
    expect(acks).toEqual([1, 2]);
    close();
  });

  it('queues requests made before serve and answers them once it is called', async () => {
    const pair = createMemoryTransportPair();
    const api = createApiClient(pair.client);
    const early = api.list({});
    const { api: engine } = fakeApi();
    pair.server.serve(createDispatcher(engine));
    expect(await early).toEqual([]);
    pair.close();
  });

  it('turns a closed connection into E_TRANSPORT and fires onClose once', async () => {
    const pair = createMemoryTransportPair();
    const api = createApiClient(pair.client);
    let closes = 0;
    pair.server.onClose(() => closes++);
    const inFlight = api.list({}); // never served: close() must answer it
    pair.close();
    pair.close();
    await expect(inFlight).rejects.toMatchObject({ name: 'ApiError', code: 'E_TRANSPORT' });
    await expect(api.list({})).rejects.toMatchObject({ code: 'E_TRANSPORT' });
    expect(closes).toBe(1);
  });

  it('turns an argument that cannot be framed into E_TRANSPORT', async () => {
    const { api, close } = connected();
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(api.close(cyclic as never)).rejects.toMatchObject({ code: 'E_TRANSPORT' });
    await expect(api.close({ id: 1n } as never)).rejects.toMatchObject({ code: 'E_TRANSPORT' });
    close();
  });

  it('turns a rejecting or confused transport into E_TRANSPORT', async () => {
    const rejecting: ClientTransport = {
      request: () => Promise.reject(new Error('socket hang up')),
      onEvents: () => () => {},
    };
    const error = await createApiClient(rejecting)
      .list({})
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: 'E_TRANSPORT', message: expect.stringContaining('socket hang up') });
    const confused: ClientTransport = {
      request: () => Promise.resolve('yes' as never),
      onEvents: () => () => {},
    };
    await expect(createApiClient(confused).list({})).rejects.toMatchObject({ code: 'E_TRANSPORT' });
  });
});
