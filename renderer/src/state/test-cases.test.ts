// The Test cases panel's state: form to arguments, summaries, and the store against a small engine fake.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { CaseRunResult, SimulatedBoardInfo } from '../../../shared/contract/model';
import {
  boardArgs,
  createTestCasesStore,
  formatMs,
  initialTestCases,
  runArgs,
  summaryLine,
  type TestCasesApi,
} from './test-cases';

const RESULT: CaseRunResult = {
  name: 'W55RP20 prefix echo',
  file: 'w55rp20-prefix-echo.yaml',
  target: '127.0.0.1:40000',
  simulated: 'w55rp20',
  passed: true,
  steps: [{ number: '1', kind: 'connect', label: 'connect', verdict: 'pass', durationMs: 1 }],
  counts: { passed: 1, failed: 0, timedOut: 0, skipped: 0 },
  rtt: null,
  durationMs: 2,
  notes: [],
  text: 'PASSED',
};

function fakeApi() {
  const calls: unknown[] = [];
  const boards: SimulatedBoardInfo[] = [];
  const api: TestCasesApi = {
    async runCase(args) {
      calls.push(['runCase', args]);
      if (args.text.includes('broken'))
        throw new ApiError('E_BAD_ARGUMENT', 'case.yaml: steps: expected a list');
      return RESULT;
    },
    async startSimulatedBoard(args) {
      calls.push(['start', args]);
      if (args.port === 1) throw new ApiError('EACCES', 'Port 1 needs administrator rights.');
      const info = {
        id: `b${boards.length + 1}`,
        kind: args.kind,
        host: '127.0.0.1',
        port: 40000 + boards.length,
      };
      boards.push(info);
      return info;
    },
    async stopSimulatedBoard({ id }) {
      calls.push(['stop', id]);
      boards.splice(
        boards.findIndex((b) => b.id === id),
        1,
      );
    },
    async listSimulatedBoards() {
      return [...boards];
    },
  };
  return { api, calls };
}

describe('runArgs', () => {
  const form = { ...initialTestCases(), caseText: 'name: x', caseFile: 'x.yaml' };

  it('asks for a case first', () => {
    expect(runArgs({ ...form, caseText: '  ' })).toEqual({
      ok: false,
      error: 'Choose a case file or paste a case.',
    });
  });

  it('simulates by default and ignores Host and Port then', () => {
    expect(runArgs({ ...form, host: '10.0.0.1', port: '80' })).toEqual({
      ok: true,
      value: { text: 'name: x', file: 'x.yaml', simulate: true },
    });
  });

  it('passes Host and Port against a real board, and checks the port', () => {
    const real = { ...form, simulate: false };
    expect(runArgs({ ...real, host: ' 192.168.1.123 ', port: '8087' })).toEqual({
      ok: true,
      value: { text: 'name: x', file: 'x.yaml', host: '192.168.1.123', port: 8087 },
    });
    expect(runArgs({ ...real, port: '70000' })).toEqual({
      ok: false,
      error: 'Port must be a number from 1 to 65535.',
    });
    expect(runArgs({ ...real, port: '12a' }).ok).toBe(false);
  });
});

describe('boardArgs', () => {
  const form = initialTestCases();
  it('port 0 or empty means any port', () => {
    expect(boardArgs(form)).toEqual({ ok: true, value: { kind: 'w55rp20' } });
    expect(boardArgs({ ...form, boardKind: 'k230', boardPort: '' })).toEqual({
      ok: true,
      value: { kind: 'k230' },
    });
    expect(boardArgs({ ...form, boardPort: '8087' })).toEqual({
      ok: true,
      value: { kind: 'w55rp20', port: 8087 },
    });
    expect(boardArgs({ ...form, boardPort: '-1' }).ok).toBe(false);
  });

  it('an ESP8266 needs the target port it connects to', () => {
    const esp = { ...form, boardKind: 'esp8266' as const };
    expect(boardArgs(esp)).toMatchObject({ ok: false, error: expect.stringContaining('Target port') });
    expect(boardArgs({ ...esp, targetPort: '8888' })).toEqual({
      ok: true,
      value: { kind: 'esp8266', target: { host: '127.0.0.1', port: 8888 } },
    });
  });
});

describe('summaries', () => {
  it('names timed-out and skipped steps only when there are some', () => {
    expect(summaryLine({ counts: { passed: 5, failed: 0, timedOut: 0, skipped: 0 } })).toBe(
      '5 passed, 0 failed',
    );
    expect(summaryLine({ counts: { passed: 1, failed: 1, timedOut: 1, skipped: 3 } })).toBe(
      '1 passed, 1 failed, 1 timed out, 3 skipped',
    );
  });
  it('formats round trips like the command line', () => {
    expect(formatMs(0.213)).toBe('0.21 ms');
    expect(formatMs(12.34)).toBe('12.3 ms');
    expect(formatMs(1234.4)).toBe('1234 ms');
  });
});

describe('createTestCasesStore', () => {
  it('runs a case and keeps its result; a refused case shows the engine sentence', async () => {
    const { api, calls } = fakeApi();
    const store = createTestCasesStore(api);
    await store.run();
    expect(store.getState().runError).toBe('Choose a case file or paste a case.');
    expect(calls).toEqual([]);

    store.update({ caseText: 'name: x', caseFile: 'x.yaml' });
    const running = store.run();
    expect(store.getState().running).toBe(true);
    await running;
    expect(store.getState()).toMatchObject({ running: false, result: RESULT, runError: undefined });

    store.update({ caseText: 'broken' });
    await store.run();
    expect(store.getState()).toMatchObject({
      result: undefined,
      runError: 'case.yaml: steps: expected a list',
    });
  });

  it('starts, lists and stops simulated boards; a failure shows its sentence', async () => {
    const { api, calls } = fakeApi();
    const store = createTestCasesStore(api);
    await store.startBoard();
    expect(store.getState().boards).toEqual([{ id: 'b1', kind: 'w55rp20', host: '127.0.0.1', port: 40000 }]);

    store.update({ boardPort: '1' });
    await store.startBoard();
    expect(store.getState()).toMatchObject({
      boardBusy: false,
      boardError: 'Port 1 needs administrator rights.',
    });

    store.update({ boardKind: 'esp8266' });
    await store.startBoard();
    expect(store.getState().boardError).toContain('Target port');

    await store.stopBoard('b1');
    expect(store.getState()).toMatchObject({ boards: [], boardError: undefined });
    expect(calls).toContainEqual(['stop', 'b1']);
  });
});
