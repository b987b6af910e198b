// "Which IP do I type into the board?" (the region `Network interfaces`): this PC's addresses, the one
// on the board's subnet marked, a warning when none is, and a listening server's self-test.
import { useEffect, useId, useMemo } from 'react';
import { useNetwork, useServices, useSessions } from '../app-context';
import { interfaceReport } from '../state/interface-report';
import { activeSession, type UiSession } from '../state/sessions-reducer';
import { SelfTest } from './SelfTest';
import { NETWORK_PANEL_ID } from './SessionPanel';

/** The board's address: Host for a client; typed here when the board is the one that connects. */
function BoardAddress({ session, id }: { session: UiSession; id: string }) {
  const { sessions } = useServices();
  if (session.settings.protocol === 'tcp-client') {
    return (
      <p className="muted board-source">
        Board address (from Host): <span className="mono">{session.settings.host.trim() || '—'}</span>
      </p>
    );
  }
  return (
    <div className="field board-field">
      <label className="field-label" htmlFor={id}>
        Board address
      </label>
      <input
        id={id}
        type="text"
        value={session.settings.boardAddress}
        placeholder="the IP the board prints, e.g. 192.168.1.123"
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => sessions.updateSettings(session.id, { boardAddress: e.target.value })}
      />
    </div>
  );
}

/** What to type into the board: the matching address, with the port it must use. */
function answerOf(session: UiSession, address: string): string {
  const s = session.settings;
  const local = session.local ? /:(\d+)$/.exec(session.local)?.[1] : undefined;
  if (s.protocol === 'tcp-server') {
    const port = local ?? s.serverPort.trim();
    return `Type ${address} into the board as the server address${port ? `, port ${port}` : ''}.`;
  }
  if (s.protocol === 'udp') {
    const port = local ?? s.udpPort.trim();
    return `The board sends its datagrams to ${address}${port && port !== '0' ? `, port ${port}` : ''}.`;
  }
  return `This PC reaches the board through ${address}.`;
}

export function NetworkPanel() {
  const { network } = useServices();
  const session = useSessions(activeSession);
  const interfaces = useNetwork((s) => s.interfaces);
  const loading = useNetwork((s) => s.loading);
  const error = useNetwork((s) => s.error);
  const ids = { title: useId(), board: useId() };
  const board =
    session.settings.protocol === 'tcp-client' ? session.settings.host : session.settings.boardAddress;
  const report = useMemo(() => interfaceReport(interfaces ?? [], board), [interfaces, board]);
  const match = report.rows.find((r) => r.sameSubnet);
  const selfTestable = session.protocol === 'tcp-server' && session.state === 'listening' && session.engineId;

  useEffect(() => network.ensure(), [network]);

  return (
    <section id={NETWORK_PANEL_ID} className="panel network-panel" aria-labelledby={ids.title}>
      <div className="panel-head">
        <h2 id={ids.title} className="panel-title">
          Network interfaces
        </h2>
        <span className="spacer" />
        <button type="button" className="btn small" disabled={loading} onClick={() => void network.refresh()}>
          Refresh
        </button>
        <button type="button" className="btn small" onClick={() => network.setPanelOpen(false)}>
          Hide
        </button>
      </div>
      <BoardAddress session={session} id={ids.board} />
      {report.boardProblem && <p className="network-note muted">{report.boardProblem}</p>}
      {match && <p className="network-answer">{answerOf(session, match.iface.address)}</p>}
      {report.warning && (
        <p className="network-warning" role="alert">
          {report.warning}
        </p>
      )}
      {error && <p className="network-note fault">{error}</p>}
      <table className="interfaces">
        <thead>
          <tr>
            <th scope="col">Interface</th>
            <th scope="col">Address</th>
            <th scope="col">Prefix</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map(({ iface, sameSubnet }) => (
            <tr key={`${iface.name}-${iface.address}`} className={sameSubnet ? 'same-subnet' : undefined}>
              <td>
                {iface.name}
                {iface.internal && <span className="badge muted-badge">loopback</span>}
              </td>
              <td>
                <span className="mono">{iface.address}</span> <span className="muted">{iface.family}</span>
                {sameSubnet && <span className="badge ok-badge">same subnet as the board</span>}
              </td>
              <td className="mono">/{iface.prefixLength}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {interfaces && interfaces.length === 0 && (
        <p className="muted">The engine reports no interface addresses.</p>
      )}
      {/* Keyed by listener: results of a previous Listen never show for a new one. */}
      {selfTestable && <SelfTest key={session.engineId} engineId={session.engineId as string} />}
    </section>
  );
}
