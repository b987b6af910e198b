// One traffic log entry. Data rows decode their bytes here, at render time, as the log's Decode as
// or the entry's own Show as (a hex dump included); escapes are dimmed, search matches marked, and
// a frame issue is a badge. A checkbox selects the entry for the checksum calculator.
import { memo, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { DECODE_AS, DECODE_AS_LABELS, type DecodeAs, decodeForDisplay } from '../../../shared/codec/display';
import { type MarkedPiece, markPieces, withLineBreaks } from '../display-lines';
import { formatBytes, pluralBytes } from '../format';
import type { DataEntry, EntryView, LogEntry } from '../state/log-reducer';
import { entryMatches, type Needle, type Shown } from '../state/log-search';
import { formatDateTime } from '../state/log-time';
import { ExchangeRow } from './ExchangeRow';
import { HexDump } from './HexDump';

/** Beyond this a row shows its start and a button: one 64 KiB chunk would otherwise fill screens. */
const ROW_PREVIEW_BYTES = 1024;

const ISSUES = {
  oversized: ['oversized', 'Cut at the maximum frame size: the message was longer'],
  'bad-length': ['bad length', 'The length field was smaller than its own header'],
  incomplete: ['incomplete', 'The stream ended before this frame was complete'],
} as const;

function renderPieces(pieces: MarkedPiece[]): ReactNode[] {
  // Keys by position: the list is rebuilt whole for each payload and never reordered.
  let key = 0;
  return pieces.map((piece) => {
    if ('lineBreak' in piece) return <br key={key++} />;
    const cls = piece.escape ? 'esc' : undefined;
    if (!piece.mark) {
      return (
        <span key={key++} className={cls}>
          {piece.text}
        </span>
      );
    }
    return (
      <mark key={key++} className={piece.mark === 'current' ? 'hit current' : 'hit'}>
        <span className={cls}>{piece.text}</span>
      </mark>
    );
  });
}

interface PayloadProps {
  bytes: Uint8Array;
  shown: Shown;
  needle?: Needle;
  /** Index of the current match among this entry's matches; -1 when it is elsewhere. */
  currentNth: number;
}

function Payload({ bytes, shown, needle, currentNth }: PayloadProps) {
  const [expanded, setExpanded] = useState(false);
  const ref = useRef<HTMLSpanElement>(null);
  // Next / Previous into a long entry shows all of it, so the match it went to is on screen.
  const long = bytes.length > ROW_PREVIEW_BYTES && !expanded && currentNth < 0;
  const visible = useMemo(() => (long ? bytes.subarray(0, ROW_PREVIEW_BYTES) : bytes), [bytes, long]);
  const ranges = useMemo(
    () => (needle ? entryMatches(visible, shown, needle) : []),
    [visible, shown, needle],
  );
  const content = useMemo(
    () =>
      shown === 'dump' ? (
        <HexDump bytes={visible} ranges={ranges} current={currentNth} />
      ) : (
        renderPieces(markPieces(withLineBreaks(decodeForDisplay(visible, shown)), ranges, currentNth))
      ),
    [visible, shown, ranges, currentNth],
  );
  useEffect(() => {
    if (currentNth >= 0) ref.current?.querySelector('mark.current')?.scrollIntoView({ block: 'nearest' });
  }, [currentNth]);
  return (
    <span ref={ref} className={shown === 'dump' ? 'payload dump-view' : 'payload'}>
      {content}
      {long && (
        <button type="button" className="link-button" onClick={() => setExpanded(true)}>
          … show {pluralBytes(bytes.length - ROW_PREVIEW_BYTES)} more
        </button>
      )}
    </span>
  );
}

export interface DataRowProps {
  entry: DataEntry;
  time: string;
  /** The log's Decode as, or Hex dump when the log shows every entry so. */
  logShown: Shown;
  view?: EntryView;
  needle?: Needle;
  currentNth: number;
  selected: boolean;
  onSelect(key: number, range: boolean): void;
  onShowAs(key: number, view: EntryView | undefined): void;
}

const DataRow = memo(function DataRow(p: DataRowProps) {
  const { entry } = p;
  const rx = entry.dir === 'rx';
  const shown = p.view ?? p.logShown;
  const issue = entry.issue ? ISSUES[entry.issue] : undefined;
  return (
    <div
      className={`row data ${entry.dir}${p.selected ? ' selected' : ''}${p.view ? ' own-view' : ''}${shown === 'dump' ? ' dumped' : ''}`}
    >
      <input
        type="checkbox"
        className="row-select"
        aria-label="Select entry"
        checked={p.selected}
        onChange={() => undefined}
        onClick={(e) => p.onSelect(entry.key, e.shiftKey)}
      />
      <span className="time" title={formatDateTime(entry.at)}>
        {p.time}
      </span>
      <span className="dir">
        <span aria-hidden="true">{rx ? '←' : '→'}</span> {rx ? 'RX' : 'TX'}
      </span>
      <span className="peer" title={entry.peer}>
        {entry.peer}
      </span>
      <span className="size">{formatBytes(entry.bytes.length)}</span>
      <span className={shown === 'dump' ? 'payload-cell wide' : 'payload-cell'}>
        {issue && (
          <span className="issue-badge" title={issue[1]}>
            {issue[0]}
          </span>
        )}
        {entry.bytes.length === 0 ? (
          <span className="payload muted">(empty)</span>
        ) : (
          <Payload bytes={entry.bytes} shown={shown} needle={p.needle} currentNth={p.currentNth} />
        )}
      </span>
      <select
        className="show-as"
        aria-label="Show as"
        title="Show this entry in another encoding"
        value={p.view ?? ''}
        onChange={(e) => p.onShowAs(entry.key, (e.target.value || undefined) as EntryView | undefined)}
      >
        <option value="">
          {p.logShown === 'dump' ? 'Log: Hex dump' : `Log: ${DECODE_AS_LABELS[p.logShown]}`}
        </option>
        {DECODE_AS.map((as: DecodeAs) => (
          <option key={as} value={as}>
            {DECODE_AS_LABELS[as]}
          </option>
        ))}
        <option value="dump">Hex dump</option>
      </select>
    </div>
  );
});

export function LogRow(props: Omit<DataRowProps, 'entry'> & { entry: LogEntry }) {
  const { entry } = props;
  if (entry.kind === 'data') return <DataRow {...props} entry={entry} />;
  if (entry.kind === 'exchange') return <ExchangeRow entry={entry} time={props.time} />;
  return (
    <div className={`row system tone-${entry.tone}`}>
      <span className="row-select" />
      <span className="time" title={formatDateTime(entry.at)}>
        {props.time}
      </span>
      <span className="system-text">{entry.text}</span>
    </div>
  );
}
