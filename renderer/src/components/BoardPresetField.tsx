// Board preset: fills the session's settings for a seed board's stock program (mode, port, framing,
// expect rule) and the composer's line ending and encodings, then says what the board does.
import { useId } from 'react';
import { BOARD_IDS, BOARD_PRESETS } from '../../../shared/presets/boards';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { boardBehaviour, boardLabel, boardPreset, boardPresetChange } from '../state/board-preset';
import type { SessionSetup } from '../state/session-setup';

export function BoardPresetField({ session, disabled }: { session: SessionSetup; disabled: boolean }) {
  const { sessions, prefs } = useServices();
  const ids = { select: useId(), hint: useId() };
  const { t } = useT();
  const chosen = boardPreset(session.settings.boardPreset);

  const choose = (id: string) => {
    const preset = boardPreset(id);
    if (!preset) {
      sessions.updateSettings(session.id, { boardPreset: '' });
      return;
    }
    const change = boardPresetChange(preset);
    sessions.updateSettings(session.id, change.settings);
    prefs.setState(change.prefs);
  };

  return (
    <div className="field">
      <label className="field-label" htmlFor={ids.select}>
        {t('session.boardPreset')}
      </label>
      <select
        id={ids.select}
        value={chosen ? chosen.id : ''}
        disabled={disabled}
        aria-describedby={chosen ? ids.hint : undefined}
        onChange={(e) => choose(e.target.value)}
      >
        <option value="">{t('session.boardPresetNone')}</option>
        {BOARD_IDS.map((id) => (
          <option key={id} value={id}>
            {boardLabel(BOARD_PRESETS[id])}
          </option>
        ))}
      </select>
      {chosen && (
        <span id={ids.hint} className="muted field-hint">
          {t('session.boardPresetHint', { behaviour: boardBehaviour(chosen), sample: chosen.sampleMessage })}
        </span>
      )}
    </div>
  );
}
