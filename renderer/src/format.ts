// How numbers, times and byte previews are written in the UI: exact counts with thousands
// separators, wall-clock times to the millisecond.
import { tn } from './i18n';

const COUNT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** "1,234" */
export const formatCount = (n: number): string => COUNT.format(n);

/** "1,234 B": exact, because engineers compare counters against what the board printed. */
export const formatBytes = (n: number): string => `${formatCount(n)} B`;

/** "1 byte", "3 bytes", in the window's language. */
export const pluralBytes = (n: number): string => tn('log.bytes', n);

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** Local wall-clock time "HH:MM:SS.mmm". */
export function formatTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())}.${pad(d.getMilliseconds(), 3)}`;
}
