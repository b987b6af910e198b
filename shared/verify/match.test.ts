import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkMatch, matchAutoReply } from './match';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('matchAutoReply', () => {
  it('matches exact text, allowing one trailing line ending', () => {
    const match = { kind: 'exact', pattern: 'ping' } as const;
    expect(matchAutoReply(match, bytes('ping'))).toEqual(['ping']);
    expect(matchAutoReply(match, bytes('ping\r\n'))).toEqual(['ping']);
    expect(matchAutoReply(match, bytes('ping\n'))).toEqual(['ping']);
    expect(matchAutoReply(match, bytes('ping\n\n'))).toBeUndefined();
    expect(matchAutoReply(match, bytes('pingo'))).toBeUndefined();
  });

  it('matches contains and prefix on the bytes of the text in its encoding', () => {
    expect(matchAutoReply({ kind: 'contains', pattern: 'TEMP' }, bytes('GET TEMP?\r\n'))).toEqual(['TEMP']);
    expect(matchAutoReply({ kind: 'prefix', pattern: 'AT+' }, bytes('AT+GMR\r\n'))).toEqual(['AT+']);
    expect(matchAutoReply({ kind: 'prefix', pattern: 'AT+' }, bytes('xAT+'))).toBeUndefined();
    const gbk = { kind: 'contains', pattern: '收到', encoding: 'gbk' } as const;
    expect(matchAutoReply(gbk, Uint8Array.of(0x31, 0xca, 0xd5, 0xb5, 0xbd))).toEqual(['收到']);
    expect(matchAutoReply(gbk, bytes('收到'))).toBeUndefined();
  });

  it('gives a regex match and its groups, an unmatched group as empty text', () => {
    const match = { kind: 'regex', pattern: 'set (\\w+)=(\\d+)(!)?' } as const;
    expect(matchAutoReply(match, bytes('> set led=1\n'))).toEqual(['set led=1', 'led', '1', '']);
    expect(matchAutoReply(match, bytes('get led'))).toBeUndefined();
  });

  it('matches hex bytes exactly and gives them back as hex', () => {
    const match = { kind: 'hex', pattern: '01 03 00 00 00 01 84 0A' } as const;
    expect(matchAutoReply(match, Uint8Array.of(1, 3, 0, 0, 0, 1, 0x84, 0x0a))).toEqual([
      '01 03 00 00 00 01 84 0A',
    ]);
    expect(matchAutoReply(match, Uint8Array.of(1, 3, 0, 0, 0, 1, 0x84))).toBeUndefined();
  });

  it('never matches with a broken pattern, and checkMatch says why', () => {
    expect(matchAutoReply({ kind: 'regex', pattern: '(' }, bytes('('))).toBeUndefined();
    expect(checkMatch({ kind: 'regex', pattern: '(' })).toMatch(/not a valid regular expression/);
    expect(checkMatch({ kind: 'hex', pattern: 'zz' })).toMatch(/^The hex to match is not valid/);
    expect(checkMatch({ kind: 'contains', pattern: '' })).toBe('The text to match is empty.');
    expect(checkMatch({ kind: 'exact', pattern: 'é', encoding: 'ascii' })).toMatch(/cannot be encoded/);
    expect(checkMatch({ kind: 'prefix', pattern: 'ok' })).toBeUndefined();
  });

  it('never throws, and contains holds whenever exact or prefix does', () => {
    const kinds = fc.constantFrom('exact', 'contains', 'prefix', 'regex', 'hex' as const);
    fc.assert(
      fc.property(
        kinds,
        fc.string({ maxLength: 8 }),
        fc.uint8Array({ maxLength: 32 }),
        (kind, pattern, data) => {
          const groups = matchAutoReply({ kind, pattern }, data);
          if (groups) expect(groups.length).toBeGreaterThan(0);
          if ((kind === 'prefix' || kind === 'exact') && groups && pattern.length > 0) {
            expect(matchAutoReply({ kind: 'contains', pattern }, data)).toBeDefined();
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
