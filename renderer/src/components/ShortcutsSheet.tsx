// The keyboard shortcuts sheet: a modal list of every shortcut (Ctrl or Cmd as this machine has it),
// closed by Esc or Close with focus back where it was; and the live region for a shortcut's notice.
import { Fragment, useEffect, useId, useRef } from 'react';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { ariaChord, chordLabel, SHORTCUTS } from '../state/shortcuts';
import { isMac } from '../useShortcuts';
import '../shortcuts.css';

export interface ShortcutsSheetProps {
  open: boolean;
  onClose(): void;
  notice?: string;
}

export function ShortcutsSheet({ open, onClose, notice }: ShortcutsSheetProps) {
  const { t } = useT();
  const { bridge } = useServices();
  const dialog = useRef<HTMLDialogElement>(null);
  const closeButton = useRef<HTMLButtonElement>(null);
  const titleId = useId();
  const mac = isMac();

  useEffect(() => {
    const element = dialog.current;
    if (!open || !element) return;
    const before = document.activeElement;
    element.showModal();
    closeButton.current?.focus();
    return () => {
      if (element.open) element.close();
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, [open]);

  return (
    <>
      {/* Esc fires the dialog's own close; the state follows it. */}
      <dialog ref={dialog} className="shortcuts-sheet" aria-labelledby={titleId} onClose={onClose}>
        {open && (
          <>
            <h2 id={titleId} className="panel-title">
              {t('keys.title')}
            </h2>
            <table className="shortcuts-table">
              <thead>
                <tr>
                  <th scope="col">{t('keys.columnKeys')}</th>
                  <th scope="col">{t('keys.columnAction')}</th>
                </tr>
              </thead>
              <tbody>
                {SHORTCUTS.map((shortcut) => (
                  <tr key={shortcut.action}>
                    <td className="chords">
                      {shortcut.chords.map((chord, i) => (
                        <Fragment key={chord}>
                          {i > 0 && <span className="muted"> {t('keys.or')} </span>}
                          <kbd>{chordLabel(chord, mac)}</kbd>
                        </Fragment>
                      ))}
                    </td>
                    <td>
                      {t(shortcut.action)}
                      {shortcut.where && <span className="muted"> ({t(shortcut.where)})</span>}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {bridge.mode === 'browser' && (
              <p className="muted">{t('keys.browserNote', { chord: chordLabel('Mod+N', mac) })}</p>
            )}
            <div className="actions">
              <span className="muted">{t('keys.closeHint')}</span>
              <button ref={closeButton} type="button" className="btn" onClick={onClose}>
                {t('keys.close')}
              </button>
            </div>
          </>
        )}
      </dialog>
      {/* A live region without the status role, which the session's state text answers to. */}
      <p className={notice ? 'shortcut-notice shown' : 'shortcut-notice'} aria-live="polite">
        {notice}
      </p>
    </>
  );
}

/** Opens the sheet from the rail; the keys that open it are announced with it. */
export function ShortcutsButton({ onClick }: { onClick(): void }) {
  const { t } = useT();
  return (
    <button
      type="button"
      className="btn rail-button"
      aria-keyshortcuts={`${ariaChord('Mod+/', isMac())} F1`}
      onClick={onClick}
    >
      {t('keys.open')}
    </button>
  );
}
