// Presets: named quick-send buttons. Save as preset keeps the message with the choices that make its
// bytes; each preset sends with one click and can be edited or deleted; Import / Export presets move
// them between benches as JSON, a bad file refused with the reason.
import { type ChangeEvent, useId, useState } from 'react';
import { useStore } from 'zustand';
import { usePrefs, useServices } from '../app-context';
import { download } from '../download';
import { useT } from '../i18n';
import { payloadOf } from '../state/compose';
import {
  deletePreset,
  exportPresets,
  importPresets,
  mergePresets,
  type SendPreset,
  savePreset,
} from '../state/send-presets';
import { toErrorInfo } from '../state/session-actions';
import { PresetEditor } from './PresetEditor';
import type { ToolProps } from './SendTools';

type Editing = { kind: 'new' } | { kind: 'edit'; preset: SendPreset } | undefined;
type Note = { tone: 'ok' | 'fault'; text: string } | undefined;

export function PresetsPanel({ session, ready, why, text }: ToolProps) {
  const { t, tn } = useT();
  const { presets: store, actions } = useServices();
  const presets = useStore(store, (s) => s.presets);
  const options = usePrefs((p) => p);
  const [editing, setEditing] = useState<Editing>();
  const [note, setNote] = useState<Note>();
  const importId = useId();

  const send = (preset: SendPreset) => {
    if (!ready) return;
    setNote(undefined);
    actions
      .send(session.id, payloadOf(preset.message, preset), ready.to)
      .catch((error: unknown) => setNote({ tone: 'fault', text: toErrorInfo(error).message }));
  };

  const save = (name: string, message: string) => {
    if (editing?.kind === 'edit') {
      store.set(savePreset(presets, { ...editing.preset, name, message }, editing.preset.name));
    } else {
      const { encodeAs, lineEnding, escapes, macros, checksum, checksumOrder } = options;
      const preset = { name, message, encodeAs, lineEnding, escapes, macros, checksum, checksumOrder };
      store.set(savePreset(presets, preset));
    }
    setEditing(undefined);
    setNote(undefined);
  };

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    const file = input.files?.[0];
    if (!file) return;
    input.value = '';
    const result = importPresets(await file.text());
    if (!result.ok) {
      setNote({ tone: 'fault', text: t('presets.notImported', { file: file.name, reason: result.reason }) });
      return;
    }
    store.set(mergePresets(presets, result.presets));
    setNote({ tone: 'ok', text: tn('presets.imported', result.presets.length, { file: file.name }) });
  };

  return (
    <div className="presets">
      {presets.length === 0 && !editing && <p className="muted tool-note">{t('presets.empty')}</p>}
      {presets.length > 0 && (
        <ul className="preset-list" aria-label={t('presets.list')}>
          {presets.map((p) => (
            <li key={p.name} className="preset">
              <button
                type="button"
                className="btn small preset-send"
                disabled={!ready}
                title={ready ? p.message : why}
                onClick={() => send(p)}
              >
                {p.name}
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('presets.edit', { name: p.name })}
                title={t('presets.editTitle')}
                onClick={() => setEditing({ kind: 'edit', preset: p })}
              >
                ✎
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('presets.delete', { name: p.name })}
                title={t('presets.deleteTitle')}
                onClick={() => store.set(deletePreset(presets, p.name))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      {editing && (
        <PresetEditor
          key={editing.kind === 'edit' ? editing.preset.name : ''}
          presets={presets}
          editing={editing.kind === 'edit' ? editing.preset : undefined}
          message={text}
          onSave={save}
          onCancel={() => setEditing(undefined)}
        />
      )}
      <div className="actions wrap">
        {!editing && (
          <button
            type="button"
            className="btn small"
            disabled={text === ''}
            title={text === '' ? t('presets.keepFirst') : undefined}
            onClick={() => setEditing({ kind: 'new' })}
          >
            {t('presets.saveAs')}
          </button>
        )}
        <label className="btn small file-button" htmlFor={importId}>
          {t('presets.import')}
          <input
            id={importId}
            type="file"
            accept="application/json,.json"
            className="visually-hidden"
            onChange={(e) => void onImport(e)}
          />
        </label>
        <button
          type="button"
          className="btn small"
          disabled={presets.length === 0}
          onClick={() => download('socketbench-presets.json', 'application/json', [exportPresets(presets)])}
        >
          {t('presets.export')}
        </button>
      </div>
      {note && (
        <p className={`reason reason-${note.tone}`} role={note.tone === 'fault' ? 'alert' : undefined}>
          {note.text}
        </p>
      )}
    </div>
  );
}
