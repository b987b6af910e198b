// Find over the log as shown: the query parsed (text or hex), every entry's matches counted (each
// entry once per query and view, however often the log grows), and the current match.
import { useDeferredValue, useMemo, useState } from 'react';
import type { LogView } from '../state/log-filter';
import type { DataEntry } from '../state/log-reducer';
import {
  createMatchCounter,
  type FindQuery,
  locateHit,
  needleKey,
  parseFind,
  type SearchHits,
  type Shown,
} from '../state/log-search';

export interface LogSearch {
  query: FindQuery;
  hits?: SearchHits;
  /** 0-based ordinal of the current match overall; -1 when there is none. */
  current: number;
  /** The current match's row and its index within that row. */
  located?: { row: number; nth: number };
  /** Move by +1 / -1 (wrapping); returns the row to bring into view. */
  step(delta: number): number | undefined;
}

export function useLogSearch(
  view: LogView,
  shownOf: (e: DataEntry) => Shown,
  find: string,
  hex: boolean,
): LogSearch {
  // Typing stays responsive on a big log: the count follows a moment later.
  const typed = useDeferredValue(find);
  const query = useMemo(() => parseFind(typed, hex), [typed, hex]);
  const [count] = useState(createMatchCounter);
  // The current match belongs to its query: a new query starts at its first match.
  const [current, setCurrent] = useState({ query, ordinal: 0 });

  const hits = useMemo(() => {
    if (!query.ok || !query.needle) return undefined;
    const needle = query.needle;
    const key = needleKey(needle);
    const rows: SearchHits['rows'] = [];
    let total = 0;
    for (let row = 0; row < view.count; row++) {
      const entry = view.at(row);
      if (entry?.kind !== 'data') continue;
      const n = count(entry.bytes, shownOf(entry), needle, key);
      if (n > 0) {
        rows.push({ row, count: n });
        total += n;
      }
    }
    return { rows, total };
  }, [query, view, shownOf, count]);

  const wanted = current.query === query ? current.ordinal : 0;
  const ordinal = hits && hits.total > 0 ? Math.min(wanted, hits.total - 1) : -1;
  const located = hits ? locateHit(hits, ordinal) : undefined;
  return {
    query,
    hits,
    current: ordinal,
    located,
    step(delta) {
      if (!hits || hits.total === 0) return undefined;
      const next = (((ordinal < 0 ? 0 : ordinal + delta) % hits.total) + hits.total) % hits.total;
      setCurrent({ query, ordinal: next });
      return locateHit(hits, next)?.row;
    },
  };
}
