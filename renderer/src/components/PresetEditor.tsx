// The inline form that names a new preset or edits one (its name and message); Enter saves, Escape
// cancels. The composer choices a preset sends with stay as they were saved.
import { type FormEvent, useId, useState } from 'react';
import { useT } from '../i18n';
import { presetNameProblem, type SendPreset } from '../state/send-presets';

export function PresetEditor(props: {
  presets: readonly SendPreset[];
  /** The preset being edited; absent when naming a new one. */
  editing?: SendPreset;
  message: string;
  onSave(name: string, message: string): void;
  onCancel(): void;
}) {
  const { t } = useT();
  const ids = { name: useId(), message: useId(), reason: useId() };
  const [name, setName] = useState(props.editing?.name ?? '');
  const [message, setMessage] = useState(props.editing?.message ?? props.message);
  const [tried, setTried] = useState(false);
  const problem = presetNameProblem(props.presets, name, props.editing?.name);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!problem) props.onSave(name.trim(), message);
  };

  return (
    <form
      className="preset-editor"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onCancel();
      }}
    >
      <div className="field">
        <label className="field-label" htmlFor={ids.name}>
          {t('presets.name')}
        </label>
        <input
          id={ids.name}
          type="text"
          value={name}
          maxLength={80}
          // biome-ignore lint/a11y/noAutofocus: the form opens on the user's own click to type a name
          autoFocus
          autoComplete="off"
          aria-invalid={(tried && problem !== undefined) || undefined}
          aria-describedby={tried && problem ? ids.reason : undefined}
          onChange={(e) => setName(e.target.value)}
        />
      </div>
      {props.editing && (
        <div className="field">
          <label className="field-label" htmlFor={ids.message}>
            {t('presets.message')}
          </label>
          <textarea
            id={ids.message}
            className="mono"
            rows={2}
            value={message}
            spellCheck={false}
            onChange={(e) => setMessage(e.target.value)}
          />
        </div>
      )}
      <div className="actions">
        <button type="submit" className="btn primary small">
          {t('presets.save')}
        </button>
        <button type="button" className="btn small" onClick={props.onCancel}>
          {t('presets.cancel')}
        </button>
        {tried && problem && (
          <p id={ids.reason} className="reason reason-fault">
            {problem}
          </p>
        )}
      </div>
    </form>
  );
}
