// Session setup: protocol, the board's address and port, options, Connect / Disconnect and the
// session's state in words. Connect stays disabled, with the reason beside it, until the input is valid.
import { type ChangeEvent, type FormEvent, useEffect, useId, useMemo, useState } from 'react';
import { useServices, useSessions } from '../app-context';
import { activeSession, type SessionSettings } from '../state/sessions-reducer';
import { type SettingsField, settingsProblems } from '../state/validation';
import { useLinkStatus } from '../useLinkStatus';
import { SessionState } from './SessionState';

const OPTION_FIELDS: readonly SettingsField[] = ['localAddress', 'localPort', 'connectTimeoutMs'];

export function SessionPanel() {
  const { sessions, actions } = useServices();
  const session = useSessions(activeSession);
  const settings = session.settings;
  const problems = useMemo(() => settingsProblems(settings), [settings]);
  const linkUp = useLinkStatus() === 'open';
  // The engine link's absence is a reason too, but only after the input's own faults.
  const first =
    problems[0] ?? (linkUp ? undefined : { field: undefined, reason: 'Waiting for the engine connection.' });
  const live = session.opening || session.state === 'connecting' || session.state === 'connected';
  const ids = { reason: useId(), options: useId(), base: useId() };
  const idOf = (name: keyof SessionSettings) => `${ids.base}-${name}`;
  const hasOptions = OPTION_FIELDS.some((f) => settings[f].trim() !== '');
  const [optionsOpen, setOptionsOpen] = useState(hasOptions);

  // A fault hidden inside the closed Options would leave Connect disabled for no visible reason.
  const optionsFault = first?.field !== undefined && OPTION_FIELDS.includes(first.field);
  useEffect(() => {
    if (optionsFault) setOptionsOpen(true);
  }, [optionsFault]);

  const field = (name: keyof SessionSettings) => ({
    id: idOf(name),
    value: settings[name],
    disabled: live,
    'aria-invalid': problems.some((p) => p.field === name && settings[name].trim() !== '') || undefined,
    'aria-describedby': !live && first?.field === name ? ids.reason : undefined,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLSelectElement>) =>
      sessions.updateSettings(session.id, { [name]: e.target.value }),
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (live) void actions.disconnect(session.id);
    else if (!first) void actions.connect(session.id);
  };

  // An empty field is a prompt, not a mistake: only a wrong value is shown as one.
  const reasonTone = !first?.field || settings[first.field].trim() === '' ? 'hint' : 'fault';

  return (
    <section className="panel session-panel" aria-labelledby={`${ids.reason}-title`}>
      <h2 id={`${ids.reason}-title`} className="panel-title">
        Session
      </h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label className="field-label" htmlFor={idOf('protocol')}>
            Protocol
          </label>
          <select {...field('protocol')}>
            <option value="tcp-client">TCP client</option>
          </select>
        </div>
        <div className="field-row">
          <div className="field grow">
            <label className="field-label" htmlFor={idOf('host')}>
              Host
            </label>
            <input
              {...field('host')}
              type="text"
              placeholder="192.168.1.123"
              spellCheck={false}
              autoComplete="off"
              autoCapitalize="off"
            />
          </div>
          <div className="field port">
            <label className="field-label" htmlFor={idOf('port')}>
              Port
            </label>
            <input {...field('port')} type="text" inputMode="numeric" placeholder="8087" autoComplete="off" />
          </div>
        </div>
        <details
          className="options"
          open={optionsOpen}
          onToggle={(e) => setOptionsOpen((e.currentTarget as HTMLDetailsElement).open)}
        >
          <summary>Options</summary>
          <div className="options-body" id={ids.options}>
            <div className="field-row">
              <div className="field grow">
                <label className="field-label" htmlFor={idOf('localAddress')}>
                  Local address
                </label>
                <input {...field('localAddress')} type="text" placeholder="any" spellCheck={false} />
              </div>
              <div className="field port">
                <label className="field-label" htmlFor={idOf('localPort')}>
                  Local port
                </label>
                <input {...field('localPort')} type="text" inputMode="numeric" placeholder="any" />
              </div>
            </div>
            <div className="field">
              <label className="field-label" htmlFor={idOf('connectTimeoutMs')}>
                Connect timeout (ms)
              </label>
              <input {...field('connectTimeoutMs')} type="text" inputMode="numeric" placeholder="5000" />
            </div>
          </div>
        </details>
        <div className="actions">
          <button
            type="submit"
            className={live ? 'btn danger' : 'btn primary'}
            disabled={!live && first !== undefined}
            aria-describedby={!live && first ? ids.reason : undefined}
          >
            {live ? 'Disconnect' : 'Connect'}
          </button>
          {!live && first && (
            <p id={ids.reason} className={`reason reason-${reasonTone}`}>
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
    </section>
  );
}
