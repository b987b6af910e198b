// Inputs of the sending tools bound to the active session's settings: editable while the session
// runs (unlike its setup), each fault marked on its field and described by the panel's reason.
import { useId } from 'react';
import { useServices } from '../app-context';
import type { UiSession } from '../state/sessions-reducer';
import type { TextSetting } from '../state/settings';

export function SettingInput(props: {
  session: UiSession;
  name: TextSetting;
  label: string;
  placeholder?: string;
  numeric?: boolean;
  mono?: boolean;
  invalid?: boolean;
  describedBy?: string;
  disabled?: boolean;
  size?: 'grow' | 'port';
}) {
  const { sessions } = useServices();
  const id = useId();
  const { session, name } = props;
  return (
    <div className={`field ${props.size ?? 'grow'}`}>
      <label className="field-label" htmlFor={id}>
        {props.label}
      </label>
      <input
        id={id}
        type="text"
        className={props.mono ? 'mono' : undefined}
        value={session.settings[name]}
        inputMode={props.numeric ? 'numeric' : undefined}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
        disabled={props.disabled}
        aria-invalid={props.invalid || undefined}
        aria-describedby={props.invalid ? props.describedBy : undefined}
        onChange={(e) => sessions.updateSettings(session.id, { [name]: e.target.value })}
      />
    </div>
  );
}

/** A panel's one line of state for screen readers and eyes: polite, never an alert. */
export function LiveLine({ text, tone }: { text?: string; tone?: 'live' | 'ok' | 'bad' | 'muted' }) {
  return (
    <p className={`tool-live tone-${tone ?? 'muted'}`} aria-live="polite">
      {text}
    </p>
  );
}
