// AppApi: the one interface between the UI and the engine side, written once: SessionApi (the
// engine) and SettingsApi (the settings file). Every method takes one object argument; transports
// derive their channel names from API_METHODS.

import type { BoardId } from '../presets/boards';
import type { Settings, SettingsPatch } from '../settings/schema';
import type {
  AutoReplyRule,
  CaptureStatus,
  CaseRunResult,
  ExpectSpec,
  FramingSpec,
  InterfaceAddress,
  Payload,
  SelfTestResult,
  SendTarget,
  SessionConfig,
  SessionId,
  SessionSnapshot,
  SimulatedBoardInfo,
} from './model';

export interface OpenArgs {
  config: SessionConfig;
  /** Shown in lists; defaults to "host:port". */
  name?: string;
}

export interface SendResult {
  /** Bytes handed to the socket. */
  bytes: number;
}

export interface SessionApi {
  /** Create a session and start it (a TCP client connects, a server listens, UDP binds). */
  open(args: OpenArgs): Promise<SessionSnapshot>;
  /** Stop a session, close its sockets and forget it. */
  close(args: { id: SessionId }): Promise<void>;
  /**
   * Send one payload. `to` picks a server's client (default: all clients) or a UDP peer (default:
   * the configured remote host and port).
   */
  send(args: { id: SessionId; payload: Payload; to?: SendTarget }): Promise<SendResult>;
  /** Every live session, for a UI that starts, reloads or reconnects. */
  list(args: Record<string, never>): Promise<SessionSnapshot[]>;
  rename(args: { id: SessionId; name: string }): Promise<void>;
  /** Close one board's connection to a TCP server session. */
  disconnectClient(args: { id: SessionId; peer: string }): Promise<void>;
  /** This PC's interface addresses ("which IP do I type into the board?"). */
  listInterfaces(args: Record<string, never>): Promise<InterfaceAddress[]>;
  /** Connect to a listening session through each local address, to reveal a firewall block. */
  selfTest(args: { id: SessionId }): Promise<SelfTestResult[]>;
  /** Change how received bytes are split into messages; applies to bytes received from now on. */
  setFraming(args: { id: SessionId; framing: FramingSpec }): Promise<void>;
  /** Start counters (and rates) from zero again; the traffic itself is untouched. */
  resetCounters(args: { id: SessionId }): Promise<void>;
  /** Stream every byte of the session, losslessly, to `path` (plus an index beside it). */
  startCapture(args: { id: SessionId; path: string }): Promise<CaptureStatus>;
  stopCapture(args: { id: SessionId }): Promise<CaptureStatus>;
  /** Judge every following send's reply (null = stop judging). */
  setExpect(args: { id: SessionId; expect: ExpectSpec | null }): Promise<void>;
  /** Replace the session's auto-reply rules (servers and UDP; [] = none). */
  setAutoReply(args: { id: SessionId; rules: AutoReplyRule[] }): Promise<void>;
  /** Send `payload` every `intervalMs`, `count` times or until stopped. */
  startPeriodic(args: {
    id: SessionId;
    payload: Payload;
    to?: SendTarget;
    intervalMs: number;
    count?: number;
  }): Promise<{ taskId: string }>;
  /** Rounds of send + judged reply, `rounds` times or for `durationMs`, with live statistics. */
  startSoak(args: {
    id: SessionId;
    payload: Payload;
    to?: SendTarget;
    intervalMs: number;
    rounds?: number;
    durationMs?: number;
    expect: ExpectSpec;
  }): Promise<{ taskId: string }>;
  stopTask(args: { id: SessionId; taskId: string }): Promise<void>;
  /**
   * Run a test case (YAML or JSON text) on this engine; its sessions close when it ends. `simulate`
   * starts the case's simulated board for the run; `host` / `port` replace the file's board address.
   */
  runCase(args: RunCaseArgs): Promise<CaseRunResult>;
  /** Start a simulated seed board on loopback (port 0: any free port); it runs until stopped. */
  startSimulatedBoard(args: {
    kind: BoardId;
    port?: number;
    /** esp8266: the PC it connects to. */
    target?: { host: string; port: number };
  }): Promise<SimulatedBoardInfo>;
  stopSimulatedBoard(args: { id: string }): Promise<void>;
  listSimulatedBoards(args: Record<string, never>): Promise<SimulatedBoardInfo[]>;
}

export interface RunCaseArgs {
  text: string;
  /** Named in messages and the report (default "case.yaml"). */
  file?: string;
  host?: string;
  port?: number;
  simulate?: boolean;
  /** Replace the case's variables. */
  vars?: Record<string, string>;
}

/** Why the settings file was not used as it was; the UI says so, naming the backup. */
export interface SettingsNotice {
  /**
   * corrupt: not JSON or not a settings file; unreadable: the OS refused to read it; newer: a newer
   * SocketBench wrote it; partial: some values were bad and left out (the rest was kept).
   */
  kind: 'corrupt' | 'unreadable' | 'newer' | 'partial';
  /** The backup's file name, in the same folder; absent when no backup could be made. */
  backup?: string;
  /** What was left out (partial). */
  refused?: string[];
  /** The reader's own words: a JSON error, an OS error code, the newer version. */
  detail?: string;
}

export interface LoadedSettings {
  settings: Settings;
  /** new: there was no file yet (the UI hands over what an older version kept in the window). */
  origin: 'file' | 'new' | 'recovered';
  /** The settings file, shown in Settings. */
  path: string;
  notice?: SettingsNotice;
}

/** The settings file in the user-data folder (browser mode keeps its own beside the app's). */
export interface SettingsApi {
  loadSettings(args: Record<string, never>): Promise<LoadedSettings>;
  /** Replace the parts given; the others stay as they are in the file. */
  saveSettings(args: { settings: SettingsPatch }): Promise<void>;
}

export interface AppApi extends SessionApi, SettingsApi {}

export type ApiMethod = keyof AppApi;
export type ApiArgs<M extends ApiMethod> = Parameters<AppApi[M]>[0];
export type ApiReturn<M extends ApiMethod> = Awaited<ReturnType<AppApi[M]>>;

/** Adding a method to AppApi without listing it here fails to compile. */
const METHOD_TABLE: Record<ApiMethod, true> = {
  open: true,
  close: true,
  send: true,
  list: true,
  rename: true,
  disconnectClient: true,
  listInterfaces: true,
  selfTest: true,
  setFraming: true,
  resetCounters: true,
  startCapture: true,
  stopCapture: true,
  setExpect: true,
  setAutoReply: true,
  startPeriodic: true,
  startSoak: true,
  stopTask: true,
  runCase: true,
  startSimulatedBoard: true,
  stopSimulatedBoard: true,
  listSimulatedBoards: true,
  loadSettings: true,
  saveSettings: true,
};
export const API_METHODS = Object.keys(METHOD_TABLE) as ApiMethod[];

export const isApiMethod = (name: unknown): name is ApiMethod =>
  typeof name === 'string' && Object.hasOwn(METHOD_TABLE, name);

/** IPC channel for a method, e.g. "api:open". */
export const apiChannel = (method: ApiMethod): string => `api:${method}`;
/** Engine -> UI event batches. */
export const EVENTS_CHANNEL = 'events';
/** UI -> engine acknowledgement of a batch's seq (flow control for the batcher). */
export const EVENTS_ACK_CHANNEL = 'events:ack';
