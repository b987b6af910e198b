// Capture to file: the engine writes every byte of the session (with a small index of times and
// directions) to a path on the machine it runs on, losslessly, even when the log drops data.
import { useId, useState } from 'react';
import { useServices } from '../app-context';
import { formatCount } from '../format';
import { useT } from '../i18n';
import { isActiveState } from '../state/engine-view';
import { faultText } from '../state/phrase';
import type { SessionSetup } from '../state/session-setup';

export function CaptureFields({ session }: { session: SessionSetup }) {
  const { t, tn } = useT();
  const { sessions, actions, bridge } = useServices();
  const ids = { path: useId(), hint: useId() };
  const [refusal, setRefusal] = useState<string>();
  const [busy, setBusy] = useState(false);
  const capture = session.capture;
  const capturing = capture?.active === true;
  const live = session.engineId !== undefined && isActiveState(session.state);
  const path = session.settings.capturePath;
  const [open, setOpen] = useState(capturing || path !== '');

  const start = async () => {
    setBusy(true);
    setRefusal((await actions.startCapture(session.id, path.trim()))?.message);
    setBusy(false);
  };
  const stop = async () => {
    setBusy(true);
    await actions.stopCapture(session.id);
    setBusy(false);
  };
  const hint = bridge.mode === 'browser' ? t('capture.hintBrowser') : t('capture.hintDesktop');
  const why = !live ? t('capture.startSession') : path.trim() === '' ? t('capture.enterPath') : undefined;

  return (
    <details
      className="options capture"
      open={open || capturing}
      onToggle={(e) => setOpen(e.currentTarget.open)}
    >
      <summary>{t('capture.title')}</summary>
      <div className="options-body">
        <div className="field">
          <label className="field-label" htmlFor={ids.path}>
            {t('capture.path')}
          </label>
          <input
            id={ids.path}
            type="text"
            className="mono"
            value={path}
            disabled={capturing}
            placeholder="/home/me/board-capture.bin"
            spellCheck={false}
            autoComplete="off"
            aria-describedby={ids.hint}
            onChange={(e) => sessions.updateSettings(session.id, { capturePath: e.target.value })}
          />
          <span id={ids.hint} className="muted field-hint">
            {hint}
          </span>
        </div>
        <div className="actions">
          {capturing ? (
            <button type="button" className="btn danger" disabled={busy} onClick={() => void stop()}>
              {t('capture.stop')}
            </button>
          ) : (
            <button
              type="button"
              className="btn"
              disabled={busy || why !== undefined}
              onClick={() => void start()}
            >
              {t('capture.start')}
            </button>
          )}
          {!capturing && why && <p className="reason reason-hint">{why}</p>}
        </div>
        <div className="capture-status" aria-live="polite">
          {refusal && <p className="reason reason-fault">{refusal}</p>}
          {capture?.error && (
            <p className="reason reason-fault">
              {t('capture.stopped', { message: faultText(capture.error) })}
            </p>
          )}
          {capture && !capture.error && (
            <p className={capturing ? 'capture-live' : 'muted'}>
              {tn(capturing ? 'capture.capturing' : 'capture.captured', capture.records, {
                bytes: formatCount(capture.bytes),
              })}{' '}
              <span className="mono">{capture.path}</span>
            </p>
          )}
        </div>
      </div>
    </details>
  );
}
