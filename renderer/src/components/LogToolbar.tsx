// Above the active session's log: Decode as, Pause / Resume (with what waits meanwhile) and Clear log.
import { useId } from 'react';
import type { DecodeAs } from '../../../shared/codec/display';
import { useLog, usePrefs, useServices, useSessions } from '../app-context';
import { formatCount, pluralBytes } from '../format';

/** The views offered today; the codec knows more, which the toolbar will offer with their controls. */
const DECODE_OPTIONS: readonly (readonly [DecodeAs, string])[] = [
  ['ascii', 'ASCII'],
  ['utf-8', 'UTF-8'],
  ['hex', 'Hex'],
];

export function LogToolbar() {
  const { log, prefs } = useServices();
  const activeId = useSessions((s) => s.activeId);
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
          {DECODE_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
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
        onClick={() => (paused ? log.resume(activeId) : log.pause(activeId))}
      >
        {paused ? 'Resume' : 'Pause'}
      </button>
      <button type="button" className="btn" onClick={() => log.clear(activeId)}>
        Clear log
      </button>
    </div>
  );
}
