// The IPC adapter against a fake webContents.ipc: sender checks, channels, events, acks, dispose.
import { describe, expect, it, vi } from 'vitest';
import type { AppApi } from '../../shared/contract/api';
import { API_METHODS, apiChannel, EVENTS_ACK_CHANNEL, EVENTS_CHANNEL } from '../../shared/contract/api';
import type { EventBatch } from '../../shared/contract/events';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { defaultSettings } from '../../shared/settings';
import { createIpcEndpoint, type IpcEvent, type IpcPorts } from './ipc-adapter';

const TRUSTED = { name: 'our main frame' };
const STRANGER = { name: 'an iframe' };

function fakeElectron() {
  const handlers = new Map<string, (event: IpcEvent, arg: unknown) => Promise<unknown>>();
  const messageListeners = new Map<string, Set<(event: IpcEvent, arg: unknown) => void>>();
  const sent: Array<{ channel: string; payload: unknown }> = [];
  const closedListeners = new Set<() => void>();
  const ports: IpcPorts = {
    handle(channel, listener) {
      // Like ipcMain.handle: a second handler on the same channel is a bug.
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
      return () => handlers.delete(channel);
    },
    sendToRenderer: (channel, payload) => sent.push({ channel, payload }),
    onRendererMessage(channel, listener) {
      const set = messageListeners.get(channel) ?? new Set();
      set.add(listener);
      messageListeners.set(channel, set);
      return () => set.delete(listener);
    },
    isTrustedFrame: (frame) => frame === TRUSTED,
    onClosed(listener) {
      closedListeners.add(listener);
      return () => closedListeners.delete(listener);
    },
  };
  return {
    ports,
    handlers,
    sent,
    invoke(channel: string, arg: unknown, ...sender: [frame: unknown] | []) {
      const frame = sender.length === 0 ? TRUSTED : sender[0];
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      return handler({ senderFrame: frame }, arg);
    },
    message(channel: string, arg: unknown, ...sender: [frame: unknown] | []) {
      const frame = sender.length === 0 ? TRUSTED : sender[0];
      for (const listener of messageListeners.get(channel) ?? []) listener({ senderFrame: frame }, arg);
    },
    listenerCount: () => [...messageListeners.values()].reduce((n, set) => n + set.size, 0),
    closeWindow: () => {
      for (const listener of [...closedListeners]) listener();
    },
    closedListenerCount: () => closedListeners.size,
  };
}

const batch = (seq: number): EventBatch => ({ seq, events: [{ type: 'session-closed', id: 's1' }] });

describe('createIpcEndpoint', () => {
  it('binds exactly one handler per API method on its derived channel', () => {
    const fake = fakeElectron();
    createIpcEndpoint(fake.ports);
    expect([...fake.handlers.keys()].sort()).toEqual(API_METHODS.map(apiChannel).sort());
  });

  it('routes a trusted call to the dispatcher with the method name and argument', async () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 'done' }));
    endpoint.serve(dispatch);
    for (const method of API_METHODS) {
      await expect(fake.invoke(apiChannel(method), { probe: method })).resolves.toEqual({
        ok: true,
        value: 'done',
      });
      expect(dispatch).toHaveBeenLastCalledWith(method, { probe: method });
    }
  });

  it('refuses an untrusted frame with E_FORBIDDEN and never reaches the dispatcher', async () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    const dispatch = vi.fn(async () => ({ ok: true as const, value: 1 }));
    endpoint.serve(dispatch);
    for (const frame of [STRANGER, null, undefined]) {
      const result = await fake.invoke(apiChannel('list'), {}, frame);
      expect(result).toMatchObject({ ok: false, error: { code: 'E_FORBIDDEN' } });
    }
    expect(dispatch).not.toHaveBeenCalled();
  });

  it('answers with a transport error before the engine is attached', async () => {
    const fake = fakeElectron();
    createIpcEndpoint(fake.ports);
    await expect(fake.invoke(apiChannel('list'), {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'E_TRANSPORT' },
    });
  });

  it('sends event batches on the events channel', () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    endpoint.sendEvents(batch(1));
    endpoint.sendEvents(batch(2));
    expect(fake.sent).toEqual([
      { channel: EVENTS_CHANNEL, payload: batch(1) },
      { channel: EVENTS_CHANNEL, payload: batch(2) },
    ]);
  });

  it('passes valid acks from the trusted frame and ignores everything else', () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    const acks: number[] = [];
    const off = endpoint.onAck((seq) => acks.push(seq));
    for (const bad of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, { seq: 3 }, 2 ** 60]) {
      fake.message(EVENTS_ACK_CHANNEL, bad);
    }
    fake.message(EVENTS_ACK_CHANNEL, 4, STRANGER);
    fake.message(EVENTS_ACK_CHANNEL, 1);
    fake.message(EVENTS_ACK_CHANNEL, 2);
    off();
    fake.message(EVENTS_ACK_CHANNEL, 3);
    expect(acks).toEqual([1, 2]);
  });

  it('dispose unbinds every handler and listener, stops sending and reports the close once', async () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    const closed = vi.fn();
    endpoint.onClose(closed);
    expect(fake.listenerCount()).toBe(1);
    endpoint.dispose();
    endpoint.dispose();
    expect(fake.handlers.size).toBe(0);
    expect(fake.listenerCount()).toBe(0);
    expect(fake.closedListenerCount()).toBe(0);
    expect(closed).toHaveBeenCalledTimes(1);
    endpoint.sendEvents(batch(1));
    expect(fake.sent).toEqual([]);
    // A new endpoint can bind the same channels again (as after a reload).
    expect(() => createIpcEndpoint(fake.ports)).not.toThrow();
  });

  it('closes itself when the window goes away', () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    const closed = vi.fn();
    endpoint.onClose(closed);
    fake.closeWindow();
    expect(closed).toHaveBeenCalledTimes(1);
    expect(fake.handlers.size).toBe(0);
  });

  it('carries a call end to end through a real dispatcher', async () => {
    const fake = fakeElectron();
    const endpoint = createIpcEndpoint(fake.ports);
    const api: AppApi = {
      open: async () => {
        throw new Error('not used');
      },
      close: async () => undefined,
      send: async () => ({ bytes: 5 }),
      list: async () => [],
      rename: async () => undefined,
      disconnectClient: async () => undefined,
      listInterfaces: async () => [],
      selfTest: async () => [],
      setFraming: async () => undefined,
      resetCounters: async () => undefined,
      startCapture: async () => ({ path: 'c.bin', active: true, bytes: 0, records: 0 }),
      stopCapture: async () => ({ path: 'c.bin', active: false, bytes: 0, records: 0 }),
      setExpect: async () => undefined,
      setAutoReply: async () => undefined,
      startPeriodic: async () => ({ taskId: 't1' }),
      startSoak: async () => ({ taskId: 't2' }),
      stopTask: async () => undefined,
      runCase: async () => {
        throw new Error('not used');
      },
      startSimulatedBoard: async () => ({ id: 'b1', kind: 'w55rp20', host: '127.0.0.1', port: 40000 }),
      stopSimulatedBoard: async () => undefined,
      listSimulatedBoards: async () => [],
      loadSettings: async () => ({ settings: defaultSettings(), origin: 'new', path: 'settings.json' }),
      saveSettings: async () => undefined,
    };
    endpoint.serve(createDispatcher(api));
    await expect(fake.invoke(apiChannel('list'), {})).resolves.toEqual({ ok: true, value: [] });
    await expect(fake.invoke(apiChannel('loadSettings'), {})).resolves.toMatchObject({
      ok: true,
      value: { origin: 'new', settings: defaultSettings() },
    });
    await expect(
      fake.invoke(apiChannel('send'), {
        id: 's1',
        payload: { text: 'hello', encoding: 'ascii', escapes: false, lineEnding: 'none' },
      }),
    ).resolves.toEqual({ ok: true, value: { bytes: 5 } });
    // The renderer is untrusted: a malformed argument is refused by the dispatcher, not thrown.
    await expect(fake.invoke(apiChannel('close'), { id: 42 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'E_BAD_ARGUMENT' },
    });
  });
});
