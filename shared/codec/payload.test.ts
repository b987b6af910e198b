import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKSUM_KINDS, type LineEnding, type TextPayload } from '../contract/model';
import { checksum } from './checksum';
import type { MacroContext } from './macros';
import { encodePayload } from './payload';

const text = (t: string, over: Partial<TextPayload> = {}): TextPayload => ({
  text: t,
  encoding: 'ascii',
  escapes: false,
  lineEnding: 'none',
  ...over,
});

const bytesOf = (result: ReturnType<typeof encodePayload>): number[] => {
  if (!result.ok) throw new Error(`expected bytes, got: ${result.error.message}`);
  return [...result.bytes];
};

describe('encodePayload', () => {
  it('sends raw byte payloads as they are, checksum appended', () => {
    const bytes = Uint8Array.of(0x01, 0x03, 0x00, 0x00, 0x00, 0x0a);
    expect(encodePayload({ bytes })).toEqual({ ok: true, bytes });
    const summed = encodePayload({ bytes, checksum: { kind: 'crc16-modbus' } });
    expect(summed.ok && Array.from(summed.bytes.slice(-2))).toEqual([0xc5, 0xcd]);
  });

  it('parses hex payloads', () => {
    expect(bytesOf(encodePayload({ hex: '31 32 33' }))).toEqual([0x31, 0x32, 0x33]);
    const bad = encodePayload({ hex: '31 3g' });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.error.message).toContain('position 5');
  });

  it('appends each line ending after the text', () => {
    const cases: [LineEnding, number[]][] = [
      ['none', []],
      ['cr', [0x0d]],
      ['lf', [0x0a]],
      ['crlf', [0x0d, 0x0a]],
    ];
    for (const [lineEnding, ending] of cases) {
      expect(bytesOf(encodePayload(text('hi', { lineEnding })))).toEqual([0x68, 0x69, ...ending]);
    }
    expect(bytesOf(encodePayload(text('', { lineEnding: 'crlf' })))).toEqual([0x0d, 0x0a]);
  });

  it('expands escapes only when asked', () => {
    expect(bytesOf(encodePayload(text('a\\n')))).toEqual([0x61, 0x5c, 0x6e]);
    expect(bytesOf(encodePayload(text('a\\n', { escapes: true })))).toEqual([0x61, 0x0a]);
    expect(encodePayload(text('\\q')).ok).toBe(true);
    expect(encodePayload(text('\\q', { escapes: true })).ok).toBe(false);
  });

  it('puts the line ending after expanded escapes and raw bytes', () => {
    const payload = text('é\\xFF', { encoding: 'utf-8', escapes: true, lineEnding: 'crlf' });
    expect(bytesOf(encodePayload(payload))).toEqual([0xc3, 0xa9, 0xff, 0x0d, 0x0a]);
  });

  it('refuses non-ASCII text under ASCII and accepts it under UTF-8', () => {
    const refused = encodePayload(text('héllo', { lineEnding: 'lf' }));
    expect(refused.ok).toBe(false);
    if (!refused.ok)
      expect(refused.error).toMatchObject({ index: 1, message: expect.stringContaining('position 2') });
    expect(bytesOf(encodePayload(text('héllo', { encoding: 'utf-8' })))).toHaveLength(6);
  });

  it('parses Base64 payloads into their bytes', () => {
    expect(bytesOf(encodePayload({ base64: 'AQMAAAAK' }))).toEqual([1, 3, 0, 0, 0, 10]);
    const bad = encodePayload({ base64: 'AQ*' });
    expect(!bad.ok && bad.error.index).toBe(2);
  });

  it('appends a checksum to hex and Base64 payloads', () => {
    const modbus = [0x01, 0x03, 0x00, 0x00, 0x00, 0x0a, 0xc5, 0xcd];
    expect(bytesOf(encodePayload({ hex: '01 03 00 00 00 0A', checksum: { kind: 'crc16-modbus' } }))).toEqual(
      modbus,
    );
    expect(bytesOf(encodePayload({ base64: 'AQMAAAAK', checksum: { kind: 'crc16-modbus' } }))).toEqual(
      modbus,
    );
    expect(bytesOf(encodePayload({ hex: '31 32', checksum: { kind: 'sum8' } }))).toEqual([0x31, 0x32, 0x63]);
  });

  it('expands macros, then escapes, encodes, adds the line ending and last the checksum over all of it', () => {
    const ctx: MacroContext = {
      counter: 7,
      now: new Date(2024, 0, 2),
      randomBytes: (n) => new Uint8Array(n).fill(0x5c),
    };
    const payload = text('#{counter}\\t{random:2}中', {
      encoding: 'gbk',
      escapes: true,
      macros: true,
      lineEnding: 'crlf',
      checksum: { kind: 'crc16-ccitt-false' },
    });
    // The random bytes are 5C 5C (backslashes): raw bytes, never read as escapes.
    const body = [0x23, 0x37, 0x09, 0x5c, 0x5c, 0xd6, 0xd0, 0x0d, 0x0a];
    const sum = [...checksum('crc16-ccitt-false', Uint8Array.from(body))];
    expect(bytesOf(encodePayload(payload, ctx))).toEqual([...body, ...sum]);
  });

  it('encodes generated text in the payload encoding, but random bytes as they are', () => {
    const ctx: MacroContext = {
      counter: 12,
      now: new Date(0),
      randomBytes: (n) => new Uint8Array(n).fill(0xff),
    };
    const payload = text('{counter}{random:1}', { encoding: 'utf-16be', macros: true });
    expect(bytesOf(encodePayload(payload, ctx))).toEqual([0x00, 0x31, 0x00, 0x32, 0xff]);
  });

  it('leaves braces alone when macros are off', () => {
    expect(bytesOf(encodePayload(text('{counter}')))).toEqual([...new TextEncoder().encode('{counter}')]);
  });

  it('expands macros without a context: counter 0, the current time, some random bytes', () => {
    const before = Math.floor(Date.now() / 1000);
    const result = bytesOf(encodePayload(text('{counter} {unix} {random:4}', { macros: true })));
    const [counter, unix] = String.fromCharCode(...result.slice(0, -5)).split(' ');
    expect(counter).toBe('0');
    expect(Number(unix)).toBeGreaterThanOrEqual(before);
    expect(result).toHaveLength(result.indexOf(0x20, 2) + 1 + 4);
  });

  it('reports faults at their place in the typed text, with macros expanded before them', () => {
    const escapes = encodePayload(text('{counter}\\q', { escapes: true, macros: true }));
    expect(!escapes.ok && escapes.error).toMatchObject({
      index: 9,
      message: expect.stringContaining("'\\q' at position 10"),
    });
    const encoding = encodePayload(text('{date}é', { macros: true }));
    expect(!encoding.ok && encoding.error).toMatchObject({
      index: 6,
      message: expect.stringContaining("'é' at position 7"),
    });
    const macro = encodePayload(text('ok {nope}', { macros: true, checksum: { kind: 'crc32' } }));
    expect(!macro.ok && macro.error.index).toBe(3);
  });

  it('gives the same bytes with macros on as off when there are no braces', () => {
    const encodings = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;
    fc.assert(
      fc.property(
        fc.string({ maxLength: 40 }).map((s) => s.replace(/[{}]/g, '')),
        fc.constantFrom(...encodings),
        fc.boolean(),
        (typed, encoding, escapes) => {
          const off = encodePayload(text(typed, { encoding, escapes }));
          const on = encodePayload(text(typed, { encoding, escapes, macros: true }));
          expect(on).toEqual(off);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on any payload', () => {
    const encodings = ['ascii', 'utf-8', 'gbk', 'gb18030', 'latin1', 'utf-16le', 'utf-16be'] as const;
    const typed = fc.oneof(
      fc.string({ maxLength: 30 }),
      fc
        .array(fc.constantFrom('{', '}', '\\', 'x4', 'counter', 'random:9', '中', '😀', 'A'), {
          maxLength: 12,
        })
        .map((a) => a.join('')),
    );
    const checksumSpec = fc.option(fc.record({ kind: fc.constantFrom(...CHECKSUM_KINDS) }), {
      nil: undefined,
    });
    const payloads = fc.oneof(
      fc.record({
        text: typed,
        encoding: fc.constantFrom(...encodings),
        escapes: fc.boolean(),
        lineEnding: fc.constantFrom('none', 'cr', 'lf', 'crlf') as fc.Arbitrary<LineEnding>,
        macros: fc.boolean(),
        checksum: checksumSpec,
      }),
      fc.record({ hex: typed, checksum: checksumSpec }),
      fc.record({ base64: typed, checksum: checksumSpec }),
    );
    fc.assert(
      fc.property(payloads, (payload) => {
        const result = encodePayload(payload);
        if (result.ok) expect(result.bytes).toBeInstanceOf(Uint8Array);
        else expect(result.error.message).toMatch(/[Pp]osition \d+/);
      }),
      { numRuns: 2000 },
    );
  });
});
