// The `Simulated boards` section: start a seed board on this PC's loopback (an ESP8266 is aimed at a
// listening session), see where each one runs, and stop it.
import { useEffect, useId } from 'react';
import { useStore } from 'zustand';
import type { BoardId } from '../../../shared/presets/boards';
import { useT } from '../i18n';
import { BOARD_CHOICES, boardLabel, type TestCasesStore } from '../state/test-cases';

export function SimulatedBoards({ store }: { store: TestCasesStore }) {
  const { t } = useT();
  const s = useStore(store);
  const ids = { title: useId(), kind: useId(), port: useId(), host: useId(), target: useId() };
  const esp = s.boardKind === 'esp8266';

  useEffect(() => {
    void store.refreshBoards();
  }, [store]);

  return (
    <section className="sim-boards" aria-labelledby={ids.title}>
      <h3 id={ids.title} className="panel-subtitle">
        {t('boards.title')}
      </h3>
      <p className="muted sim-hint">{t('boards.hint')}</p>
      <div className="sim-form">
        <div className="field">
          <label className="field-label" htmlFor={ids.kind}>
            {t('boards.board')}
          </label>
          <select
            id={ids.kind}
            value={s.boardKind}
            onChange={(e) => store.update({ boardKind: e.target.value as BoardId })}
          >
            {BOARD_CHOICES.map((c) => (
              <option key={c.id} value={c.id}>
                {c.label}
              </option>
            ))}
          </select>
        </div>
        {esp ? (
          <>
            <div className="field grow">
              <label className="field-label" htmlFor={ids.host}>
                {t('boards.targetHost')}
              </label>
              <input
                id={ids.host}
                type="text"
                value={s.targetHost}
                spellCheck={false}
                onChange={(e) => store.update({ targetHost: e.target.value })}
              />
            </div>
            <div className="field port">
              <label className="field-label" htmlFor={ids.target}>
                {t('boards.targetPort')}
              </label>
              <input
                id={ids.target}
                type="text"
                inputMode="numeric"
                value={s.targetPort}
                placeholder={t('boards.targetPlaceholder')}
                onChange={(e) => store.update({ targetPort: e.target.value })}
              />
            </div>
          </>
        ) : (
          <div className="field port">
            <label className="field-label" htmlFor={ids.port}>
              {t('boards.port')}
            </label>
            <input
              id={ids.port}
              type="text"
              inputMode="numeric"
              value={s.boardPort}
              title={t('boards.anyPort')}
              onChange={(e) => store.update({ boardPort: e.target.value })}
            />
          </div>
        )}
        <button type="button" className="btn" disabled={s.boardBusy} onClick={() => void store.startBoard()}>
          {t('boards.start')}
        </button>
      </div>
      {s.boardError && (
        <p className="fault" role="alert">
          {s.boardError}
        </p>
      )}
      {s.boards.length === 0 ? (
        <p className="muted">{t('boards.none')}</p>
      ) : (
        <ul className="sim-list" aria-label={t('boards.running')}>
          {s.boards.map((b) => (
            <li key={b.id} className="sim-row">
              <span className="sim-kind">{boardLabel(b.kind)}</span>
              <span className="mono">
                {b.kind === 'esp8266'
                  ? t('boards.connectsTo', { address: `${b.host}:${b.port}` })
                  : `${b.host}:${b.port}`}
              </span>
              <span className="spacer" />
              <button type="button" className="btn small" onClick={() => void store.stopBoard(b.id)}>
                {t('boards.stop')}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
