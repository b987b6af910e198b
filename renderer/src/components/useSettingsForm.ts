// The session form's wiring: props for each text field, select and checkbox of the active session's
// settings, with its fault marked and the reason linked, and every field locked while the session runs.
import { type ChangeEvent, useId, useMemo } from 'react';
import { useServices } from '../app-context';
import { useT } from '../i18n';
import type { SessionSetup } from '../state/session-setup';
import { isLive, type UiSession } from '../state/sessions-reducer';
import type { FlagSetting, TextSetting } from '../state/settings';
import { type SettingsProblem, settingsProblems } from '../state/validation';

export interface SettingsForm {
  session: SessionSetup;
  live: boolean;
  problems: SettingsProblem[];
  /** The reason shown next to the start button: the first fault, or the engine link's absence. */
  first?: { field?: TextSetting; reason: string };
  reasonId: string;
  idOf(name: keyof UiSession['settings']): string;
  text(name: TextSetting): {
    id: string;
    value: string;
    disabled: boolean;
    'aria-invalid'?: boolean;
    'aria-describedby'?: string;
    onChange(e: ChangeEvent<HTMLInputElement | HTMLSelectElement>): void;
  };
  flag(name: FlagSetting): {
    id: string;
    type: 'checkbox';
    checked: boolean;
    disabled: boolean;
    onChange(e: ChangeEvent<HTMLInputElement>): void;
  };
}

export function useSettingsForm(session: SessionSetup, linkUp: boolean): SettingsForm {
  const { sessions } = useServices();
  const settings = session.settings;
  const { t, language } = useT();
  // The reasons are sentences in the window's language: a switch words them again.
  // biome-ignore lint/correctness/useExhaustiveDependencies: language changes what settingsProblems says
  const problems = useMemo(() => settingsProblems(settings), [settings, language]);
  const live = isLive(session);
  const base = useId();
  const reasonId = `${base}-reason`;
  // The engine link's absence is a reason too, but only after the input's own faults.
  const first: SettingsForm['first'] =
    problems[0] ?? (linkUp ? undefined : { reason: t('session.waitingForEngine') });
  const idOf = (name: string) => `${base}-${name}`;

  return {
    session,
    live,
    problems,
    first,
    reasonId,
    idOf,
    text: (name) => ({
      id: idOf(name),
      value: settings[name],
      disabled: live,
      'aria-invalid': problems.some((p) => p.field === name && settings[name].trim() !== '') || undefined,
      'aria-describedby': !live && first?.field === name ? reasonId : undefined,
      onChange: (e) => sessions.updateSettings(session.id, { [name]: e.target.value }),
    }),
    flag: (name) => ({
      id: idOf(name),
      type: 'checkbox',
      checked: settings[name],
      disabled: live,
      onChange: (e) => sessions.updateSettings(session.id, { [name]: e.target.checked }),
    }),
  };
}
