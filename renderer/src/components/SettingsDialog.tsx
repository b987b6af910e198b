// The Settings dialog (a modal <dialog>: Esc closes it, focus returns to the rail's button): Theme,
// Language, where the settings file is, and Export / Import of every setting as one JSON file.
import { useEffect, useId, useRef, useState } from 'react';
import { useStore } from 'zustand';
import { LANGUAGE_PREFERENCES, type LanguagePreference } from '../../../shared/i18n/catalog';
import { usePrefs, useServices } from '../app-context';
import { type MessageKey, useT } from '../i18n';
import { THEMES, type ThemePreference } from '../state/prefs-store';
import { SettingsTransfer } from './SettingsTransfer';

const THEME_LABELS: Record<ThemePreference, MessageKey> = {
  system: 'settings.theme.system',
  light: 'settings.theme.light',
  dark: 'settings.theme.dark',
};
const LANGUAGE_LABELS: Record<LanguagePreference, MessageKey> = {
  system: 'settings.language.system',
  en: 'language.en',
  'zh-CN': 'language.zh-CN',
};

export function SettingsDialog({ onClose }: { onClose(): void }) {
  const { t } = useT();
  const { prefs, settings } = useServices();
  const theme = usePrefs((p) => p.theme);
  const language = usePrefs((p) => p.language);
  const { path, available, saveError } = useStore(settings);
  const dialog = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const themeId = useId();
  const languageId = useId();

  // A close made by unmounting (or by StrictMode's trial unmount) is not the user closing it.
  const quietClose = useRef(false);

  useEffect(() => {
    const node = dialog.current;
    if (node && !node.open) node.showModal();
    return () => {
      if (!node?.open) return;
      quietClose.current = true;
      node.close();
    };
  }, []);

  const closed = () => {
    if (quietClose.current) quietClose.current = false;
    else onClose();
  };

  return (
    // Esc, Close and any other way the modal closes end in its close event; closing it first lets
    // focus go back to the opener, which is inert while the modal is open.
    <dialog ref={dialog} className="settings-dialog" aria-labelledby={titleId} onClose={closed}>
      <div className="settings-head">
        <h2 id={titleId} className="panel-title">
          {t('settings.title')}
        </h2>
        <button type="button" className="btn small" onClick={() => dialog.current?.close()}>
          {t('settings.close')}
        </button>
      </div>
      <div className="field-row">
        <div className="field grow">
          <label className="field-label" htmlFor={themeId}>
            {t('settings.theme')}
          </label>
          <select
            id={themeId}
            value={theme}
            onChange={(e) => prefs.setState({ theme: e.target.value as ThemePreference })}
          >
            {THEMES.map((value) => (
              <option key={value} value={value}>
                {t(THEME_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
        <div className="field grow">
          <label className="field-label" htmlFor={languageId}>
            {t('settings.language')}
          </label>
          <select
            id={languageId}
            value={language}
            onChange={(e) => prefs.setState({ language: e.target.value as LanguagePreference })}
          >
            {LANGUAGE_PREFERENCES.map((value) => (
              <option key={value} value={value} lang={value === 'system' ? undefined : value}>
                {t(LANGUAGE_LABELS[value])}
              </option>
            ))}
          </select>
        </div>
      </div>
      <SettingsTransfer />
      <p className="muted settings-file">
        {available ? (
          <>
            {t('settings.file')}: <span className="mono">{path}</span>
          </>
        ) : (
          t('settings.fileNone')
        )}
      </p>
      {saveError && (
        <p className="reason reason-fault" role="alert">
          {t('settings.saveFailed', { error: saveError })}
        </p>
      )}
    </dialog>
  );
}

/** The rail's Settings button and the dialog it opens. */
export function SettingsButton() {
  const { t } = useT();
  const [open, setOpen] = useState(false);
  const button = useRef<HTMLButtonElement>(null);
  const close = () => {
    setOpen(false);
    button.current?.focus();
  };
  return (
    <>
      <button
        ref={button}
        type="button"
        className="btn rail-button"
        aria-haspopup="dialog"
        onClick={() => setOpen(true)}
      >
        {t('settings.open')}
      </button>
      {open && <SettingsDialog onClose={close} />}
    </>
  );
}
