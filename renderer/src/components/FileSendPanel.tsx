// Send file: a file from this PC, read a slice at a time and sent as raw bytes, each chunk awaited
// (a slow board holds the next one back), with a delay between chunks, a progress bar and Cancel.
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../app-context';
import { formatCount } from '../format';
import { type MessageKey, useT } from '../i18n';
import { type FileSendProgress, fileSendFields, planChunks, progressText } from '../state/file-send';
import type { ToolProps } from './SendTools';
import { LiveLine, SettingInput } from './ToolFields';

const PROGRESS: Readonly<Record<'sending' | 'done' | 'cancelled' | 'error', MessageKey>> = {
  sending: 'file.sending',
  done: 'file.done',
  cancelled: 'file.cancelled',
  error: 'file.stopped',
};

/** "Sending fw.bin: 4,096 / 12,345 bytes (33%)", and what stopped it. */
function progressLine(t: ReturnType<typeof useT>['t'], p: FileSendProgress): string {
  const text = t(PROGRESS[p.state], { name: p.name, progress: progressText(p, formatCount) });
  return p.error ? t('file.error', { text, error: p.error }) : text;
}

export function FileSendPanel({ session, ready, why }: ToolProps) {
  const { t, tn } = useT();
  const { automation } = useServices();
  const progress = useStore(automation.files, (s) => s[session.id]);
  const ids = { file: useId(), reason: useId() };
  const [file, setFile] = useState<File>();
  const sending = progress?.state === 'sending';
  const fields = fileSendFields(session.settings.fileChunkBytes, session.settings.fileDelayMs);
  const fault = fields.ok ? undefined : fields;
  const blocked =
    fault?.reason ??
    (ready ? undefined : why) ??
    (file ? (file.size === 0 ? t('file.empty') : undefined) : t('file.choose'));

  const start = () => {
    if (!file || !fields.ok || !ready) return;
    void automation.sendFile(session.id, file, fields.chunkBytes, fields.delayMs, ready.to);
  };

  const plan = file && fields.ok ? planChunks(file.size, fields.chunkBytes) : undefined;

  return (
    <div className="file-send">
      <div className="field">
        <label className="field-label" htmlFor={ids.file}>
          {t('file.toSend')}
        </label>
        <input
          id={ids.file}
          type="file"
          className="file-input"
          disabled={sending}
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
        {file && plan && (
          <span className="muted field-hint">
            {tn('file.plan', plan.chunks, { size: formatCount(file.size) })}
          </span>
        )}
      </div>
      <div className="field-row">
        <SettingInput
          session={session}
          name="fileChunkBytes"
          label={t('file.chunkSize')}
          numeric
          placeholder="1024"
          disabled={sending}
          invalid={fault?.field === 'fileChunkBytes'}
          describedBy={ids.reason}
        />
        <SettingInput
          session={session}
          name="fileDelayMs"
          label={t('file.delay')}
          numeric
          placeholder="0"
          disabled={sending}
          invalid={fault?.field === 'fileDelayMs'}
          describedBy={ids.reason}
        />
      </div>
      <div className="actions">
        {sending ? (
          <button type="button" className="btn danger" onClick={() => automation.cancelFile(session.id)}>
            {t('file.cancel')}
          </button>
        ) : (
          <button
            type="button"
            className="btn primary"
            disabled={blocked !== undefined}
            aria-describedby={blocked ? ids.reason : undefined}
            onClick={start}
          >
            {t('file.send')}
          </button>
        )}
        {!sending && blocked && (
          <p id={ids.reason} className={`reason reason-${fault ? 'fault' : 'hint'}`}>
            {blocked}
          </p>
        )}
      </div>
      {progress && (
        <div className="file-progress">
          <progress aria-label={t('file.progress')} max={Math.max(1, progress.total)} value={progress.sent} />
          <LiveLine
            text={progressLine(t, progress)}
            tone={
              progress.state === 'error'
                ? 'bad'
                : progress.state === 'done'
                  ? 'ok'
                  : sending
                    ? 'live'
                    : 'muted'
            }
          />
        </div>
      )}
    </div>
  );
}
