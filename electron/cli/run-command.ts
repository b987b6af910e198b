// `socketbench run`: loads case files, picks their boards (the file, --host/--port, --fan-out or a
// simulated board), runs them on an in-process engine and reports. Plain Node.
import { readFile, writeFile } from 'node:fs/promises';
import { createEventHub } from '../../electron/core/event-hub';
import { type CaseBoard, CaseFormatError, type TestCase } from '../../shared/cases/case-types';
import { parseCase, resolveBoard } from '../../shared/cases/parse-case';
import { type CaseEngine, runCaseOnBoard, simulatedCaseBoard } from '../core/bench-tools';
import { toJsonReport } from '../core/case-json';
import { toJUnitXml } from '../core/case-junit';
import {
  formatBoardTable,
  formatRun,
  formatRunFooter,
  formatRunHeader,
  formatStep,
} from '../core/case-report';
import type { CaseReport } from '../core/case-runner';
import { createSessionManager } from '../core/session-manager';
import type { RunOptions } from './args';

export interface RunIo {
  stdout(line: string): void;
  stderr(text: string): void;
  onStopSignal(stop: () => void): () => void;
}

export const RUN_PASSED = 0;
export const RUN_FAILED = 1;
export const RUN_USAGE = 2;

interface Planned {
  testCase: TestCase;
  boards: CaseBoard[];
}

async function loadCases(options: RunOptions, io: RunIo): Promise<Planned[] | undefined> {
  const planned: Planned[] = [];
  const problems: string[] = [];
  for (const file of options.cases) {
    let text: string;
    try {
      text = await readFile(file, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      problems.push(
        `${file}: ${code === 'ENOENT' ? 'no such file' : `cannot read it (${code ?? String(error)})`}`,
      );
      continue;
    }
    try {
      const testCase = parseCase(text, { file, vars: options.vars });
      planned.push({ testCase, boards: planBoards(testCase, options) });
    } catch (error) {
      if (!(error instanceof CaseFormatError)) throw error;
      problems.push(error.message);
    }
  }
  if (problems.length === 0) return planned;
  for (const problem of problems) io.stderr(`socketbench: ${problem}\n`);
  return undefined;
}

/** The boards one case runs against; a simulated board's address is filled in when it starts. */
function planBoards(testCase: TestCase, options: RunOptions): CaseBoard[] {
  if (options.simulate) return [simulatedCaseBoard(testCase)];
  if (options.fanOut) {
    return options.fanOut.map(({ host, port }) => resolveBoard(testCase, { host, port }));
  }
  return [resolveBoard(testCase, options)];
}

async function writeReport(path: string, text: string, what: string, io: RunIo): Promise<boolean> {
  try {
    await writeFile(path, text);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? String(error);
    io.stderr(`socketbench: could not write the ${what} report to ${path} (${code})\n`);
    return false;
  }
}

export async function runCommand(options: RunOptions, io: RunIo): Promise<number> {
  const planned = await loadCases(options, io);
  if (!planned) return RUN_USAGE;

  const aborter = new AbortController();
  const offSignal = io.onStopSignal(() => {
    io.stderr('socketbench: stopping; the steps not run are reported as skipped.\n');
    aborter.abort();
  });
  const hub = createEventHub();
  const api = createSessionManager({ sink: hub.sink });
  const engine: CaseEngine = { api, subscribe: hub.subscribe };
  const reports: CaseReport[] = [];
  try {
    for (const { testCase, boards } of planned) {
      if (boards.length === 1) {
        // One board at a time: each step's line as it ends.
        // The header waits for the first step, when a simulated board or a listen knows its port.
        let target = '';
        let header = false;
        const simulated = options.simulate ? testCase.simulate : undefined;
        const report = await runCaseOnBoard(engine, testCase, boards[0] as CaseBoard, {
          simulate: options.simulate,
          signal: aborter.signal,
          onTarget: (t) => {
            target = t;
          },
          onStep: (step) => {
            if (!header) io.stdout(formatRunHeader({ ...testCase, target, simulated }));
            header = true;
            for (const line of formatStep(step)) io.stdout(line);
          },
        });
        for (const line of formatRunFooter(report)) io.stdout(line);
        reports.push(report);
      } else {
        // Boards side by side: each run's block when it ends, so their lines never interleave.
        const runs = boards.map((board) =>
          runCaseOnBoard(engine, testCase, board, {
            simulate: options.simulate,
            signal: aborter.signal,
          }).then((report) => {
            for (const line of formatRun(report)) io.stdout(line);
            io.stdout('');
            return report;
          }),
        );
        const done = await Promise.all(runs);
        reports.push(...done);
        io.stdout(`Per board (${testCase.name}):`);
        for (const line of formatBoardTable(done)) io.stdout(line);
      }
      io.stdout('');
      if (aborter.signal.aborted) break;
    }
  } finally {
    offSignal();
    await api.dispose();
  }

  if (reports.length > 1) {
    const failed = reports.filter((r) => r.verdict === 'fail').length;
    io.stdout(
      failed === 0 ? `All ${reports.length} runs passed.` : `${failed} of ${reports.length} runs failed.`,
    );
  }
  let written = true;
  if (options.junit)
    written = (await writeReport(options.junit, toJUnitXml(reports), 'JUnit', io)) && written;
  if (options.json) {
    written =
      (await writeReport(options.json, `${JSON.stringify(toJsonReport(reports), null, 2)}\n`, 'JSON', io)) &&
      written;
  }
  if (!written) return RUN_USAGE;
  return reports.every((r) => r.verdict === 'pass') && !aborter.signal.aborted ? RUN_PASSED : RUN_FAILED;
}
