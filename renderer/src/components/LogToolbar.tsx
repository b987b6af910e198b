// Above the active session's log: Decode as, Time, Hex dump, Pause / Resume (with what waits
// meanwhile) and Clear log.
import { useId } from 'react';
import { DECODE_AS, DECODE_AS_LABELS, type DecodeAs } from '../../../shared/codec/display';
import { useLog, usePrefs, useServices, useSessions } from '../app-context';
import { formatCount, pluralBytes } from '../format';
import { TIME_LABELS } from '../state/log-time';
import { TIME_FORMATS, type TimeFormat } from '../state/prefs-store';

export function LogToolbar() {
  const { log, prefs } = useServices();
  const activeId = useSessions((s) => s.activeId);
  const decodeAs = usePrefs((p) => p.decodeAs);
  const timeFormat = usePrefs((p) => p.timeFormat);
  const hexDump = usePrefs((p) => p.hexDump);
  const paused = useLog((s) => s.paused);
  const waitingEntries = useLog((s) => s.held.ring.length);
  const waitingBytes = useLog((s) => s.held.bytes);
  const overflowed = useLog((s) => s.heldLost.entries > 0);
  const shown = useLog((s) => s.shown.ring.length);
  const ids = { decode: useId(), time: useId(), dump: useId() };

  return (
    <div className="toolbar">
      <h2 className="panel-title">Traffic</h2>
      <div className="tool-group">
        <div className="inline-field">
          <label className="field-label" htmlFor={ids.decode}>
            Decode as
          </label>
          <select
            id={ids.decode}
            value={decodeAs}
            onChange={(e) => prefs.setState({ decodeAs: e.target.value as DecodeAs })}
          >
            {DECODE_AS.map((value) => (
              <option key={value} value={value}>
                {DECODE_AS_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="inline-field">
          <label className="field-label" htmlFor={ids.time}>
            Time
          </label>
          <select
            id={ids.time}
            value={timeFormat}
            onChange={(e) => prefs.setState({ timeFormat: e.target.value as TimeFormat })}
          >
            {TIME_FORMATS.map((value) => (
              <option key={value} value={value}>
                {TIME_LABELS[value]}
              </option>
            ))}
          </select>
        </div>
        <div className="check inline">
          <input
            id={ids.dump}
            type="checkbox"
            checked={hexDump}
            onChange={(e) => prefs.setState({ hexDump: e.target.checked })}
          />
          <label htmlFor={ids.dump}>Hex dump</label>
        </div>
      </div>
      <div className="tool-group end">
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
    </div>
  );
}
