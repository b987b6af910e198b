// Inputs of the sending tools bound to the active session's settings: editable while the session
// runs (unlike its setup), each fault marked on its field and described by the panel's reason.
import { useId } from 'react';
import { useServices } from '../app-context';
import type { SessionSetup } from '../state/session-setup';
import type { TextSetting } from '../state/settings';

export function SettingInput(props: {
  session: SessionSetup;
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

/** Start / Stop of a running task, the reason Start is disabled, and a refusal from the engine. */
export function TaskActions(props: {
  running: boolean;
  busy: boolean;
  /** Why Start is disabled; a fault when `fault`, else a hint. */
  blocked: string | undefined;
  fault: boolean;
  reasonId: string;
  startLabel: string;
  stopLabel: string;
  onStart: () => void;
  onStop: () => void;
  refusal: string | undefined;
}) {
  const { running, busy, blocked, reasonId } = props;
  return (
    <>
      <div className="actions">
        {running ? (
          <button type="button" className="btn danger" disabled={busy} onClick={props.onStop}>
            {props.stopLabel}
          </button>
        ) : (
          <button
            type="button"
            className="btn primary"
            disabled={busy || blocked !== undefined}
            aria-describedby={blocked ? reasonId : undefined}
            onClick={props.onStart}
          >
            {props.startLabel}
          </button>
        )}
        {!running && blocked && (
          <p id={reasonId} className={`reason reason-${props.fault ? 'fault' : 'hint'}`}>
            {blocked}
          </p>
        )}
      </div>
      {props.refusal && <p className="reason reason-fault">{props.refusal}</p>}
    </>
  );
}
