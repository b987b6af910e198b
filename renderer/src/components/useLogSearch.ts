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
  /** The current match's entry and its index within that entry. */
  located?: { key: number; nth: number };
  /** Move by +1 / -1 (wrapping); returns the key of the entry to bring into view. */
  step(delta: number): number | undefined;
}

const MAX_SEARCHES = 3;

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
  // One search per query, the last few kept: a deferred render and an urgent one may ask for two
  // queries in turn, and each goes on from where it stopped rather than starting over.
  const [searches] = useState(() => new Map<string, ReturnType<typeof createLogSearch>>());
  // The current match belongs to its query: a new query starts at its first match.
  const [current, setCurrent] = useState({ query, ordinal: 0 });

  const needle = query.ok ? query.needle : undefined;
  let hits: SearchHits | undefined;
  if (needle) {
    const key = needleKey(needle);
    let search = searches.get(key);
    if (!search) {
      search = createLogSearch();
      searches.set(key, search);
      for (const old of searches.keys()) if (searches.size > MAX_SEARCHES) searches.delete(old);
    }
    hits = search({ ring, filter, needle, logShown, views });
  }

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
