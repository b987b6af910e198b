// A TCP server session's connected boards (the list `Clients`): address:port, since when, exact
// RX/TX, and a Disconnect per board. Scrolls within its own box, so fifty boards leave the log room.
import { memo, useId } from 'react';
import type { ClientInfo } from '../../../shared/contract/model';
import { useServices, useSessions } from '../app-context';
import { formatBytes, formatTime } from '../format';
import { activeSession } from '../state/sessions-reducer';
import { clientCount } from '../state/state-words';

const ClientRow = memo(function ClientRow({ client, uiId }: { client: ClientInfo; uiId: string }) {
  const { actions } = useServices();
  const since = formatTime(client.connectedAt).slice(0, 8);
  return (
    <li className="client-row" aria-label={`${client.peer}, connected since ${since}`}>
      <span className="client-peer mono">{client.peer}</span>
      <span className="client-since muted">since {since}</span>
      <span className="client-counter rx">RX {formatBytes(client.counters.rxBytes)}</span>
      <span className="client-counter tx">TX {formatBytes(client.counters.txBytes)}</span>
      <button
        type="button"
        className="btn small"
        aria-label={`Disconnect ${client.peer}`}
        onClick={() => void actions.disconnectClient(uiId, client.peer)}
      >
        Disconnect
      </button>
    </li>
  );
});

export function ClientList() {
  const session = useSessions(activeSession);
  const titleId = useId();
  const { clients } = session;
  const listening = session.state === 'listening' && session.engineId !== undefined;
  return (
    <section className="panel clients-panel" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} className="panel-title">
          Clients
        </h2>
        <span className="muted count">{clientCount(clients.length)}</span>
      </div>
      <ul className="client-list" aria-label="Clients">
        {clients.map((c) => (
          <ClientRow key={c.peer} client={c} uiId={session.id} />
        ))}
      </ul>
      {clients.length === 0 && (
        <p className="muted empty-note">
          {listening
            ? 'Waiting for a board to connect…'
            : 'Listen, then let the boards connect: each one shows here.'}
        </p>
      )}
    </section>
  );
}
