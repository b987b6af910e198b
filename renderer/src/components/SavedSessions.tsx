// The rail's saved sessions: Save session keeps the active session's whole setup under a name
// (a name that exists is replaced); a click opens a new session with it (its name is the button's
// name, as shown); × deletes it.
import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import type { SavedSession } from '../../../shared/settings';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { activeSession } from '../state/sessions-reducer';
import { joinHostPort } from '../state/settings';
import { settingsOfSetup, setupOfSettings } from '../state/settings-doc';
import { savedNameProblem } from '../state/settings-store';

/** Where a saved setup points, as data: the board for a client, the local port otherwise. */
function whereOf(saved: SavedSession): string {
  const s = settingsOfSetup(saved.setup);
  if (s.protocol === 'tcp-client') return s.host && s.port ? joinHostPort(s.host, Number(s.port)) : s.host;
  const port = s.protocol === 'tcp-server' ? s.serverPort : s.udpPort;
  const address = s.protocol === 'tcp-server' ? s.serverAddress : s.udpAddress;
  return /^\d+$/.test(port) ? joinHostPort(address, Number(port)) : '';
}

function SaveForm({ onDone }: { onDone(saved?: string): void }) {
  const { t } = useT();
  const { sessions, settings } = useServices();
  const [name, setName] = useState(() => activeSession(sessions.getState()).name);
  const [problem, setProblem] = useState<string>();
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const problemId = useId();
  useEffect(() => input.current?.select(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const why = savedNameProblem(name);
    if (why) {
      setProblem(why);
      return;
    }
    settings.saveSession(name, setupOfSettings(activeSession(sessions.getState()).settings));
    onDone(name.trim());
  };

  return (
    <form className="saved-form" onSubmit={submit}>
      <label className="field-label" htmlFor={id}>
        {t('settings.saved.name')}
      </label>
      <input
        id={id}
        ref={input}
        type="text"
        value={name}
        maxLength={200}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(e) => {
          setName(e.target.value);
          setProblem(undefined);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Escape') onDone();
        }}
      />
      {problem && (
        <p id={problemId} className="reason reason-fault" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="btn small primary">
          {t('settings.saved.confirm')}
        </button>
        <button type="button" className="btn small" onClick={() => onDone()}>
          {t('settings.saved.cancel')}
        </button>
      </div>
    </form>
  );
}

export function SavedSessions() {
  const { t } = useT();
  const { sessions, settings } = useServices();
  const saved = useStore(settings, (s) => s.savedSessions);
  const [naming, setNaming] = useState(false);
  const [status, setStatus] = useState('');
  const saveButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();

  const done = (name?: string) => {
    setNaming(false);
    setStatus(name ? t('settings.saved.done', { name }) : '');
    // The form goes; focus goes back where it came from instead of to the page.
    requestAnimationFrame(() => saveButton.current?.focus());
  };
  const open = (entry: SavedSession) => {
    const id = sessions.add(settingsOfSetup(entry.setup));
    sessions.rename(id, entry.name);
  };

  return (
    <section className="saved-sessions" aria-labelledby={titleId}>
      <div className="panel-head">
        <h2 id={titleId} className="panel-title">
          {t('settings.saved.title')}
        </h2>
        {!naming && (
          <button ref={saveButton} type="button" className="btn small" onClick={() => setNaming(true)}>
            {t('settings.saved.save')}
          </button>
        )}
      </div>
      {naming && <SaveForm onDone={done} />}
      {saved.length === 0 ? (
        !naming && <p className="muted saved-none">{t('settings.saved.none')}</p>
      ) : (
        <ul className="saved-list" aria-labelledby={titleId}>
          {saved.map((entry) => (
            <li key={entry.name} className="saved-row">
              <button
                type="button"
                className="saved-open"
                title={t('settings.saved.openTitle')}
                onClick={() => open(entry)}
              >
                <span className="session-name">{entry.name}</span>
                <span className="session-meta mono">{whereOf(entry)}</span>
              </button>
              <button
                type="button"
                className="icon-button"
                aria-label={t('settings.saved.deleteNamed', { name: entry.name })}
                title={t('settings.saved.deleteTitle')}
                onClick={() => settings.deleteSession(entry.name)}
              >
                <span aria-hidden="true">×</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      <p className="visually-hidden" role="status">
        {status}
      </p>
    </section>
  );
}
