// How the message becomes bytes: Encode as, Line ending, Escapes, Macros, Checksum and its Byte
// order. Choices live in the prefs store, so they are remembered and shared by every session.
import { useId } from 'react';
import { CHECKSUM_LABELS, CHECKSUM_WIDTH, defaultChecksumOrder } from '../../../shared/codec/checksum';
import { DECODE_AS_LABELS } from '../../../shared/codec/display';
import { LINE_ENDINGS, type LineEnding } from '../../../shared/contract/model';
import { usePrefs, useServices } from '../app-context';
import { useT } from '../i18n';
import { isTextEncoding } from '../state/compose';
import { CHECKSUM_CHOICES, type ChecksumChoice, ENCODE_AS, type EncodeAs } from '../state/prefs-store';

const ENDING_LABELS: Record<Exclude<LineEnding, 'none'>, string> = { cr: 'CR', lf: 'LF', crlf: 'CRLF' };

function Check(props: {
  label: string;
  hint: string;
  title?: string;
  checked: boolean;
  onChange(v: boolean): void;
}) {
  const id = useId();
  return (
    <div className="check">
      <input
        id={id}
        type="checkbox"
        checked={props.checked}
        aria-describedby={`${id}-hint`}
        onChange={(e) => props.onChange(e.target.checked)}
      />
      <label htmlFor={id}>{props.label}</label>
      <span id={`${id}-hint`} className="mono muted check-hint" title={props.title}>
        {props.hint}
      </span>
    </div>
  );
}

export function PayloadOptions() {
  const { t } = useT();
  const { prefs } = useServices();
  const p = usePrefs((s) => s);
  const ids = { encodeAs: useId(), lineEnding: useId(), checksum: useId(), order: useId() };
  const text = isTextEncoding(p.encodeAs);
  const wide = p.checksum !== 'none' && CHECKSUM_WIDTH[p.checksum] > 1;

  const setChecksum = (checksum: ChecksumChoice) =>
    prefs.setState(
      checksum === 'none' ? { checksum } : { checksum, checksumOrder: defaultChecksumOrder(checksum) },
    );

  return (
    <>
      <div className="field-row">
        <div className="field grow">
          <label className="field-label" htmlFor={ids.encodeAs}>
            {t('compose.encodeAs')}
          </label>
          <select
            id={ids.encodeAs}
            value={p.encodeAs}
            onChange={(e) => prefs.setState({ encodeAs: e.target.value as EncodeAs })}
          >
            {ENCODE_AS.map((v) => (
              <option key={v} value={v}>
                {DECODE_AS_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label className="field-label" htmlFor={ids.lineEnding}>
            {t('compose.lineEnding')}
          </label>
          <select
            id={ids.lineEnding}
            value={text ? p.lineEnding : 'none'}
            disabled={!text}
            title={text ? undefined : t('compose.bytesAsTyped')}
            onChange={(e) => prefs.setState({ lineEnding: e.target.value as LineEnding })}
          >
            {LINE_ENDINGS.map((v) => (
              <option key={v} value={v}>
                {v === 'none' ? t('compose.none') : ENDING_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
      </div>
      {text && (
        <>
          <Check
            label={t('compose.escapes')}
            hint="\r \n \t \0 \xNN \\"
            checked={p.escapes}
            onChange={(escapes) => prefs.setState({ escapes })}
          />
          <Check
            label={t('compose.macros')}
            hint={t('compose.macroHelp')}
            title={t('compose.macroTitle')}
            checked={p.macros}
            onChange={(macros) => prefs.setState({ macros })}
          />
        </>
      )}
      <div className="field-row">
        <div className="field grow">
          <label className="field-label" htmlFor={ids.checksum}>
            {t('compose.checksum')}
          </label>
          <select
            id={ids.checksum}
            value={p.checksum}
            onChange={(e) => setChecksum(e.target.value as ChecksumChoice)}
          >
            {CHECKSUM_CHOICES.map((v) => (
              <option key={v} value={v}>
                {v === 'none' ? t('compose.none') : CHECKSUM_LABELS[v]}
              </option>
            ))}
          </select>
        </div>
        {wide && (
          <div className="field order">
            <label className="field-label" htmlFor={ids.order}>
              {t('compose.byteOrder')}
            </label>
            <select
              id={ids.order}
              value={p.checksumOrder}
              onChange={(e) => prefs.setState({ checksumOrder: e.target.value as 'be' | 'le' })}
            >
              <option value="be">{t('compose.orderBe')}</option>
              <option value="le">{t('compose.orderLe')}</option>
            </select>
          </div>
        )}
      </div>
    </>
  );
}
