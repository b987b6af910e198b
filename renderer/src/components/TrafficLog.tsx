// The active session's traffic log: every entry virtualized (rows measured, so wrapped payloads fit),
// keyed by the entry's stable key, following the tail only while the user is at the bottom.
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useRef } from 'react';
import { useLog, usePrefs } from '../app-context';
import type { LogEntry } from '../state/log-reducer';
import { ringAt } from '../state/log-ring';
import { LogRow } from './LogRow';
import { LogToolbar } from './LogToolbar';

/** Within this many pixels of the end counts as "at the bottom" (sub-pixel rounding, a nudge). */
const AT_END_PX = 24;

export function TrafficLog() {
  const ring = useLog((s) => s.shown.ring);
  const paused = useLog((s) => s.paused);
  const decodeAs = usePrefs((p) => p.decodeAs);
  const scroller = useRef<HTMLDivElement>(null);

  const getItemKey = useCallback((index: number) => ringAt(ring, index)?.key ?? -index, [ring]);
  const virtualizer = useVirtualizer({
    count: ring.length,
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

  const items = virtualizer.getVirtualItems();
  const atEnd = ring.length === 0 || virtualizer.isAtEnd(AT_END_PX);

  return (
    <section className="panel log-panel">
      <LogToolbar />
      <div className="log-frame">
        {/* biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard to scroll it */}
        <div ref={scroller} className="log-scroller" role="log" aria-label="Traffic log" tabIndex={0}>
          {ring.length === 0 ? (
            <p className="log-empty">
              {paused
                ? 'Paused: new entries wait until Resume.'
                : 'Every byte in and out of this session shows here.'}
            </p>
          ) : (
            <div className="log-sizer" style={{ height: virtualizer.getTotalSize() }}>
              {items.map((item) => (
                <div
                  key={item.key}
                  ref={virtualizer.measureElement}
                  data-index={item.index}
                  className="log-item"
                  style={{ transform: `translateY(${item.start}px)` }}
                >
                  <LogRow entry={ringAt(ring, item.index) as LogEntry} decodeAs={decodeAs} />
                </div>
              ))}
            </div>
          )}
        </div>
        {!atEnd && (
          <button type="button" className="btn jump" onClick={() => virtualizer.scrollToEnd()}>
            Jump to latest ↓
          </button>
        )}
      </div>
    </section>
  );
}
