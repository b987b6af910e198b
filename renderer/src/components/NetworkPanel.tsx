// "Which IP do I type into the board?" (the region `Network interfaces`): this PC's addresses, the one
// on the board's subnet marked, a warning when none is, and a listening server's self-test.
import { useEffect, useId, useMemo } from 'react';
import { useNetwork, useServices, useSessions } from '../app-context';
import { type Translator, useT } from '../i18n';
import { interfaceReport } from '../state/interface-report';
import { activeSession, type UiSession } from '../state/sessions-reducer';
import { SelfTest } from './SelfTest';
import { NETWORK_PANEL_ID } from './SessionPanel';

/** The board's address: Host for a client; typed here when the board is the one that connects. */
function BoardAddress({ session, id }: { session: UiSession; id: string }) {
  const { sessions } = useServices();
  const { t } = useT();
  if (session.settings.protocol === 'tcp-client') {
    return (
      <p className="muted board-source">
        {t('network.boardFromHost')} <span className="mono">{session.settings.host.trim() || '—'}</span>
      </p>
    );
  }
  return (
    <div className="field board-field">
      <label className="field-label" htmlFor={id}>
        {t('network.boardAddress')}
      </label>
      <input
        id={id}
        type="text"
        value={session.settings.boardAddress}
        placeholder={t('network.boardPlaceholder')}
        spellCheck={false}
        autoComplete="off"
        onChange={(e) => sessions.updateSettings(session.id, { boardAddress: e.target.value })}
      />
    </div>
  );
}

/** What to type into the board: the matching address, with the port it must use. */
function answerOf(session: UiSession, address: string, t: Translator['t']): string {
  const s = session.settings;
  const local = session.local ? /:(\d+)$/.exec(session.local)?.[1] : undefined;
  if (s.protocol === 'tcp-server') {
    const port = local ?? s.serverPort.trim();
    return port ? t('network.serverAnswerPort', { address, port }) : t('network.serverAnswer', { address });
  }
  if (s.protocol === 'udp') {
    const port = local ?? s.udpPort.trim();
    return port && port !== '0'
      ? t('network.udpAnswerPort', { address, port })
      : t('network.udpAnswer', { address });
  }
  return t('network.clientAnswer', { address });
}

export function NetworkPanel() {
  const { network } = useServices();
  const session = useSessions(activeSession);
  const interfaces = useNetwork((s) => s.interfaces);
  const loading = useNetwork((s) => s.loading);
  const error = useNetwork((s) => s.error);
  const ids = { title: useId(), board: useId() };
  const { t, language } = useT();
  const board =
    session.settings.protocol === 'tcp-client' ? session.settings.host : session.settings.boardAddress;
  // biome-ignore lint/correctness/useExhaustiveDependencies: language changes the report's sentences
  const report = useMemo(() => interfaceReport(interfaces ?? [], board), [interfaces, board, language]);
  const match = report.rows.find((r) => r.sameSubnet);
  const selfTestable = session.protocol === 'tcp-server' && session.state === 'listening' && session.engineId;

  useEffect(() => network.ensure(), [network]);

  return (
    <section id={NETWORK_PANEL_ID} className="panel network-panel" aria-labelledby={ids.title}>
      <div className="panel-head">
        <h2 id={ids.title} className="panel-title">
          {t('network.title')}
        </h2>
        <span className="spacer" />
        <button type="button" className="btn small" disabled={loading} onClick={() => void network.refresh()}>
          {t('network.refresh')}
        </button>
        <button type="button" className="btn small" onClick={() => network.setPanelOpen(false)}>
          {t('network.hide')}
        </button>
      </div>
      <BoardAddress session={session} id={ids.board} />
      {report.boardProblem && <p className="network-note muted">{report.boardProblem}</p>}
      {match && <p className="network-answer">{answerOf(session, match.iface.address, t)}</p>}
      {report.warning && (
        <p className="network-warning" role="alert">
          {report.warning}
        </p>
      )}
      {error && <p className="network-note fault">{error}</p>}
      <table className="interfaces">
        <thead>
          <tr>
            <th scope="col">{t('network.interface')}</th>
            <th scope="col">{t('network.address')}</th>
            <th scope="col">{t('network.prefix')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map(({ iface, sameSubnet }) => (
            <tr key={`${iface.name}-${iface.address}`} className={sameSubnet ? 'same-subnet' : undefined}>
              <td>
                {iface.name}
                {iface.internal && <span className="badge muted-badge">{t('network.loopback')}</span>}
              </td>
              <td>
                <span className="mono">{iface.address}</span> <span className="muted">{iface.family}</span>
                {sameSubnet && <span className="badge ok-badge">{t('network.sameSubnet')}</span>}
              </td>
              <td className="mono">/{iface.prefixLength}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {interfaces && interfaces.length === 0 && <p className="muted">{t('network.none')}</p>}
      {/* Keyed by listener: results of a previous Listen never show for a new one. */}
      {selfTestable && <SelfTest key={session.engineId} engineId={session.engineId as string} />}
    </section>
  );
}
