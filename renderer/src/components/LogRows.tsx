// The traffic log's rows, virtualized: heights come from the entries (log-layout.ts), so a batch or a
// scroll never measures the page; only opened entries and exchange verdicts are measured, by a
// ResizeObserver. Follows the tail only while the user is at the bottom; keeps what is read in place
// when old entries are evicted above it.
import {
  type ReactNode,
  type Ref,
  useCallback,
  useImperativeHandle,
  useLayoutEffect,
  useReducer,
  useRef,
  useState,
} from 'react';
import { useT } from '../i18n';
import type { LogView } from '../state/log-filter';
import { createRowLayout, rowHeight } from '../state/log-layout';
import type { LogEntry } from '../state/log-reducer';
import type { Ring } from '../state/log-ring';
import type { Shown } from '../state/log-search';

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel rounding, a nudge). */
const AT_END_PX = 24;
/**
 * Rows rendered beyond each edge. Rows are rendered in the scroll event, before the frame is painted,
 * so a few are enough; more would only be more rows to render when a whole screen scrolls at once.
 */
const OVERSCAN_PX = 120;
/** Taller than this, the scroll range is scaled: browsers stop laying out far below ~16 M px. */
const MAX_SCROLL_PX = 8_000_000;

export interface LogRowsHandle {
  /** Brings row `row` to the middle of the view. */
  reveal(row: number): void;
}

export interface LogRowsProps {
  view: LogView;
  ring: Ring<LogEntry>;
  /** How the data entry with `key` is shown. */
  shownOf(key: number): Shown;
  /** Rows shown whole (their height is measured): opened entries, the current match. */
  isOpen(key: number): boolean;
  /** Changes whenever the rows are shown another way (Decode as, Hex dump). */
  shapeSig: string;
  /** Another log (a session switched to) starts at its newest entries. */
  logId: string;
  /** The first row whose shape may have changed since the last render (undefined: none). */
  changedFrom?: number;
  renderRow(row: number, entry: LogEntry): ReactNode;
  empty: ReactNode;
  /** Shown over the rows' top right corner (what waits while paused). */
  overlay?: ReactNode;
  handle?: Ref<LogRowsHandle>;
}

export function LogRows(p: LogRowsProps) {
  const { t } = useT();
  const scroller = useRef<HTMLDivElement>(null);
  const [layoutOf] = useState(createRowLayout);
  const measured = useRef(new Map<number, number>());
  /** The first row measured anew since the last render. */
  const measuredFrom = useRef<number | undefined>(undefined);
  const [, remeasured] = useReducer((n: number) => n + 1, 0);
  const [viewport, setViewport] = useState({ top: 0, height: 600 });
  const following = useRef(true);
  /** Where following the tail last put the scroll position (its own scroll event changes nothing). */
  const placed = useRef(-1);
  const [atEnd, setAtEnd] = useState(true);
  const { view } = p;
  const viewNow = useRef(view);
  viewNow.current = view;
  const shownLog = useRef(p.logId);
  // Another log, or this one cleared, follows its newest entries again.
  if (shownLog.current !== p.logId || view.count === 0) {
    shownLog.current = p.logId;
    following.current = true;
    if (!atEnd) setAtEnd(true);
  }

  // A measurement counts only while its row is kept whole: a closed row has its computed height.
  const measuredOf = (key: number, data: boolean) =>
    !data || p.isOpen(key) ? measured.current.get(key) : undefined;
  const heightOf = (row: number) => rowHeight(p.ring, view.indexAt(row), p.shownOf, measuredOf);
  const changed = [p.changedFrom, measuredFrom.current].filter((r): r is number => r !== undefined);
  measuredFrom.current = undefined;
  const layout = layoutOf(view, p.shapeSig, heightOf, changed.length > 0 ? Math.min(...changed) : undefined);

  const scaled = layout.total > MAX_SCROLL_PX;
  const sizer = scaled ? MAX_SCROLL_PX : layout.total;
  const maxTop = Math.max(0, sizer - viewport.height);
  // While following, the rows are the tail's even before the scroll position catches up.
  const top = following.current ? maxTop : Math.min(viewport.top, maxTop);
  const virtualTop = scaled ? (top / Math.max(1, maxTop)) * (layout.total - viewport.height) : top;
  const first = layout.rowAt(Math.max(0, virtualTop - OVERSCAN_PX));
  const last = Math.min(view.count - 1, layout.rowAt(virtualTop + viewport.height + OVERSCAN_PX));

  // Follow the tail, or keep the rows being read in place when older ones went above them.
  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    if (following.current) {
      if (el.scrollTop !== maxTop) {
        el.scrollTop = maxTop;
        placed.current = el.scrollTop;
      }
    } else if (layout.shift > 0 && !scaled) {
      el.scrollTop = Math.max(0, el.scrollTop - layout.shift);
    }
  });

  useLayoutEffect(() => {
    const el = scroller.current;
    if (!el) return;
    // Scroll events come before the frame's batch is applied, so reading the box here costs no
    // extra layout (a box that grew scrolls back before its observer tells its new height).
    const onScroll = () => {
      const top = el.scrollTop;
      // The tail was followed there: the rows already are the tail's, a render would change nothing.
      if (following.current && top === placed.current) return;
      const end = top + el.clientHeight >= el.scrollHeight - AT_END_PX;
      following.current = end;
      setAtEnd(end);
      setViewport((v) => (v.top === top ? v : { ...v, top }));
    };
    // The box's own size comes from the observer, without a forced layout.
    const box = new ResizeObserver(([e]) => {
      const height = e?.contentRect.height ?? 0;
      setViewport((v) => (v.height === height ? v : { ...v, height }));
    });
    el.addEventListener('scroll', onScroll, { passive: true });
    box.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      box.disconnect();
    };
  }, []);

  // Opened rows and verdicts tell their height when laid out; the layout re-reads from the first.
  const [rowObserver] = useState(
    () =>
      new ResizeObserver((records) => {
        let from: number | undefined;
        for (const r of records) {
          const el = r.target as HTMLElement;
          const key = Number(el.dataset.key);
          const height = r.borderBoxSize[0]?.blockSize ?? el.offsetHeight;
          const row = viewNow.current.rowOfKey(key);
          if (height > 0 && row >= 0 && measured.current.get(key) !== height) {
            measured.current.set(key, height);
            from = from === undefined ? row : Math.min(from, row);
          }
        }
        if (from !== undefined) {
          measuredFrom.current = Math.min(from, measuredFrom.current ?? from);
          remeasured();
        }
      }),
  );
  useLayoutEffect(() => () => rowObserver.disconnect(), [rowObserver]);
  const observe = useCallback(
    (el: HTMLDivElement | null) => {
      if (!el) return;
      rowObserver.observe(el);
      return () => rowObserver.unobserve(el);
    },
    [rowObserver],
  );

  const toPhysical = (offset: number) =>
    scaled ? (offset / Math.max(1, layout.total - viewport.height)) * maxTop : offset;
  useImperativeHandle(p.handle, () => ({
    reveal(row) {
      const el = scroller.current;
      if (!el || row < 0 || row >= view.count) return;
      const middle = layout.offsetOf(row) + layout.heightOf(row) / 2 - viewport.height / 2;
      following.current = false;
      el.scrollTop = Math.max(0, toPhysical(middle));
    },
  }));

  // The rows stack in one block moved to the first one's place: a render sets one transform and the
  // new rows' heights, not a position per row.
  const from = Math.max(0, first);
  const windowY = layout.offsetOf(from) - virtualTop + top;
  const rows: ReactNode[] = [];
  for (let row = from; row <= last; row++) {
    const entry = view.at(row);
    if (!entry) continue;
    const key = entry.key;
    const free = entry.kind === 'exchange' || (entry.kind === 'data' && p.isOpen(key));
    rows.push(
      <div
        key={key}
        ref={free ? observe : undefined}
        data-key={key}
        className={free ? 'log-item free' : 'log-item'}
        style={free ? undefined : { height: layout.heightOf(row) }}
      >
        {p.renderRow(row, entry)}
      </div>,
    );
  }
  if (measured.current.size > 4096) {
    const firstKey = view.keyAt(0) ?? 0;
    for (const key of measured.current.keys()) if (key < firstKey) measured.current.delete(key);
  }

  return (
    <div className="log-frame">
      {p.overlay}
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it */}
      <div ref={scroller} className="log-scroller" role="log" aria-label={t('log.name')} tabIndex={0}>
        {view.count === 0 ? (
          p.empty
        ) : (
          <div className="log-sizer" style={{ height: sizer }}>
            <div className="log-window" style={{ transform: `translateY(${windowY}px)` }}>
              {rows}
            </div>
          </div>
        )}
      </div>
      {!atEnd && view.count > 0 && (
        <button
          type="button"
          className="btn jump"
          onClick={() => {
            following.current = true;
            setAtEnd(true);
            setViewport((v) => ({ ...v, top: maxTop }));
          }}
        >
          {t('log.jumpToLatest')}
        </button>
      )}
    </div>
  );
}
