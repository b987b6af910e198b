// The `Test cases` panel: load or paste a case, run it on the engine against a board or its simulated
// board, read each step's verdict and diff; and the simulated boards started from here.
import { useId } from 'react';
import { useStore } from 'zustand';
import { useT } from '../i18n';
import type { TestCasesStore } from '../state/test-cases';
import { CaseResult } from './CaseResult';
import { SimulatedBoards } from './SimulatedBoards';

export function TestCasesPanel({ store, onHide }: { store: TestCasesStore; onHide(): void }) {
  const { t } = useT();
  const s = useStore(store);
  const ids = { title: useId(), file: useId(), text: useId(), host: useId(), port: useId(), sim: useId() };

  const load = async (file: File | undefined) => {
    if (!file) return;
    store.update({ caseText: await file.text(), caseFile: file.name });
  };

  return (
    <section className="panel test-cases" aria-labelledby={ids.title}>
      <div className="panel-head">
        <h2 id={ids.title} className="panel-title">
          {t('app.testCases')}
        </h2>
        <span className="spacer" />
        <button type="button" className="btn small" onClick={onHide}>
          {t('cases.hide')}
        </button>
      </div>
      <div className="case-form">
        <div className="field">
          <label className="field-label" htmlFor={ids.file}>
            {t('cases.file')}
          </label>
          <input
            id={ids.file}
            type="file"
            accept=".yaml,.yml,.json,application/json,text/yaml"
            onChange={(e) => void load(e.target.files?.[0])}
          />
        </div>
        <div className="field">
          <label className="field-label" htmlFor={ids.text}>
            {t('cases.case')}
          </label>
          <textarea
            id={ids.text}
            className="case-text mono"
            rows={8}
            spellCheck={false}
            value={s.caseText}
            placeholder={t('cases.placeholder')}
            onChange={(e) => store.update({ caseText: e.target.value })}
          />
        </div>
        <div className="field-row">
          <div className="field grow">
            <label className="field-label" htmlFor={ids.host}>
              {t('cases.host')}
            </label>
            <input
              id={ids.host}
              type="text"
              value={s.host}
              disabled={s.simulate}
              placeholder={t('cases.fromCase')}
              spellCheck={false}
              onChange={(e) => store.update({ host: e.target.value })}
            />
          </div>
          <div className="field port">
            <label className="field-label" htmlFor={ids.port}>
              {t('cases.port')}
            </label>
            <input
              id={ids.port}
              type="text"
              inputMode="numeric"
              value={s.port}
              disabled={s.simulate}
              placeholder={t('cases.fromCase')}
              onChange={(e) => store.update({ port: e.target.value })}
            />
          </div>
        </div>
        <div className="check">
          <input
            id={ids.sim}
            type="checkbox"
            checked={s.simulate}
            onChange={(e) => store.update({ simulate: e.target.checked })}
          />
          <label htmlFor={ids.sim}>{t('cases.simulate')}</label>
        </div>
        <div className="actions">
          <button type="button" className="btn primary" disabled={s.running} onClick={() => void store.run()}>
            {t('cases.run')}
          </button>
          {s.running && <span className="muted">{t('cases.running')}</span>}
          {s.caseFile && <span className="muted">{s.caseFile}</span>}
        </div>
      </div>
      {s.runError && (
        <p className="fault" role="alert">
          {s.runError}
        </p>
      )}
      {s.result && <CaseResult result={s.result} />}
      <SimulatedBoards store={store} />
    </section>
  );
}
