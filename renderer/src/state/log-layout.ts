// The traffic log's geometry without asking the page: a row's height follows from its entry and how
// it is shown (lines of text up to a few, lines of a hex dump), so appending and scrolling never
// measure. Rows whose height cannot be known ahead (an opened entry, an exchange verdict) are
// measured by the page once, asynchronously, and given here. Pure.
import type { LogView } from './log-filter';
import type { LogEntry } from './log-reducer';
import { type Ring, ringSlot, TAG_OBJECT } from './log-ring';
import type { Shown } from './log-search';

/** One line of a row (CSS: .row line-height) and what a row adds around its lines. */
export const LINE_PX = 19;
export const ROW_EXTRA_PX = 7;
/** A hex dump sits under the row's header with this gap (CSS: .payload-cell.wide). */
const DUMP_GAP_PX = 2;
/** What a closed row shows at most; Show all opens the rest. */
export const TEXT_PREVIEW_BYTES = 1024;
export const MAX_TEXT_LINES = 4;
export const DUMP_PREVIEW_BYTES = 256;
export const DUMP_WIDTH = 16;

const LF = 0x0a;

/** Views whose line feeds are single 0x0A bytes, each shown as a "\n" escape the log breaks after. */
const BYTE_LINES: ReadonlySet<Shown> = new Set(['ascii', 'latin1', 'utf-8', 'gbk', 'gb18030']);

/** Hard lines of a closed text row: one more than its line feeds (none after a final one), at most MAX. */
export function textLines(slab: Uint8Array, off: number, len: number, shown: Shown): number {
  const end = off + Math.min(len, TEXT_PREVIEW_BYTES);
  let breaks = 0;
  if (BYTE_LINES.has(shown)) {
    // A loop, not indexOf on the slab: that would run on past the entry to the next line feed.
    for (let at = off; at < end - 1 && breaks < MAX_TEXT_LINES; at++) if (slab[at] === LF) breaks++;
  } else if (shown === 'utf-16le' || shown === 'utf-16be') {
    const lo = shown === 'utf-16le' ? 0 : 1;
    // A line feed unit shows as "\n\0" in UTF-16LE, so a final one still breaks there, and as
    // "\0\n" in UTF-16BE, where a final one breaks no line.
    const last = shown === 'utf-16le' ? end : end - 2;
    for (let at = off; at + 1 < end && at < last && breaks < MAX_TEXT_LINES; at += 2) {
      if (slab[at + lo] === LF && slab[at + 1 - lo] === 0) breaks++;
    }
  }
  return Math.min(MAX_TEXT_LINES, 1 + breaks);
}

/**
 * How many of an entry's bytes a closed text row shows: the preview, cut after the line feed that
 * ends its last shown line (the lines below would be laid out only to be clipped).
 */
export function closedTextBytes(bytes: Uint8Array, shown: Shown): number {
  const end = Math.min(bytes.length, TEXT_PREVIEW_BYTES);
  // UTF-16 views keep the whole preview: their line feeds are drawn with a byte escape around them.
  if (!BYTE_LINES.has(shown)) return end;
  let breaks = 0;
  for (let at = 0; at < end; at++) if (bytes[at] === LF && ++breaks === MAX_TEXT_LINES) return at + 1;
  return end;
}

/** A row kept whole and measured by the page is estimated at this until it is. */
export const UNMEASURED_PX = ROW_EXTRA_PX + LINE_PX * 2;

/**
 * A row's height: one line for a system row, the text's lines or a header over a dump for a closed
 * data row; a verdict or an opened entry as measured (`measured` of its key), else estimated.
 */
export function rowHeight(
  ring: Ring<LogEntry>,
  index: number,
  shownOf: (key: number) => Shown,
  measured: (key: number, data: boolean) => number | undefined,
): number {
  const [chunk, slot] = ringSlot(ring, index);
  const key = chunk.keys[slot] as number;
  if (chunk.tags[slot] === TAG_OBJECT) {
    return chunk.read(slot).kind === 'exchange'
      ? (measured(key, false) ?? UNMEASURED_PX)
      : ROW_EXTRA_PX + LINE_PX;
  }
  const whole = measured(key, true);
  if (whole !== undefined) return whole;
  const shown = shownOf(key);
  const len = chunk.lens[slot] as number;
  if (shown === 'dump') {
    const lines = Math.max(1, Math.ceil(Math.min(len, DUMP_PREVIEW_BYTES) / DUMP_WIDTH));
    return ROW_EXTRA_PX + DUMP_GAP_PX + LINE_PX * (1 + lines);
  }
  return ROW_EXTRA_PX + LINE_PX * textLines(chunk.slab, chunk.offs[slot] as number, len, shown);
}

export interface RowLayout {
  /** Height of every row together, in px. */
  total: number;
  offsetOf(row: number): number;
  heightOf(row: number): number;
  /** The row at `y` px from the top (the last one below the end). */
  rowAt(y: number): number;
  /** Px of rows gone from the top since the previous layout (to keep what is read in place). */
  shift: number;
}

/**
 * Layouts of successive views: new rows at the end and rows evicted at the top cost only themselves;
 * another view or way of showing (`sig`) starts over, and `changedFrom` re-reads heights from a row on.
 */
export function createRowLayout(): (
  view: LogView,
  sig: string,
  heightOf: (row: number) => number,
  changedFrom?: number,
) => RowLayout {
  let id = Number.NaN;
  let lastSig = '';
  /** View row number (counted from the start of `id`) of stored row 0. */
  let base = 0;
  let n = 0;
  let heights = new Float32Array(1024);
  let prefix = new Float64Array(1025);
  let front = 0;

  const grow = (size: number) => {
    const h = new Float32Array(size);
    const p = new Float64Array(size + 1);
    h.set(heights.subarray(front, n));
    p.set(prefix.subarray(front, n + 1));
    const from = prefix[front] as number;
    for (let i = 0; i <= n - front; i++) p[i] = (p[i] as number) - from;
    heights = h;
    prefix = p;
    n -= front;
    base += front;
    front = 0;
  };

  return (view, sig, heightOf, changedFrom) => {
    let shift = 0;
    const gone = view.start - (base + front);
    const stored = n - front;
    if (view.id !== id || sig !== lastSig || gone < 0 || gone > stored || view.count < stored - gone) {
      id = view.id;
      lastSig = sig;
      base = view.start;
      front = 0;
      n = 0;
    } else {
      shift = (prefix[front + gone] as number) - (prefix[front] as number);
      front += gone;
    }
    if (changedFrom !== undefined) n = Math.min(n, front + Math.max(0, changedFrom));
    if (front + view.count + 1 > heights.length || (front > 4096 && front * 2 > n)) {
      grow(Math.max(1024, (view.count + 1) * 2));
    }
    for (let i = n; i < front + view.count; i++) {
      const h = heightOf(i - front);
      heights[i] = h;
      prefix[i + 1] = (prefix[i] as number) + h;
    }
    n = front + view.count;
    const f = front;
    const h = heights;
    const p = prefix;
    const top = p[f] as number;
    const count = view.count;
    return {
      total: (p[f + count] as number) - top,
      offsetOf: (row) => (p[f + Math.max(0, Math.min(row, count))] as number) - top,
      heightOf: (row) => h[f + row] ?? 0,
      rowAt(y) {
        let lo = 0;
        let hi = count - 1;
        const target = y + top;
        while (lo < hi) {
          const mid = (lo + hi + 1) >> 1;
          if ((p[f + mid] as number) <= target) lo = mid;
          else hi = mid - 1;
        }
        return Math.max(0, lo);
      },
      shift,
    };
  };
}
