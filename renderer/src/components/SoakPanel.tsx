// Soak run: rounds of the message box's payload ({counter} numbers them) judged against the session's
// Expected reply, for a number of Rounds or a Duration (s), one round every Interval (ms); live
// figures (verdicts, round trips, throughput), Stop soak at any time, and a summary at the end.
import { useId, useState } from 'react';
import type { TextEncodingName } from '../../../shared/contract/model';
import { usePrefs, useServices } from '../app-context';
import { useT } from '../i18n';
import { isTextEncoding } from '../state/compose';
import { expectFromSettings } from '../state/expect-settings';
import { soakFields } from '../state/task-fields';
import { soakFigures, soakText } from '../state/task-words';
import type { ToolProps } from './SendTools';
import { LiveLine, SettingInput, TaskActions } from './ToolFields';

export function SoakPanel({ session, payload, ready, why, messageWhy, text }: ToolProps) {
  const { t } = useT();
  const { automation } = useServices();
  const encodeAs = usePrefs((p) => p.encodeAs);
  const escapes = usePrefs((p) => p.escapes);
  const macros = usePrefs((p) => p.macros);
  const reasonId = useId();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const task = session.automation?.soak;
  const running = task?.state === 'running';
  const fields = soakFields(session.settings);
  const fault = fields.ok ? undefined : fields;
  const encoding = isTextEncoding(encodeAs) ? (encodeAs as TextEncodingName) : undefined;
  const expect = expectFromSettings(session.settings, encoding, escapes);
  const noExpect = !expect.ok
    ? t('task.fixExpect', { reason: expect.reason })
    : expect.spec === null
      ? t('task.soakNeedsExpect')
      : undefined;
  const blocked = fault?.reason ?? noExpect ?? (ready ? messageWhy : why);
  const literalCounter = !macros && isTextEncoding(encodeAs) && text.includes('{counter}');

  const start = async () => {
    if (!fields.ok || !ready || !expect.ok || !expect.spec) return;
    setBusy(true);
    setRefusal(undefined);
    const { ok: _ok, ...params } = fields;
    const error = await automation.startSoak(session.id, payload, ready.to, {
      ...params,
      expect: expect.spec,
    });
    setRefusal(error?.message);
    setBusy(false);
  };
  const stop = async () => {
    setBusy(true);
    await automation.stopTask(session.id, 'soak');
    setBusy(false);
  };

  const figures = task?.stats ? soakFigures(task.stats) : undefined;
  return (
    <div className="soak">
      <p className="muted tool-note">
        {t('task.soakNote')}
        {literalCounter && t('task.literalCounter')}
      </p>
      <div className="field-row">
        <SettingInput
          session={session}
          name="soakRounds"
          label={t('task.rounds')}
          numeric
          placeholder="100"
          disabled={running}
          invalid={fault?.field === 'soakRounds'}
          describedBy={reasonId}
        />
        <SettingInput
          session={session}
          name="soakDurationS"
          label={t('task.duration')}
          numeric
          placeholder={t('task.noDuration')}
          disabled={running}
          invalid={fault?.field === 'soakDurationS'}
          describedBy={reasonId}
        />
        <SettingInput
          session={session}
          name="soakIntervalMs"
          label={t('task.interval')}
          numeric
          placeholder="0"
          disabled={running}
          invalid={fault?.field === 'soakIntervalMs'}
          describedBy={reasonId}
        />
      </div>
      <TaskActions
        running={running}
        busy={busy}
        blocked={blocked}
        fault={fault !== undefined}
        reasonId={reasonId}
        startLabel={t('task.startSoak')}
        stopLabel={t('task.stopSoak')}
        onStart={() => void start()}
        onStop={() => void stop()}
        refusal={refusal}
      />
      {task && (
        <LiveLine
          text={soakText(task)}
          tone={
            running ? 'live' : task.state === 'done' && !figures?.some((f) => f.tone === 'bad') ? 'ok' : 'bad'
          }
        />
      )}
      {figures && (
        <dl className="soak-figures" aria-label={t('task.figures')}>
          {figures.map((f) => (
            <div key={f.id} className={f.tone ? `figure tone-${f.tone}` : 'figure'}>
              <dt>{f.label}</dt>
              <dd className="mono">{f.value}</dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
