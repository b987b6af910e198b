// Board preset: fills the session's settings for a seed board's stock program (mode, port, framing,
// expect rule) and the composer's line ending and encodings, then says what the board does.
import { useId } from 'react';
import { BOARD_IDS, BOARD_PRESETS } from '../../../shared/presets/boards';
import { useServices } from '../app-context';
import { boardPreset, boardPresetChange } from '../state/board-preset';
import type { UiSession } from '../state/sessions-reducer';

export function BoardPresetField({ session, disabled }: { session: UiSession; disabled: boolean }) {
  const { sessions, prefs } = useServices();
  const ids = { select: useId(), hint: useId() };
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
        Board preset
      </label>
      <select
        id={ids.select}
        value={chosen ? chosen.id : ''}
        disabled={disabled}
        aria-describedby={chosen ? ids.hint : undefined}
        onChange={(e) => choose(e.target.value)}
      >
        <option value="">None (set up by hand)</option>
        {BOARD_IDS.map((id) => (
          <option key={id} value={id}>
            {BOARD_PRESETS[id].label}
          </option>
        ))}
      </select>
      {chosen && (
        <span id={ids.hint} className="muted field-hint">
          {chosen.behaviour} Try sending “{chosen.sampleMessage}”.
        </span>
      )}
    </div>
  );
}
