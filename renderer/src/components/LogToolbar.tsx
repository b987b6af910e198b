// Above the active session's log: Decode as, Time, Hex dump, Pause / Resume and Clear log; and what
// waits while paused, shown over the log.
import { useId } from 'react';
import { DECODE_AS, DECODE_AS_LABELS, type DecodeAs } from '../../../shared/codec/display';
import { useLog, usePrefs, useServices, useSessions } from '../app-context';
import { formatCount, pluralBytes } from '../format';
import { useT } from '../i18n';
import { TIME_LABELS } from '../state/log-time';
import { TIME_FORMATS, type TimeFormat } from '../state/prefs-store';

export function LogToolbar() {
  const { log, prefs } = useServices();
  const activeId = useSessions((s) => s.activeId);
  const decodeAs = usePrefs((p) => p.decodeAs);
  const timeFormat = usePrefs((p) => p.timeFormat);
  const hexDump = usePrefs((p) => p.hexDump);
  const paused = useLog((s) => s.paused);
  const shown = useLog((s) => s.shown.ring.length);
  const { t, tn } = useT();
  const ids = { decode: useId(), time: useId(), dump: useId() };

  return (
    <div className="toolbar">
      <h2 className="panel-title">{t('log.title')}</h2>
      <div className="tool-group">
        <div className="inline-field">
          <label className="field-label" htmlFor={ids.decode}>
            {t('log.decodeAs')}
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
            {t('log.time')}
          </label>
          <select
            id={ids.time}
            value={timeFormat}
            onChange={(e) => prefs.setState({ timeFormat: e.target.value as TimeFormat })}
          >
            {TIME_FORMATS.map((value) => (
              <option key={value} value={value}>
                {t(TIME_LABELS[value])}
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
          <label htmlFor={ids.dump}>{t('log.hexDump')}</label>
        </div>
      </div>
      {/* Its width never changes (see log.css), so Pause never moves under the pointer. */}
      <div className="tool-group end">
        <span className="muted entry-count">{tn('log.entries', shown)}</span>
        <button
          type="button"
          className={paused ? 'btn toggle log-toggle on' : 'btn toggle log-toggle'}
          aria-pressed={paused}
          onClick={() => (paused ? log.resume(activeId) : log.pause(activeId))}
        >
          {paused ? t('log.resume') : t('log.pause')}
        </button>
        <button type="button" className="btn" onClick={() => log.clear(activeId)}>
          {t('log.clear')}
        </button>
      </div>
    </div>
  );
}

/**
 * While paused: what waits, over the log's top right corner rather than in the toolbar, where its
 * growing count would move the buttons.
 */
export function PausedBadge() {
  const { t } = useT();
  const paused = useLog((s) => s.paused);
  const waitingEntries = useLog((s) => s.held.ring.length);
  const waitingBytes = useLog((s) => s.held.bytes);
  const overflowed = useLog((s) => s.heldLost.entries > 0);
  if (!paused) return null;
  return (
    <span className="waiting paused-badge">
      {t('log.waiting', { count: formatCount(waitingEntries), bytes: pluralBytes(waitingBytes) })}
      {overflowed && t('log.oldestNotKept')}
    </span>
  );
}
