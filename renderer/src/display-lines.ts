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
