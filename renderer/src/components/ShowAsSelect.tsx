// A log row's Show as menu. Its eleven options cost more to lay out than the rest of the row, so a
// row made while the log scrolls gets them only once the scrolling settles (or the moment the menu
// is pointed at or focused); until then the menu holds only what it shows.
import { createContext, memo, useContext, useState } from 'react';
import { DECODE_AS, DECODE_AS_LABELS, type DecodeAs } from '../../../shared/codec/display';
import { useT } from '../i18n';
import type { EntryView } from '../state/log-reducer';
import type { Shown } from '../state/log-search';

/** False while the log is scrolling (by the user or following a flood). */
export const RowsSettled = createContext(true);

export interface ShowAsSelectProps {
  entryKey: number;
  /** The entry's own way of showing, if any. */
  view?: EntryView;
  logShown: Shown;
  onShowAs(key: number, view: EntryView | undefined): void;
}

export const ShowAsSelect = memo(function ShowAsSelect({
  entryKey,
  view,
  logShown,
  onShowAs,
}: ShowAsSelectProps) {
  const { t } = useT();
  const settled = useContext(RowsSettled);
  // Once full, a menu stays full: taking the options out again would cost as much.
  const [full, setFull] = useState(settled);
  if (settled && !full) setFull(true);
  const fill = () => setFull(true);
  const label = (v: Shown) => (v === 'dump' ? t('log.hexDump') : DECODE_AS_LABELS[v]);
  return (
    <select
      className="show-as"
      aria-label={t('log.row.showAs')}
      title={t('log.row.showAsTitle')}
      value={view ?? ''}
      onPointerDown={fill}
      onFocus={fill}
      onMouseEnter={fill}
      onChange={(e) => onShowAs(entryKey, (e.target.value || undefined) as EntryView | undefined)}
    >
      <option value="">{t('log.row.logView', { view: label(logShown) })}</option>
      {full ? (
        <>
          {DECODE_AS.map((as: DecodeAs) => (
            <option key={as} value={as}>
              {DECODE_AS_LABELS[as]}
            </option>
          ))}
          <option value="dump">{t('log.hexDump')}</option>
        </>
      ) : (
        view && <option value={view}>{label(view)}</option>
      )}
    </select>
  );
});
