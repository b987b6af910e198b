// The Test cases panel's state: the case to run (file or pasted text, Host / Port overrides, simulate),
// its last result, and the simulated boards started from the UI. Pure logic over a vanilla store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import type { RunCaseArgs, SessionApi } from '../../../shared/contract/api';
import type { CaseRunResult, CaseStepVerdict, SimulatedBoardInfo } from '../../../shared/contract/model';
import type { BoardId } from '../../../shared/presets/boards';
import { type MessageKey, t } from '../i18n';
import { toErrorInfo } from './session-actions';

export type TestCasesApi = Pick<
  SessionApi,
  'runCase' | 'startSimulatedBoard' | 'stopSimulatedBoard' | 'listSimulatedBoards'
>;

/** The Board select's options, in the seed boards' order. */
export const BOARD_CHOICES: readonly { id: BoardId; label: string }[] = [
  { id: 'w55rp20', label: 'W55RP20' },
  { id: 'k230', label: 'K230' },
  { id: 'esp8266', label: 'ESP8266' },
  { id: 'quecpython-tcp', label: 'QuecPython TCP' },
  { id: 'quecpython-udp', label: 'QuecPython UDP' },
];

export const boardLabel = (kind: BoardId): string => BOARD_CHOICES.find((c) => c.id === kind)?.label ?? kind;

export interface TestCasesState {
  caseText: string;
  /** The loaded file's name; named in the report and messages. */
  caseFile: string;
  host: string;
  port: string;
  simulate: boolean;
  running: boolean;
  result?: CaseRunResult;
  runError?: string;

  boardKind: BoardId;
  boardPort: string;
  targetHost: string;
  targetPort: string;
  boards: SimulatedBoardInfo[];
  boardBusy: boolean;
  boardError?: string;
}

export type CaseFields = Pick<TestCasesState, 'caseText' | 'caseFile' | 'host' | 'port' | 'simulate'>;
export type BoardFields = Pick<TestCasesState, 'boardKind' | 'boardPort' | 'targetHost' | 'targetPort'>;

export const initialTestCases = (): TestCasesState => ({
  caseText: '',
  caseFile: '',
  host: '',
  port: '',
  simulate: true,
  running: false,
  boardKind: 'w55rp20',
  boardPort: '0',
  targetHost: '127.0.0.1',
  targetPort: '',
  boards: [],
  boardBusy: false,
});

type Parsed<T> = { ok: true; value: T } | { ok: false; error: string };

/** "" -> undefined; otherwise a whole number in [min, 65535], or the reason it is not (`bad`'s sentence). */
function parsePort(text: string, bad: MessageKey, min: number): Parsed<number | undefined> {
  const typed = text.trim();
  if (typed === '') return { ok: true, value: undefined };
  const n = /^\d+$/.test(typed) ? Number(typed) : Number.NaN;
  if (!Number.isInteger(n) || n < min || n > 65535) {
    return { ok: false, error: t(bad, { min }) };
  }
  return { ok: true, value: n };
}

/** The runCase argument from the form, or what to fix first. */
export function runArgs(s: CaseFields): Parsed<RunCaseArgs> {
  if (s.caseText.trim() === '') return { ok: false, error: t('cases.noCase') };
  const port = parsePort(s.port, 'cases.portBad', 1);
  if (!port.ok) return port;
  const host = s.host.trim();
  return {
    ok: true,
    value: {
      text: s.caseText,
      ...(s.caseFile ? { file: s.caseFile } : {}),
      ...(s.simulate ? { simulate: true } : {}),
      ...(!s.simulate && host ? { host } : {}),
      ...(!s.simulate && port.value !== undefined ? { port: port.value } : {}),
    },
  };
}

/** The startSimulatedBoard argument from the form, or what to fix first. */
export function boardArgs(s: BoardFields): Parsed<Parameters<SessionApi['startSimulatedBoard']>[0]> {
  if (s.boardKind === 'esp8266') {
    const port = parsePort(s.targetPort, 'cases.targetPortBad', 1);
    if (!port.ok) return port;
    if (port.value === undefined) {
      return {
        ok: false,
        error: t('cases.espNeedsTarget'),
      };
    }
    return {
      ok: true,
      value: { kind: 'esp8266', target: { host: s.targetHost.trim() || '127.0.0.1', port: port.value } },
    };
  }
  const port = parsePort(s.boardPort, 'cases.portBad', 0);
  if (!port.ok) return port;
  return { ok: true, value: { kind: s.boardKind, ...(port.value ? { port: port.value } : {}) } };
}

const VERDICT_WORDS: Readonly<Record<CaseStepVerdict, MessageKey>> = {
  pass: 'cases.pass',
  fail: 'cases.fail',
  timeout: 'cases.timeout',
  skipped: 'cases.skipped',
};

/** A step's badge: PASS, FAIL, TIMEOUT or SKIPPED in the window's language. */
export const verdictWord = (verdict: CaseStepVerdict): string => t(VERDICT_WORDS[verdict]);

/** "14 passed, 0 failed", with timed-out and skipped steps named only when there are any. */
export function summaryLine(result: Pick<CaseRunResult, 'counts'>): string {
  const { passed, failed, timedOut, skipped } = result.counts;
  const parts = [t('cases.countPassed', { count: passed }), t('cases.countFailed', { count: failed })];
  if (timedOut > 0) parts.push(t('cases.countTimedOut', { count: timedOut }));
  if (skipped > 0) parts.push(t('cases.countSkipped', { count: skipped }));
  return parts.join(t('cases.listSeparator'));
}

/** 0.213 -> "0.21 ms", 12.34 -> "12.3 ms", 1234 -> "1234 ms" (as the command line prints them). */
export function formatMs(ms: number): string {
  if (ms < 1) return `${ms.toFixed(2)} ms`;
  if (ms < 100) return `${ms.toFixed(1)} ms`;
  return `${Math.round(ms)} ms`;
}

export interface TestCasesStore extends StoreApi<TestCasesState> {
  update(fields: Partial<CaseFields & BoardFields>): void;
  run(): Promise<void>;
  refreshBoards(): Promise<void>;
  startBoard(): Promise<void>;
  stopBoard(id: string): Promise<void>;
}

export function createTestCasesStore(api: TestCasesApi): TestCasesStore {
  const store = createStore<TestCasesState>()(initialTestCases);
  const message = (error: unknown) => toErrorInfo(error).message;

  const refreshBoards = async () => {
    try {
      store.setState({ boards: await api.listSimulatedBoards({}) });
    } catch (error) {
      store.setState({ boardError: message(error) });
    }
  };

  return {
    ...store,
    update: (fields) => store.setState(fields),
    async run() {
      if (store.getState().running) return;
      const args = runArgs(store.getState());
      if (!args.ok) {
        store.setState({ runError: args.error, result: undefined });
        return;
      }
      store.setState({ running: true, runError: undefined, result: undefined });
      try {
        store.setState({ result: await api.runCase(args.value) });
      } catch (error) {
        store.setState({ runError: message(error) });
      } finally {
        store.setState({ running: false });
      }
    },
    refreshBoards,
    async startBoard() {
      const args = boardArgs(store.getState());
      if (!args.ok) {
        store.setState({ boardError: args.error });
        return;
      }
      store.setState({ boardBusy: true, boardError: undefined });
      try {
        await api.startSimulatedBoard(args.value);
      } catch (error) {
        store.setState({ boardError: message(error) });
      } finally {
        store.setState({ boardBusy: false });
      }
      await refreshBoards();
    },
    async stopBoard(id) {
      store.setState({ boardError: undefined });
      try {
        await api.stopSimulatedBoard({ id });
      } catch (error) {
        store.setState({ boardError: message(error) });
      }
      await refreshBoards();
    },
  };
}
