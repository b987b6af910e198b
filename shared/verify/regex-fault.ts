// The JavaScript engine's words for a pattern that is no regular expression, as a catalogue phrase
// when they are one of its usual faults (V8's, as Electron and Node say them), so a window can say
// them in its language; any other fault stays as the engine wrote it.
import { phrase } from '../codec/codec-error';
import type { Phrase } from '../contract/model';
import type { MessageKey } from '../i18n/catalog';

const FAULTS: Readonly<Record<string, MessageKey>> = {
  'Unterminated group': 'verify.regexFault.unterminatedGroup',
  "Unmatched ')'": 'verify.regexFault.unmatchedParen',
  'Nothing to repeat': 'verify.regexFault.nothingToRepeat',
  'Unterminated character class': 'verify.regexFault.unterminatedClass',
  '\\ at end of pattern': 'verify.regexFault.trailingBackslash',
  'Invalid group': 'verify.regexFault.invalidGroup',
  'Invalid capture group name': 'verify.regexFault.groupName',
  'Duplicate capture group name': 'verify.regexFault.duplicateName',
  'numbers out of order in {} quantifier': 'verify.regexFault.quantifierOrder',
  'Range out of order in character class': 'verify.regexFault.rangeOrder',
};

/** `message` (the engine's "Invalid regular expression: /p/: fault") as a phrase, or as it is. */
export function regexFault(pattern: string, message: string): string | Phrase {
  const head = `Invalid regular expression: /${pattern}/: `;
  const fault = message.startsWith(head) ? message.slice(head.length) : '';
  return Object.hasOwn(FAULTS, fault) ? phrase(FAULTS[fault] as MessageKey, { pattern }) : message;
}
