// Whether a window still shows English where it speaks Chinese: every visible text line and every
// aria-label, title and placeholder, less the user's and the boards' data, numbers, addresses and the
// technical words that stay as they are in Chinese text. Used by the Chinese sweep.
import { hostname, networkInterfaces } from 'node:os';
import { expect, type Page } from '@playwright/test';

/** Words that stay as they are in Chinese text: protocols, encodings, checks, units, keys, boards. */
const TECHNICAL = [
  'TCP_NODELAY',
  'TTL',
  'TCP',
  'UDP',
  'IPv4',
  'IPv6',
  'IP',
  'RX',
  'TX',
  'ASCII',
  'UTF-8',
  'GBK',
  'GB18030',
  'Latin-1',
  'UTF-16LE',
  'UTF-16BE',
  'Hex',
  'HEX',
  'hex',
  'Base64',
  'CRC-[\\w/-]+',
  'SUM8',
  'XOR8',
  'MODBUS',
  'CCITT',
  'CRLF',
  'LF',
  'CR',
  'ms',
  'B',
  'KiB',
  'MiB',
  'GiB',
  'p50',
  'p95',
  'p99',
  'JSON',
  'YAML',
  'CSV',
  'JUnit',
  'Markdown',
  'SocketBench',
  'Ctrl',
  'Cmd',
  'Shift',
  'Enter',
  'Esc',
  'F1',
  'W55RP20',
  'ESP8266',
  'K230',
  'QuecPython',
  'MicroPython',
  'CanMV',
  'Unix',
];

/** The case file's own words (YAML keys and values), written the same in every language. */
export const CASE_FILE_WORDS = [
  'name:',
  'simulate:',
  'board:',
  'mode:',
  'tcp-client',
  'tcp-server',
  'host:',
  'port:',
  'framing:',
  'raw',
  'steps:',
  'connect',
  'send:',
  'expect:',
  'prefix-echo:',
  'prefix-echo',
  'echo',
  'close',
  'w55rp20',
];
/** What the example placeholders show (a path, a message, a case): a pattern to copy, not words to read. */
const EXAMPLES = [
  '/home/me/board-capture.bin',
  'hello',
  // An auto-reply rule's example patterns and replies: bytes as a board sends them.
  'Hello',
  'PING',
  'AT+',
  '^GET',
  'Hi',
  'OK',
  ...CASE_FILE_WORDS,
];
/** Escapes and macros are typed as they are in any language: \r \n \xNN, {counter} {random:N}. */
const SYNTAX = /\\x[0-9A-Fa-f]{2}|\\xNN|\\[rnt0\\]|\{[a-z]+(?::\w+)?\}/g;
/** A file name's ending, as the app writes it beside a capture or an export (.idx.csv, .bin). */
const FILE_ENDING = /(?<![A-Za-z0-9])\.(?:idx\.csv|bin|csv|txt|md|json|yaml|xml)(?![A-Za-z])/g;

const TECHNICAL_WORDS = new RegExp(`(?<![A-Za-z0-9])(?:${TECHNICAL.join('|')})(?![A-Za-z])`, 'g');
/** Addresses (IPv6 with or without brackets and zone), hex tokens with a digit, numbers, times. */
const IPV6 = /\[?(?:[0-9a-fA-F]{0,4}:){2,7}[0-9a-fA-F]{0,4}(?:%[\w.-]+)?\]?/g;
const HEXISH = /(?<![A-Za-z0-9])(?:0x)?[0-9a-fA-F]*\d[0-9a-fA-F]*(?![A-Za-z0-9])/g;
const LATIN_RUN = /[A-Za-z]{3,}/;

/** The machine's own names, which the network panel and a server's address list show as they are. */
const MACHINE_DATA = [hostname(), ...Object.keys(networkInterfaces())];

interface Found {
  where: string;
  text: string;
}

/** Every visible text line and every aria-label, title and placeholder in the page now. */
async function pageStrings(page: Page): Promise<Found[]> {
  return page.evaluate(() => {
    const found: { where: string; text: string }[] = [];
    for (const line of document.body.innerText.split('\n')) {
      if (line.trim()) found.push({ where: 'text', text: line.trim() });
    }
    for (const el of document.querySelectorAll('*')) {
      for (const attr of ['aria-label', 'title', 'placeholder', 'alt', 'aria-valuetext']) {
        const value = el.getAttribute(attr);
        if (value?.trim()) found.push({ where: `${el.tagName.toLowerCase()}[${attr}]`, text: value.trim() });
      }
      // A closed drop-down's choices are text the user reads too.
      if (el instanceof HTMLOptionElement && el.label.trim()) {
        found.push({ where: 'option', text: el.label.trim() });
      }
    }
    return found;
  });
}

/** What is left of `text` once data, technical words, addresses and numbers are taken out. */
function residue(text: string, data: readonly string[]): string {
  let rest = text;
  for (const piece of [...data].sort((a, b) => b.length - a.length)) {
    if (piece) rest = rest.split(piece).join(' ');
  }
  return rest
    .replace(SYNTAX, ' ')
    .replace(FILE_ENDING, ' ')
    .replace(IPV6, ' ')
    .replace(TECHNICAL_WORDS, ' ')
    .replace(HEXISH, ' ');
}

/** Fails, listing each one, if any string of the page still has an English word. */
export async function expectNoEnglish(
  page: Page,
  state: string,
  data: readonly string[] = [],
): Promise<void> {
  const all = [...data, ...MACHINE_DATA];
  const left = new Set<string>();
  for (const { where, text } of await pageStrings(page)) {
    const rest = residue(text, where.endsWith('[placeholder]') ? [...all, ...EXAMPLES] : all);
    if (LATIN_RUN.test(rest)) left.add(`${where}: ${text}`);
  }
  // Soft, so one run lists what is left in every state, not just the first.
  expect.soft([...left], `English left in the window (${state}):\n${[...left].join('\n')}`).toEqual([]);
}
