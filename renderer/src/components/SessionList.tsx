// The sidebar: every session of this window (a client to one board, a server for others, a UDP
// socket ...) with its state and counters, New session, and a click to switch.
import { useId } from 'react';
import { useServices, useSessions } from '../app-context';
import { useT } from '../i18n';
import { SessionRow } from './SessionRow';

export function SessionList() {
  const { actions } = useServices();
  const order = useSessions((s) => s.order);
  const all = useSessions((s) => s.sessions);
  const activeId = useSessions((s) => s.activeId);
  // Busy until the engine's own list is in: sessions opened earlier (or elsewhere) join then.
  const synced = useSessions((s) => s.synced);
  const titleId = useId();
  const { t } = useT();

  return (
    <nav className="session-nav" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} className="panel-title">
          {t('session.list')}
        </h2>
        <button type="button" className="btn small" onClick={() => actions.newSession()}>
          {t('session.new')}
        </button>
      </div>
      <ul className="session-list" aria-label={t('session.list')} aria-busy={!synced}>
        {order.map((id) => {
          const session = all[id];
          return session ? <SessionRow key={id} session={session} active={id === activeId} /> : null;
        })}
      </ul>
    </nav>
  );
}
