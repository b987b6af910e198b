// Periodic send: the message box's payload every Interval (ms), Count times or until Stop periodic,
// sent by the engine's own timer; the running indicator counts what went out.
import { useId, useState } from 'react';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { periodicFields } from '../state/task-fields';
import { periodicText } from '../state/task-words';
import type { ToolProps } from './SendTools';
import { LiveLine, SettingInput, TaskActions } from './ToolFields';

export function PeriodicPanel({ session, payload, ready, why, messageWhy }: ToolProps) {
  const { t } = useT();
  const { automation } = useServices();
  const reasonId = useId();
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const task = session.automation?.periodic;
  const running = task?.state === 'running';
  const fields = periodicFields(session.settings);
  const fault = fields.ok ? undefined : fields;
  const blocked = fault?.reason ?? (ready ? messageWhy : why);

  const start = async () => {
    if (!fields.ok || !ready) return;
    setBusy(true);
    setRefusal(undefined);
    const error = await automation.startPeriodic(
      session.id,
      payload,
      ready.to,
      fields.intervalMs,
      fields.count,
    );
    setRefusal(error?.message);
    setBusy(false);
  };
  const stop = async () => {
    setBusy(true);
    await automation.stopTask(session.id, 'periodic');
    setBusy(false);
  };

  return (
    <div className="periodic">
      <p className="muted tool-note">{t('task.periodicNote')}</p>
      <div className="field-row">
        <SettingInput
          session={session}
          name="periodicIntervalMs"
          label={t('task.interval')}
          numeric
          placeholder="1000"
          invalid={fault?.field === 'periodicIntervalMs'}
          describedBy={reasonId}
        />
        <SettingInput
          session={session}
          name="periodicCount"
          label={t('task.count')}
          numeric
          placeholder={t('task.untilStopped')}
          invalid={fault?.field === 'periodicCount'}
          describedBy={reasonId}
        />
      </div>
      <TaskActions
        running={running}
        busy={busy}
        blocked={blocked}
        fault={fault !== undefined}
        reasonId={reasonId}
        startLabel={t('task.startPeriodic')}
        stopLabel={t('task.stopPeriodic')}
        onStart={() => void start()}
        onStop={() => void stop()}
        refusal={refusal}
      />
      <LiveLine
        text={task ? periodicText(task) : undefined}
        tone={running ? 'live' : task?.state === 'error' ? 'bad' : 'muted'}
      />
    </div>
  );
}
