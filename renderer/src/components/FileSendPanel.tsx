// Send file: a file from this PC, read a slice at a time and sent as raw bytes, each chunk awaited
// (a slow board holds the next one back), with a delay between chunks, a progress bar and Cancel.
import { useId, useState } from 'react';
import { useStore } from 'zustand';
import { useServices } from '../app-context';
import { formatCount } from '../format';
import { fileSendFields, planChunks, progressText } from '../state/file-send';
import type { ToolProps } from './SendTools';
import { LiveLine, SettingInput } from './ToolFields';

const OUTCOME = { done: 'Sent', cancelled: 'Cancelled', error: 'Stopped' } as const;

export function FileSendPanel({ session, ready, why }: ToolProps) {
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
    (file ? (file.size === 0 ? 'The file is empty.' : undefined) : 'Choose the file to send.');

  const start = () => {
    if (!file || !fields.ok || !ready) return;
    void automation.sendFile(session.id, file, fields.chunkBytes, fields.delayMs, ready.to);
  };

  const plan = file && fields.ok ? planChunks(file.size, fields.chunkBytes) : undefined;

  return (
    <div className="file-send">
      <div className="field">
        <label className="field-label" htmlFor={ids.file}>
          File to send
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
            {formatCount(file.size)} bytes in {formatCount(plan.chunks)}{' '}
            {plan.chunks === 1 ? 'chunk' : 'chunks'}
          </span>
        )}
      </div>
      <div className="field-row">
        <SettingInput
          session={session}
          name="fileChunkBytes"
          label="Chunk size (bytes)"
          numeric
          placeholder="1024"
          disabled={sending}
          invalid={fault?.field === 'fileChunkBytes'}
          describedBy={ids.reason}
        />
        <SettingInput
          session={session}
          name="fileDelayMs"
          label="Delay between chunks (ms)"
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
            Cancel
          </button>
        ) : (
          <button
            type="button"
            className="btn primary"
            disabled={blocked !== undefined}
            aria-describedby={blocked ? ids.reason : undefined}
            onClick={start}
          >
            Send file
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
          <progress aria-label="File send progress" max={Math.max(1, progress.total)} value={progress.sent} />
          <LiveLine
            text={`${sending ? 'Sending' : OUTCOME[progress.state as keyof typeof OUTCOME]} ${progress.name}: ${progressText(progress, formatCount)}${progress.error ? `: ${progress.error}` : ''}`}
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
