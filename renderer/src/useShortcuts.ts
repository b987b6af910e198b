// The window's keyboard shortcuts: one keydown listener that runs what shortcuts.ts matched, the
// shortcuts sheet's open state, and a short notice when a shortcut could not act. The desktop menu's
// page commands arrive here too, as the same key presses.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useServices } from './app-context';
import { LOG_FIND_ID } from './components/LogFindBar';
import { t } from './i18n';
import { payloadOf } from './state/compose';
import { sendPlan } from './state/send-target';
import { toErrorInfo } from './state/session-actions';
import { activeSession } from './state/sessions-reducer';
import { isMacPlatform, matchShortcut, presetShot, type ShortcutCommand } from './state/shortcuts';

/** The composer's Send button, by id (there is one in the window, as there is one Find box). */
export const SEND_BUTTON_ID = 'composer-send';
/** Long enough to read a sentence, short enough not to linger over the next action. */
const NOTICE_MS = 5000;

export const isMac = (): boolean =>
  typeof navigator !== 'undefined' && isMacPlatform(navigator.platform || navigator.userAgent);

export interface Shortcuts {
  sheetOpen: boolean;
  openSheet(): void;
  closeSheet(): void;
  /** Why the last shortcut did nothing, for a polite live region; cleared after a few seconds. */
  notice?: string;
}

export function useShortcuts(): Shortcuts {
  const services = useServices();
  const [sheetOpen, setSheetOpen] = useState(false);
  const [notice, setNotice] = useState<{ text: string }>();
  const sheetOpenRef = useRef(sheetOpen);
  sheetOpenRef.current = sheetOpen;

  const run = useCallback(
    (command: ShortcutCommand) => {
      const { sessions, log, actions, presets, bridge } = services;
      const session = activeSession(sessions.getState());
      switch (command.kind) {
        case 'send': {
          const button = document.getElementById(SEND_BUTTON_ID);
          // A disabled Send already shows its reason beside it.
          if (button instanceof HTMLButtonElement && !button.disabled) button.click();
          return;
        }
        case 'find': {
          const input = document.getElementById(LOG_FIND_ID);
          if (input instanceof HTMLInputElement) {
            input.focus();
            input.select();
          }
          return;
        }
        case 'clearLog':
          log.clear(session.id);
          return;
        case 'newSession':
          actions.newSession();
          return;
        case 'shortcuts':
          setSheetOpen((open) => !open);
          return;
        case 'preset': {
          const shot = presetShot(
            presets.getState().presets,
            command.index,
            sendPlan(session),
            bridge.status() === 'open',
          );
          if (!shot.ok) {
            setNotice({ text: shot.message });
            return;
          }
          setNotice(undefined);
          actions
            .send(session.id, payloadOf(shot.preset.message, shot.preset), shot.to)
            .catch((error: unknown) =>
              setNotice({
                text: t('keys.presetNotSent', { name: shot.preset.name, reason: toErrorInfo(error).message }),
              }),
            );
          return;
        }
      }
    },
    [services],
  );

  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      // A field that handled the key itself (the message box's Ctrl+Enter) has the last word.
      if (event.defaultPrevented) return;
      const command = matchShortcut(event, mac);
      if (!command) return;
      // The sheet is modal: only its own toggle acts behind it.
      if (sheetOpenRef.current && command.kind !== 'shortcuts') return;
      event.preventDefault();
      run(command);
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [run]);

  useEffect(() => {
    if (!notice) return;
    const timer = setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice]);

  return {
    sheetOpen,
    openSheet: useCallback(() => setSheetOpen(true), []),
    closeSheet: useCallback(() => setSheetOpen(false), []),
    notice: notice?.text,
  };
}
