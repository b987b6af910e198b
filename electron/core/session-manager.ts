// The engine behind SessionApi: owns every live session, routes calls by id, reports through the
// injected sink. Plain Node; transports and windows never see a socket.
import { randomUUID } from 'node:crypto';
import type { OpenArgs, SendResult, SessionApi } from '../../shared/contract/api';
import { ApiError, CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { EventSink } from '../../shared/contract/events';
import type { Payload, SessionId, SessionSnapshot } from '../../shared/contract/model';
import { formatEndpoint } from './error-messages';
import { TcpClientSession } from './tcp-client';

export type SessionManager = SessionApi & {
  /** Closes every session and refuses new ones. */
  dispose(): Promise<void>;
};

export interface SessionManagerOptions {
  sink: EventSink;
  now?: () => number;
  newId?: () => string;
  /** Passed to each TCP client; tests shorten it. */
  closeGraceMs?: number;
}

interface Entry {
  session: TcpClientSession;
  name: string;
  openedAt: number;
}

export function createSessionManager(opts: SessionManagerOptions): SessionManager {
  const { sink } = opts;
  const now = opts.now ?? Date.now;
  const newId = opts.newId ?? randomUUID;
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
    };
  };

  const find = (id: SessionId): Entry => {
    const entry = sessions.get(id);
    if (!entry) {
      throw new ApiError(
        CONTRACT_ERROR_CODES.unknownSession,
        `There is no session "${id}": it was closed, or the engine restarted. Open the connection again.`,
      );
    }
    return entry;
  };

  const closeEntry = async (id: SessionId, entry: Entry): Promise<void> => {
    // Forgotten first, so a second close of the same id is "unknown" rather than a double close.
    sessions.delete(id);
    await entry.session.close();
    sink({ type: 'session-closed', id });
  };

  return {
    async open({ config, name }: OpenArgs): Promise<SessionSnapshot> {
      if (disposed) {
        throw new ApiError(CONTRACT_ERROR_CODES.internal, 'The engine is shutting down; no new sessions.');
      }
      if (config.protocol !== 'tcp-client') {
        throw new ApiError(
          CONTRACT_ERROR_CODES.badArgument,
          `Protocol "${config.protocol}" is not supported.`,
        );
      }
      let id = newId();
      while (sessions.has(id)) id = newId();
      const session = new TcpClientSession({ id, config, emit: sink, now, closeGraceMs: opts.closeGraceMs });
      const entry: Entry = {
        session,
        name: name?.trim() || formatEndpoint(config.host, config.port),
        openedAt: now(),
      };
      sessions.set(id, entry);
      sink({ type: 'session-opened', session: snapshot(id, entry) });
      session.connect();
      return snapshot(id, entry);
    },

    async close({ id }: { id: SessionId }): Promise<void> {
      await closeEntry(id, find(id));
    },

    async send({ id, payload }: { id: SessionId; payload: Payload }): Promise<SendResult> {
      return find(id).session.send(payload);
    },

    async list(): Promise<SessionSnapshot[]> {
      return [...sessions].map(([id, entry]) => snapshot(id, entry));
    },

    async dispose(): Promise<void> {
      disposed = true;
      await Promise.all([...sessions].map(([id, entry]) => closeEntry(id, entry)));
    },
  };
}
