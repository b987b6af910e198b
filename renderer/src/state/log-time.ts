// How the log writes an entry's time: wall clock to the millisecond, the gap since the entry above,
// or the time since the session opened. Pure.
import { formatTime } from '../format';
import type { MessageKey } from '../i18n';
import type { TimeFormat } from './prefs-store';

/** The Time menu's words for each format, as catalogue keys. */
export const TIME_LABELS: Readonly<Record<TimeFormat, MessageKey>> = {
  absolute: 'log.time.absolute',
  previous: 'log.time.previous',
  start: 'log.time.start',
};

const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** "0.250 s", "59.999 s", "1:02.345", "1:02:03.456": exact to the millisecond, at most 12 characters. */
export function formatElapsed(ms: number): string {
  const sign = ms < 0 ? '−' : '';
  const total = Math.round(Math.abs(ms));
  const millis = pad(total % 1000, 3);
  const seconds = Math.floor(total / 1000);
  if (seconds < 60) return `${sign}${seconds}.${millis} s`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${sign}${minutes}:${pad(seconds % 60)}.${millis}`;
  return `${sign}${Math.floor(minutes / 60)}:${pad(minutes % 60)}:${pad(seconds % 60)}.${millis}`;
}

/** Local "YYYY-MM-DD HH:MM:SS.mmm", for tooltips and exports, where the date matters. */
export function formatDateTime(epochMs: number): string {
  const d = new Date(epochMs);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${formatTime(epochMs)}`;
}

export interface TimeContext {
  /** The entry shown above this one; absent for the first. */
  previousAt?: number;
  /** When the session opened; absent when not known. */
  startAt?: number;
}

export function formatEntryTime(at: number, format: TimeFormat, ctx: TimeContext): string {
  switch (format) {
    case 'previous':
      return `+${formatElapsed(ctx.previousAt === undefined ? 0 : Math.max(0, at - ctx.previousAt))}`;
    case 'start':
      return ctx.startAt === undefined ? formatTime(at) : formatElapsed(at - ctx.startAt);
    default:
      return formatTime(at);
  }
}
