// Export: the log (all of it, or only what the filter shows) as Text, CSV or a Markdown transcript,
// or the received bytes as a .bin, handed to the browser as a download (Electron shows its save
// dialog for it). Each file says in its header what the log no longer holds; Text and Markdown
// open with the session's last soak run summary when there is one.
import { useEffect, useId, useRef, useState } from 'react';
import { useLog, useLogView, usePrefs, useSessions } from '../app-context';
import { download } from '../download';
import { type Translator, useT } from '../i18n';
import { EXPORT_FORMATS, type ExportFormat, exportFileName, exportParts, gapNote } from '../state/log-export';
import { isFiltering, type LogFilter, logView, visibleIndices } from '../state/log-filter';
import type { LogEntry } from '../state/log-reducer';
import { activeSession } from '../state/sessions-reducer';
import { soakSummaryLines } from '../state/task-words';

function filterWords(f: LogFilter, t: Translator['t']): string {
  const kinds = [
    f.rx && t('log.export.kinds.rx'),
    f.tx && t('log.export.kinds.tx'),
    f.system && t('log.export.kinds.system'),
  ].filter((k): k is string => typeof k === 'string');
  if (kinds.length === 0) return t('log.export.kinds.nothing');
  return kinds.reduce((first, second) => t('log.export.kinds.and', { first, second }));
}

export function ExportMenu() {
  const sessionName = useSessions((s) => activeSession(s).name);
  const soak = useSessions((s) => activeSession(s).automation?.soak);
  const ring = useLog((s) => s.shown.ring);
  const views = useLog((s) => s.views);
  const gaps = useLog((s) => s.gaps);
  const decodeAs = usePrefs((p) => p.decodeAs);
  const filter = useLogView((s) => s.filter);
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const [onlyFiltered, setOnlyFiltered] = useState(true);
  const box = useRef<HTMLDivElement>(null);
  const ids = { menu: useId(), filtered: useId() };
  const filtering = isFiltering(filter);
  const note = gapNote(gaps);

  // Closes on a click elsewhere or Escape, as menus do.
  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (!box.current?.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  const run = (format: ExportFormat) => {
    const scoped = filtering && onlyFiltered;
    const view = logView(ring, scoped ? visibleIndices(ring, filter) : undefined);
    const entries: LogEntry[] = [];
    for (let i = 0; i < view.count; i++) entries.push(view.at(i) as LogEntry);
    const at = Date.now();
    const parts = exportParts(format, {
      session: sessionName,
      entries,
      decodeOf: (e) => {
        const own = views[e.key];
        return own && own !== 'dump' ? own : decodeAs;
      },
      gaps,
      filter: scoped ? filterWords(filter, t) : undefined,
      at,
      soak: soak?.stats ? soakSummaryLines(soak) : undefined,
    });
    const spec = EXPORT_FORMATS.find((f) => f.id === format);
    download(exportFileName(sessionName, at, format), spec?.mime ?? 'text/plain', parts);
    setOpen(false);
  };

  return (
    <div className="menu" ref={box}>
      <button
        type="button"
        className={open ? 'btn small toggle on' : 'btn small'}
        aria-expanded={open}
        aria-controls={open ? ids.menu : undefined}
        onClick={() => setOpen(!open)}
      >
        {t('log.export')}
      </button>
      {open && (
        <fieldset id={ids.menu} className="menu-panel">
          <legend className="field-label">{t('log.export.legend')}</legend>
          <div className="check">
            <input
              id={ids.filtered}
              type="checkbox"
              checked={filtering && onlyFiltered}
              disabled={!filtering}
              onChange={(e) => setOnlyFiltered(e.target.checked)}
            />
            <label htmlFor={ids.filtered}>{t('log.export.onlyFiltered')}</label>
          </div>
          {EXPORT_FORMATS.map((f) => (
            <button key={f.id} type="button" className="menu-item" onClick={() => run(f.id)}>
              {t(f.label)}
            </button>
          ))}
          {note && <p className="menu-note">{note}</p>}
        </fieldset>
      )}
    </div>
  );
}
