// One session in the sidebar: its name, protocol, state and RX/TX, a click to switch to it, and its
// Rename (in place: Enter keeps, Escape cancels) and Close session buttons.
import { type KeyboardEvent, memo, useEffect, useId, useRef, useState } from 'react';
import { useServices } from '../app-context';
import { formatBytes } from '../format';
import { type Translator, useT } from '../i18n';
import type { UiSession } from '../state/sessions-reducer';
import { shortState } from '../state/state-words';

/** Where the session points, in a few characters: the board for a client, the bound address otherwise. */
function whereOf(s: UiSession, t: Translator['t']): string | undefined {
  if (s.engineId || s.opening) {
    if (s.protocol === 'tcp-client') return s.remote ?? s.target;
    return s.local ?? s.target;
  }
  const set = s.settings;
  if (set.protocol === 'tcp-client')
    return set.host.trim() && set.port.trim() ? `${set.host.trim()}:${set.port.trim()}` : undefined;
  const port = set.protocol === 'tcp-server' ? set.serverPort : set.udpPort;
  return port.trim() ? t('session.atPort', { port: port.trim() }) : undefined;
}

function RenameField({ session, onDone }: { session: UiSession; onDone(): void }) {
  const { actions } = useServices();
  const [name, setName] = useState(session.name);
  const input = useRef<HTMLInputElement>(null);
  // Enter and Escape end the edit; the blur that may follow as the field goes must not commit again.
  const finished = useRef(false);
  const id = useId();
  const { t } = useT();
  useEffect(() => input.current?.select(), []);
  const finish = (keep: boolean) => {
    if (finished.current) return;
    finished.current = true;
    if (keep) void actions.rename(session.id, name);
    onDone();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') finish(true);
    if (e.key === 'Escape') finish(false);
  };
  return (
    <div className="session-rename">
      <label className="visually-hidden" htmlFor={id}>
        {t('session.renameLabel')}
      </label>
      <input
        id={id}
        ref={input}
        type="text"
        value={name}
        maxLength={200}
        spellCheck={false}
        onChange={(e) => setName(e.target.value)}
        onKeyDown={onKeyDown}
        onBlur={() => finish(true)}
      />
    </div>
  );
}

export const SessionRow = memo(function SessionRow({
  session,
  active,
}: {
  session: UiSession;
  active: boolean;
}) {
  const { sessions, actions } = useServices();
  const [renaming, setRenaming] = useState(false);
  const { t } = useT();
  const state = shortState(session);
  const protocol = session.engineId || session.opening ? session.protocol : session.settings.protocol;
  const where = whereOf(session, t);
  const renameButton = useRef<HTMLButtonElement>(null);
  const doneRenaming = () => {
    setRenaming(false);
    renameButton.current?.focus();
  };

  return (
    <li className={active ? 'session-row active' : 'session-row'} aria-label={session.name}>
      {renaming ? (
        <RenameField session={session} onDone={doneRenaming} />
      ) : (
        <button
          type="button"
          className="session-select"
          aria-current={active ? 'true' : undefined}
          onClick={() => sessions.select(session.id)}
        >
          <span className="session-name">{session.name}</span>
          <span className={`session-state-text tone-${state.tone}`}>{state.text}</span>
          <span className="session-meta">
            {t(`session.protocol.${protocol}`)}
            {where && (
              <>
                {' · '}
                <span className="mono">{where}</span>
              </>
            )}
          </span>
          <span className="session-counters">
            <span className="rx">RX {formatBytes(session.counters.rxBytes)}</span>
            <span className="tx">TX {formatBytes(session.counters.txBytes)}</span>
          </span>
        </button>
      )}
      <div className="session-tools">
        <button
          ref={renameButton}
          type="button"
          className="icon-button"
          aria-label={t('session.rename')}
          title={t('session.rename')}
          onClick={() => setRenaming(true)}
        >
          <span aria-hidden="true">✎</span>
        </button>
        <button
          type="button"
          className="icon-button"
          aria-label={t('session.close')}
          title={t('session.close')}
          onClick={() => void actions.closeSession(session.id)}
        >
          <span aria-hidden="true">×</span>
        </button>
      </div>
    </li>
  );
});
