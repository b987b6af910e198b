// One traffic log entry. Data rows decode their bytes here, at render time, with the current
// "Decode as"; escapes (\r \n \xNN) are dimmed so the text around them stays readable.
import { memo, type ReactNode, useMemo, useState } from 'react';
import { type DecodeAs, type DisplaySegment, decodeForDisplay } from '../../../shared/codec/display';
import { withLineBreaks } from '../display-lines';
import { formatBytes, formatTime, pluralBytes } from '../format';
import type { DataEntry, LogEntry } from '../state/log-reducer';

/** Beyond this a row shows its start and a button: one 64 KiB chunk would otherwise fill screens. */
const ROW_PREVIEW_BYTES = 1024;

function renderPieces(segments: DisplaySegment[]): ReactNode[] {
  // Keys by position: the list is rebuilt whole for each payload and never reordered.
  let key = 0;
  return withLineBreaks(segments).map((piece) =>
    'lineBreak' in piece ? (
      <br key={key++} />
    ) : (
      <span key={key++} className={piece.escape ? 'esc' : undefined}>
        {piece.text}
      </span>
    ),
  );
}

function Payload({ bytes, decodeAs }: { bytes: Uint8Array; decodeAs: DecodeAs }) {
  const [expanded, setExpanded] = useState(false);
  const long = bytes.length > ROW_PREVIEW_BYTES && !expanded;
  const content = useMemo(
    () => renderPieces(decodeForDisplay(long ? bytes.subarray(0, ROW_PREVIEW_BYTES) : bytes, decodeAs)),
    [bytes, decodeAs, long],
  );
  return (
    <span className="payload">
      {content}
      {long && (
        <button type="button" className="link-button" onClick={() => setExpanded(true)}>
          … show {pluralBytes(bytes.length - ROW_PREVIEW_BYTES)} more
        </button>
      )}
    </span>
  );
}

function DataRow({ entry, decodeAs }: { entry: DataEntry; decodeAs: DecodeAs }) {
  const rx = entry.dir === 'rx';
  return (
    <div className={`row data ${entry.dir}`}>
      <span className="time">{formatTime(entry.at)}</span>
      <span className="dir">
        <span aria-hidden="true">{rx ? '←' : '→'}</span> {rx ? 'RX' : 'TX'}
      </span>
      <span className="peer" title={entry.peer}>
        {entry.peer}
      </span>
      <span className="size">{formatBytes(entry.bytes.length)}</span>
      {entry.bytes.length === 0 ? (
        <span className="payload muted">(empty)</span>
      ) : (
        <Payload bytes={entry.bytes} decodeAs={decodeAs} />
      )}
    </div>
  );
}

export const LogRow = memo(function LogRow({ entry, decodeAs }: { entry: LogEntry; decodeAs: DecodeAs }) {
  if (entry.kind === 'data') return <DataRow entry={entry} decodeAs={decodeAs} />;
  return (
    <div className={`row system tone-${entry.tone}`}>
      <span className="time">{formatTime(entry.at)}</span>
      <span className="system-text">{entry.text}</span>
    </div>
  );
});
