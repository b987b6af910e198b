// The native menu's language follows the window's: the Language setting as the window loads and saves
// the settings file, or the OS's while it is "system". Pure: a wrapper over the settings service.
import type { SettingsApi } from '../../shared/contract/api';
import type { LanguagePreference } from '../../shared/i18n/catalog';

/**
 * The same service, telling `onPreference` the Language setting each time the window reads the file
 * or saves its preferences. Told before the write finishes: the window has switched already.
 */
export function watchLanguage<T extends SettingsApi>(
  service: T,
  onPreference: (preference: LanguagePreference) => void,
): T {
  return {
    ...service,
    async loadSettings(args) {
      const loaded = await service.loadSettings(args);
      onPreference(loaded.settings.ui.language);
      return loaded;
    },
    saveSettings(args) {
      const preference = args.settings.ui?.language;
      if (preference) onPreference(preference);
      return service.saveSettings(args);
    },
  };
}
