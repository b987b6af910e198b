// The engine's bench tools behind SessionApi: test cases run from the app on the same engine, and
// simulated seed boards on loopback started and stopped from the UI. Plain Node.
import { randomUUID } from 'node:crypto';
import { type CaseBoard, CaseFormatError, type TestCase } from '../../shared/cases/case-types';
import { parseCase, resolveBoard } from '../../shared/cases/parse-case';
import { phrase } from '../../shared/codec/codec-error';
import type { ApiArgs, RunCaseArgs, SessionApi } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type { CaseRunResult, CaseStepRow, Phrase, SimulatedBoardInfo } from '../../shared/contract/model';
import { parseIpUnmapped } from '../../shared/net/ip';
import { BOARD_PRESETS } from '../../shared/presets/boards';
import { formatRun, stepDetailLines } from './case-report';
import { type CaseReport, type RunCaseOptions, runCase, type StepResult } from './case-runner';
import { refusal } from './engine-said';
import { describeError } from './error-messages';
import { type SimulatedBoard, startSimulatedBoard } from './simulated-boards';

export interface CaseEngine {
  api: SessionApi;
  /** Every engine event; returns the unsubscribe. */
  subscribe(listener: EventSink): () => void;
}

/**
 * One case against one board; with `simulate`, the case's simulated board is started for the run
 * (aimed at the case's listen step for a board that connects to us) and closed after it.
 */
export async function runCaseOnBoard(
  engine: CaseEngine,
  testCase: TestCase,
  board: CaseBoard,
  opts: { simulate: boolean; signal?: AbortSignal } & Pick<RunCaseOptions, 'onStep' | 'onTarget'>,
): Promise<CaseReport> {
  const kind = opts.simulate ? testCase.simulate : undefined;
  const sims: SimulatedBoard[] = [];
  let target = board;
  let onListening: RunCaseOptions['onListening'];
  if (kind === 'esp8266') {
    // The board connects to us: listen on a free loopback port, then start it aimed there.
    target = { ...board, localAddress: '127.0.0.1', port: 0 };
    onListening = async (address) => {
      sims.push(await startSimulatedBoard(kind, { target: address }));
    };
  } else if (kind) {
    const sim = await startSimulatedBoard(kind, { host: '127.0.0.1', port: 0 });
    sims.push(sim);
    target = { ...board, host: sim.host, port: sim.port };
  }
  try {
    return await runCase(testCase, {
      api: engine.api,
      subscribe: engine.subscribe,
      board: target,
      ...(opts.signal ? { signal: opts.signal } : {}),
      ...(kind ? { simulated: kind } : {}),
      ...(onListening ? { onListening } : {}),
      ...(opts.onStep ? { onStep: opts.onStep } : {}),
      ...(opts.onTarget ? { onTarget: opts.onTarget } : {}),
    });
  } finally {
    await Promise.all(sims.map((sim) => sim.close()));
  }
}

/** The board of a case run against its simulated board (whose address is filled in when it starts). */
export function simulatedCaseBoard(testCase: TestCase): CaseBoard {
  const kind = testCase.simulate;
  if (!kind) {
    throw new CaseFormatError(
      `${testCase.file}: the case names no simulated board; add for example 'simulate: w55rp20'`,
      phrase('cases.noSimulated', { file: testCase.file }),
    );
  }
  const preset = BOARD_PRESETS[kind];
  if (preset.protocol !== testCase.board.mode) {
    throw new CaseFormatError(
      `${testCase.file}: field 'simulate': the simulated ${kind} needs a ${preset.protocol} case, not ${testCase.board.mode}`,
      phrase('cases.simulatedMode', {
        file: testCase.file,
        board: kind,
        needs: preset.protocol,
        mode: testCase.board.mode,
      }),
    );
  }
  return { ...testCase.board };
}

/** The board a case runs against, or the reason it cannot run (said for the app, not the CLI). */
export function planBoard(
  testCase: TestCase,
  args: Pick<RunCaseArgs, 'host' | 'port' | 'simulate'>,
): CaseBoard {
  if (args.simulate) return simulatedCaseBoard(testCase);
  try {
    return resolveBoard(testCase, args);
  } catch (error) {
    if (!(error instanceof CaseFormatError)) throw error;
    // The app's fields, not the command line's flags, say where a missing host or port goes.
    const flag = error.detail?.params?.flag;
    const field =
      flag === '--host' ? phrase('cases.host') : flag === '--port' ? phrase('cases.port') : undefined;
    throw new CaseFormatError(
      error.message.replace('--host', 'Host').replace('--port', 'Port'),
      error.detail && field
        ? { ...error.detail, params: { ...error.detail.params, flag: field } }
        : error.detail,
    );
  }
}

function stepRow(r: StepResult): CaseStepRow {
  const lines = stepDetailLines(r);
  return {
    number: r.number,
    ...(r.round ? { round: r.round } : {}),
    kind: r.kind,
    label: r.label,
    ...(r.labelDetail ? { labelDetail: r.labelDetail } : {}),
    verdict: r.verdict,
    durationMs: r.durationMs,
    ...(r.firstByteMs !== undefined ? { firstByteMs: r.firstByteMs } : {}),
    ...(r.completeMs !== undefined ? { completeMs: r.completeMs } : {}),
    ...(lines.length > 0 ? { details: lines.map((line) => line.text).join('\n') } : {}),
    ...(lines.some((line) => line.detail) ? { detailLines: lines.map((line) => line.detail ?? null) } : {}),
  };
}

/** The report without bytes, for the wire. */
export function toCaseRunResult(report: CaseReport): CaseRunResult {
  return {
    name: report.name,
    file: report.file,
    target: report.target,
    ...(report.simulated ? { simulated: report.simulated } : {}),
    passed: report.verdict === 'pass',
    steps: report.steps.map(stepRow),
    counts: { ...report.counts },
    rtt: report.rtt ? { ...report.rtt } : null,
    durationMs: report.durationMs,
    notes: [...report.notes],
    ...(report.noteDetails.length === report.notes.length ? { noteDetails: [...report.noteDetails] } : {}),
    ...(report.targetDetail ? { targetDetail: report.targetDetail } : {}),
    text: formatRun(report).join('\n'),
  };
}

const isLoopback = (host: string): boolean => {
  if (host === 'localhost') return true;
  const ip = parseIpUnmapped(host);
  if (!ip) return false;
  return ip.family === 4 ? ip.bytes[0] === 127 : ip.bytes.every((b, i) => b === (i === 15 ? 1 : 0));
};

export interface BenchTools {
  runCase(args: RunCaseArgs): Promise<CaseRunResult>;
  startSimulatedBoard(args: ApiArgs<'startSimulatedBoard'>): Promise<SimulatedBoardInfo>;
  stopSimulatedBoard(args: { id: string }): Promise<void>;
  listSimulatedBoards(): Promise<SimulatedBoardInfo[]>;
  /** Stops the running cases and closes every simulated board. */
  dispose(): Promise<void>;
}

export function createBenchTools(engine: CaseEngine, opts: { newId?: () => string } = {}): BenchTools {
  const newId = opts.newId ?? randomUUID;
  const boards = new Map<string, { info: SimulatedBoardInfo; board: SimulatedBoard }>();
  const runs = new Set<{ aborter: AbortController; done: Promise<unknown> }>();
  let disposed = false;

  const refuse = (message: string, detail?: Phrase) =>
    new ApiError(CONTRACT_ERROR_CODES.badArgument, message, detail);
  const checkOpen = () => {
    if (disposed) throw refusal(CONTRACT_ERROR_CODES.internal, 'error.engine.shuttingDown');
  };

  return {
    async runCase(args) {
      checkOpen();
      let testCase: TestCase;
      let board: CaseBoard;
      try {
        testCase = parseCase(args.text, { file: args.file || 'case.yaml', vars: args.vars ?? {} });
        board = planBoard(testCase, args);
      } catch (error) {
        if (error instanceof CaseFormatError) throw refuse(error.message, error.detail);
        throw error;
      }
      const aborter = new AbortController();
      const done = runCaseOnBoard(engine, testCase, board, {
        simulate: args.simulate === true,
        signal: aborter.signal,
      });
      const run = { aborter, done: done.catch(() => undefined) };
      runs.add(run);
      try {
        return toCaseRunResult(await done);
      } finally {
        runs.delete(run);
      }
    },

    async startSimulatedBoard({ kind, port, target }) {
      checkOpen();
      if (kind === 'esp8266' && !target) {
        throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.board.esp8266Target');
      }
      if (target && !isLoopback(target.host)) {
        throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.board.notLoopback', { host: target.host });
      }
      let board: SimulatedBoard;
      try {
        board = await startSimulatedBoard(kind, {
          host: '127.0.0.1',
          port: port ?? 0,
          ...(kind === 'esp8266' && target ? { target } : {}),
        });
      } catch (error) {
        const role = kind === 'quecpython-udp' ? 'udp' : 'listen';
        const { code, message, detail } = describeError(error, { host: '127.0.0.1', port: port ?? 0, role });
        throw new ApiError(code, message, detail);
      }
      if (disposed) {
        await board.close();
        checkOpen();
      }
      const info: SimulatedBoardInfo = { id: newId(), kind, host: board.host, port: board.port };
      boards.set(info.id, { info, board });
      return info;
    },

    async stopSimulatedBoard({ id }) {
      const entry = boards.get(id);
      if (!entry) throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.board.unknown', { id });
      boards.delete(id);
      await entry.board.close();
    },

    async listSimulatedBoards() {
      return [...boards.values()].map(({ info }) => ({ ...info }));
    },

    async dispose() {
      disposed = true;
      for (const run of runs) run.aborter.abort();
      const closing = [...boards.values()].map(({ board }) => board.close());
      boards.clear();
      await Promise.all([...closing, ...[...runs].map((run) => run.done)]);
    },
  };
}
