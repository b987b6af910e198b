// Where the log breaks a payload into lines: after each \n escape, as a terminal would, so multi-line
// replies read as lines while the escapes themselves stay visible.
import type { DisplaySegment } from '../../shared/codec/display';

export type LinePiece = DisplaySegment | { lineBreak: true };

/**
 * Inside an escape run "\n" can only be LF: every escape starts with a backslash and no other
 * escape contains an "n". No break follows a final \n: it would only add an empty line.
 */
export function withLineBreaks(segments: readonly DisplaySegment[]): LinePiece[] {
  const out: LinePiece[] = [];
  segments.forEach((segment, i) => {
    if (!segment.escape) {
      out.push(segment);
      return;
    }
    const parts = segment.text.split('\\n');
    parts.forEach((part, j) => {
      const last = j === parts.length - 1;
      const text = last ? part : `${part}\\n`;
      if (text) out.push({ text, escape: true });
      const endsPayload = i === segments.length - 1 && j === parts.length - 2 && parts[j + 1] === '';
      if (!last && !endsPayload) out.push({ lineBreak: true });
    });
  });
  return out;
}

export type MarkedPiece = { text: string; escape: boolean; mark?: 'match' | 'current' } | { lineBreak: true };

/**
 * The pieces with the ranges of their joined text marked (sorted, not overlapping, in offsets of the
 * text without line breaks); range `current` is marked apart. A piece is cut wherever a range starts
 * or ends inside it, so a match can run across text and escapes.
 */
export function markPieces(
  pieces: readonly LinePiece[],
  ranges: readonly (readonly [number, number])[],
  current = -1,
): MarkedPiece[] {
  if (ranges.length === 0) return pieces as MarkedPiece[];
  const out: MarkedPiece[] = [];
  let offset = 0;
  let r = 0;
  for (const piece of pieces) {
    if ('lineBreak' in piece) {
      out.push(piece);
      continue;
    }
    const end = offset + piece.text.length;
    let at = offset;
    while (at < end) {
      while (r < ranges.length && (ranges[r] as readonly [number, number])[1] <= at) r++;
      const range = ranges[r];
      if (!range || range[0] >= end) {
        out.push({ text: piece.text.slice(at - offset), escape: piece.escape });
        break;
      }
      if (range[0] > at) {
        out.push({ text: piece.text.slice(at - offset, range[0] - offset), escape: piece.escape });
        at = range[0];
      }
      const stop = Math.min(range[1], end);
      out.push({
        text: piece.text.slice(at - offset, stop - offset),
        escape: piece.escape,
        mark: r === current ? 'current' : 'match',
      });
      at = stop;
    }
    offset = end;
  }
  return out;
}
