// Session setup: a board preset, protocol, the fields that protocol needs, Connect / Listen / Open (or
// their stops), the session's state in words, then its Framing, Expect and Capture to file. The start
// button stays disabled, with every reason beside it, until the input is valid.
import { type FormEvent, useEffect } from 'react';
import { PROTOCOLS } from '../../../shared/contract/model';
import { useNetwork, useServices, useSessionSetup } from '../app-context';
import { useT } from '../i18n';
import { useLinkStatus } from '../useLinkStatus';
import { BoardPresetField } from './BoardPresetField';
import { CaptureFields } from './CaptureFields';
import { ExpectFields } from './ExpectFields';
import { FramingFields } from './FramingFields';
import { ProtocolFields } from './ProtocolFields';
import { SessionState } from './SessionState';
import { useSettingsForm } from './useSettingsForm';

export const NETWORK_PANEL_ID = 'network-interfaces';

export function SessionPanel() {
  const { sessions, actions, network } = useServices();
  const { t } = useT();
  const session = useSessionSetup();
  const linkUp = useLinkStatus() === 'open';
  const form = useSettingsForm(session, linkUp);
  const { live, first, problems, settings } = { ...form, settings: session.settings };
  const panelOpen = useNetwork((s) => s.panelOpen);
  const protocol = live ? session.protocol : settings.protocol;

  // Local address lists this PC's addresses; they are fetched once the engine is reachable.
  useEffect(() => {
    if (linkUp) network.ensure();
  }, [linkUp, network]);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (live) void actions.stop(session.id);
    else if (!first) void actions.start(session.id);
  };

  // An empty field is a prompt, not a mistake: only a wrong value is shown as one.
  const reasonTone = !first?.field || settings[first.field].trim() === '' ? 'hint' : 'fault';

  return (
    <section className="panel session-panel" aria-labelledby={`${form.reasonId}-title`}>
      <div className="panel-head">
        <h2 id={`${form.reasonId}-title`} className="panel-title">
          {t('session.title')}
        </h2>
        <button
          type="button"
          className={panelOpen ? 'btn small toggle on' : 'btn small'}
          aria-expanded={panelOpen}
          aria-controls={panelOpen ? NETWORK_PANEL_ID : undefined}
          onClick={() => network.setPanelOpen(!panelOpen)}
        >
          {t('session.whichIp')}
        </button>
      </div>
      <BoardPresetField session={session} disabled={live} />
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={form.idOf('protocol')}>
            {t('session.protocol')}
          </label>
          <select
            id={form.idOf('protocol')}
            value={settings.protocol}
            disabled={live}
            onChange={(e) =>
              sessions.updateSettings(session.id, { protocol: e.target.value as typeof settings.protocol })
            }
          >
            {PROTOCOLS.map((p) => (
              <option key={p} value={p}>
                {t(`session.protocol.${p}`)}
              </option>
            ))}
          </select>
        </div>
        <ProtocolFields form={form} />
        <div className="actions">
          <button
            type="submit"
            className={live ? 'btn danger' : 'btn primary'}
            disabled={!live && first !== undefined}
            aria-describedby={!live && first ? form.reasonId : undefined}
          >
            {t(live ? `session.stop.${protocol}` : `session.start.${protocol}`)}
          </button>
          {!live && first && (
            <p id={form.reasonId} className={`reason reason-${reasonTone}`}>
              {/* Every fault at once: fixing one should not reveal another only afterwards. */}
              {(problems.length > 0 ? problems : [first]).map((p) => (
                <span key={p.reason} className="reason-line">
                  {p.reason}
                </span>
              ))}
            </p>
          )}
        </div>
      </form>
      <SessionState session={session} />
      {/* Outside the form: Enter in these fields must never press Connect or Disconnect. */}
      {protocol !== 'udp' && <FramingFields form={form} />}
      <ExpectFields session={session} />
      <CaptureFields session={session} />
    </section>
  );
}
