// The bench tools through the session manager on 127.0.0.1: cases run from the app (simulated and
// real boards, wrong expectations with their diff), simulated boards started, listed and stopped.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/contract/events';
import type { Phrase } from '../../shared/contract/model';
import { type MessageKey, translate } from '../../shared/i18n/catalog';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { createEventHub } from './event-hub';
import { createSessionManager } from './session-manager';
import { startSimulatedBoard } from './simulated-boards';
import { resourcesAddedSince, trackedResources } from './test-recorder';

function leakFree(body: () => Promise<void>): () => Promise<void> {
  return async () => {
    const before = await trackedResources();
    await body();
    expect(await resourcesAddedSince(before)).toEqual({});
  };
}

function engine() {
  const hub = createEventHub();
  const events: EngineEvent[] = [];
  hub.subscribe((event) => events.push(event));
  const manager = createSessionManager({ sink: hub.sink, closeGraceMs: 50 });
  return { hub, events, manager };
}

const W55RP20_CASE = 'examples/w55rp20-prefix-echo.yaml';

/** A phrase in English: what a window shows, which must be the line the report has. */
const inEnglish = (p: Phrase): string => {
  const params = Object.fromEntries(
    Object.entries(p.params ?? {}).map(([k, v]) => [k, typeof v === 'object' ? inEnglish(v) : v]),
  );
  return translate('en', p.key as MessageKey, params);
};

const wrongCase = (port: number) => `
name: wrong prefix
board: { mode: tcp-client, host: 127.0.0.1, port: ${port}, framing: raw }
steps:
  - connect
  - send: hello
    expect: { prefix-echo: "TCP Client : " }
  - close
`;

describe('runCase from the app', () => {
  it(
    'runs the W55RP20 example against its simulated board, and closes the sessions it opened',
    leakFree(async () => {
      const { manager, events } = engine();
      try {
        const text = await readFile(W55RP20_CASE, 'utf8');
        const result = await manager.runCase({ text, file: W55RP20_CASE, simulate: true });
        expect(result.passed).toBe(true);
        expect(result.simulated).toBe('w55rp20');
        expect(result.counts).toEqual({ passed: 14, failed: 0, timedOut: 0, skipped: 0 });
        expect(result.steps.every((s) => s.verdict === 'pass')).toBe(true);
        expect(result.steps[1]?.completeMs).toBeGreaterThan(0);
        expect(result.text).toContain('PASSED: 14 passed, 0 failed');
        // JSON-safe: no bytes cross the wire.
        expect(JSON.parse(JSON.stringify(result))).toEqual(result);
        expect(await manager.list({})).toEqual([]);
        expect(events.some((e) => e.type === 'session-opened')).toBe(true);
      } finally {
        await manager.dispose();
      }
    }),
  );

  it(
    'fails a wrong expectation with the byte diff, against a board given by Host and Port',
    leakFree(async () => {
      const { manager } = engine();
      const board = await startSimulatedBoard('w55rp20', { host: '127.0.0.1', port: 0 });
      try {
        const result = await manager.runCase({
          text: wrongCase(1),
          host: '127.0.0.1',
          port: board.port,
        });
        expect(result.passed).toBe(false);
        expect(result.target).toBe(`127.0.0.1:${board.port}`);
        const send = result.steps[1];
        expect(send?.verdict).toBe('fail');
        expect(send?.details).toMatch(/differ|expected/i);
        // Every line with words has its phrase, and the phrase reads as the line does.
        const lines = send?.details?.split('\n') ?? [];
        expect(send?.detailLines?.length).toBe(lines.length);
        expect(send?.detailLines?.filter((p) => p !== null).length).toBe(lines.length - 1);
        send?.detailLines?.forEach((p, i) => {
          if (p) expect(inEnglish(p)).toBe(lines[i]);
        });
        expect(result.steps[2]?.verdict).toBe('skipped');
        expect(result.text).toContain('FAILED');
      } finally {
        await board.close();
        await manager.dispose();
      }
    }),
  );

  it('refuses a case it cannot run with the reason, as E_BAD_ARGUMENT', async () => {
    const { manager } = engine();
    try {
      await expect(manager.runCase({ text: 'name: x\nsteps: nope\n' })).rejects.toMatchObject({
        code: 'E_BAD_ARGUMENT',
        message: expect.stringContaining('case.yaml'),
      });
      const noBoard = 'name: x\nboard: { mode: tcp-client, port: 8087 }\nsteps: [connect]\n';
      await expect(manager.runCase({ text: noBoard })).rejects.toMatchObject({
        code: 'E_BAD_ARGUMENT',
        message: expect.stringContaining('with Host'),
      });
      await expect(manager.runCase({ text: noBoard, simulate: true })).rejects.toMatchObject({
        message: expect.stringContaining('names no simulated board'),
      });
      // Each refusal carries its phrase, which reads as the message does ("with Host", not "--host").
      for (const args of [
        { text: 'name: x\nsteps: nope\n' },
        { text: noBoard },
        { text: noBoard, simulate: true },
      ]) {
        const refused = await manager.runCase(args).catch((error: unknown) => error);
        const { message, detail } = refused as { message: string; detail?: Phrase };
        expect(detail).toBeDefined();
        expect(inEnglish(detail as Phrase)).toBe(message);
      }
    } finally {
      await manager.dispose();
    }
  });
});

describe('simulated boards from the UI', () => {
  it(
    'a W55RP20 answers a TCP client session with its prefix; list and stop',
    leakFree(async () => {
      const { manager, hub } = engine();
      try {
        const board = await manager.startSimulatedBoard({ kind: 'w55rp20' });
        expect(board).toMatchObject({ kind: 'w55rp20', host: '127.0.0.1' });
        expect(board.port).toBeGreaterThan(0);
        expect(await manager.listSimulatedBoards({})).toEqual([board]);

        const session = await manager.open({
          config: { protocol: 'tcp-client', host: board.host, port: board.port },
        });
        const reply = new Promise<string>((resolve) => {
          const off = hub.subscribe((event) => {
            if (event.type === 'data' && event.id === session.id && event.dir === 'rx') {
              off();
              resolve(Buffer.from(event.bytes).toString('latin1'));
            }
          });
        });
        const connected = new Promise<void>((resolve) => {
          const off = hub.subscribe((event) => {
            if (event.type === 'state' && event.id === session.id && event.state === 'connected') {
              off();
              resolve();
            }
          });
        });
        if ((await manager.list({}))[0]?.state !== 'connected') await connected;
        await manager.send({ id: session.id, payload: { hex: '68 65 6c 6c 6f' } });
        expect(await reply).toBe('TCP Server : hello');
        await manager.close({ id: session.id });

        await manager.stopSimulatedBoard({ id: board.id });
        expect(await manager.listSimulatedBoards({})).toEqual([]);
        await expect(manager.stopSimulatedBoard({ id: board.id })).rejects.toMatchObject({
          code: 'E_BAD_ARGUMENT',
        });
      } finally {
        await manager.dispose();
      }
    }),
  );

  it(
    'dispose closes every board; an ESP8266 aimed off this PC is refused',
    leakFree(async () => {
      const { manager } = engine();
      await manager.startSimulatedBoard({ kind: 'k230' });
      await manager.startSimulatedBoard({ kind: 'quecpython-udp' });
      const server = await manager.open({ config: { protocol: 'tcp-server', port: 0 } });
      const port = Number(server.local?.split(':').pop());
      await manager.startSimulatedBoard({ kind: 'esp8266', target: { host: '127.0.0.1', port } });
      await expect(
        manager.startSimulatedBoard({ kind: 'esp8266', target: { host: '192.168.1.10', port: 8888 } }),
      ).rejects.toMatchObject({ code: 'E_BAD_ARGUMENT', message: expect.stringContaining('loopback') });
      await expect(manager.startSimulatedBoard({ kind: 'esp8266' })).rejects.toMatchObject({
        code: 'E_BAD_ARGUMENT',
      });
      expect(await manager.listSimulatedBoards({})).toHaveLength(3);
      await manager.dispose();
    }),
  );

  it('a port in use keeps its code', async () => {
    const { manager } = engine();
    const taken = await startSimulatedBoard('w55rp20', { host: '127.0.0.1', port: 0 });
    try {
      await expect(manager.startSimulatedBoard({ kind: 'w55rp20', port: taken.port })).rejects.toMatchObject({
        code: 'EADDRINUSE',
      });
    } finally {
      await taken.close();
      await manager.dispose();
    }
  });
});

describe('through the dispatcher', () => {
  it('validates the arguments with codes', async () => {
    const { manager } = engine();
    const dispatch = createDispatcher(manager);
    try {
      const bad = async (method: Parameters<typeof dispatch>[0], arg: unknown) => {
        const result = await dispatch(method, arg);
        expect(result).toMatchObject({ ok: false, error: { code: 'E_BAD_ARGUMENT' } });
      };
      await bad('startSimulatedBoard', { kind: 'stm32' });
      await bad('startSimulatedBoard', { kind: 'w55rp20', port: 70000 });
      await bad('startSimulatedBoard', { kind: 'w55rp20', host: '0.0.0.0' });
      await bad('runCase', { text: '' });
      await bad('runCase', { text: 'x'.repeat(1024 * 1024 + 1) });
      const vars = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`v${i}`, 'x']));
      await bad('runCase', { text: 'name: x', vars });
      await bad('stopSimulatedBoard', {});

      const started = await dispatch('startSimulatedBoard', { kind: 'quecpython-tcp' });
      expect(started).toMatchObject({ ok: true, value: { kind: 'quecpython-tcp' } });
      const listed = await dispatch('listSimulatedBoards', {});
      expect(listed).toMatchObject({ ok: true, value: [{ kind: 'quecpython-tcp' }] });
    } finally {
      await manager.dispose();
    }
  });
});
