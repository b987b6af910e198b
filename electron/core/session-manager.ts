// The engine behind SessionApi: owns every live session, routes calls by id, reports through the
// injected sink. Plain Node; transports and windows never see a socket.
import { randomUUID } from 'node:crypto';
import type { ApiArgs, OpenArgs, SendResult, SessionApi } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EngineEvent, EventSink } from '../../shared/contract/events';
import type {
  AutoReplyRule,
  CaptureStatus,
  ExpectSpec,
  FramingSpec,
  InterfaceAddress,
  Payload,
  SelfTestResult,
  SendTarget,
  SessionId,
  SessionSnapshot,
} from '../../shared/contract/model';
import { validateFraming } from '../../shared/framing';
import { createBenchTools } from './bench-tools';
import { refusal } from './engine-said';
import { createEventHub } from './event-hub';
import { listInterfaces } from './interfaces';
import { selfTest } from './self-test';
import { type EngineSession, MacroCounter, refusedBeforeSending, type SessionEmit } from './session';
import { SessionAutomation } from './session-automation';
import { type SessionCapture, startSessionCapture } from './session-capture';
import { createSession, defaultName } from './session-factory';
import { TcpServerSession } from './tcp-server';

export type SessionManager = SessionApi & {
  /** Closes every session and refuses new ones. */
  dispose(): Promise<void>;
};

export interface SessionManagerOptions {
  sink: EventSink;
  now?: () => number;
  newId?: () => string;
  /** Passed to each session; tests shorten it. */
  closeGraceMs?: number;
  maxQueuedSendBytes?: number;
  /** This PC's interface addresses (default: the OS's); tests keep self-tests on loopback with it. */
  interfaces?: () => InterfaceAddress[];
  selfTestTimeoutMs?: number;
  /** Capture queue limits (see createCapture); tests make them small. */
  captureHighWaterBytes?: number;
  captureMaxQueuedBytes?: number;
}

interface Entry {
  session: EngineSession;
  name: string;
  openedAt: number;
  /** Events wait until 'session-opened' went out, so no one hears of a session before it exists. */
  announced: boolean;
  queued: EngineEvent[];
  emit: SessionEmit;
  macros: MacroCounter;
  /** Expect rule, auto-replies and tasks; it sees every event the session emits (set with session). */
  automation: SessionAutomation;
  /** The running capture, or the last one (its final status stays in the snapshot). */
  capture?: SessionCapture;
  /** A capture being opened: a second start meanwhile is refused. */
  captureStarting?: boolean;
}

export function createSessionManager(opts: SessionManagerOptions): SessionManager {
  // Case runs inside the engine follow its events through this hub, as a window does.
  const hub = createEventHub();
  hub.subscribe(opts.sink);
  const sink = hub.sink;
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? randomUUID;
  const interfaces = opts.interfaces ?? (() => listInterfaces());
  const sessions = new Map<SessionId, Entry>();
  let disposed = false;

  const snapshot = (id: SessionId, entry: Entry): SessionSnapshot => {
    const status = entry.session.getStatus();
    return {
      id,
      name: entry.name,
      config: entry.session.config,
      state: status.state,
      ...(status.error ? { error: status.error } : {}),
      ...(status.local ? { local: status.local } : {}),
      ...(status.remote ? { remote: status.remote } : {}),
      counters: status.counters,
      openedAt: entry.openedAt,
      ...(status.clients ? { clients: status.clients } : {}),
      ...(status.receiveBuffer ? { receiveBuffer: status.receiveBuffer } : {}),
      ...(entry.session.framing ? { framing: entry.session.framing } : {}),
      ...(entry.capture ? { capture: entry.capture.getStatus() } : {}),
    };
  };

  const checkFraming = (framing: FramingSpec | undefined): void => {
    const problem = framing ? validateFraming(framing) : undefined;
    if (problem) throw new ApiError(CONTRACT_ERROR_CODES.badArgument, problem);
  };

  const find = (id: SessionId): Entry => {
    const entry = sessions.get(id);
    if (!entry) {
      throw refusal(CONTRACT_ERROR_CODES.unknownSession, 'error.session.unknown', { id });
    }
    return entry;
  };

  const findServer = (
    id: SessionId,
    purpose: 'error.session.notServer.clients' | 'error.session.notServer.selfTest',
  ): TcpServerSession => {
    const { session } = find(id);
    if (session instanceof TcpServerSession) return session;
    throw refusal(CONTRACT_ERROR_CODES.badArgument, purpose, {
      kind: { key: `error.session.kind.${session.config.protocol}` },
    });
  };

  const closeEntry = async (id: SessionId, entry: Entry): Promise<void> => {
    // Forgotten first, so a second close of the same id is "unknown" rather than a double close.
    sessions.delete(id);
    // Tasks end first, so their final events precede the session's end.
    entry.automation.dispose();
    await entry.session.close();
    // After the sockets closed, so the file holds every byte the session counted.
    await entry.capture?.stop();
    if (entry.announced) sink({ type: 'session-closed', id });
  };

  const manager: SessionManager = {
    async open({ config, name }: OpenArgs): Promise<SessionSnapshot> {
      if (disposed) {
        throw refusal(CONTRACT_ERROR_CODES.internal, 'error.engine.noNewSessions');
      }
      if (config.protocol !== 'udp') checkFraming(config.framing);
      let id = newId();
      while (sessions.has(id)) id = newId();
      const queued: EngineEvent[] = [];
      // Automation sees each event after it went on, so a reply it provokes is logged after it; the
      // session timed a data event at the socket, so a round trip it measures is the board's.
      const emit: SessionEmit = (event, mono) => {
        if (entry.announced) sink(event);
        else queued.push(event);
        entry.automation?.observe(event, mono);
      };
      const macros = new MacroCounter();
      const entry = { name: '', openedAt: now(), announced: false, queued, emit, macros } as Entry;
      const deps = {
        id,
        emit,
        now,
        closeGraceMs: opts.closeGraceMs,
        maxQueuedSendBytes: opts.maxQueuedSendBytes,
      };
      entry.session = createSession(config, deps);
      entry.automation = new SessionAutomation({ id, emit, now, session: entry.session, macros });
      sessions.set(id, entry);
      // A server or UDP socket is bound (or has failed) when this resolves, so the snapshot carries
      // the real port and any "port in use" sentence; a client is still connecting.
      await entry.session.start();
      if (sessions.get(id) !== entry) {
        throw refusal(CONTRACT_ERROR_CODES.unknownSession, 'error.session.closedWhileStarting');
      }
      entry.name = name?.trim() || defaultName(config, entry.session.getStatus());
      const opened = snapshot(id, entry);
      sink({ type: 'session-opened', session: opened });
      entry.announced = true;
      for (const event of queued.splice(0)) sink(event);
      return opened;
    },

    async close({ id }: { id: SessionId }): Promise<void> {
      await closeEntry(id, find(id));
    },

    async send({
      id,
      payload,
      to,
    }: {
      id: SessionId;
      payload: Payload;
      to?: SendTarget;
    }): Promise<SendResult> {
      const { session, macros } = find(id);
      const n = macros.take(payload);
      try {
        return await session.send(payload, to, macros.context(n));
      } catch (err) {
        if (n !== undefined && refusedBeforeSending(err)) macros.giveBack(n);
        throw err;
      }
    },

    async list(): Promise<SessionSnapshot[]> {
      return [...sessions].map(([id, entry]) => snapshot(id, entry));
    },

    async rename({ id, name }: { id: SessionId; name: string }): Promise<void> {
      const entry = find(id);
      const trimmed = name.trim();
      if (!trimmed) throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.session.emptyName');
      entry.name = trimmed;
      if (entry.announced) sink({ type: 'renamed', id, name: trimmed });
    },

    async disconnectClient({ id, peer }: { id: SessionId; peer: string }): Promise<void> {
      await findServer(id, 'error.session.notServer.clients').disconnectClient(peer);
    },

    async listInterfaces(): Promise<InterfaceAddress[]> {
      return interfaces();
    },

    async selfTest({ id }: { id: SessionId }): Promise<SelfTestResult[]> {
      const server = findServer(id, 'error.session.notServer.selfTest');
      return selfTest(server, { interfaces: interfaces(), timeoutMs: opts.selfTestTimeoutMs });
    },

    async setFraming({ id, framing }: { id: SessionId; framing: FramingSpec }): Promise<void> {
      const { session } = find(id);
      checkFraming(framing);
      session.setFraming(framing);
    },

    async resetCounters({ id }: { id: SessionId }): Promise<void> {
      find(id).session.resetCounters();
    },

    async startCapture({ id, path }: { id: SessionId; path: string }): Promise<CaptureStatus> {
      const entry = find(id);
      if (entry.captureStarting || entry.capture?.active) {
        throw entry.capture?.active
          ? refusal(CONTRACT_ERROR_CODES.badArgument, 'error.capture.alreadyTo', {
              path: entry.capture.getStatus().path,
            })
          : refusal(CONTRACT_ERROR_CODES.badArgument, 'error.capture.already');
      }
      entry.captureStarting = true;
      try {
        const capture = await startSessionCapture({
          id,
          emit: entry.emit,
          now,
          session: entry.session,
          path,
          highWaterBytes: opts.captureHighWaterBytes,
          maxQueuedBytes: opts.captureMaxQueuedBytes,
        });
        if (sessions.get(id) !== entry) {
          await capture.stop();
          throw refusal(CONTRACT_ERROR_CODES.unknownSession, 'error.capture.closedWhileStarting');
        }
        entry.capture = capture;
        return capture.getStatus();
      } finally {
        entry.captureStarting = false;
      }
    },

    async stopCapture({ id }: { id: SessionId }): Promise<CaptureStatus> {
      const { capture } = find(id);
      if (!capture) {
        throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.capture.none');
      }
      return capture.stop();
    },

    async setExpect({ id, expect }: { id: SessionId; expect: ExpectSpec | null }): Promise<void> {
      find(id).automation.setExpect(expect);
    },

    async setAutoReply({ id, rules }: { id: SessionId; rules: AutoReplyRule[] }): Promise<void> {
      find(id).automation.setAutoReply(rules);
    },

    async startPeriodic({ id, ...args }: ApiArgs<'startPeriodic'>): Promise<{ taskId: string }> {
      return find(id).automation.startPeriodic(args);
    },

    async startSoak({ id, ...args }: ApiArgs<'startSoak'>): Promise<{ taskId: string }> {
      return find(id).automation.startSoak(args);
    },

    async stopTask({ id, taskId }: { id: SessionId; taskId: string }): Promise<void> {
      find(id).automation.stopTask(taskId);
    },

    runCase: (args) => tools.runCase(args),
    startSimulatedBoard: (args) => tools.startSimulatedBoard(args),
    stopSimulatedBoard: (args) => tools.stopSimulatedBoard(args),
    listSimulatedBoards: () => tools.listSimulatedBoards(),

    async dispose(): Promise<void> {
      disposed = true;
      await Promise.all([tools.dispose(), ...[...sessions].map(([id, entry]) => closeEntry(id, entry))]);
    },
  };
  const tools = createBenchTools({ api: manager, subscribe: hub.subscribe }, { newId });
  return manager;
}
