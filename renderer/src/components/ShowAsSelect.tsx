// A log row's Show as menu. A row has one only while it is reached (see DataRowView): a select is
// the costliest part of a row to lay out, and in a browser every form control a flood adds to the
// page is parsed again by its autofill.
import { memo } from 'react';
import { DECODE_AS, DECODE_AS_LABELS, type DecodeAs } from '../../../shared/codec/display';
import { useT } from '../i18n';
import type { EntryView } from '../state/log-reducer';
import type { Shown } from '../state/log-search';

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
  const label = (v: Shown) => (v === 'dump' ? t('log.hexDump') : DECODE_AS_LABELS[v]);
  return (
    <select
      className="show-as"
      aria-label={t('log.row.showAs')}
      title={t('log.row.showAsTitle')}
      value={view ?? ''}
      onChange={(e) => onShowAs(entryKey, (e.target.value || undefined) as EntryView | undefined)}
    >
      <option value="">{t('log.row.logView', { view: label(logShown) })}</option>
      {DECODE_AS.map((as: DecodeAs) => (
        <option key={as} value={as}>
          {DECODE_AS_LABELS[as]}
        </option>
      ))}
      <option value="dump">{t('log.hexDump')}</option>
    </select>
  );
});
