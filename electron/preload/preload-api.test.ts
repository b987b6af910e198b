// The preload's exposed shape against a fake ipcRenderer: exactly the API plus onEvents.
import { describe, expect, it, vi } from 'vitest';
import { API_METHODS, apiChannel, EVENTS_ACK_CHANNEL, EVENTS_CHANNEL } from '../../shared/contract/api';
import type { EventBatch } from '../../shared/contract/events';
import { buildPreloadApi, type PreloadIpc } from './preload-api';

type Listener = (event: unknown, payload: unknown) => void;

function fakeIpcRenderer(answer: (channel: string, arg: unknown) => Promise<unknown>) {
  const listeners = new Map<string, Set<Listener>>();
  const log: string[] = [];
  const ipc: PreloadIpc = {
    invoke: vi.fn(answer),
    on(channel, listener) {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener(channel, listener) {
      listeners.get(channel)?.delete(listener);
    },
    send(channel, payload) {
      log.push(`send ${channel} ${String(payload)}`);
    },
  };
  return {
    ipc,
    log,
    emit(channel: string, payload: unknown) {
      // The event object carries ipcRenderer itself in Electron; it must never reach the page.
      for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, payload);
    },
    count: (channel: string) => listeners.get(channel)?.size ?? 0,
  };
}

const batch = (seq: number): EventBatch => ({ seq, events: [] });

describe('buildPreloadApi', () => {
  it('exposes exactly the API methods and onEvents, all functions', () => {
    const api = buildPreloadApi(fakeIpcRenderer(async () => null).ipc);
    expect(Object.keys(api).sort()).toEqual([...API_METHODS, 'onEvents'].sort());
    for (const value of Object.values(api)) expect(typeof value).toBe('function');
  });

  it('invokes each method on its derived channel with the argument and returns the envelope', async () => {
    const fake = fakeIpcRenderer(async (channel, arg) => ({ ok: true, value: { channel, arg } }));
    const api = buildPreloadApi(fake.ipc);
    for (const method of API_METHODS) {
      await expect(api[method]({ n: method })).resolves.toEqual({
        ok: true,
        value: { channel: apiChannel(method), arg: { n: method } },
      });
    }
    expect(fake.ipc.invoke).toHaveBeenCalledTimes(API_METHODS.length);
  });

  it('turns a rejected invoke into a transport error envelope', async () => {
    const api = buildPreloadApi(
      fakeIpcRenderer(async () => {
        throw new Error("No handler registered for 'api:list'");
      }).ipc,
    );
    await expect(api.list({})).resolves.toMatchObject({ ok: false, error: { code: 'E_TRANSPORT' } });
  });

  it('hands each batch to every listener, then acknowledges it once', () => {
    const fake = fakeIpcRenderer(async () => null);
    const api = buildPreloadApi(fake.ipc);
    const seen: unknown[][] = [];
    api.onEvents((...args) => {
      seen.push(args);
      fake.log.push('listener A');
    });
    api.onEvents(() => fake.log.push('listener B'));
    expect(fake.count(EVENTS_CHANNEL)).toBe(1);
    fake.emit(EVENTS_CHANNEL, batch(1));
    fake.emit(EVENTS_CHANNEL, batch(2));
    expect(fake.log).toEqual([
      'listener A',
      'listener B',
      `send ${EVENTS_ACK_CHANNEL} 1`,
      'listener A',
      'listener B',
      `send ${EVENTS_ACK_CHANNEL} 2`,
    ]);
    // Only the batch crosses into the page, never Electron's event object.
    expect(seen).toEqual([[batch(1)], [batch(2)]]);
  });

  it('still acknowledges when a listener throws, so the event window never stalls', () => {
    const fake = fakeIpcRenderer(async () => null);
    const api = buildPreloadApi(fake.ipc);
    api.onEvents(() => {
      throw new Error('render bug');
    });
    expect(() => fake.emit(EVENTS_CHANNEL, batch(7))).toThrow('render bug');
    expect(fake.log).toEqual([`send ${EVENTS_ACK_CHANNEL} 7`]);
  });

  it('ignores payloads that are not batches', () => {
    const fake = fakeIpcRenderer(async () => null);
    const api = buildPreloadApi(fake.ipc);
    const listener = vi.fn();
    api.onEvents(listener);
    fake.emit(EVENTS_CHANNEL, { nope: true });
    expect(listener).not.toHaveBeenCalled();
    expect(fake.log).toEqual([]);
  });

  it('unsubscribe stops delivery and drops the IPC listener with the last one', () => {
    const fake = fakeIpcRenderer(async () => null);
    const api = buildPreloadApi(fake.ipc);
    const a = vi.fn();
    const b = vi.fn();
    const offA = api.onEvents(a);
    const offB = api.onEvents(b);
    offA();
    offA();
    fake.emit(EVENTS_CHANNEL, batch(1));
    expect(a).not.toHaveBeenCalled();
    expect(b).toHaveBeenCalledTimes(1);
    offB();
    expect(fake.count(EVENTS_CHANNEL)).toBe(0);
    fake.emit(EVENTS_CHANNEL, batch(2));
    expect(b).toHaveBeenCalledTimes(1);
    expect(fake.log).toEqual([`send ${EVENTS_ACK_CHANNEL} 1`]);
  });
});
