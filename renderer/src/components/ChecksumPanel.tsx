// The checksum calculator: every checksum kind over the bytes of the entries selected in the log
// (or over hex typed here), in both byte orders where there are two.
import { useId, useMemo, useState } from 'react';
import { parseHex } from '../../../shared/codec/hex';
import { useLog, useServices, useSessions } from '../app-context';
import { useT } from '../i18n';
import { checksumRows, selectedBytes } from '../state/checksum-calc';
import { faultText } from '../state/phrase';

export function ChecksumPanel({ onClose }: { onClose(): void }) {
  const { t, tn } = useT();
  const { log } = useServices();
  const activeId = useSessions((s) => s.activeId);
  const ring = useLog((s) => s.shown.ring);
  const selected = useLog((s) => s.selected);
  const [typed, setTyped] = useState('');
  const ids = { title: useId(), input: useId() };

  const fromLog = useMemo(() => selectedBytes(ring, selected), [ring, selected]);
  const parsed = typed.trim() === '' ? undefined : parseHex(typed);
  const bytes = parsed?.ok ? parsed.bytes : parsed ? undefined : fromLog.bytes;
  const rows = useMemo(() => (bytes && bytes.length > 0 ? checksumRows(bytes) : []), [bytes]);

  const source = parsed
    ? parsed.ok
      ? t('checksum.typed', { bytes: tn('compose.bytes', parsed.bytes.length) })
      : undefined
    : fromLog.entries === 0
      ? t('checksum.selectHint')
      : tn('checksum.selected', fromLog.entries, { bytes: tn('compose.bytes', fromLog.bytes.length) });

  return (
    <section className="calculator" aria-labelledby={ids.title}>
      <div className="panel-head">
        <h3 id={ids.title} className="panel-title">
          {t('checksum.title')}
        </h3>
        {selected.length > 0 && (
          <button type="button" className="btn small" onClick={() => log.setSelected(activeId, [])}>
            {t('checksum.clearSelection')}
          </button>
        )}
        <button type="button" className="icon-button" aria-label={t('checksum.close')} onClick={onClose}>
          ×
        </button>
      </div>
      <div className="inline-field calc-input">
        <label className="field-label" htmlFor={ids.input}>
          {t('checksum.input')}
        </label>
        <input
          id={ids.input}
          type="text"
          className="mono"
          value={typed}
          placeholder={t('checksum.placeholder')}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={parsed?.ok === false || undefined}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <p className={parsed?.ok === false ? 'calc-source fault' : 'calc-source muted'}>
        {parsed?.ok === false ? faultText(parsed.error) : source}
      </p>
      {rows.length > 0 && (
        <table className="calc-table">
          <thead>
            <tr>
              <th scope="col">{t('checksum.kind')}</th>
              <th scope="col">{t('checksum.value')}</th>
              <th scope="col">{t('checksum.bigEndian')}</th>
              <th scope="col">{t('checksum.littleEndian')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.kind}>
                <th scope="row">{r.label}</th>
                <td className="mono">{r.value}</td>
                <td className="mono">{r.be}</td>
                <td className="mono">{r.le ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
