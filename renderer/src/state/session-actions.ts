// What the buttons do: Connect / Listen / Open and their stops, Send, Rename, a client's Disconnect,
// Close session, live framing, Reset counters and capture, against the engine, with the stores told
// about every outcome (an engine refusal becomes the session's error or a row in its log).
import type { SessionApi } from '../../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../../shared/contract/errors';
import type { ErrorInfo, FramingSpec, Payload, SendTarget } from '../../../shared/contract/model';
import { formatCount } from '../format';
import { t } from '../i18n';
import { configFromSettings } from './config-from-settings';
import { describeFraming } from './framing-settings';
import type { LogStore } from './log-store';
import { say } from './phrase';
import { isLive, type SessionSettings, targetOfConfig } from './sessions-reducer';
import type { SessionsStore } from './sessions-store';

export type ActionsApi = Pick<
  SessionApi,
  | 'open'
  | 'close'
  | 'send'
  | 'rename'
  | 'disconnectClient'
  | 'setFraming'
  | 'resetCounters'
  | 'startCapture'
  | 'stopCapture'
>;

export interface SessionActions {
  /** Connect (client), Listen (server) or Open (UDP), per the session's protocol. */
  start(uiId: string): Promise<void>;
  /** Disconnect, Stop or Close. */
  stop(uiId: string): Promise<void>;
  /** Resolves to the bytes handed to the socket; throws ApiError with the engine's sentence. */
  send(uiId: string, payload: Payload, to?: SendTarget): Promise<number>;
  rename(uiId: string, name: string): Promise<void>;
  /** Closes one board's connection to a server session. */
  disconnectClient(uiId: string, peer: string): Promise<void>;
  /** Stops the session's engine session, if any, and removes the session with its log. */
  closeSession(uiId: string): Promise<void>;
  /** Adds a session and makes it active; returns its id. */
  newSession(settings?: SessionSettings): string;
  /** Frames bytes received from now on this way; resolves to the refusal, if any. */
  setFraming(uiId: string, framing: FramingSpec): Promise<ErrorInfo | undefined>;
  resetCounters(uiId: string): Promise<void>;
  /** Resolves to the refusal (bad path, no permission ...), if any. */
  startCapture(uiId: string, path: string): Promise<ErrorInfo | undefined>;
  stopCapture(uiId: string): Promise<void>;
}

/**
 * A failure as the window shows it: its sentence in the window's language when the engine named its
 * catalogue key (the English it gave otherwise), with its code and that key kept.
 */
export function toErrorInfo(error: unknown): ErrorInfo {
  if (!(error instanceof ApiError)) {
    return {
      code: CONTRACT_ERROR_CODES.internal,
      message: error instanceof Error ? error.message : String(error),
    };
  }
  const { code, message, detail } = error;
  return detail ? { code, message: say(message, detail), detail } : { code, message };
}

const isTransportError = (error: unknown): error is ApiError =>
  error instanceof ApiError && error.code === CONTRACT_ERROR_CODES.transport;

export function createSessionActions(
  api: ActionsApi,
  sessions: SessionsStore,
  log: LogStore,
  now: () => number = Date.now,
): SessionActions {
  const session = (uiId: string) => sessions.getState().sessions[uiId];
  const logError = (uiId: string, error: unknown) =>
    log.appendSystem(uiId, {
      at: now(),
      tone: 'error',
      text: t('session.log.error', { message: toErrorInfo(error).message }),
    });

  async function closeEngine(uiId: string, engineId: string): Promise<void> {
    try {
      await api.close({ id: engineId });
    } catch (error) {
      // The link is down: the engine still has the session, and the resync on reconnect shows it.
      if (isTransportError(error)) {
        if (session(uiId)) logError(uiId, error);
        return;
      }
    }
    if (session(uiId)?.engineId === engineId) sessions.detach(uiId);
  }

  return {
    async start(uiId) {
      const current = session(uiId);
      if (!current || isLive(current)) return;
      const checked = configFromSettings(current.settings);
      if (!checked.ok) return;
      const previous = current.engineId;
      sessions.beginOpen(uiId, targetOfConfig(checked.config));
      // A finished session stays listed in the engine until closed; a new start replaces it.
      if (previous) await api.close({ id: previous }).catch(() => undefined);
      try {
        const snapshot = await api.open({ config: checked.config, name: current.name });
        sessions.openSucceeded(uiId, snapshot);
        const after = session(uiId);
        // Stopped, or the whole session closed, while open() was in flight.
        if (!after || after.closeRequested) await closeEngine(uiId, snapshot.id);
      } catch (error) {
        if (!session(uiId)) return;
        sessions.openFailed(uiId, toErrorInfo(error));
        logError(uiId, error);
      }
    },

    async stop(uiId) {
      const current = session(uiId);
      if (!current) return;
      if (current.opening && !current.engineId) {
        sessions.requestClose(uiId);
        return;
      }
      if (current.engineId) await closeEngine(uiId, current.engineId);
    },

    async send(uiId, payload, to) {
      const engineId = session(uiId)?.engineId;
      if (!engineId) {
        throw new ApiError(CONTRACT_ERROR_CODES.notConnected, t('session.startBeforeSending'));
      }
      const result = await api.send(to ? { id: engineId, payload, to } : { id: engineId, payload });
      return result.bytes;
    },

    async rename(uiId, name) {
      const current = session(uiId);
      if (!current || name.trim() === '' || name.trim() === current.name) return;
      sessions.rename(uiId, name);
      if (!current.engineId) return;
      // The engine's `renamed` event confirms it, in this window and in every other one.
      await api.rename({ id: current.engineId, name: name.trim() }).catch((error) => logError(uiId, error));
    },

    async disconnectClient(uiId, peer) {
      const engineId = session(uiId)?.engineId;
      if (!engineId) return;
      await api.disconnectClient({ id: engineId, peer }).catch((error) => logError(uiId, error));
    },

    async closeSession(uiId) {
      const current = session(uiId);
      if (!current) return;
      // Removed first, so the list answers at once; an open() still in flight sees the session
      // gone when it answers and closes what it opened.
      sessions.remove(uiId);
      if (current.engineId) await api.close({ id: current.engineId }).catch(() => undefined);
    },

    newSession: (settings) => sessions.add(settings),

    async setFraming(uiId, framing) {
      const engineId = session(uiId)?.engineId;
      if (!engineId) return undefined;
      try {
        await api.setFraming({ id: engineId, framing });
      } catch (error) {
        logError(uiId, error);
        return toErrorInfo(error);
      }
      if (session(uiId)?.engineId !== engineId) return undefined;
      sessions.framingApplied(uiId, framing);
      log.appendSystem(uiId, {
        at: now(),
        tone: 'info',
        text: t('framing.applied', { framing: describeFraming(framing) }),
      });
      return undefined;
    },

    async resetCounters(uiId) {
      const engineId = session(uiId)?.engineId;
      if (!engineId) return;
      try {
        await api.resetCounters({ id: engineId });
        if (session(uiId)?.engineId === engineId) sessions.countersReset(uiId);
      } catch (error) {
        logError(uiId, error);
      }
    },

    async startCapture(uiId, path) {
      const engineId = session(uiId)?.engineId;
      if (!engineId) return { code: CONTRACT_ERROR_CODES.notConnected, message: t('session.startFirst') };
      try {
        const status = await api.startCapture({ id: engineId, path });
        if (session(uiId)?.engineId === engineId) sessions.captureChanged(uiId, status);
        log.appendSystem(uiId, {
          at: now(),
          tone: 'info',
          text: t('session.capturing', { path: status.path }),
        });
        return undefined;
      } catch (error) {
        return toErrorInfo(error);
      }
    },

    async stopCapture(uiId) {
      const engineId = session(uiId)?.engineId;
      if (!engineId) return;
      try {
        const status = await api.stopCapture({ id: engineId });
        if (session(uiId)?.engineId === engineId) sessions.captureChanged(uiId, status);
        log.appendSystem(uiId, {
          at: now(),
          tone: 'info',
          text: t('session.captureStopped', {
            bytes: formatCount(status.bytes),
            records: formatCount(status.records),
            path: status.path,
          }),
        });
      } catch (error) {
        logError(uiId, error);
      }
    },
  };
}
