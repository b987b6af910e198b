// Expect: what every reply to a send must be (the same bytes, a prefix plus them, exact text or hex,
// a regex) within a timeout; applied live while the session runs. Each exchange gets a result row in
// the log; the session's totals show here.
import { useEffect, useId, useState } from 'react';
import type { TextEncodingName } from '../../../shared/contract/model';
import { usePrefs, useServices } from '../app-context';
import { formatCount } from '../format';
import { useT } from '../i18n';
import { exchangesReset } from '../state/automation-view';
import { isTextEncoding } from '../state/compose';
import { EXPECT_FIELD, EXPECT_LABELS, expectFromSettings } from '../state/expect-settings';
import type { SessionSetup } from '../state/session-setup';
import { EXPECT_KINDS, type ExpectKind } from '../state/settings';
import { SettingInput } from './ToolFields';

export function ExpectFields({ session }: { session: SessionSetup }) {
  const { t } = useT();
  const { sessions } = useServices();
  const encodeAs = usePrefs((p) => p.encodeAs);
  const escapes = usePrefs((p) => p.escapes);
  const ids = { kind: useId(), reason: useId() };
  const kind = session.settings.expectKind;
  const [open, setOpen] = useState(kind !== 'off');
  // A board preset that sets a rule shows it.
  useEffect(() => {
    if (kind !== 'off') setOpen(true);
  }, [kind]);
  const encoding = isTextEncoding(encodeAs) ? (encodeAs as TextEncodingName) : undefined;
  const checked = expectFromSettings(session.settings, encoding, escapes);
  const fault = checked.ok ? undefined : checked;
  const field = EXPECT_FIELD[kind];
  const totals = session.automation?.exchanges;
  const judged = totals ? totals.passed + totals.failed + totals.timedOut : 0;

  return (
    <details className="options expect" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        {t('expect.title')}
        {kind !== 'off' && <span className="summary-note muted"> · {t(EXPECT_LABELS[kind])}</span>}
      </summary>
      <div className="options-body">
        <div className="field">
          <label className="field-label" htmlFor={ids.kind}>
            {t('expect.kind')}
          </label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) =>
              sessions.updateSettings(session.id, { expectKind: e.target.value as ExpectKind })
            }
          >
            {EXPECT_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(EXPECT_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        {kind !== 'off' && (
          <div className="field-row">
            {field && (
              <SettingInput
                session={session}
                name={field.name}
                label={t(field.label)}
                mono
                placeholder={
                  kind === 'prefix-echo' ? 'TCP Server : ' : kind === 'hex' ? '4F 4B 0D 0A' : undefined
                }
                invalid={fault?.field === field.name && session.settings[field.name] !== ''}
                describedBy={ids.reason}
              />
            )}
            <SettingInput
              session={session}
              name="expectTimeoutMs"
              label={t('expect.timeout')}
              numeric
              size="port"
              placeholder="2000"
              invalid={fault?.field === 'expectTimeoutMs'}
              describedBy={ids.reason}
            />
          </div>
        )}
        {fault && (
          <p id={ids.reason} className="reason reason-fault">
            {fault.reason}
          </p>
        )}
        {kind !== 'off' && !fault && <p className="muted field-hint">{t('expect.hint')}</p>}
        {totals && judged > 0 && (
          <div className="expect-totals">
            <p className="totals">
              <span className="tone-ok">{t('expect.passed', { count: formatCount(totals.passed) })}</span> ·{' '}
              <span className={totals.failed > 0 ? 'tone-bad' : undefined}>
                {t('expect.failed', { count: formatCount(totals.failed) })}
              </span>{' '}
              ·{' '}
              <span className={totals.timedOut > 0 ? 'tone-bad' : undefined}>
                {t('expect.timedOut', { count: formatCount(totals.timedOut) })}
              </span>
            </p>
            <button
              type="button"
              className="btn small"
              onClick={() => sessions.updateAutomation(session.id, exchangesReset)}
            >
              {t('expect.reset')}
            </button>
          </div>
        )}
      </div>
    </details>
  );
}
