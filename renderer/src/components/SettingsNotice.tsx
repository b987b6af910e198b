// Tells the user, over the window until dismissed, that the settings file was not used as it was:
// what happened and the backup's name. Shown once per start, by the window that found it.
import { useStore } from 'zustand';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import { noticeText } from '../state/settings-words';

export function SettingsNotice() {
  const { t } = useT();
  const { settings } = useServices();
  const notice = useStore(settings, (s) => s.notice);
  if (!notice) return null;
  return (
    <section className="settings-notice" role="alert" aria-label={t('settings.notice.label')}>
      <p>{noticeText(notice)}</p>
      <button type="button" className="btn small" onClick={() => settings.dismissNotice()}>
        {t('settings.notice.dismiss')}
      </button>
    </section>
  );
}
