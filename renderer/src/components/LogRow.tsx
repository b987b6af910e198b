// One traffic log entry. Data rows decode their bytes here, at render time, as the log's Decode as
// or the entry's own Show as (a hex dump included); escapes are dimmed, search matches marked, and a
// frame issue is a badge. A closed row shows the start of its entry (log-layout.ts says how much);
// Show all opens it whole. A checkbox selects the entry for the checksum calculator.
import { type FocusEvent, memo, type ReactNode, useEffect, useMemo, useRef, useState } from 'react';
import { decodeForDisplay } from '../../../shared/codec/display';
import { type MarkedPiece, markPieces, withLineBreaks } from '../display-lines';
import { formatBytes, pluralBytes } from '../format';
import { useT } from '../i18n';
import { closedTextBytes, DUMP_PREVIEW_BYTES, MAX_TEXT_LINES, TEXT_PREVIEW_BYTES } from '../state/log-layout';
import type { DataEntry, EntryView, LogEntry } from '../state/log-reducer';
import { entryMatches, type Needle, type Shown } from '../state/log-search';
import { formatDateTime } from '../state/log-time';
import { ExchangeRow } from './ExchangeRow';
import { HexDump } from './HexDump';
import { ShowAsSelect } from './ShowAsSelect';

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
  open: boolean;
  needle?: Needle;
  /** Index of the current match among this entry's matches; -1 when it is elsewhere. */
  currentNth: number;
}

function Payload({ bytes, shown, open, needle, currentNth }: PayloadProps) {
  const ref = useRef<HTMLSpanElement>(null);
  const visible = useMemo(() => {
    if (open) return bytes;
    const end = shown === 'dump' ? Math.min(bytes.length, DUMP_PREVIEW_BYTES) : closedTextBytes(bytes, shown);
    return end === bytes.length ? bytes : bytes.subarray(0, end);
  }, [bytes, open, shown]);
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
  // Next / Previous opens the entry it goes to; a long one is scrolled to the match.
  useEffect(() => {
    if (open && currentNth >= 0)
      ref.current?.querySelector('mark.current')?.scrollIntoView({ block: 'nearest' });
  }, [open, currentNth]);
  return (
    <span ref={ref} className={shown === 'dump' ? 'payload dump-view' : 'payload'}>
      {content}
    </span>
  );
}

export interface DataRowProps {
  entry: DataEntry;
  time: string;
  /** The log's Decode as, or Hex dump when the log shows every entry so. */
  logShown: Shown;
  view?: EntryView;
  /** Shown whole, wrapped, rather than its first lines: opened by the user, or the current match. */
  open: boolean;
  /** Opened by the user (Show all), so Show less closes it. */
  opened: boolean;
  needle?: Needle;
  currentNth: number;
  selected: boolean;
  onSelect(key: number, range: boolean): void;
  onShowAs(key: number, view: EntryView | undefined): void;
  onOpen(key: number, open: boolean): void;
}

/** Whether a closed row leaves some of its entry out: more bytes, or more lines, than it shows. */
function clipped(bytes: Uint8Array, shown: Shown): boolean {
  if (shown === 'dump') return bytes.length > DUMP_PREVIEW_BYTES;
  if (bytes.length > TEXT_PREVIEW_BYTES) return true;
  let lines = 1;
  for (let at = bytes.indexOf(0x0a); at >= 0 && at < bytes.length - 1; at = bytes.indexOf(0x0a, at + 1)) {
    if (++lines > MAX_TEXT_LINES) return true;
  }
  return false;
}

function DataRowView(p: DataRowProps) {
  const { t } = useT();
  const { entry } = p;
  // The row is reached while the pointer is on it or the keyboard in it: only then is its Show as
  // made (Tab from its selection box then lands on it), and on rows that show it anyway.
  const [pointed, setPointed] = useState(false);
  const [focused, setFocused] = useState(false);
  const onBlur = (e: FocusEvent<HTMLDivElement>) => {
    if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
  };
  const rx = entry.dir === 'rx';
  const shown = p.view ?? p.logShown;
  const issue = entry.issue;
  const more = clipped(entry.bytes, shown);
  const preview = shown === 'dump' ? DUMP_PREVIEW_BYTES : TEXT_PREVIEW_BYTES;
  const openLabel =
    entry.bytes.length > preview
      ? t('log.row.openMore', { bytes: pluralBytes(entry.bytes.length) })
      : t('log.row.open');
  const cls = ['row', 'data', entry.dir];
  if (p.selected) cls.push('selected');
  if (p.view) cls.push('own-view');
  if (shown === 'dump') cls.push('dumped');
  if (p.open) cls.push('open');
  if (p.opened) cls.push('opened');
  if (more) cls.push('clipped');
  const openButton = ((more && !p.open) || p.opened) && (
    <button
      type="button"
      className="btn small row-open"
      aria-expanded={p.open}
      onClick={() => p.onOpen(entry.key, !p.opened)}
    >
      {p.opened ? t('log.row.close') : openLabel}
    </button>
  );
  const menu = pointed || focused || p.view !== undefined || p.opened;
  // A row with neither has no tools to lay out (most rows of a flood).
  const tools = (openButton || menu) && (
    <span className="row-tools">
      {openButton}
      {/* Until the row is reached an empty box holds the menu's place: Show all stays put. */}
      {menu ? (
        <ShowAsSelect entryKey={entry.key} view={p.view} logShown={p.logShown} onShowAs={p.onShowAs} />
      ) : (
        <span className="show-as-place" />
      )}
    </span>
  );
  // Show less stays in view on an opened row: the text flows around it instead of under it.
  const toolsInText = p.opened && shown !== 'dump';
  return (
    // biome-ignore lint/a11y/noStaticElementInteractions: the row only notes that it is reached; its controls are its own
    <div
      className={cls.join(' ')}
      onPointerEnter={() => setPointed(true)}
      onPointerLeave={() => setPointed(false)}
      onFocus={() => setFocused(true)}
      onBlur={onBlur}
    >
      {/* biome-ignore lint/a11y/useSemanticElements: an input costs the page a value tracker per row as the log scrolls; this has the same role, state, name and keys */}
      <button
        type="button"
        role="checkbox"
        className="row-select"
        aria-checked={p.selected}
        aria-label={t('log.row.select')}
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
        {toolsInText && tools}
        {issue && (
          <span className="issue-badge" title={t(`log.issue.${issue}.title`)}>
            {t(`log.issue.${issue}`)}
          </span>
        )}
        {entry.bytes.length === 0 ? (
          <span className="payload muted">{t('log.row.empty')}</span>
        ) : (
          <Payload
            bytes={entry.bytes}
            shown={shown}
            open={p.open}
            needle={p.needle}
            currentNth={p.currentNth}
          />
        )}
      </span>
      {!toolsInText && tools}
    </div>
  );
}

/** An entry never changes under its key, so a row re-renders only when how it is shown changes. */
const DataRow = memo(
  DataRowView,
  (a, b) =>
    a.entry.key === b.entry.key &&
    a.time === b.time &&
    a.logShown === b.logShown &&
    a.view === b.view &&
    a.open === b.open &&
    a.opened === b.opened &&
    a.needle === b.needle &&
    a.currentNth === b.currentNth &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    a.onShowAs === b.onShowAs &&
    a.onOpen === b.onOpen,
);

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
      <span className="system-text" title={entry.text}>
        {entry.text}
      </span>
    </div>
  );
}
