// A judged exchange in the traffic log: PASS / FAIL / TIMEOUT, the round trips to the first byte and
// to the complete reply, the reason, and for a FAIL the bytes around the first difference, expected
// above actual, with the first differing byte marked.
import { memo } from 'react';
import { useT } from '../i18n';
import {
  type ByteCell,
  diffSentence,
  diffView,
  reasonText,
  timingText,
  verdictBadge,
} from '../state/exchange-words';
import type { ExchangeEntry } from '../state/log-reducer';
import { formatDateTime } from '../state/log-time';

function Cells({ cells, side }: { cells: ByteCell[]; side: 'hex' | 'char' }) {
  return (
    <>
      {cells.map((c) => {
        const cls = c.first ? 'cell first' : c.differs ? 'cell differs' : 'cell';
        const text = side === 'hex' ? c.hex || '··' : c.char || ' ';
        return (
          <span key={c.at} className={cls}>
            {text}
          </span>
        );
      })}
    </>
  );
}

function Diff({ entry }: { entry: ExchangeEntry }) {
  const { t } = useT();
  const view = diffView(entry.result);
  if (!view) return null;
  const caption = diffSentence(entry.result, view);
  const line = (label: string, cells: ByteCell[]) => (
    <div className="diff-line">
      <span className="diff-label">{label}</span>
      <span className="diff-hex mono">
        {view.before && <span className="diff-more">…</span>}
        <Cells cells={cells} side="hex" />
        {view.after && <span className="diff-more">…</span>}
      </span>
      <span className="diff-text mono">
        <Cells cells={cells} side="char" />
      </span>
    </div>
  );
  return (
    <figure className="diff" aria-label={t('exchange.diff')}>
      <figcaption className="diff-caption">{caption}</figcaption>
      {line(t('exchange.expected'), view.expected)}
      {line(t('exchange.actual'), view.actual)}
      <div className="diff-offsets muted">
        {t('exchange.offsets', {
          start: view.start,
          end: view.start + Math.max(view.expected.length, view.actual.length) - 1,
        })}
      </div>
    </figure>
  );
}

export const ExchangeRow = memo(function ExchangeRow({
  entry,
  time,
}: {
  entry: ExchangeEntry;
  time: string;
}) {
  useT();
  const { result } = entry;
  const timing = timingText(result);
  const reason = reasonText(result);
  return (
    <div className={`row exchange verdict-${result.verdict}`}>
      <span className="row-select" />
      <span className="time" title={formatDateTime(entry.at)}>
        {time}
      </span>
      <span className="exchange-body">
        <span className="exchange-head">
          <span className={`verdict-badge ${result.verdict}`}>{verdictBadge(result.verdict)}</span>
          <span className="exchange-seq muted">#{result.seq}</span>
          {timing && <span className="exchange-timing mono">{timing}</span>}
          {result.peer && <span className="exchange-peer muted">{result.peer}</span>}
        </span>
        {reason && <span className="exchange-reason">{reason}</span>}
        {result.verdict === 'fail' && <Diff entry={entry} />}
      </span>
    </div>
  );
});
