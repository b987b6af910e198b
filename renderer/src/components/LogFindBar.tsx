// The log's second row: which rows show (RX, TX, System), Find with its Hex toggle, Previous / Next
// and "3 of 12", the SocketTester option Log data, the checksum calculator and Export.
import { type KeyboardEvent, useId } from 'react';
import { useLog, useLogView, useServices, useSessions } from '../app-context';
import { formatCount, pluralBytes } from '../format';
import type { LogFilter } from '../state/log-filter';
import { ExportMenu } from './ExportMenu';
import type { LogSearch } from './useLogSearch';

const FILTERS: readonly { key: keyof LogFilter; text: string; name: string }[] = [
  { key: 'rx', text: 'RX', name: 'Show RX' },
  { key: 'tx', text: 'TX', name: 'Show TX' },
  { key: 'system', text: 'System', name: 'Show system rows' },
];

function matchText(search: LogSearch): string {
  if (!search.query.ok || !search.hits) return '';
  const { total } = search.hits;
  return total === 0 ? 'No matches' : `${formatCount(search.current + 1)} of ${formatCount(total)}`;
}

export interface LogFindBarProps {
  search: LogSearch;
  reveal(row: number | undefined): void;
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
  const ids = { find: useId(), reason: useId(), hex: useId(), logData: useId() };
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
        <legend className="field-label">Filter</legend>
        {FILTERS.map((f) => (
          <label key={f.key} className={`chip ${f.key}`}>
            <input
              type="checkbox"
              aria-label={f.name}
              checked={filter[f.key]}
              onChange={(e) => logView.setState({ filter: { ...filter, [f.key]: e.target.checked } })}
            />
            {f.text}
          </label>
        ))}
      </fieldset>
      <div className="find">
        <label className="field-label" htmlFor={ids.find}>
          Find
        </label>
        <input
          id={ids.find}
          type="search"
          className={findHex ? 'mono' : undefined}
          value={find}
          placeholder={findHex ? '0D 0A' : 'text as shown'}
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
          <label htmlFor={ids.hex}>Hex</label>
        </span>
        <button
          type="button"
          className="btn small step"
          aria-label="Previous"
          title="Previous match (Shift+Enter)"
          disabled={!canStep}
          onClick={() => step(-1)}
        >
          ↑
        </button>
        <button
          type="button"
          className="btn small step"
          aria-label="Next"
          title="Next match (Enter)"
          disabled={!canStep}
          onClick={() => step(1)}
        >
          ↓
        </button>
        <span className="match-count" aria-live="polite">
          {matchText(search)}
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
          <label htmlFor={ids.logData}>Log data</label>
          {!logData && (
            <span id={`${ids.logData}-note`} className="waiting">
              {formatCount(unlogged.entries)} not logged ({pluralBytes(unlogged.bytes)})
            </span>
          )}
        </div>
        <button
          type="button"
          className={calculatorOpen ? 'btn small toggle on' : 'btn small'}
          aria-expanded={calculatorOpen}
          onClick={onCalculator}
        >
          Checksum…
        </button>
        <ExportMenu />
      </div>
    </div>
  );
}
