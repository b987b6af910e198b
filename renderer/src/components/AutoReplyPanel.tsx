// Auto-reply: rules that answer what matches, standing in for a host or a board (servers and UDP,
// clients too). Each rule: Match, Pattern, Reply (escapes, {0} {1} … groups and macros), Delay (ms),
// on or off, and its hits. Applied live, a moment after every rule is valid.
import { useId } from 'react';
import { MATCH_KINDS, type MatchKind } from '../../../shared/contract/model';
import { usePrefs, useServices } from '../app-context';
import { formatCount } from '../format';
import { useT } from '../i18n';
import { MATCH_LABELS, newRow, rowProblem, rulesFromRows } from '../state/auto-reply-rows';
import { isTextEncoding } from '../state/compose';
import { isActiveState } from '../state/engine-view';
import type { UiSession } from '../state/sessions-reducer';
import type { AutoReplyRow } from '../state/settings';
import { LiveLine } from './ToolFields';

const PLACEHOLDER: Record<MatchKind, string> = {
  exact: 'PING',
  contains: 'Hello',
  prefix: 'AT+',
  regex: '^GET (\\w+)',
  hex: '01 03 00 00',
};

function RuleRow(props: {
  row: AutoReplyRow;
  n: number;
  hits: number;
  onChange(row: AutoReplyRow): void;
  onRemove(): void;
}) {
  const { t, tn } = useT();
  const { row, n } = props;
  const base = useId();
  const id = (name: string) => `${base}-${name}`;
  const problem = rowProblem(row, n);
  const set = (change: Partial<AutoReplyRow>) => props.onChange({ ...row, ...change });
  return (
    <fieldset className={row.enabled ? 'rule' : 'rule off'}>
      <legend className="rule-legend">
        <span>{t('autoReply.rule', { n })}</span>
        <span className="rule-hits muted">{tn('autoReply.hits', props.hits)}</span>
      </legend>
      <div className="field-row">
        <div className="field order">
          <label className="field-label" htmlFor={id('match')}>
            {t('autoReply.match')}
          </label>
          <select
            id={id('match')}
            value={row.match}
            onChange={(e) => set({ match: e.target.value as MatchKind })}
          >
            {MATCH_KINDS.map((k) => (
              <option key={k} value={k}>
                {t(MATCH_LABELS[k])}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label className="field-label" htmlFor={id('pattern')}>
            {t('autoReply.pattern')}
          </label>
          <input
            id={id('pattern')}
            type="text"
            className="mono"
            value={row.pattern}
            placeholder={PLACEHOLDER[row.match]}
            spellCheck={false}
            autoComplete="off"
            aria-invalid={(problem !== undefined && row.pattern !== '') || undefined}
            aria-describedby={problem ? id('problem') : undefined}
            onChange={(e) => set({ pattern: e.target.value })}
          />
        </div>
      </div>
      <div className="field-row">
        <div className="field grow">
          <label className="field-label" htmlFor={id('reply')}>
            {t('autoReply.reply')}
          </label>
          <input
            id={id('reply')}
            type="text"
            className="mono"
            value={row.reply}
            placeholder={row.match === 'regex' ? 'OK {1}\\r\\n' : 'Hi {counter}\\r\\n'}
            spellCheck={false}
            autoComplete="off"
            onChange={(e) => set({ reply: e.target.value })}
          />
        </div>
        <div className="field port">
          <label className="field-label" htmlFor={id('delay')}>
            {t('autoReply.delay')}
          </label>
          <input
            id={id('delay')}
            type="text"
            inputMode="numeric"
            value={row.delayMs}
            placeholder="0"
            autoComplete="off"
            onChange={(e) => set({ delayMs: e.target.value })}
          />
        </div>
      </div>
      <div className="rule-foot">
        <div className="check">
          <input
            id={id('enabled')}
            type="checkbox"
            checked={row.enabled}
            onChange={(e) => set({ enabled: e.target.checked })}
          />
          <label htmlFor={id('enabled')}>{t('autoReply.enabled')}</label>
        </div>
        <button type="button" className="btn small" onClick={props.onRemove}>
          {t('autoReply.remove')}
        </button>
      </div>
      {problem && (
        <p id={id('problem')} className="reason reason-fault">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

export function AutoReplyPanel({ session }: { session: UiSession }) {
  const { t } = useT();
  const { sessions } = useServices();
  const encodeAs = usePrefs((p) => p.encodeAs);
  const rows = session.settings.autoReply;
  const hits = session.automation?.hits ?? [];
  const setRows = (autoReply: AutoReplyRow[]) => sessions.updateSettings(session.id, { autoReply });
  const checked = rulesFromRows(rows);
  const live = session.engineId !== undefined && isActiveState(session.state);
  const active = rows.filter((r) => r.enabled).length;
  const status = !checked.ok
    ? t('autoReply.notApplied', { reason: checked.reason })
    : rows.length === 0
      ? t('autoReply.noRules')
      : live
        ? t('autoReply.rulesOn', { active: formatCount(active), total: formatCount(rows.length) })
        : t('autoReply.applyOnStart');

  return (
    <div className="auto-reply">
      <p className="muted tool-note">
        {t(isTextEncoding(encodeAs) ? 'autoReply.noteEncodeAs' : 'autoReply.noteUtf8')}
      </p>
      {rows.map((row, i) => (
        <RuleRow
          key={row.id}
          row={row}
          n={i + 1}
          hits={hits[i] ?? 0}
          onChange={(next) => setRows(rows.map((r) => (r.id === row.id ? next : r)))}
          onRemove={() => setRows(rows.filter((r) => r.id !== row.id))}
        />
      ))}
      <div className="actions">
        <button type="button" className="btn small" onClick={() => setRows([...rows, newRow(rows)])}>
          {t('autoReply.add')}
        </button>
      </div>
      <LiveLine text={status} tone={!checked.ok ? 'bad' : live && active > 0 ? 'live' : 'muted'} />
    </div>
  );
}
