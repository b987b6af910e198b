// Where the composer's message goes: a server's `Send to` (All clients or one board), or a UDP
// socket's `Remote host` and `Remote port` (or the last sender). Editable while the session runs.
import { useId } from 'react';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { sendToOptions } from '../state/send-target';
import type { UiSession } from '../state/sessions-reducer';
import { RECENT_HOSTS_ID, RECENT_PORTS_ID } from './RecentLists';

function SendTo({ session }: { session: UiSession }) {
  const { t } = useT();
  const { sessions } = useServices();
  const id = useId();
  const options = sendToOptions(session.clients, session.sendTo);
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {t('compose.sendTo')}
      </label>
      <select
        id={id}
        value={session.sendTo}
        aria-invalid={options.some((o) => o.gone) || undefined}
        onChange={(e) => sessions.setSendTo(session.id, e.target.value)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value} disabled={o.more}>
            {o.label}
          </option>
        ))}
      </select>
    </div>
  );
}

function UdpRemote({ session }: { session: UiSession }) {
  const { t } = useT();
  const { sessions } = useServices();
  const ids = { host: useId(), port: useId(), reply: useId() };
  const s = session.settings;
  const update = (change: Partial<UiSession['settings']>) => sessions.updateSettings(session.id, change);
  return (
    <>
      <div className="field-row">
        <div className="field grow">
          <label className="field-label" htmlFor={ids.host}>
            {t('compose.remoteHost')}
          </label>
          <input
            id={ids.host}
            type="text"
            value={s.remoteHost}
            disabled={s.replyToSender}
            placeholder="192.168.1.123"
            spellCheck={false}
            autoComplete="off"
            list={RECENT_HOSTS_ID}
            onChange={(e) => update({ remoteHost: e.target.value })}
          />
        </div>
        <div className="field port">
          <label className="field-label" htmlFor={ids.port}>
            {t('compose.remotePort')}
          </label>
          <input
            id={ids.port}
            type="text"
            inputMode="numeric"
            value={s.remotePort}
            disabled={s.replyToSender}
            placeholder="8080"
            autoComplete="off"
            list={RECENT_PORTS_ID}
            onChange={(e) => update({ remotePort: e.target.value })}
          />
        </div>
      </div>
      <div className="check">
        <input
          id={ids.reply}
          type="checkbox"
          checked={s.replyToSender}
          onChange={(e) => update({ replyToSender: e.target.checked })}
        />
        <label htmlFor={ids.reply}>{t('compose.replyToSender')}</label>
      </div>
    </>
  );
}

export function SendTargetFields({ session }: { session: UiSession }) {
  const protocol = session.engineId ? session.protocol : session.settings.protocol;
  if (protocol === 'tcp-server') return <SendTo session={session} />;
  if (protocol === 'udp') return <UdpRemote session={session} />;
  return null;
}
