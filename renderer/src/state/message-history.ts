// The Message box's history: the messages sent, newest last, each with its Encode as; bounded, kept
// across runs, and recalled with Arrow Up / Arrow Down as a shell does (the draft comes back at the
// end). Pure functions plus a small store.
import { createStore, type StoreApi } from 'zustand/vanilla';
import { ENCODE_AS, type EncodeAs } from './prefs-store';

export interface HistoryItem {
  text: string;
  encodeAs: EncodeAs;
}

export const HISTORY_LIMIT = 100;
/** A message longer than this is sent but not remembered: storage is small and shared. */
const MAX_REMEMBERED_CHARS = 16 * 1024;

/** The newest message last; sending the newest again does not repeat it; the oldest fall off. */
export function remember(
  items: readonly HistoryItem[],
  item: HistoryItem,
  limit = HISTORY_LIMIT,
): HistoryItem[] {
  if (item.text === '' || item.text.length > MAX_REMEMBERED_CHARS) return items as HistoryItem[];
  const last = items.at(-1);
  if (last && last.text === item.text && last.encodeAs === item.encodeAs) return items as HistoryItem[];
  const next = [...items.filter((i) => !(i.text === item.text && i.encodeAs === item.encodeAs)), item];
  return next.length > limit ? next.slice(next.length - limit) : next;
}

/** Where recall is: an index into the items, and the draft typed before recall began. */
export interface Recall {
  cursor: number;
  draft: HistoryItem;
}

export type RecallStep = { recall: Recall | undefined; item: HistoryItem } | undefined;

/**
 * One step back (`older`) or forward; undefined when there is nowhere to go. Going forward past the
 * newest brings back the draft and ends recall.
 */
export function recallStep(
  items: readonly HistoryItem[],
  recall: Recall | undefined,
  current: HistoryItem,
  direction: 'older' | 'newer',
): RecallStep {
  if (direction === 'older') {
    if (!recall) {
      const last = items.length - 1;
      if (last < 0) return undefined;
      return { recall: { cursor: last, draft: current }, item: items[last] as HistoryItem };
    }
    if (recall.cursor <= 0) return undefined;
    const cursor = Math.min(recall.cursor, items.length) - 1;
    return { recall: { ...recall, cursor }, item: items[cursor] as HistoryItem };
  }
  if (!recall) return undefined;
  const cursor = recall.cursor + 1;
  if (cursor >= items.length) return { recall: undefined, item: recall.draft };
  return { recall: { ...recall, cursor }, item: items[cursor] as HistoryItem };
}

/** Arrow Up recalls only from the box's first line, Arrow Down only from its last, as in a shell. */
export function recallKey(
  key: string,
  value: string,
  selectionStart: number,
  selectionEnd: number,
): 'older' | 'newer' | undefined {
  if (selectionStart !== selectionEnd) return undefined;
  if (key === 'ArrowUp' && !value.slice(0, selectionStart).includes('\n')) return 'older';
  if (key === 'ArrowDown' && !value.slice(selectionEnd).includes('\n')) return 'newer';
  return undefined;
}

export function parseHistory(value: unknown): HistoryItem[] {
  if (!Array.isArray(value)) return [];
  const items = value.filter(
    (i): i is HistoryItem =>
      typeof i === 'object' &&
      i !== null &&
      typeof i.text === 'string' &&
      i.text.length <= MAX_REMEMBERED_CHARS &&
      (ENCODE_AS as readonly unknown[]).includes(i.encodeAs),
  );
  return items.slice(Math.max(0, items.length - HISTORY_LIMIT));
}

export interface HistoryStore extends StoreApi<{ items: HistoryItem[] }> {
  remember(item: HistoryItem): void;
}

/** `initial`: the settings file's history (settings-sync.ts keeps it there). */
export function createHistoryStore(initial: HistoryItem[] = []): HistoryStore {
  const store = createStore<{ items: HistoryItem[] }>()(() => ({ items: parseHistory(initial) }));
  return {
    ...store,
    remember: (item) => {
      const items = remember(store.getState().items, item);
      if (items !== store.getState().items) store.setState({ items });
    },
  };
}
