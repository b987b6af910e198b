// Above the log: Decode as, Pause / Resume (with what waits meanwhile) and Clear log.
import { useId } from 'react';
import { DECODE_AS, type DecodeAs } from '../../../shared/codec/display';
import { useLog, usePrefs, useServices } from '../app-context';
import { formatCount, pluralBytes } from '../format';

const DECODE_LABELS: Record<DecodeAs, string> = { ascii: 'ASCII', 'utf-8': 'UTF-8', hex: 'Hex' };

export function LogToolbar() {
  const { log, prefs } = useServices();
  const decodeAs = usePrefs((p) => p.decodeAs);
  const paused = useLog((s) => s.paused);
  const waitingEntries = useLog((s) => s.held.ring.length);
  const waitingBytes = useLog((s) => s.held.bytes);
  const overflowed = useLog((s) => s.heldLost.entries > 0);
  const shown = useLog((s) => s.shown.ring.length);
  const decodeId = useId();

  return (
    <div className="toolbar">
      <h2 className="panel-title">Traffic</h2>
      <div className="inline-field">
        <label className="field-label" htmlFor={decodeId}>
          Decode as
        </label>
        <select
          id={decodeId}
          value={decodeAs}
          onChange={(e) => prefs.setState({ decodeAs: e.target.value as DecodeAs })}
        >
          {DECODE_AS.map((v) => (
            <option key={v} value={v}>
              {DECODE_LABELS[v]}
            </option>
          ))}
        </select>
      </div>
      <span className="spacer" />
      {paused && (
        <span className="waiting">
          {formatCount(waitingEntries)} waiting ({pluralBytes(waitingBytes)})
          {overflowed && ', oldest not kept'}
        </span>
      )}
      <span className="muted entry-count">
        {formatCount(shown)} {shown === 1 ? 'entry' : 'entries'}
      </span>
      <button
        type="button"
        className={paused ? 'btn toggle on' : 'btn toggle'}
        aria-pressed={paused}
        onClick={() => (paused ? log.resume() : log.pause())}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" className="btn" onClick={() => log.clear()}>
        Clear log
      </button>
    </div>
  );
}
