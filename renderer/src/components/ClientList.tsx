// A TCP server session's connected boards (the list `Clients`): address:port, since when, exact
// RX/TX, a Send to and a Disconnect per board. Virtualized with rows of one fixed height, so ten
// thousand boards cost the rows on screen; scrolls within its own box, so fifty boards leave the
// log room.
import { useVirtualizer } from '@tanstack/react-virtual';
import { memo, useCallback, useId, useRef } from 'react';
import type { ClientInfo } from '../../../shared/contract/model';
import { useServices, useSessions } from '../app-context';
import { formatBytes, formatTime } from '../format';
import { useT } from '../i18n';
import { ALL_CLIENTS } from '../state/send-target';
import { activeSession } from '../state/sessions-reducer';
import { clientCount } from '../state/state-words';
import '../log.css';

/** A row's height in px (CSS: .client-row), known ahead so no row is measured. */
const ROW_PX = 34;

interface ClientRowProps {
  client: ClientInfo;
  uiId: string;
  index: number;
  size: number;
  /** Px from the list's top. */
  top: number;
  /** Send goes to this board alone. */
  chosen: boolean;
}

const ClientRow = memo(function ClientRow({ client, uiId, index, size, top, chosen }: ClientRowProps) {
  const { t } = useT();
  const { actions, sessions } = useServices();
  const since = formatTime(client.connectedAt).slice(0, 8);
  return (
    <li
      className="client-row"
      style={{ transform: `translateY(${top}px)` }}
      aria-setsize={size}
      aria-posinset={index + 1}
      aria-label={t('clients.row', { peer: client.peer, time: since })}
    >
      <span className="client-peer mono">{client.peer}</span>
      <span className="client-since muted">{t('clients.since', { time: since })}</span>
      <span className="client-counter rx">
        {t('clients.rx', { bytes: formatBytes(client.counters.rxBytes) })}
      </span>
      <span className="client-counter tx">
        {t('clients.tx', { bytes: formatBytes(client.counters.txBytes) })}
      </span>
      {/* Pressed: Send goes to this board alone; pressed again, to all clients. */}
      <button
        type="button"
        className="btn small"
        aria-pressed={chosen}
        aria-label={t('clients.sendToPeer', { peer: client.peer })}
        onClick={() => sessions.setSendTo(uiId, chosen ? ALL_CLIENTS : client.peer)}
      >
        {t('clients.sendTo')}
      </button>
      <button
        type="button"
        className="btn small"
        aria-label={t('clients.disconnectPeer', { peer: client.peer })}
        onClick={() => void actions.disconnectClient(uiId, client.peer)}
      >
        {t('clients.disconnect')}
      </button>
    </li>
  );
});

export function ClientList() {
  const { t } = useT();
  const session = useSessions(activeSession);
  const titleId = useId();
  const scroller = useRef<HTMLDivElement>(null);
  const { clients } = session;
  const listening = session.state === 'listening' && session.engineId !== undefined;
  const virtualizer = useVirtualizer({
    count: clients.length,
    getScrollElement: () => scroller.current,
    estimateSize: useCallback(() => ROW_PX, []),
    getItemKey: useCallback((i: number) => clients[i]?.peer ?? i, [clients]),
    overscan: 8,
  });
  return (
    <section className="panel clients-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} className="panel-title">
          {t('clients.title')}
        </h2>
        <span className="muted count">{clientCount(clients.length)}</span>
      </div>
      <div ref={scroller} className="client-scroller">
        <ul
          className="client-list"
          aria-label={t('clients.title')}
          style={{ height: virtualizer.getTotalSize() }}
        >
          {virtualizer.getVirtualItems().map((item) => {
            const client = clients[item.index];
            if (!client) return null;
            return (
              <ClientRow
                key={client.peer}
                client={client}
                uiId={session.id}
                index={item.index}
                size={clients.length}
                top={item.start}
                chosen={client.peer === session.sendTo}
              />
            );
          })}
        </ul>
      </div>
      {clients.length === 0 && (
        <p className="muted empty-note">{listening ? t('clients.waiting') : t('clients.hint')}</p>
      )}
    </section>
  );
}
