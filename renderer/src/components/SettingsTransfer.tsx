// Settings' Export / Import pair: every setting as one JSON file; an import is read and migrated as
// a load is, and the dialog says what it took and what it refused.
import { type ChangeEvent, useId, useState } from 'react';
import { exportSettings, importSettings } from '../../../shared/settings';
import { useServices } from '../app-context';
import { download } from '../download';
import { useT } from '../i18n';
import { listRefused, readProblemText } from '../state/settings-words';

type Note = { tone: 'ok' | 'fault'; text: string };

export function SettingsTransfer() {
  const { t } = useT();
  const { settingsSync } = useServices();
  const [note, setNote] = useState<Note>();
  const importId = useId();
  const hintId = useId();

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    const result = importSettings(settingsSync.snapshot(), await file.text());
    if (!result.ok) {
      setNote({
        tone: 'fault',
        text: t('settings.importFailed', { file: file.name, reason: readProblemText(result) }),
      });
      return;
    }
    settingsSync.apply(result.settings);
    setNote(
      result.refused.length === 0
        ? { tone: 'ok', text: t('settings.imported', { file: file.name }) }
        : {
            tone: 'fault',
            text: t('settings.importedPartly', { file: file.name, refused: listRefused(result.refused) }),
          },
    );
  };

  return (
    <fieldset className="group" aria-describedby={hintId}>
      <legend className="field-label">{t('settings.transfer')}</legend>
      <p id={hintId} className="muted settings-hint">
        {t('settings.transferHint')}
      </p>
      <div className="actions wrap">
        <button
          type="button"
          className="btn small"
          onClick={() =>
            download('socketbench-settings.json', 'application/json', [
              exportSettings(settingsSync.snapshot()),
            ])
          }
        >
          {t('settings.export')}
        </button>
        <label className="btn small file-button" htmlFor={importId}>
          {t('settings.import')}
          <input
            id={importId}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => void onImport(e)}
          />
        </label>
      </div>
      {note && (
        <p className={`reason reason-${note.tone}`} role={note.tone === 'fault' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
    </fieldset>
  );
}
