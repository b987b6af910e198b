// The export builders: text, CSV (RFC 4180 quoting, formula guard) and the Markdown transcript,
// each with its note about bytes the log does not hold; the received bytes; safe file names.
import { describe, expect, it } from 'vitest';
import {
  csvField,
  type ExportSource,
  exportCsv,
  exportFileName,
  exportMarkdown,
  exportParts,
  exportText,
  gapNote,
  mdCode,
  receivedBytes,
} from './log-export';
import type { DataEntry, LogEntry, LogGaps } from './log-reducer';

const T0 = new Date(2024, 4, 1, 12, 0, 0, 5).getTime();
const bytes = (s: string) => new TextEncoder().encode(s);
const data = (
  key: number,
  dir: 'rx' | 'tx',
  payload: string | Uint8Array,
  extra: Partial<DataEntry> = {},
): DataEntry => ({
  kind: 'data',
  key,
  at: T0 + key,
  session: 's1',
  dir,
  peer: '127.0.0.1:5000',
  bytes: typeof payload === 'string' ? bytes(payload) : payload,
  ...extra,
});
const NO_GAPS: LogGaps = { dropped: 0, evicted: 0, unlogged: 0 };
const entries: LogEntry[] = [
  { kind: 'system', key: 1, at: T0, tone: 'ok', text: 'Connected 127.0.0.1:40000 → 127.0.0.1:5000' },
  data(2, 'tx', 'hello'),
  data(3, 'rx', 'TCP Server : hello\r\n'),
];
const source = (over: Partial<ExportSource> = {}): ExportSource => ({
  session: 'Board A',
  entries,
  decodeOf: () => 'ascii',
  gaps: NO_GAPS,
  at: T0 + 1000,
  ...over,
});
const join = (parts: (string | Uint8Array)[]) => parts.join('');

describe('text export', () => {
  it('writes one line per entry with date, direction, peer, size and the text as shown', () => {
    const text = join(exportText(source()));
    expect(text).toContain('SocketBench log: Board A\n');
    expect(text).toContain('Exported 2024-05-01 12:00:01.005; 3 entries.');
    expect(text).toContain('2024-05-01 12:00:00.005  --  Connected 127.0.0.1:40000 → 127.0.0.1:5000\n');
    expect(text).toContain('2024-05-01 12:00:00.007  TX  127.0.0.1:5000  5 B  hello\n');
    expect(text).toContain('2024-05-01 12:00:00.008  RX  127.0.0.1:5000  20 B  TCP Server : hello\\r\\n\n');
    expect(text).not.toContain('Not every byte');
  });

  it('says in the header what the log does not hold, and that it is filtered', () => {
    const text = join(
      exportText(source({ gaps: { dropped: 1500, evicted: 0, unlogged: 20 }, filter: 'RX' })),
    );
    expect(text).toContain('3 entries, only RX.');
    expect(text).toContain(
      'Not every byte is here: 1,500 bytes were not shown (the display could not keep up); 20 bytes were not logged (Log data was off).',
    );
  });

  it('flags frame issues', () => {
    const text = join(exportText(source({ entries: [data(1, 'rx', 'abc', { issue: 'incomplete' })] })));
    expect(text).toContain('3 B [incomplete]  abc');
  });
});

describe('CSV export', () => {
  it('quotes commas, quotes and line breaks as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });

  it('keeps a spreadsheet from running a payload as a formula', () => {
    expect(csvField('=HYPERLINK("x")', true)).toBe('"\'=HYPERLINK(""x"")"');
    expect(csvField('-12', true)).toBe("'-12");
    expect(csvField('-12')).toBe('-12');
  });

  it('writes a header, a note row when bytes are missing, and one CRLF row per entry', () => {
    const rows = exportCsv(source({ gaps: { dropped: 0, evicted: 64, unlogged: 0 } }));
    expect(rows[0]).toBe('time,direction,peer,bytes,issue,hex,text\r\n');
    expect(rows[1]).toContain(',note,,,,,Not every byte is here: 64 bytes of older entries');
    expect(rows[2]).toBe('2024-05-01 12:00:00.005,system,,,,,Connected 127.0.0.1:40000 → 127.0.0.1:5000\r\n');
    expect(rows[3]).toBe('2024-05-01 12:00:00.007,TX,127.0.0.1:5000,5,,68 65 6C 6C 6F,hello\r\n');
    expect(rows[4]).toBe(
      '2024-05-01 12:00:00.008,RX,127.0.0.1:5000,20,,54 43 50 20 53 65 72 76 65 72 20 3A 20 68 65 6C 6C 6F 0D 0A,TCP Server : hello\\r\\n\r\n',
    );
  });
});

describe('Markdown transcript', () => {
  it('is a table of time, direction, peer, hex and text, dated in its header', () => {
    const md = join(exportMarkdown(source()));
    expect(md).toContain('# SocketBench transcript: Board A\n');
    expect(md).toContain('Times are local, on 2024-05-01.');
    expect(md).toContain('| Time | Dir | Peer | Hex | Text |\n| --- | --- | --- | --- | --- |\n');
    expect(md).toContain('| 12:00:00.007 | TX | 127.0.0.1:5000 | `68 65 6C 6C 6F` | `hello` |\n');
    expect(md).toContain('| 12:00:00.005 | — | | | *Connected 127.0.0.1:40000 → 127.0.0.1:5000* |\n');
  });

  it('keeps pipes and backticks from breaking the table', () => {
    expect(mdCode('a|b')).toBe('`a\\|b`');
    expect(mdCode('x `y` z')).toBe('``x `y` z``');
    expect(mdCode('`edge')).toBe('`` `edge ``');
    expect(mdCode('')).toBe('');
    const md = join(
      exportMarkdown(
        source({ entries: [data(1, 'rx', 'a|b')], gaps: { dropped: 9, evicted: 0, unlogged: 0 } }),
      ),
    );
    expect(md).toContain('| `a\\|b` |');
    expect(md).toContain('> **Note:** Not every byte is here: 9 bytes were not shown');
  });
});

describe('received bytes and file names', () => {
  it('concatenates only received bytes, in order', () => {
    const parts = receivedBytes([
      data(1, 'rx', 'ab'),
      data(2, 'tx', 'zz'),
      data(3, 'rx', new Uint8Array([0, 255])),
    ]);
    expect(parts.flatMap((p) => Array.from(p))).toEqual([0x61, 0x62, 0, 255]);
    expect(exportParts('bin', source())).toHaveLength(1);
  });

  it('names files safely after the session and the time', () => {
    expect(exportFileName('Board A: ESP/8266', T0, 'markdown')).toBe(
      'socketbench-Board-A-ESP-8266-20240501-120000.md',
    );
    expect(exportFileName('...', T0, 'csv')).toBe('socketbench-session-20240501-120000.csv');
  });

  it('has no note when nothing is missing', () => {
    expect(gapNote(NO_GAPS)).toBeUndefined();
  });
});

describe('exchanges and soak runs in exports', () => {
  const fail: LogEntry = {
    kind: 'exchange',
    key: 4,
    at: T0 + 4,
    session: 's1',
    result: {
      seq: 2,
      verdict: 'fail',
      sentAt: T0 + 3,
      peer: '127.0.0.1:5000',
      firstByteMs: 0.5,
      completeMs: 0.75,
      expected: bytes('TCP Server : hello'),
      actual: bytes('TCP Server : Hello'),
      diffAt: 13,
      reason: 'The reply differs at byte 13.',
    },
  };
  const withResults = source({
    entries: [...entries, fail],
    soak: ['Soak run: Done: 1,000 rounds, all passed', 'sent 1,000, passed 1,000'],
  });

  it('puts the summary first and each result with its diff in the text', () => {
    const text = join(exportText(withResults));
    expect(text).toContain('\nSoak run: Done: 1,000 rounds, all passed\nsent 1,000, passed 1,000\n');
    expect(text).toContain(
      '2024-05-01 12:00:00.009  ==  FAIL #2 to 127.0.0.1:5000 · first byte 0.50 ms · complete 0.75 ms: The reply differs at byte 13.\n',
    );
    expect(text).toContain("      Differs at byte 13: expected 68 'h', got 48 'H'");
  });

  it('gives the summary its own section and the diffs after the table in Markdown', () => {
    const md = join(exportMarkdown(withResults));
    expect(md).toContain('## Soak run: Done: 1,000 rounds, all passed\n\n- sent 1,000, passed 1,000\n');
    expect(md).toContain('| result | 127.0.0.1:5000 | | **FAIL \\#2 to 127.0.0.1:5000');
    expect(md).toMatch(/## Failed exchanges\n\nFAIL \\#2 .*\n\n```text\nDiffers at byte 13/);
  });

  it('writes a result row in CSV, and nothing about soak runs when there was none', () => {
    const csv = join(exportCsv(withResults));
    expect(csv).toContain(',result,127.0.0.1:5000,,,,"FAIL #2 to 127.0.0.1:5000');
    expect(join(exportText(source()))).not.toContain('Soak run');
  });
});
