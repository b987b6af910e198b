// English strings: the keyboard shortcuts sheet and what a shortcut says when it cannot act. Key
// names (Ctrl, Enter, Esc, F1) stay as they are in every language. The keys here are the keys every
// language must have.
export const keys = {
  'keys.title': 'Keyboard shortcuts',
  'keys.open': 'Shortcuts',
  'keys.close': 'Close',
  'keys.columnKeys': 'Keys',
  'keys.columnAction': 'Action',
  'keys.or': 'or',
  'keys.send': 'Send the message',
  'keys.preset': 'Send quick-send preset 1 to 9, in the order of the Presets list',
  'keys.find': 'Find in the traffic log',
  'keys.clearLog': "Clear the active session's log",
  'keys.newSession': 'New session',
  'keys.sheet': 'Show this list',
  'keys.history': 'Earlier and later messages',
  'keys.inMessage': 'in Message',
  'keys.findStep': 'Next and previous match',
  'keys.findClear': 'Empty the Find box',
  'keys.inFind': 'in Find',
  'keys.closeHint': 'Esc closes this list.',
  'keys.browserNote':
    'In a browser tab, {chord} may open a new browser window instead: use the New session button there.',
  'keys.noPreset': 'There is no preset {number}.',
  'keys.presetNotSent': 'Preset {name} was not sent: {reason}',
  'keys.presetOffline': 'Preset {name} was not sent: the connection to the engine is down.',
} as const;
