// What the buttons do: Connect, Disconnect and Send against the engine, with the stores told about
// every outcome (an engine refusal becomes the session's error and a log row).
import type { SessionApi } from '../../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../../shared/contract/errors';
import type { ErrorInfo, Payload } from '../../../shared/contract/model';
import type { LogStore } from './log-store';
import { targetOfConfig } from './sessions-reducer';
import type { SessionsStore } from './sessions-store';
import { configFromSettings } from './validation';

export interface SessionActions {
  connect(uiId: string): Promise<void>;
  disconnect(uiId: string): Promise<void>;
  /** Resolves to the bytes handed to the socket; throws ApiError with the engine's sentence. */
  send(uiId: string, payload: Payload): Promise<number>;
}

export const toErrorInfo = (error: unknown): ErrorInfo =>
  error instanceof ApiError
    ? { code: error.code, message: error.message }
    : {
        code: CONTRACT_ERROR_CODES.internal,
        message: error instanceof Error ? error.message : String(error),
      };

export function createSessionActions(
  api: Pick<SessionApi, 'open' | 'close' | 'send'>,
  sessions: SessionsStore,
  log: LogStore,
  now: () => number = Date.now,
): SessionActions {
  const session = (uiId: string) => sessions.getState().sessions[uiId];

  async function closeEngine(uiId: string, engineId: string): Promise<void> {
    try {
      await api.close({ id: engineId });
    } catch (error) {
      // The link is down: the engine still has the session, and the resync on reconnect shows it.
      if (error instanceof ApiError && error.code === CONTRACT_ERROR_CODES.transport) {
        log.appendSystem({ at: now(), tone: 'error', text: `Error: ${error.message}` });
        return;
      }
    }
    if (session(uiId)?.engineId === engineId) sessions.detach(uiId);
  }

  return {
    async connect(uiId) {
      const current = session(uiId);
      if (!current || current.opening) return;
      if (current.engineId && (current.state === 'connecting' || current.state === 'connected')) return;
      const checked = configFromSettings(current.settings);
      if (!checked.ok) return;
      const previous = current.engineId;
      sessions.beginOpen(uiId, targetOfConfig(checked.config));
      // A finished session stays listed in the engine until closed; a new Connect replaces it.
      if (previous) await api.close({ id: previous }).catch(() => undefined);
      try {
        const snapshot = await api.open({ config: checked.config });
        sessions.openSucceeded(uiId, snapshot);
        if (session(uiId)?.closeRequested) await closeEngine(uiId, snapshot.id);
      } catch (error) {
        const info = toErrorInfo(error);
        sessions.openFailed(uiId, info);
        log.appendSystem({ at: now(), tone: 'error', text: `Error: ${info.message}` });
      }
    },

    async disconnect(uiId) {
      const current = session(uiId);
      if (!current) return;
      if (current.opening && !current.engineId) {
        sessions.requestClose(uiId);
        return;
      }
      if (current.engineId) await closeEngine(uiId, current.engineId);
    },

    async send(uiId, payload) {
      const engineId = session(uiId)?.engineId;
      if (!engineId)
        throw new ApiError(CONTRACT_ERROR_CODES.notConnected, 'Connect to a board before sending.');
      const result = await api.send({ id: engineId, payload });
      return result.bytes;
    },
  };
}
