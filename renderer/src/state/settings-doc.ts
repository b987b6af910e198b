// The settings file's session setups as the UI's SessionSettings and back; the types below fail to
// compile when the form gains a field the file does not know (or the two disagree on its type).
import type { SessionSetup } from '../../../shared/settings';
import { defaultSettings, type SessionSettings } from './settings';

type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const sameShape: Same<SessionSettings, Required<SessionSetup>> = true;
void sameShape;

/** A stored setup over the defaults: fields it lacks (an older file, a bad value) take theirs. */
export const settingsOfSetup = (setup: SessionSetup): SessionSettings => ({ ...defaultSettings(), ...setup });

/** Only what differs from the defaults goes into the file: smaller, and a later default applies. */
export function setupOfSettings(settings: SessionSettings): SessionSetup {
  const defaults = defaultSettings();
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(settings) as (keyof SessionSettings)[]) {
    const value = settings[key];
    if (JSON.stringify(value) !== JSON.stringify(defaults[key])) out[key] = value;
  }
  return out as SessionSetup;
}
