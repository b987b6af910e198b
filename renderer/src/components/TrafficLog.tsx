// The active session's traffic log: the entries the filter lets through, keyed by the entry's stable
// key, virtualized by LogRows (heights from the entries, not measured), following the tail only while
// the user is at the bottom; Find's matches marked and stepped through.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLog, useLogView, usePrefs, useServices, useSessions } from '../app-context';
import { useT } from '../i18n';
import { keyRange } from '../state/checksum-calc';
import { createViewCache } from '../state/log-filter';
import type { EntryView, LogEntry } from '../state/log-reducer';
import { ringAt } from '../state/log-ring';
import type { Shown } from '../state/log-search';
import { formatEntryTime } from '../state/log-time';
import { activeSession } from '../state/sessions-reducer';
import { LogFindBar } from './LogFindBar';
import { LogRow } from './LogRow';
import { LogRows, type LogRowsHandle } from './LogRows';
import { LogToolbar, PausedBadge } from './LogToolbar';
import { PendingLine } from './PendingLine';
import { useLogSearch } from './useLogSearch';
import '../log.css';

const NONE_OPEN: ReadonlySet<number> = new Set();

/** The calculator is not part of the first screen: its code loads when it is first opened. */
const ChecksumPanel = lazy(() => import('./ChecksumPanel').then((m) => ({ default: m.ChecksumPanel })));

/** Keys whose value differs between two records (a handful: entries shown their own way). */
function changedKeys(a: Readonly<Record<number, unknown>>, b: Readonly<Record<number, unknown>>): number[] {
  const out: number[] = [];
  for (const k of Object.keys(a)) if (a[Number(k)] !== b[Number(k)]) out.push(Number(k));
  for (const k of Object.keys(b)) if (!(k in a)) out.push(Number(k));
  return out;
}

export function TrafficLog() {
  const { t } = useT();
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
  const [opened, setOpened] = useState(NONE_OPEN);
  const [viewOf] = useState(createViewCache);
  const rows = useRef<LogRowsHandle>(null);
  const anchor = useRef<number>(undefined);

  const view = viewOf(ring, filter);
  const logShown: Shown = hexDump ? 'dump' : decodeAs;
  const search = useLogSearch(ring, filter, logShown, views, find, findHex);
  const needle = search.query.ok ? search.query.needle : undefined;
  const currentKey = search.located?.key;
  const selectedSet = useMemo(() => new Set(selected), [selected]);
  const isOpen = useCallback((key: number) => opened.has(key) || key === currentKey, [opened, currentKey]);
  const shownOf = useCallback((key: number): Shown => views[key] ?? logShown, [views, logShown]);

  // Rows whose way of showing changed since the last render: the layout re-reads from the first.
  const before = useRef({ views, opened, currentKey });
  const changed = [
    ...changedKeys(before.current.views, views),
    ...[...before.current.opened, ...opened].filter((k) => before.current.opened.has(k) !== opened.has(k)),
    ...(before.current.currentKey === currentKey ? [] : [before.current.currentKey, currentKey]),
  ]
    .filter((k): k is number => k !== undefined)
    .map((k) => view.rowOfKey(k))
    .filter((r) => r >= 0);
  before.current = { views, opened, currentKey };

  const viewRef = useRef(view);
  viewRef.current = view;
  const reveal = useCallback((key: number | undefined) => {
    if (key === undefined) return;
    // After the frame that renders the match's row opened, so the layout knows where it is.
    requestAnimationFrame(() => rows.current?.reveal(viewRef.current.rowOfKey(key)));
  }, []);
  // Typing a query goes to its first match, as a browser's find does.
  const firstKey = useRef<number>(undefined);
  firstKey.current = currentKey;
  useEffect(() => {
    if (search.query.ok && search.query.needle) reveal(firstKey.current);
  }, [search.query, reveal]);

  const onSelect = useCallback(
    (key: number, range: boolean) => {
      const current = log.getState().logs[session.id]?.selected ?? [];
      const on = !current.includes(key);
      let keys = [key];
      if (range && anchor.current !== undefined) {
        const viewKeys: number[] = [];
        const lo = view.rowOfKey(Math.min(anchor.current, key));
        const hi = view.rowOfKey(Math.max(anchor.current, key));
        for (let i = Math.max(0, lo); i <= hi; i++) {
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
  const onOpen = useCallback((key: number, open: boolean) => {
    setOpened((prev) => {
      const next = new Set(prev);
      if (open) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const startAt = session.openedAt ?? ringAt(ring, 0)?.at;
  const renderRow = (row: number, entry: LogEntry) => (
    <LogRow
      entry={entry}
      time={formatEntryTime(entry.at, timeFormat, { previousAt: view.at(row - 1)?.at, startAt })}
      logShown={logShown}
      view={views[entry.key]}
      open={isOpen(entry.key)}
      opened={opened.has(entry.key)}
      needle={needle}
      currentNth={currentKey === entry.key ? (search.located?.nth ?? -1) : -1}
      selected={selectedSet.has(entry.key)}
      onSelect={onSelect}
      onShowAs={onShowAs}
      onOpen={onOpen}
    />
  );

  return (
    <section className="panel log-panel">
      <LogToolbar />
      <LogFindBar
        search={search}
        reveal={reveal}
        calculatorOpen={calculatorOpen}
        onCalculator={() => setCalculatorOpen((open) => !open)}
      />
      {calculatorOpen && (
        <Suspense fallback={null}>
          <ChecksumPanel onClose={() => setCalculatorOpen(false)} />
        </Suspense>
      )}
      <LogRows
        view={view}
        ring={ring}
        shownOf={shownOf}
        isOpen={isOpen}
        shapeSig={logShown}
        logId={session.id}
        changedFrom={changed.length > 0 ? Math.min(...changed) : undefined}
        renderRow={renderRow}
        handle={rows}
        overlay={<PausedBadge />}
        empty={
          <p className="log-empty">
            {ring.length > 0 ? t('log.empty.filtered') : paused ? t('log.empty.paused') : t('log.empty')}
          </p>
        }
      />
      <PendingLine pending={session.pending} />
    </section>
  );
}
