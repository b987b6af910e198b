// The keys of the window's page commands, written once: the desktop menu shows and delivers them,
// the page's shortcut matcher acts on them (with Cmd on macOS, Ctrl elsewhere). Pure.
export const PAGE_KEYS = {
  newSession: 'n',
  find: 'f',
  send: 'Enter',
  clearLog: 'l',
  shortcuts: '/',
  preset1: '1',
  preset2: '2',
  preset3: '3',
  preset4: '4',
  preset5: '5',
  preset6: '6',
  preset7: '7',
  preset8: '8',
  preset9: '9',
} as const;

export type PageCommand = keyof typeof PAGE_KEYS;
