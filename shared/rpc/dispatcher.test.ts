import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AppApi, SessionApi } from '../contract/api';
import { ApiError } from '../contract/errors';
import type { SessionSnapshot } from '../contract/model';
import { zeroCounters } from '../contract/model';
import { defaultSettings, defaultUi } from '../settings';
import { createDispatcher } from './dispatcher';

/** A stand-in engine that records every call; the real engine is tested in electron/core. */
function fakeApi(behaviour: Partial<Record<keyof AppApi, (arg: unknown) => unknown>> = {}) {
  const calls: { method: string; arg: unknown }[] = [];
  const snapshot = (id: string): SessionSnapshot => ({
    id,
    name: 'board',
    config: { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 },
    state: 'connecting',
    counters: zeroCounters(),
    openedAt: 0,
  });
  const record =
    (method: keyof AppApi, fallback: (arg: unknown) => unknown) =>
    async (arg: unknown): Promise<never> => {
      calls.push({ method, arg });
      return (behaviour[method] ?? fallback)(arg) as never;
    };
  const api: AppApi = {
    open: record('open', () => snapshot('s1')),
    close: record('close', () => undefined),
    send: record('send', () => ({ bytes: 3 })),
    list: record('list', () => [snapshot('s1')]),
    rename: record('rename', () => undefined),
    disconnectClient: record('disconnectClient', () => undefined),
    listInterfaces: record('listInterfaces', () => []),
    selfTest: record('selfTest', () => []),
    setFraming: record('setFraming', () => undefined),
    resetCounters: record('resetCounters', () => undefined),
    startCapture: record('startCapture', () => ({ path: 'c.bin', active: true, bytes: 0, records: 0 })),
    stopCapture: record('stopCapture', () => ({ path: 'c.bin', active: false, bytes: 0, records: 0 })),
    setExpect: record('setExpect', () => undefined),
    setAutoReply: record('setAutoReply', () => undefined),
    startPeriodic: record('startPeriodic', () => ({ taskId: 't1' })),
    startSoak: record('startSoak', () => ({ taskId: 't2' })),
    stopTask: record('stopTask', () => undefined),
    runCase: record('runCase', () => ({ name: 'case', passed: true })),
    startSimulatedBoard: record('startSimulatedBoard', () => ({
      id: 'b1',
      kind: 'w55rp20',
      host: '127.0.0.1',
      port: 40000,
    })),
    stopSimulatedBoard: record('stopSimulatedBoard', () => undefined),
    listSimulatedBoards: record('listSimulatedBoards', () => []),
    loadSettings: record('loadSettings', () => ({
      settings: defaultSettings(),
      origin: 'new',
      path: 's.json',
    })),
    saveSettings: record('saveSettings', () => undefined),
  };
  return { api, calls };
}

const goodOpen = { config: { protocol: 'tcp-client', host: '192.168.1.123', port: 8087 } };

describe('createDispatcher', () => {
  it('calls the method with the validated argument and wraps the value', async () => {
    const { api, calls } = fakeApi();
    const dispatch = createDispatcher(api);
    const result = await dispatch('open', goodOpen);
    expect(result).toMatchObject({ ok: true, value: { id: 's1', state: 'connecting' } });
    expect(calls).toEqual([{ method: 'open', arg: goodOpen }]);
    expect(await dispatch('send', { id: 's1', payload: { hex: '31 32 33' } })).toEqual({
      ok: true,
      value: { bytes: 3 },
    });
    expect(await dispatch('close', { id: 's1' })).toEqual({ ok: true, value: undefined });
    expect(await dispatch('list', {})).toMatchObject({ ok: true, value: [{ id: 's1' }] });
  });

  it('checks a settings save part by part before the settings service sees it', async () => {
    const { api, calls } = fakeApi();
    const dispatch = createDispatcher(api);
    const ui = { ...defaultUi(), theme: 'dark' };
    expect(await dispatch('saveSettings', { settings: { ui } })).toEqual({ ok: true, value: undefined });
    expect(await dispatch('loadSettings', {})).toMatchObject({ ok: true, value: { origin: 'new' } });
    for (const bad of [
      { settings: { ui: { ...ui, theme: 'neon' } } },
      { settings: { ui: { theme: 'dark' } } },
      { settings: { presets: [{ name: '', message: 'x' }] } },
      { settings: { history: 'AT' } },
      { settings: { lastSession: { port: 8087 } } },
      { settings: { other: {} } },
      { settings: {}, extra: 1 },
    ]) {
      expect(await dispatch('saveSettings', bad)).toMatchObject({
        ok: false,
        error: { code: 'E_BAD_ARGUMENT' },
      });
    }
    expect(await dispatch('loadSettings', { path: '/etc/passwd' })).toMatchObject({ ok: false });
    expect(calls.map((c) => c.method)).toEqual(['saveSettings', 'loadSettings']);
  });

  it('answers a method nobody serves as unknown (the engine alone has no settings)', async () => {
    const { api } = fakeApi();
    const { loadSettings: _l, saveSettings: _s, ...engineOnly } = api;
    const alone: SessionApi = engineOnly;
    expect(await createDispatcher(alone)('loadSettings', {})).toMatchObject({
      ok: false,
      error: { code: 'E_UNKNOWN_METHOD', message: '"loadSettings" is not served by this engine.' },
    });
  });

  it('passes raw byte payloads through and refuses look-alikes', async () => {
    const { api, calls } = fakeApi();
    const dispatch = createDispatcher(api);
    const bytes = Uint8Array.of(1, 2, 3);
    expect(await dispatch('send', { id: 's1', payload: { bytes } })).toMatchObject({ ok: true });
    expect(calls[0]?.arg).toEqual({ id: 's1', payload: { bytes } });
    for (const fake of [[1, 2, 3], { 0: 1, length: 1 }, 'AQID']) {
      const result = await dispatch('send', { id: 's1', payload: { bytes: fake } });
      expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_ARGUMENT' } });
    }
    expect(calls).toHaveLength(1);
  });

  it('hands the engine the validator output, not the caller object', async () => {
    const { api, calls } = fakeApi();
    const arg = { config: { protocol: 'tcp-client', host: '  board.local  ', port: 1 } };
    await createDispatcher(api)('open', arg);
    expect(calls[0]?.arg).not.toBe(arg);
    expect(calls[0]?.arg).toEqual({ config: { protocol: 'tcp-client', host: 'board.local', port: 1 } });
  });

  const huge = 'x'.repeat(17 * 1024 * 1024);
  const deep = (levels: number): unknown => {
    let v: unknown = { protocol: 'tcp-client', host: 'h', port: 1 };
    for (let i = 0; i < levels; i++) v = { config: v };
    return v;
  };
  const badCalls: [string, unknown, unknown, RegExp][] = [
    ['unknown method', 'explode', {}, /"explode" is not a method/],
    ['__proto__', '__proto__', {}, /"__proto__" is not a method/],
    ['constructor', 'constructor', {}, /not a method/],
    ['toString', 'toString', {}, /not a method/],
    ['hasOwnProperty', 'hasOwnProperty', {}, /not a method/],
    ['method not a string', 42, {}, /a number is not a method/],
    ['method null', null, {}, /a null is not a method/],
    ['method an object', { toString: () => 'open' }, {}, /an? object is not a method/],
    ['huge method name', 'm'.repeat(100_000), {}, /not a method/],
    ['argument missing', 'open', undefined, /./],
    ['argument null', 'open', null, /./],
    ['argument a string', 'open', 'open', /./],
    ['argument an array', 'list', [], /./],
    ['missing config', 'open', {}, /config/],
    ['missing port', 'open', { config: { protocol: 'tcp-client', host: 'h' } }, /port/],
    ['port as a string', 'open', { config: { protocol: 'tcp-client', host: 'h', port: '8087' } }, /port/],
    ['port 70000', 'open', { config: { protocol: 'tcp-client', host: 'h', port: 70000 } }, /port/],
    ['port 0', 'open', { config: { protocol: 'tcp-client', host: 'h', port: 0 } }, /port/],
    ['port -1', 'open', { config: { protocol: 'tcp-client', host: 'h', port: -1 } }, /port/],
    ['port 80.5', 'open', { config: { protocol: 'tcp-client', host: 'h', port: 80.5 } }, /port/],
    ['port NaN', 'open', { config: { protocol: 'tcp-client', host: 'h', port: Number.NaN } }, /port/],
    ['empty host', 'open', { config: { protocol: 'tcp-client', host: '', port: 1 } }, /host/],
    ['blank host', 'open', { config: { protocol: 'tcp-client', host: '   ', port: 1 } }, /host/],
    ['huge host', 'open', { config: { protocol: 'tcp-client', host: huge, port: 1 } }, /host/],
    ['wrong protocol', 'open', { config: { protocol: 'sctp', host: 'h', port: 1 } }, /protocol/],
    ['extra field', 'open', { ...goodOpen, extra: 1 }, /extra/],
    ['extra config field', 'open', { config: { ...goodOpen.config, evil: true } }, /evil/],
    ['__proto__ field', 'close', JSON.parse('{"id":"s1","__proto__":{"admin":true}}'), /__proto__/],
    ['deep object', 'open', deep(10_000), /./],
    ['send without payload', 'send', { id: 's1' }, /payload/],
    ['send with huge text', 'send', { id: 's1', payload: { hex: huge } }, /./],
    ['send with both payload kinds', 'send', { id: 's1', payload: { hex: '31', text: 'a' } }, /./],
    [
      'send with a bad encoding',
      'send',
      { id: 's1', payload: { text: 'a', encoding: 'ebcdic', escapes: false, lineEnding: 'none' } },
      /./,
    ],
    ['empty session id', 'close', { id: '' }, /id/],
    ['session id a number', 'close', { id: 5 }, /id/],
    ['list with a field', 'list', { all: true }, /all/],
  ];

  it.each(badCalls)('refuses %s without calling the engine', async (_name, method, arg, reason) => {
    const { api, calls } = fakeApi();
    const result = await createDispatcher(api)(method, arg);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const expectedCode =
      typeof method === 'string' && ['open', 'close', 'send', 'list'].includes(method)
        ? 'E_BAD_ARGUMENT'
        : 'E_UNKNOWN_METHOD';
    expect(result.error.code).toBe(expectedCode);
    expect(result.error.message).toMatch(reason);
    expect(result.error.message.length).toBeLessThan(1200);
    expect(calls).toEqual([]);
  });

  it('refuses arguments whose getters throw, and proxies, without throwing', async () => {
    const { api, calls } = fakeApi();
    const dispatch = createDispatcher(api);
    const trap = Object.defineProperty({}, 'id', {
      enumerable: true,
      get() {
        throw new Error('gotcha');
      },
    });
    const hostile = new Proxy(
      {},
      {
        get() {
          throw new Error('no');
        },
        ownKeys() {
          throw new Error('no');
        },
        getOwnPropertyDescriptor() {
          throw new Error('no');
        },
        has() {
          throw new Error('no');
        },
      },
    );
    const { proxy: revoked, revoke } = Proxy.revocable({}, {});
    revoke();
    for (const arg of [trap, hostile, revoked, { config: hostile }]) {
      const result = await dispatch('close', arg);
      expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_ARGUMENT' } });
    }
    expect(await dispatch(hostile, {})).toMatchObject({ ok: false, error: { code: 'E_UNKNOWN_METHOD' } });
    expect(calls).toEqual([]);
  });

  it('keeps an ApiError code and message', async () => {
    const { api } = fakeApi({
      close: () => {
        throw new ApiError('E_UNKNOWN_SESSION', 'There is no session s9.');
      },
    });
    expect(await createDispatcher(api)('close', { id: 's9' })).toEqual({
      ok: false,
      error: { code: 'E_UNKNOWN_SESSION', message: 'There is no session s9.' },
    });
  });

  it('keeps a system error code (a rejection as well as a synchronous throw)', async () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8087'), { code: 'ECONNREFUSED' });
    const { api } = fakeApi({ open: () => Promise.reject(refused) });
    expect(await createDispatcher(api)('open', goodOpen)).toEqual({
      ok: false,
      error: { code: 'ECONNREFUSED', message: 'connect ECONNREFUSED 127.0.0.1:8087' },
    });
    const syncApi: AppApi = {
      ...api,
      send: () => {
        throw Object.assign(new Error(''), { code: 'EPIPE' });
      },
    };
    expect(await createDispatcher(syncApi)('send', { id: 's', payload: { hex: '' } })).toEqual({
      ok: false,
      error: { code: 'EPIPE', message: 'The engine reported EPIPE.' },
    });
  });

  it('turns anything else into E_INTERNAL with a sentence', async () => {
    const thrown: unknown[] = [
      new TypeError('x is undefined'),
      'a string',
      42,
      null,
      undefined,
      { code: 7 },
      { code: 'has spaces in it' },
      Object.defineProperty({}, 'code', {
        get() {
          throw new Error('nope');
        },
      }),
      new Proxy(
        {},
        {
          get() {
            throw new Error('nope');
          },
        },
      ),
    ];
    for (const value of thrown) {
      const { api } = fakeApi({
        list: () => {
          throw value;
        },
      });
      const result = await createDispatcher(api)('list', {});
      expect(result).toMatchObject({ ok: false, error: { code: 'E_INTERNAL' } });
      if (!result.ok)
        expect(result.error.message).toMatch(/^SocketBench failed unexpectedly while running "list"\./);
    }
  });

  it('never throws and never lets a bad call through, whatever it is given', async () => {
    const methods = fc.oneof(
      fc.constantFrom('open', 'close', 'send', 'list', '__proto__', 'constructor', 'toString', 'valueOf', ''),
      fc.string(),
      fc.anything(),
    );
    const args = fc.oneof(
      fc.anything({ withNullPrototype: true, withBoxedValues: true, withMap: true, withSet: true }),
      fc.record({ config: fc.anything() }),
      fc.record({
        config: fc.record({
          protocol: fc.constantFrom('tcp-client', 'udp'),
          host: fc.string({ maxLength: 5 }),
          port: fc.oneof(fc.integer({ min: -5, max: 70_000 }), fc.double()),
        }),
      }),
      fc.record({ id: fc.anything(), payload: fc.anything() }),
    );
    const { api, calls } = fakeApi();
    const dispatch = createDispatcher(api);
    await fc.assert(
      fc.asyncProperty(methods, args, async (method, arg) => {
        const before = calls.length;
        const result = await dispatch(method, arg);
        if (!result.ok) {
          expect(typeof result.error.code).toBe('string');
          expect(typeof result.error.message).toBe('string');
          expect(calls.length).toBe(before);
        } else {
          // Only a well-formed call reaches the engine: check it against the rules by hand.
          expect(calls.length).toBe(before + 1);
          expect(['open', 'close', 'send', 'list']).toContain(method);
          const config = (arg as { config?: { port?: unknown; host?: unknown } }).config;
          if (method === 'open') {
            expect(Number.isInteger(config?.port) && (config?.port as number) >= 1).toBe(true);
            expect((config?.port as number) <= 65535).toBe(true);
            expect(String(config?.host).trim()).not.toBe('');
          }
        }
      }),
      { numRuns: 1000 },
    );
  });
});
