// The log's view choices that are this window's and this moment's, not remembered across runs: the
// direction filter and Find. (A filter hiding RX after a restart would only confuse.)
import { createStore, type StoreApi } from 'zustand/vanilla';
import { type LogFilter, SHOW_ALL } from './log-filter';

export interface LogViewState {
  filter: LogFilter;
  /** What Find looks for, as typed. */
  find: string;
  /** Find looks for hex bytes instead of text. */
  findHex: boolean;
}

export function createLogViewStore(): StoreApi<LogViewState> {
  return createStore<LogViewState>()(() => ({ filter: SHOW_ALL, find: '', findHex: false }));
}
