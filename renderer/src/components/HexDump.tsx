// One entry as a hex dump: offset, hex and ASCII columns, 16 bytes a line, with search matches
// marked in both the hex and the ASCII column.
import { type ReactNode, useMemo } from 'react';
import { DUMP_WIDTH, dumpAscii, dumpCells, dumpOffset, dumpRuns, type Run } from '../state/hex-dump';
import type { Range } from '../state/log-search';

function pieces(runs: Run[], textOf: (run: Run) => string, line: number): ReactNode[] {
  return runs.map((run) => {
    const text = textOf(run);
    const key = `${line}-${run.from}`;
    if (!run.mark) return <span key={key}>{text}</span>;
    // The gap after a marked byte is not part of the match.
    const body = text.trimEnd();
    return (
      <span key={key}>
        <mark className={run.mark === 'current' ? 'hit current' : 'hit'}>{body}</mark>
        {text.slice(body.length)}
      </span>
    );
  });
}

export function HexDump(props: { bytes: Uint8Array; ranges: readonly Range[]; current: number }) {
  const { bytes, ranges, current } = props;
  const lines = useMemo(() => {
    const out: ReactNode[] = [];
    for (let start = 0; start < bytes.length; start += DUMP_WIDTH) {
      const line = bytes.subarray(start, start + DUMP_WIDTH);
      const cells = dumpCells(line);
      const ascii = dumpAscii(line);
      const runs = dumpRuns(start, line.length, ranges, current);
      out.push(
        <div key={start} className="dump-line">
          <span className="dump-offset">{dumpOffset(start)}</span>
          <span className="dump-hex">{pieces(runs, (r) => cells.slice(r.from, r.to).join(''), start)}</span>
          <span className="dump-ascii">{pieces(runs, (r) => ascii.slice(r.from, r.to), start)}</span>
        </div>,
      );
    }
    return out;
  }, [bytes, ranges, current]);
  return <div className="dump">{lines}</div>;
}
