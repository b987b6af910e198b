// A TCP session's Framing: where a received message ends (raw chunks, a delimiter, a fixed length,
// a length prefix, an idle gap) and the largest frame kept whole. Sent with Connect / Listen, and
// applied live, a moment after the fields hold a valid change, while the session runs.
import { useEffect, useId, useMemo, useState } from 'react';
import { useServices } from '../app-context';
import { isActiveState } from '../state/engine-view';
import { DELIMITER_PICKS, FRAMING_LABELS, framingFromSettings, sameFraming } from '../state/framing-settings';
import { FRAMING_KINDS, type TextSetting } from '../state/settings';
import type { SettingsForm } from './useSettingsForm';

/** Long enough that typing "0D 0A" applies once, short enough to feel immediate. */
const APPLY_DELAY_MS = 400;

function Field(props: {
  form: SettingsForm;
  name: TextSetting;
  label: string;
  placeholder?: string;
  reasonId: string;
}) {
  const { form, name } = props;
  const bound = form.text(name);
  return (
    <div className="field grow">
      <label className="field-label" htmlFor={bound.id}>
        {props.label}
      </label>
      <input
        {...bound}
        disabled={false}
        aria-describedby={bound['aria-invalid'] ? props.reasonId : undefined}
        type="text"
        inputMode={name === 'delimiterHex' ? undefined : 'numeric'}
        className={name === 'delimiterHex' ? 'mono' : undefined}
        placeholder={props.placeholder}
        spellCheck={false}
        autoComplete="off"
      />
    </div>
  );
}

function Select(props: {
  form: SettingsForm;
  name: TextSetting;
  label: string;
  options: [string, string][];
}) {
  const bound = props.form.text(props.name);
  return (
    <div className="field grow">
      <label className="field-label" htmlFor={bound.id}>
        {props.label}
      </label>
      <select {...bound} disabled={false}>
        {props.options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
    </div>
  );
}

export function FramingFields({ form }: { form: SettingsForm }) {
  const { sessions, actions } = useServices();
  const { session } = form;
  const s = session.settings;
  const result = useMemo(() => framingFromSettings(s), [s]);
  const live = session.engineId !== undefined && isActiveState(session.state);
  const [refusal, setRefusal] = useState<string>();
  const reasonId = useId();
  const update = (change: Partial<typeof s>) => sessions.updateSettings(session.id, change);

  useEffect(() => {
    if (!live || !result.ok || sameFraming(result.spec, session.framing)) return;
    const spec = result.spec;
    const timer = setTimeout(() => {
      void actions.setFraming(session.id, spec).then((error) => setRefusal(error?.message));
    }, APPLY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live, result, session.framing, session.id, actions]);

  const field = (name: TextSetting, label: string, placeholder?: string) => (
    <Field form={form} name={name} label={label} placeholder={placeholder} reasonId={reasonId} />
  );
  const max = field('maxFrameBytes', 'Max frame size', '1048576');
  const includes = form.flag('lengthIncludesHeader');

  return (
    <div className="framing">
      <Select
        form={form}
        name="framing"
        label="Framing"
        options={FRAMING_KINDS.map((k) => [k, FRAMING_LABELS[k]])}
      />
      {s.framing === 'delimiter' && (
        <>
          <div className="field-row">
            {field('delimiterHex', 'Delimiter (hex)', '0A')}
            <div className="picks">
              {DELIMITER_PICKS.map((p) => (
                <button
                  key={p.label}
                  type="button"
                  className="btn small"
                  onClick={() => update({ delimiterHex: p.hex })}
                >
                  {p.label}
                </button>
              ))}
            </div>
          </div>
          {max}
        </>
      )}
      {s.framing === 'fixed' && field('frameLength', 'Frame length', 'bytes')}
      {s.framing === 'length-prefix' && (
        <>
          <div className="field-row">
            <Select
              form={form}
              name="lengthSize"
              label="Length size"
              options={[
                ['1', '1 byte'],
                ['2', '2 bytes'],
                ['4', '4 bytes'],
              ]}
            />
            <Select
              form={form}
              name="lengthOrder"
              label="Length byte order"
              options={[
                ['be', 'Big-endian'],
                ['le', 'Little-endian'],
              ]}
            />
          </div>
          <div className="field-row">
            {field('lengthOffset', 'Length offset', '0')}
            {max}
          </div>
          <div className="check">
            <input {...includes} disabled={false} />
            <label htmlFor={includes.id}>Length includes header</label>
          </div>
        </>
      )}
      {s.framing === 'idle-gap' && (
        <div className="field-row">
          {field('gapMs', 'Gap (ms)', '20')}
          {max}
        </div>
      )}
      {!result.ok ? (
        <p id={reasonId} className="reason reason-fault">
          {result.reason}
        </p>
      ) : refusal && live ? (
        <p className="reason reason-fault">{refusal}</p>
      ) : (
        live &&
        s.framing !== 'raw' && <p className="reason reason-hint">Applies to bytes received from now on.</p>
      )}
    </div>
  );
}
