// The log as files: plain text, CSV and a Markdown transcript (time, direction, peer, hex and text),
// and the received bytes as they came. Each says in its header what the log no longer holds. Pure:
// the builders return the file's parts, which the UI hands to a Blob.
import { type DecodeAs, displayText } from '../../../shared/codec/display';
import { formatHex } from '../../../shared/codec/hex';
import { formatCount, formatTime } from '../format';
import { t, tn } from '../i18n';
import { exchangeDiffText, exchangeLine } from './exchange-words';
import type { DataEntry, ExchangeEntry, LogEntry, LogGaps } from './log-reducer';
import { formatDateTime } from './log-time';

export const EXPORT_FORMATS = [
  { id: 'text', label: 'log.export.text', ext: 'txt', mime: 'text/plain;charset=utf-8' },
  { id: 'csv', label: 'log.export.csv', ext: 'csv', mime: 'text/csv;charset=utf-8' },
  { id: 'markdown', label: 'log.export.markdown', ext: 'md', mime: 'text/markdown;charset=utf-8' },
  { id: 'bin', label: 'log.export.bin', ext: 'bin', mime: 'application/octet-stream' },
] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number]['id'];

export interface ExportSource {
  session: string;
  entries: readonly LogEntry[];
  /** The text column's decoding for each data entry (its Show as, else the log's Decode as). */
  decodeOf(entry: DataEntry): DecodeAs;
  gaps: LogGaps;
  /** Only what the filter shows, in words ("RX and system rows"); absent: everything. */
  filter?: string;
  at: number;
  /** The session's last soak run in a few lines (Text and Markdown say them first). */
  soak?: readonly string[];
}

/** CSV's direction column is data for other programs: its words stay as they are in every language. */
const dirWord = (e: LogEntry): string =>
  e.kind === 'system' ? 'system' : e.kind === 'exchange' ? 'result' : e.dir.toUpperCase();
const issueOf = (e: LogEntry): string => (e.kind === 'data' && e.issue ? t(`log.issue.${e.issue}`) : '');
const textOf = (src: ExportSource, e: LogEntry): string =>
  e.kind === 'system'
    ? e.text
    : e.kind === 'exchange'
      ? exchangeLine(e.result)
      : displayText(e.bytes, src.decodeOf(e));
const indented = (text: string): string => text.replace(/^/gm, '      ');

/** One sentence about the bytes that crossed the wire but are not in the log; undefined when none. */
export function gapNote(gaps: LogGaps): string | undefined {
  const parts: string[] = [];
  if (gaps.dropped > 0) parts.push(t('log.gap.dropped', { bytes: formatCount(gaps.dropped) }));
  if (gaps.evicted > 0) parts.push(t('log.gap.evicted', { bytes: formatCount(gaps.evicted) }));
  if (gaps.unlogged > 0) parts.push(t('log.gap.unlogged', { bytes: formatCount(gaps.unlogged) }));
  if (parts.length === 0) return undefined;
  return t('log.gap.sentence', { parts: parts.join('; ') });
}

function summary(src: ExportSource): string {
  const time = formatDateTime(src.at);
  const entries = tn('log.export.entries', src.entries.length);
  return src.filter
    ? t('log.export.summaryFiltered', { time, entries, filter: src.filter })
    : t('log.export.summary', { time, entries });
}

export function exportText(src: ExportSource): string[] {
  const out = [`${t('log.export.title', { session: src.session })}\n`, `${summary(src)}\n`];
  const note = gapNote(src.gaps);
  if (note) out.push(`${note}\n`);
  if (src.soak) out.push('\n', ...src.soak.map((line) => `${line}\n`));
  out.push('\n');
  for (const e of src.entries) {
    const time = formatDateTime(e.at);
    if (e.kind === 'system') {
      out.push(`${time}  --  ${e.text}\n`);
      continue;
    }
    if (e.kind === 'exchange') {
      const diff = exchangeDiffText(e.result);
      out.push(`${time}  ==  ${exchangeLine(e.result)}\n${diff ? `${indented(diff)}\n` : ''}`);
      continue;
    }
    const issue = issueOf(e);
    const head = `${time}  ${dirWord(e)}  ${e.peer}  ${formatCount(e.bytes.length)} B${issue ? ` [${issue}]` : ''}`;
    out.push(`${head}  ${textOf(src, e)}\n`);
  }
  return out;
}

/** RFC 4180 quoting; a text cell that a spreadsheet would run as a formula starts with a quote mark. */
export function csvField(value: string, guardFormula = false): string {
  const safe = guardFormula && /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function exportCsv(src: ExportSource): string[] {
  const row = (cells: string[]) => `${cells.join(',')}\r\n`;
  const out = [row(['time', 'direction', 'peer', 'bytes', 'issue', 'hex', 'text'])];
  const note = gapNote(src.gaps);
  // As a row, not a comment line, so every CSV reader keeps it.
  if (note) out.push(row([csvField(formatDateTime(src.at)), 'note', '', '', '', '', csvField(note)]));
  for (const e of src.entries) {
    const data = e.kind === 'data';
    if (e.kind === 'exchange') {
      const diff = exchangeDiffText(e.result);
      const text = diff ? `${exchangeLine(e.result)}\n${diff}` : exchangeLine(e.result);
      out.push(
        row([
          csvField(formatDateTime(e.at)),
          'result',
          csvField(e.result.peer),
          '',
          '',
          '',
          csvField(text, true),
        ]),
      );
      continue;
    }
    out.push(
      row([
        csvField(formatDateTime(e.at)),
        dirWord(e),
        data ? csvField(e.peer) : '',
        data ? String(e.bytes.length) : '',
        issueOf(e),
        data ? formatHex(e.bytes) : '',
        csvField(textOf(src, e), true),
      ]),
    );
  }
  return out;
}

/** A code span that survives a GFM table cell: pipes escaped, fenced past any backticks inside. */
export function mdCode(text: string): string {
  if (text === '') return '';
  const flat = text.replace(/\r?\n/g, ' ').replaceAll('|', '\\|');
  const longest = Math.max(0, ...Array.from(flat.matchAll(/`+/g), (m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

const mdText = (text: string): string => text.replace(/\r?\n/g, ' ').replace(/[\\`*_|<>[\]#]/g, '\\$&');

export function exportMarkdown(src: ExportSource): string[] {
  const first = src.entries[0];
  const last = src.entries.at(-1);
  const oneDay =
    !first || !last || formatDateTime(first.at).slice(0, 10) === formatDateTime(last.at).slice(0, 10);
  const timeOf = (at: number) => (oneDay ? formatTime(at) : formatDateTime(at));
  const out = [`# ${t('log.export.mdTitle', { session: mdText(src.session) })}\n\n`, `${summary(src)}`];
  if (first && oneDay)
    out.push(` ${t('log.export.timesOn', { date: formatDateTime(first.at).slice(0, 10) })}`);
  out.push('\n\n');
  const note = gapNote(src.gaps);
  if (note) out.push(`> **${t('log.export.note')}** ${mdText(note)}\n\n`);
  if (src.soak) {
    const [head, ...rest] = src.soak;
    out.push(
      `## ${mdText(head ?? t('log.export.soak'))}\n\n`,
      ...rest.map((line) => `- ${mdText(line)}\n`),
      '\n',
    );
  }
  out.push(`${t('log.export.mdHeader')}\n`, '| --- | --- | --- | --- | --- |\n');
  const failures: ExchangeEntry[] = [];
  for (const e of src.entries) {
    if (e.kind === 'system') {
      out.push(`| ${timeOf(e.at)} | — | | | *${mdText(e.text)}* |\n`);
      continue;
    }
    if (e.kind === 'exchange') {
      if (exchangeDiffText(e.result)) failures.push(e);
      out.push(
        `| ${timeOf(e.at)} | ${t('log.export.result')} | ${mdText(e.result.peer)} | | **${mdText(exchangeLine(e.result))}** |\n`,
      );
      continue;
    }
    const issue = issueOf(e);
    const dir = `${dirWord(e)}${issue ? ` (${issue})` : ''}`;
    out.push(
      `| ${timeOf(e.at)} | ${dir} | ${mdText(e.peer)} | ${mdCode(formatHex(e.bytes))} | ${mdCode(textOf(src, e))} |\n`,
    );
  }
  // A table cell cannot hold the diff's lines: each failure's diff follows the table instead.
  if (failures.length > 0) out.push(`\n## ${t('log.export.failed')}\n`);
  for (const e of failures) {
    out.push(`\n${mdText(exchangeLine(e.result))}\n\n\`\`\`text\n${exchangeDiffText(e.result)}\n\`\`\`\n`);
  }
  return out;
}

/** Every received byte the entries hold, in arrival order. */
export const receivedBytes = (entries: readonly LogEntry[]): Uint8Array[] =>
  entries.flatMap((e) => (e.kind === 'data' && e.dir === 'rx' ? [e.bytes] : []));

export function exportParts(format: ExportFormat, src: ExportSource): (string | Uint8Array)[] {
  switch (format) {
    case 'text':
      return exportText(src);
    case 'csv':
      return exportCsv(src);
    case 'markdown':
      return exportMarkdown(src);
    case 'bin':
      return receivedBytes(src.entries);
  }
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** "socketbench-Board-A-20240501-120000.md": safe on every file system. */
export function exportFileName(session: string, at: number, format: ExportFormat): string {
  const d = new Date(at);
  const stamp = `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}${pad(d.getSeconds())}`;
  const slug = session.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'session';
  const ext = EXPORT_FORMATS.find((f) => f.id === format)?.ext ?? 'txt';
  return `socketbench-${slug}-${stamp}.${ext}`;
}
