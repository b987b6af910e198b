// The log's second row: which rows show (RX, TX, System), Find with its Hex toggle, Previous / Next
// and "3 of 12", the SocketTester option Log data, the checksum calculator and Export.
import { type KeyboardEvent, useId } from 'react';
import { useLog, useLogView, useServices, useSessions } from '../app-context';
import { formatCount, pluralBytes } from '../format';
import { type Translator, useT } from '../i18n';
import { ExportMenu } from './ExportMenu';
import type { LogSearch } from './useLogSearch';

/** The Find box's id: the keyboard shortcut for Find focuses it. */
export const LOG_FIND_ID = 'log-find';

const FILTERS = [
  { key: 'rx', text: 'RX', name: 'log.filter.showRx' },
  { key: 'tx', text: 'TX', name: 'log.filter.showTx' },
  { key: 'system', text: 'log.filter.system', name: 'log.filter.showSystem' },
] as const;

function matchText(search: LogSearch, t: Translator['t']): string {
  if (!search.query.ok || !search.hits) return '';
  const { total } = search.hits;
  return total === 0
    ? t('log.find.none')
    : t('log.find.position', { current: formatCount(search.current + 1), total: formatCount(total) });
}

export interface LogFindBarProps {
  search: LogSearch;
  /** Brings the entry with this key into view. */
  reveal(key: number | undefined): void;
  calculatorOpen: boolean;
  onCalculator(): void;
}

export function LogFindBar({ search, reveal, calculatorOpen, onCalculator }: LogFindBarProps) {
  const { log, logView } = useServices();
  const activeId = useSessions((s) => s.activeId);
  const filter = useLogView((s) => s.filter);
  const find = useLogView((s) => s.find);
  const findHex = useLogView((s) => s.findHex);
  const logData = useLog((s) => s.logData);
  const unlogged = useLog((s) => s.unlogged);
  const { t } = useT();
  const ids = { reason: useId(), hex: useId(), logData: useId() };
  const canStep = (search.hits?.total ?? 0) > 0;
  const step = (delta: number) => reveal(search.step(delta));

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'Enter') {
      e.preventDefault();
      step(e.shiftKey ? -1 : 1);
    } else if (e.key === 'Escape') {
      logView.setState({ find: '' });
    }
  };

  return (
    <div className="toolbar second">
      <fieldset className="filter">
        <legend className="field-label">{t('log.filter')}</legend>
        {FILTERS.map((f) => (
          <label key={f.key} className={`chip ${f.key}`}>
            <input
              type="checkbox"
              aria-label={t(f.name)}
              checked={filter[f.key]}
              onChange={(e) => logView.setState({ filter: { ...filter, [f.key]: e.target.checked } })}
            />
            {f.key === 'system' ? t(f.text) : f.text}
          </label>
        ))}
      </fieldset>
      <div className="find">
        <label className="field-label" htmlFor={LOG_FIND_ID}>
          {t('log.find')}
        </label>
        <input
          id={LOG_FIND_ID}
          type="search"
          className={findHex ? 'mono' : undefined}
          value={find}
          placeholder={findHex ? '0D 0A' : t('log.find.placeholder')}
          spellCheck={false}
          autoComplete="off"
          aria-invalid={!search.query.ok || undefined}
          aria-describedby={search.query.ok ? undefined : ids.reason}
          onChange={(e) => logView.setState({ find: e.target.value })}
          onKeyDown={onKeyDown}
        />
        <span className="check inline">
          <input
            id={ids.hex}
            type="checkbox"
            checked={findHex}
            onChange={(e) => logView.setState({ findHex: e.target.checked })}
          />
          <label htmlFor={ids.hex}>{t('log.find.hex')}</label>
        </span>
        <button
          type="button"
          className="btn small step"
          aria-label={t('log.find.previous')}
          title={t('log.find.previousTitle')}
          disabled={!canStep}
          onClick={() => step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn small step"
          aria-label={t('log.find.next')}
          title={t('log.find.nextTitle')}
          disabled={!canStep}
          onClick={() => step(1)}
        >
          ↓
        </button>
        <span className="match-count" aria-live="polite">
          {matchText(search, t)}
        </span>
        {!search.query.ok && (
          <span id={ids.reason} className="fault find-reason">
            {search.query.reason}
          </span>
        )}
      </div>
      <div className="tool-group end">
        <div className="check inline">
          <input
            id={ids.logData}
            type="checkbox"
            checked={logData}
            aria-describedby={logData ? undefined : `${ids.logData}-note`}
            onChange={(e) => log.setLogData(activeId, e.target.checked)}
          />
          <label htmlFor={ids.logData}>{t('log.logData')}</label>
          {!logData && (
            <span id={`${ids.logData}-note`} className="waiting">
              {t('log.notLogged', {
                count: formatCount(unlogged.entries),
                bytes: pluralBytes(unlogged.bytes),
              })}
            </span>
          )}
        </div>
        <button
          type="button"
          className={calculatorOpen ? 'btn small toggle on' : 'btn small'}
          aria-expanded={calculatorOpen}
          onClick={onCalculator}
        >
          {t('log.checksum')}
        </button>
        <ExportMenu />
      </div>
    </div>
  );
}
