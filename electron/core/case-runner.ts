// Runs one test case against one board through SessionApi: each step gets PASS, FAIL or TIMEOUT
// (later ones SKIPPED after a failure), with round trips on a monotonic clock. Plain Node.
import { performance } from 'node:perf_hooks';
import { setTimeout as delay } from 'node:timers/promises';
import type { CaseBoard, CaseStep, StepExpect, StepKind, TestCase } from '../../shared/cases/case-types';
import { phrase } from '../../shared/codec/codec-error';
import type { Phrase, SessionConfig } from '../../shared/contract/model';
import { splitEndpoint } from '../../shared/net/ip';
import type { BoardId } from '../../shared/presets/boards';
import { type Percentiles, percentiles } from '../../shared/verify';
import { CaseLink, type LinkDeps } from './case-link';
import { awaitReply } from './case-reply';
import { formatEndpoint } from './error-messages';

export type StepVerdict = 'pass' | 'fail' | 'timeout' | 'skipped';

export interface StepResult {
  /** "4.2": the step's place in the file. */
  number: string;
  /** The rounds of the repeats around it, outermost first ("3" or "3.2"); absent outside repeats. */
  round?: string;
  kind: StepKind;
  label: string;
  /** `label` as a catalogue phrase, when SocketBench wrote it. */
  labelDetail?: Phrase;
  verdict: StepVerdict;
  durationMs: number;
  /** Send steps with an expectation: round trip to the first byte and to the complete reply. */
  firstByteMs?: number;
  completeMs?: number;
  sent?: Uint8Array;
  expected?: Uint8Array;
  actual?: Uint8Array;
  diffAt?: number;
  reason?: string;
  /** `reason` as a catalogue phrase, for a window in another language. */
  reasonDetail?: Phrase;
  /** The byte-level picture of a failure (expected against actual). */
  diff?: string;
}

export interface CaseReport {
  name: string;
  file: string;
  /** The board as the user knows it: "192.168.1.123:8087", or "listening on 0.0.0.0:8888". */
  target: string;
  simulated?: BoardId;
  verdict: 'pass' | 'fail';
  steps: StepResult[];
  counts: { passed: number; failed: number; timedOut: number; skipped: number };
  /** Over the round trips (complete reply) of every passed send. */
  rtt: Percentiles | null;
  /** Epoch milliseconds. */
  startedAt: number;
  durationMs: number;
  /** Things worth knowing that are not a step's verdict (bytes nobody checked ...). */
  notes: string[];
  /** Each note as a catalogue phrase. */
  noteDetails: Phrase[];
  /** `target` as a catalogue phrase, when it has words in it. */
  targetDetail?: Phrase;
}

export interface RunCaseOptions {
  api: LinkDeps['api'];
  subscribe: LinkDeps['subscribe'];
  /** The case's board with --host/--port applied (see resolveBoard). */
  board: CaseBoard;
  simulated?: BoardId;
  /** Monotonic milliseconds (default performance.now). */
  now?: () => number;
  signal?: AbortSignal;
  /** Each step's result as it ends, for a live summary. */
  onStep?: (result: StepResult) => void;
  /** The board as reports name it: at the start, and again once a listen step knows its port. */
  onTarget?: (target: string) => void;
  /** A listen step's server is bound (a simulated board that connects to us starts here). */
  onListening?: (address: { host: string; port: number }) => Promise<void> | void;
}

const EMPTY: Uint8Array = new Uint8Array(0);

function sessionConfig(board: CaseBoard, step: CaseStep & { kind: 'connect' | 'listen' }): SessionConfig {
  const local = {
    ...(board.localAddress ? { localAddress: board.localAddress } : {}),
  };
  if (board.mode === 'tcp-server')
    return { protocol: 'tcp-server', port: board.port ?? 0, framing: board.framing, ...local };
  if (board.mode === 'udp') {
    return {
      protocol: 'udp',
      localPort: board.localPort ?? 0,
      remoteHost: board.host ?? '',
      remotePort: board.port ?? 0,
      ...local,
    };
  }
  return {
    protocol: 'tcp-client',
    host: board.host ?? '',
    port: board.port ?? 0,
    connectTimeoutMs: step.timeoutMs,
    framing: board.framing,
    ...(board.localPort !== undefined ? { localPort: board.localPort } : {}),
    ...local,
  };
}

/** A step that failed for a reason of its own. */
const failed = (verdict: 'fail' | 'timeout', reason: string, detail: Phrase): Partial<StepResult> => ({
  verdict,
  reason,
  reasonDetail: detail,
});
const STOPPED = failed('fail', 'Stopped.', phrase('cases.stopped'));

/** A thrown error's sentence, with its phrase when the engine gave one (an ApiError's detail). */
const thrown = (error: unknown): Partial<StepResult> => {
  const detail = error instanceof Error ? (error as { detail?: Phrase }).detail : undefined;
  return {
    verdict: 'fail',
    reason: error instanceof Error ? error.message : String(error),
    ...(detail && typeof detail === 'object' ? { reasonDetail: detail } : {}),
  };
};

const listeningOn = (address: string): { text: string; detail: Phrase } => ({
  text: `listening on ${address}`,
  detail: phrase('cases.targetListening', { address }),
});

export function describeTarget(board: CaseBoard): string {
  if (board.mode === 'tcp-server')
    return `listening on ${formatEndpoint(board.localAddress || '0.0.0.0', board.port)}`;
  return `${formatEndpoint(board.host ?? '?', board.port)}${board.mode === 'udp' ? ' (UDP)' : ''}`;
}

export async function runCase(testCase: TestCase, opts: RunCaseOptions): Promise<CaseReport> {
  const now = opts.now ?? (() => performance.now());
  const deps: LinkDeps = { api: opts.api, subscribe: opts.subscribe, now };
  const { board, signal } = opts;
  const framed = board.mode === 'udp' || board.framing.kind !== 'raw';
  const startedAt = Date.now();
  const start = now();
  const results: StepResult[] = [];
  const notes: string[] = [];
  const noteDetails: Phrase[] = [];
  let target = describeTarget(board);
  let targetDetail: Phrase | undefined =
    board.mode === 'tcp-server'
      ? listeningOn(formatEndpoint(board.localAddress || '0.0.0.0', board.port)).detail
      : undefined;
  opts.onTarget?.(target);
  let link: CaseLink | undefined;
  let stopped = false;

  const record = (result: StepResult) => {
    results.push(result);
    opts.onStep?.(result);
    if ((result.verdict === 'fail' || result.verdict === 'timeout') && !testCase.continueOnFailure)
      stopped = true;
  };

  const closeLink = async () => {
    const old = link;
    link = undefined;
    if (!old) return;
    if (old.unreadCount > 0) {
      notes.push(`${old.unreadCount} received bytes were never checked by an expect.`);
      noteDetails.push(phrase('cases.noteUnread', { count: old.unreadCount }));
    }
    if (old.othersBytes > 0) {
      notes.push(`Other boards sent ${old.othersBytes} bytes to this server; they were ignored.`);
      noteDetails.push(phrase('cases.noteOthers', { count: old.othersBytes }));
    }
    await old.close();
    old.dispose();
  };

  const open = async (step: CaseStep & { kind: 'connect' | 'listen' }): Promise<Partial<StepResult>> => {
    await closeLink();
    const current = new CaseLink(deps, `${testCase.name} @ ${target}`);
    link = current;
    const snapshot = await current.open(sessionConfig(board, step));
    if (step.kind === 'listen' && !current.ended) {
      const bound = snapshot.local ? splitEndpoint(snapshot.local) : undefined;
      if (bound) {
        const listening = listeningOn(formatEndpoint(bound.address, bound.port));
        target = listening.text;
        targetDetail = listening.detail;
        opts.onTarget?.(target);
        await opts.onListening?.({
          host: bound.address === '0.0.0.0' || bound.address === '::' ? '127.0.0.1' : bound.address,
          port: bound.port,
        });
      }
    }
    const waited = await current.waitFor(
      () => (current.ready || current.ended ? true : undefined),
      step.timeoutMs,
      signal,
    );
    if (!waited.ok) {
      if (waited.why === 'aborted') return STOPPED;
      const ms = step.timeoutMs;
      return step.kind === 'listen'
        ? failed('timeout', `No board connected within ${ms} ms.`, phrase('cases.noBoardWithin', { ms }))
        : failed('timeout', `Not connected within ${ms} ms.`, phrase('cases.notConnectedWithin', { ms }));
    }
    if (!current.ready) {
      return {
        verdict: 'fail',
        reason: current.ended,
        ...(current.endedDetail ? { reasonDetail: current.endedDetail } : {}),
      };
    }
    if (step.kind !== 'listen') return { verdict: 'pass' };
    const peer = current.peer ?? '';
    return {
      verdict: 'pass',
      reason: `Board ${current.peer} connected.`,
      reasonDetail: phrase('cases.boardConnected', { peer }),
    };
  };

  const runStep = async (step: CaseStep): Promise<Partial<StepResult>> => {
    switch (step.kind) {
      case 'connect':
      case 'listen':
        return open(step);
      case 'close':
        await closeLink();
        return { verdict: 'pass' };
      case 'wait':
        try {
          await delay(step.ms, undefined, signal ? { signal } : {});
          return { verdict: 'pass' };
        } catch {
          return STOPPED;
        }
      case 'send':
      case 'expect': {
        const current = link;
        if (!current?.ready || current.ended) {
          if (current?.ended === undefined) {
            return failed('fail', 'The connection is not open.', phrase('cases.notOpen'));
          }
          return {
            verdict: 'fail',
            reason: current.ended,
            ...(current.endedDetail ? { reasonDetail: current.endedDetail } : {}),
          };
        }
        let sent: Uint8Array = EMPTY;
        let t0 = now();
        if (step.kind === 'send') {
          try {
            ({ sent, at: t0 } = await current.send(step.payload));
          } catch (error) {
            return thrown(error);
          }
          if (!step.expect) return { verdict: 'pass', sent };
        }
        const reply = await awaitReply(current, step.expect as StepExpect, sent, t0, {
          timeoutMs: step.timeoutMs,
          framed,
          now,
          ...(signal ? { signal } : {}),
        });
        return step.kind === 'send' ? { ...reply, sent } : reply;
      }
      case 'repeat':
        throw new Error('repeat is run by runSteps');
    }
  };

  const runSteps = async (steps: readonly CaseStep[], round: string | undefined): Promise<void> => {
    for (const step of steps) {
      const base = {
        number: step.number,
        ...(round ? { round } : {}),
        kind: step.kind,
        label: step.label,
        ...(step.labelDetail ? { labelDetail: step.labelDetail } : {}),
      };
      if (stopped) {
        record({ ...base, verdict: 'skipped', durationMs: 0 });
        continue;
      }
      if (step.kind === 'repeat') {
        for (let k = 1; k <= step.count; k++) {
          if (stopped) {
            record({
              ...base,
              verdict: 'skipped',
              durationMs: 0,
              reason: `Rounds ${k} to ${step.count} were not run.`,
              reasonDetail: phrase('cases.roundsNotRun', { from: k, to: step.count }),
            });
            break;
          }
          await runSteps(step.steps, round ? `${round}.${k}` : `${k}`);
        }
        continue;
      }
      const t = now();
      let outcome: Partial<StepResult>;
      try {
        outcome = await runStep(step);
      } catch (error) {
        outcome = thrown(error);
      }
      record({ ...base, verdict: 'fail', ...outcome, durationMs: now() - t } as StepResult);
    }
  };

  try {
    await runSteps(testCase.steps, undefined);
  } finally {
    await closeLink();
  }

  const count = (v: StepVerdict) => results.filter((r) => r.verdict === v).length;
  const counts = {
    passed: count('pass'),
    failed: count('fail'),
    timedOut: count('timeout'),
    skipped: count('skipped'),
  };
  const rtts = results.flatMap((r) =>
    r.kind === 'send' && r.verdict === 'pass' && r.completeMs !== undefined ? [r.completeMs] : [],
  );
  return {
    name: testCase.name,
    file: testCase.file,
    target,
    ...(opts.simulated ? { simulated: opts.simulated } : {}),
    verdict: counts.failed + counts.timedOut === 0 ? 'pass' : 'fail',
    steps: results,
    counts,
    rtt: percentiles(rtts),
    startedAt,
    durationMs: now() - start,
    notes,
    noteDetails,
    ...(targetDetail ? { targetDetail } : {}),
  };
}
