// Find over the log as shown: the query parsed (text or hex), the matches counted per entry (only the
// new entries after each batch, see createLogSearch), and the current match.
import { useDeferredValue, useMemo, useState } from 'react';
import type { LogFilter } from '../state/log-filter';
import type { LogEntry } from '../state/log-reducer';
import type { Ring } from '../state/log-ring';
import {
  createLogSearch,
  type FindQuery,
  locateHit,
  parseFind,
  type SearchHits,
  type Shown,
} from '../state/log-search';

export interface LogSearch {
  query: FindQuery;
  hits?: SearchHits;
  /** 0-based ordinal of the current match overall; -1 when there is none. */
  current: number;
  /** The current match's entry and its index within that entry. */
  located?: { key: number; nth: number };
  /** Move by +1 / -1 (wrapping); returns the key of the entry to bring into view. */
  step(delta: number): number | undefined;
}

export function useLogSearch(
  ring: Ring<LogEntry>,
  filter: LogFilter,
  logShown: Shown,
  views: Readonly<Record<number, Shown>>,
  find: string,
  hex: boolean,
): LogSearch {
  // Typing stays responsive on a big log: the count follows a moment later.
  const typed = useDeferredValue(find);
  const query = useMemo(() => parseFind(typed, hex), [typed, hex]);
  const [search] = useState(createLogSearch);
  // The current match belongs to its query: a new query starts at its first match.
  const [current, setCurrent] = useState({ query, ordinal: 0 });

  const needle = query.ok ? query.needle : undefined;
  const hits = needle ? search({ ring, filter, needle, logShown, views }) : undefined;

  const wanted = current.query === query ? current.ordinal : 0;
  const ordinal = hits && hits.total > 0 ? Math.min(wanted, hits.total - 1) : -1;
  const located = useMemo(() => (hits ? locateHit(hits, ordinal) : undefined), [hits, ordinal]);
  return {
    query,
    hits,
    current: ordinal,
    located,
    step(delta) {
      if (!hits || hits.total === 0) return undefined;
      const next = (((ordinal < 0 ? 0 : ordinal + delta) % hits.total) + hits.total) % hits.total;
      setCurrent({ query, ordinal: next });
      return locateHit(hits, next)?.key;
    },
  };
}
