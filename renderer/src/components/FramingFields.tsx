// A TCP session's Framing: where a received message ends (raw chunks, a delimiter, a fixed length,
// a length prefix, an idle gap) and the largest frame kept whole. Sent with Connect / Listen, and
// applied live, a moment after the fields hold a valid change, while the session runs.
import { useEffect, useId, useMemo, useState } from 'react';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { isActiveState } from '../state/engine-view';
import { DELIMITER_PICKS, framingFromSettings, sameFraming } from '../state/framing-settings';
import { faultText } from '../state/phrase';
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
  const { t, tn, language } = useT();
  // The reason is a sentence in the window's language: a switch words it again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: language changes what framingFromSettings says
  const result = useMemo(() => framingFromSettings(s), [s, language]);
  const live = session.engineId !== undefined && isActiveState(session.state);
  const [refusal, setRefusal] = useState<string>();
  const reasonId = useId();
  const update = (change: Partial<typeof s>) => sessions.updateSettings(session.id, change);

  useEffect(() => {
    if (!live || !result.ok || sameFraming(result.spec, session.framing)) return;
    const spec = result.spec;
    const timer = setTimeout(() => {
      void actions.setFraming(session.id, spec).then((error) => setRefusal(error && faultText(error)));
    }, APPLY_DELAY_MS);
    return () => clearTimeout(timer);
  }, [live, result, session.framing, session.id, actions]);

  const field = (name: TextSetting, label: string, placeholder?: string) => (
    <Field form={form} name={name} label={label} placeholder={placeholder} reasonId={reasonId} />
  );
  const max = field('maxFrameBytes', t('framing.maxFrame'), '1048576');
  const includes = form.flag('lengthIncludesHeader');

  return (
    <div className="framing">
      <Select
        form={form}
        name="framing"
        label={t('framing.title')}
        options={FRAMING_KINDS.map((k) => [k, t(`framing.${k}`)])}
      />
      {s.framing === 'delimiter' && (
        <>
          <div className="field-row">
            {field('delimiterHex', t('framing.delimiterHex'), '0A')}
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
      {s.framing === 'fixed' && field('frameLength', t('framing.frameLength'), t('framing.bytesPlaceholder'))}
      {s.framing === 'length-prefix' && (
        <>
          <div className="field-row">
            <Select
              form={form}
              name="lengthSize"
              label={t('framing.lengthSize')}
              options={(['1', '2', '4'] as const).map((n) => [n, tn('framing.bytes', Number(n))])}
            />
            <Select
              form={form}
              name="lengthOrder"
              label={t('framing.lengthOrder')}
              options={[
                ['be', t('framing.bigEndian')],
                ['le', t('framing.littleEndian')],
              ]}
            />
          </div>
          <div className="field-row">
            {field('lengthOffset', t('framing.lengthOffset'), '0')}
            {max}
          </div>
          <div className="check">
            <input {...includes} disabled={false} />
            <label htmlFor={includes.id}>{t('framing.includesHeader')}</label>
          </div>
        </>
      )}
      {s.framing === 'idle-gap' && (
        <div className="field-row">
          {field('gapMs', t('framing.gap'), '20')}
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
        live && s.framing !== 'raw' && <p className="reason reason-hint">{t('framing.fromNowOn')}</p>
      )}
    </div>
  );
}
