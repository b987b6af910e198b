// The log view's pure parts: times in three formats, the direction filter, search in text and hex
// (across escapes and in every view) and the hex dump's columns and marked runs.
import { describe, expect, it } from 'vitest';
import { decodeForDisplay, displayText } from '../../../shared/codec/display';
import { dumpAscii, dumpCells, dumpOffset, dumpRuns } from './hex-dump';
import { indexOfKey, logView, SHOW_ALL, visibleIndices } from './log-filter';
import type { LogEntry } from './log-reducer';
import { emptyRing, ringPush } from './log-ring';
import { byteRanges, entryMatches, locateHit, parseFind, textRanges } from './log-search';
import { formatElapsed, formatEntryTime } from './log-time';

const bytes = (s: string) => new TextEncoder().encode(s);
const at = (h: number, m: number, s: number, ms: number) => new Date(2024, 4, 1, h, m, s, ms).getTime();

describe('log times', () => {
  it('writes absolute time to the millisecond, the gap since the previous entry and time since the start', () => {
    const t = at(9, 5, 7, 42);
    expect(formatEntryTime(t, 'absolute', {})).toBe('09:05:07.042');
    expect(formatEntryTime(t, 'previous', { previousAt: t - 1250 })).toBe('+1.250 s');
    expect(formatEntryTime(t, 'previous', {})).toBe('+0.000 s');
    expect(formatEntryTime(t, 'start', { startAt: t - 83_004 })).toBe('1:23.004');
    expect(formatEntryTime(t, 'start', {})).toBe('09:05:07.042');
  });

  it('formats elapsed time compactly at every scale, negative too', () => {
    expect(formatElapsed(0)).toBe('0.000 s');
    expect(formatElapsed(59_999)).toBe('59.999 s');
    expect(formatElapsed(60_000)).toBe('1:00.000');
    expect(formatElapsed(3_723_456)).toBe('1:02:03.456');
    expect(formatElapsed(-5)).toBe('−0.005 s');
  });
});

const data = (key: number, dir: 'rx' | 'tx', text: string): LogEntry => ({
  kind: 'data',
  key,
  at: key,
  session: 's1',
  dir,
  peer: '127.0.0.1:5000',
  bytes: bytes(text),
});
const system = (key: number): LogEntry => ({ kind: 'system', key, at: key, tone: 'info', text: 'Connected' });

describe('log filter', () => {
  const ring = ringPush(emptyRing<LogEntry>(), [
    system(1),
    data(2, 'tx', 'a'),
    data(3, 'rx', 'b'),
    system(4),
  ]);

  it('costs nothing when everything shows, and keeps order when filtering', () => {
    expect(visibleIndices(ring, SHOW_ALL)).toBeUndefined();
    expect(visibleIndices(ring, { rx: true, tx: false, system: false })).toEqual([2]);
    expect(visibleIndices(ring, { rx: true, tx: true, system: false })).toEqual([1, 2]);
    expect(visibleIndices(ring, { rx: false, tx: false, system: true })).toEqual([0, 3]);
  });

  it('maps view rows to entries and finds entries by key', () => {
    const view = logView(ring, visibleIndices(ring, { rx: false, tx: true, system: true }));
    expect(view.count).toBe(3);
    expect([0, 1, 2].map((i) => view.at(i)?.key)).toEqual([1, 2, 4]);
    expect(indexOfKey(ring, 3)).toBe(2);
    expect(indexOfKey(ring, 9)).toBe(-1);
  });
});

describe('find', () => {
  it('parses text (case folded) and hex, and explains bad hex', () => {
    expect(parseFind('OK', false)).toEqual({ ok: true, needle: { kind: 'text', text: 'ok' } });
    expect(parseFind('', false)).toEqual({ ok: true });
    expect(parseFind('0d 0A', true)).toEqual({
      ok: true,
      needle: { kind: 'bytes', bytes: new Uint8Array([13, 10]) },
    });
    expect(parseFind('  ', true)).toEqual({ ok: true });
    const bad = parseFind('0g', true);
    expect(bad.ok).toBe(false);
  });

  it('matches text as shown, across text and escapes, case-insensitively and without overlaps', () => {
    const shown = displayText(bytes('ok\r\nOK\r\n'), 'ascii');
    expect(shown).toBe('ok\\r\\nOK\\r\\n');
    expect(textRanges(shown, 'ok\\r')).toEqual([
      [0, 4],
      [6, 10],
    ]);
    expect(textRanges('aaaa', 'aa')).toEqual([
      [0, 2],
      [2, 4],
    ]);
    expect(textRanges('你好，世界', '世界')).toEqual([[3, 5]]);
  });

  it('matches hex bytes and marks them where each view shows them', () => {
    const b = bytes('ab\r\ncd\r\n');
    const needle = { kind: 'bytes', bytes: new Uint8Array([0x0d, 0x0a]) } as const;
    expect(byteRanges(b, needle.bytes)).toEqual([
      [2, 4],
      [6, 8],
    ]);
    // ASCII shows "ab\r\ncd\r\n": each CR LF pair is 4 characters of escapes.
    expect(entryMatches(b, 'ascii', needle)).toEqual([
      [2, 6],
      [8, 12],
    ]);
    // Hex shows "61 62 0D 0A ...": the pair is "0D 0A".
    expect(entryMatches(b, 'hex', needle)).toEqual([
      [6, 11],
      [18, 23],
    ]);
    expect(displayText(b, 'hex').slice(6, 11)).toBe('0D 0A');
    // A hex dump marks bytes.
    expect(entryMatches(b, 'dump', needle)).toEqual([
      [2, 4],
      [6, 8],
    ]);
  });

  it('marks hex matches in multi-byte text on character boundaries', () => {
    const gbk = new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x41]); // 你好A in GBK
    const needle = { kind: 'bytes', bytes: new Uint8Array([0xba, 0xc3]) } as const;
    expect(entryMatches(gbk, 'gbk', needle)).toEqual([[1, 2]]);
    expect(decodeForDisplay(gbk, 'gbk')[0]?.text.slice(1, 2)).toBe('好');
  });

  it('searches a hex dump`s text in its ASCII column', () => {
    expect(entryMatches(bytes('\x01OK\x02ok'), 'dump', { kind: 'text', text: 'ok' })).toEqual([
      [1, 3],
      [4, 6],
    ]);
  });

  it('locates the n-th match overall by entry key', () => {
    const hits = {
      total: 3,
      entries: 2,
      keyAt: (i: number) => [3, 7][i] as number,
      countAt: (i: number) => [2, 1][i] as number,
    };
    expect(locateHit(hits, 0)).toEqual({ key: 3, nth: 0 });
    expect(locateHit(hits, 1)).toEqual({ key: 3, nth: 1 });
    expect(locateHit(hits, 2)).toEqual({ key: 7, nth: 0 });
    expect(locateHit(hits, 3)).toBeUndefined();
  });
});

describe('hex dump', () => {
  it('writes offset, hex with a gap after eight bytes, and printable ASCII', () => {
    const line = bytes('0123456789ABCDEF');
    expect(dumpOffset(0x1f0)).toBe('000001F0');
    expect(dumpCells(line).join('')).toBe('30 31 32 33 34 35 36 37  38 39 41 42 43 44 45 46');
    expect(dumpAscii(new Uint8Array([0x41, 0x0d, 0x7f, 0x20]))).toBe('A.. ');
  });

  it('cuts a line into runs by the marked byte ranges', () => {
    expect(
      dumpRuns(
        16,
        16,
        [
          [10, 18],
          [20, 21],
          [40, 41],
        ],
        1,
      ),
    ).toEqual([
      { from: 0, to: 2, mark: 'match' },
      { from: 2, to: 4, mark: undefined },
      { from: 4, to: 5, mark: 'current' },
      { from: 5, to: 16, mark: undefined },
    ]);
    expect(dumpRuns(0, 4, [], -1)).toEqual([{ from: 0, to: 4, mark: undefined }]);
  });
});
