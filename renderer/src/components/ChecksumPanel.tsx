// The checksum calculator: every checksum kind over the bytes of the entries selected in the log
// (or over hex typed here), in both byte orders where there are two.
import { useId, useMemo, useState } from 'react';
import { parseHex } from '../../../shared/codec/hex';
import { useLog, useServices, useSessions } from '../app-context';
import { formatCount, pluralBytes } from '../format';
import { checksumRows, selectedBytes } from '../state/checksum-calc';

export function ChecksumPanel({ onClose }: { onClose(): void }) {
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
      ? `${pluralBytes(parsed.bytes.length)} typed`
      : undefined
    : fromLog.entries === 0
      ? 'Select entries with their checkboxes (Shift+click selects a range), or type bytes.'
      : `${formatCount(fromLog.entries)} ${fromLog.entries === 1 ? 'entry' : 'entries'} selected, ${pluralBytes(fromLog.bytes.length)}`;

  return (
    <section className="calculator" aria-labelledby={ids.title}>
      <div className="panel-head">
        <h3 id={ids.title} className="panel-title">
          Checksum calculator
        </h3>
        {selected.length > 0 && (
          <button type="button" className="btn small" onClick={() => log.setSelected(activeId, [])}>
            Clear selection
          </button>
        )}
        <button
          type="button"
          className="icon-button"
          aria-label="Close the checksum calculator"
          onClick={onClose}
        >
          ×
        </button>
      </div>
      <div className="inline-field calc-input">
        <label className="field-label" htmlFor={ids.input}>
          Bytes (hex)
        </label>
        <input
          id={ids.input}
          type="text"
          className="mono"
          value={typed}
          placeholder="empty: the selected entries"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={parsed?.ok === false || undefined}
          onChange={(e) => setTyped(e.target.value)}
        />
      </div>
      <p className={parsed?.ok === false ? 'calc-source fault' : 'calc-source muted'}>
        {parsed?.ok === false ? parsed.error.message : source}
      </p>
      {rows.length > 0 && (
        <table className="calc-table">
          <thead>
            <tr>
              <th scope="col">Checksum</th>
              <th scope="col">Value</th>
              <th scope="col">Big-endian</th>
              <th scope="col">Little-endian</th>
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
