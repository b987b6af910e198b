// The active session's traffic log: the entries the filter lets through, virtualized (rows measured,
// so wrapped payloads and hex dumps fit), keyed by the entry's stable key, following the tail only
// while the user is at the bottom; Find's matches marked and stepped through.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLog, useLogView, usePrefs, useServices, useSessions } from '../app-context';
import { keyRange } from '../state/checksum-calc';
import { logView, visibleIndices } from '../state/log-filter';
import type { DataEntry, EntryView } from '../state/log-reducer';
import { ringAt } from '../state/log-ring';
import type { Shown } from '../state/log-search';
import { formatEntryTime } from '../state/log-time';
import { activeSession } from '../state/sessions-reducer';
import { ChecksumPanel } from './ChecksumPanel';
import { LogFindBar } from './LogFindBar';
import { LogRow } from './LogRow';
import { LogToolbar } from './LogToolbar';
import { PendingLine } from './PendingLine';
import { useLogSearch } from './useLogSearch';

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel rounding, a nudge). */
const AT_END_PX = 24;

export function TrafficLog() {
  const { log } = useServices();
  const session = useSessions(activeSession);
  const ring = useLog((s) => s.shown.ring);
  const views = useLog((s) => s.views);
  const selected = useLog((s) => s.selected);
  const paused = useLog((s) => s.paused);
  const decodeAs = usePrefs((p) => p.decodeAs);
  const timeFormat = usePrefs((p) => p.timeFormat);
  const hexDump = usePrefs((p) => p.hexDump);
  const filter = useLogView((s) => s.filter);
  const find = useLogView((s) => s.find);
  const findHex = useLogView((s) => s.findHex);
  const [calculatorOpen, setCalculatorOpen] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);
  const anchor = useRef<number>(undefined);

  const view = useMemo(() => logView(ring, visibleIndices(ring, filter)), [ring, filter]);
  const logShown: Shown = hexDump ? 'dump' : decodeAs;
  const shownOf = useCallback((e: DataEntry): Shown => views[e.key] ?? logShown, [views, logShown]);
  const search = useLogSearch(view, shownOf, find, findHex);
  const needle = search.query.ok ? search.query.needle : undefined;
  const selectedSet = useMemo(() => new Set(selected), [selected]);

  const getItemKey = useCallback((index: number) => view.at(index)?.key ?? -index, [view]);
  const virtualizer = useVirtualizer({
    count: view.count,
    getScrollElement: () => scroller.current,
    estimateSize: () => 28,
    getItemKey,
    overscan: 10,
    // Keeps what the user reads in place when old entries are evicted above it, and follows
    // appends only while the view is at the end.
    anchorTo: 'end',
    followOnAppend: true,
    scrollEndThreshold: AT_END_PX,
  });

  // A view that was at the end stays there when the log's box changes size (a panel opens above
  // it), and a session's log shows its newest entries when switched to.
  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    let stick = true;
    const onScroll = () => {
      stick = el.scrollHeight - el.scrollTop - el.clientHeight <= AT_END_PX;
    };
    const observer = new ResizeObserver(() => {
      if (stick) virtualizer.scrollToEnd();
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    observer.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer.disconnect();
    };
  }, [virtualizer]);

  const reveal = useCallback(
    (row: number | undefined) => {
      if (row !== undefined) virtualizer.scrollToIndex(row, { align: 'center' });
    },
    [virtualizer],
  );
  // Typing a query goes to its first match, as a browser's find does.
  const firstRow = useRef<number>(undefined);
  firstRow.current = search.located?.row;
  useEffect(() => {
    if (search.query.ok && search.query.needle) reveal(firstRow.current);
  }, [search.query, reveal]);

  const onSelect = useCallback(
    (key: number, range: boolean) => {
      const current = log.getState().logs[session.id]?.selected ?? [];
      const on = !current.includes(key);
      let keys = [key];
      if (range && anchor.current !== undefined) {
        const viewKeys: number[] = [];
        for (let i = 0; i < view.count; i++) {
          const e = view.at(i);
          if (e?.kind === 'data') viewKeys.push(e.key);
        }
        keys = keyRange(viewKeys, anchor.current, key);
      }
      anchor.current = key;
      const next = on ? [...current, ...keys] : current.filter((k) => !keys.includes(k));
      log.setSelected(session.id, next);
    },
    [log, session.id, view],
  );
  const onShowAs = useCallback(
    (key: number, entryView: EntryView | undefined) => log.setEntryView(session.id, key, entryView),
    [log, session.id],
  );

  const items = virtualizer.getVirtualItems();
  const atEnd = view.count === 0 || virtualizer.isAtEnd(AT_END_PX);
  const startAt = session.openedAt ?? ringAt(ring, 0)?.at;

  return (
    <section className="panel log-panel">
      <LogToolbar />
      <LogFindBar
        search={search}
        reveal={reveal}
        calculatorOpen={calculatorOpen}
        onCalculator={() => setCalculatorOpen((open) => !open)}
      />
      {calculatorOpen && <ChecksumPanel onClose={() => setCalculatorOpen(false)} />}
      <div className="log-frame">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it */}
        <div ref={scroller} className="log-scroller" role="log" aria-label="Traffic log" tabIndex={0}>
          {view.count === 0 ? (
            <p className="log-empty">
              {ring.length > 0
                ? 'No entry matches the filter.'
                : paused
                  ? 'Paused: new entries wait until Resume.'
                  : 'Every byte in and out of this session shows here.'}
            </p>
          ) : (
            <div className="log-sizer" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => {
                const entry = view.at(item.index);
                if (!entry) return null;
                const time = formatEntryTime(entry.at, timeFormat, {
                  previousAt: view.at(item.index - 1)?.at,
                  startAt,
                });
                return (
                  <div
                    key={item.key}
                    ref={virtualizer.measureElement}
                    data-index={item.index}
                    className="log-item"
                    style={{ transform: `translateY(${item.start}px)` }}
                  >
                    <LogRow
                      entry={entry}
                      time={time}
                      logShown={logShown}
                      view={views[entry.key]}
                      needle={needle}
                      currentNth={search.located?.row === item.index ? search.located.nth : -1}
                      selected={selectedSet.has(entry.key)}
                      onSelect={onSelect}
                      onShowAs={onShowAs}
                    />
                  </div>
                );
              })}
            </div>
          )}
        </div>
        {!atEnd && (
          <button type="button" className="btn jump" onClick={() => virtualizer.scrollToEnd()}>
            Jump to latest ↓
          </button>
        )}
      </div>
      <PendingLine pending={session.pending} />
    </section>
  );
}
