// The sentences the UI says about the settings file: why it was not used as it was (with the
// backup's name), why an import was refused. Pure, through the catalogue.
import type { SettingsNotice } from '../../../shared/contract/api';
import type { ReadProblem } from '../../../shared/settings';
import { t } from '../i18n';

/** A list of refused paths, shortened: a hand-edited file can have hundreds. */
export function listRefused(refused: readonly string[], max = 8): string {
  const shown = refused.slice(0, max).join(', ');
  return refused.length > max ? `${shown}, … (+${refused.length - max})` : shown;
}

export function noticeText(notice: SettingsNotice): string {
  const detail = notice.detail ?? '';
  const what =
    notice.kind === 'partial'
      ? t('settings.notice.partial', { refused: listRefused(notice.refused ?? []) })
      : notice.kind === 'unreadable'
        ? t('settings.notice.unreadable', { detail })
        : notice.kind === 'newer'
          ? t('settings.notice.newer', { detail })
          : t('settings.notice.corrupt');
  const backup = notice.backup
    ? t(notice.kind === 'partial' ? 'settings.notice.copyKept' : 'settings.notice.kept', {
        backup: notice.backup,
      })
    : t('settings.notice.noBackup');
  return `${what} ${backup}`;
}

export function readProblemText(problem: ReadProblem): string {
  switch (problem.problem) {
    case 'not-json':
      return t('settings.read.notJson', { detail: problem.detail });
    case 'presets-file':
      return t('settings.read.presetsFile');
    case 'newer':
      return t('settings.read.newer', { version: problem.version });
    default:
      return t('settings.read.notSettings');
  }
}
