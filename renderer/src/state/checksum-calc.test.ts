// The checksum calculator's inputs (selected entries' bytes, Shift+click ranges) and its rows.
import { describe, expect, it } from 'vitest';
import { checksumRows, keyRange, selectedBytes } from './checksum-calc';
import type { LogEntry } from './log-reducer';
import { emptyRing, ringPush } from './log-ring';

describe('checksum calculator', () => {
  const entry = (key: number, payload: string, kind: 'data' | 'system' = 'data'): LogEntry =>
    kind === 'data'
      ? { kind, key, at: 0, session: 's', dir: 'rx', peer: 'p', bytes: new TextEncoder().encode(payload) }
      : { kind, key, at: 0, tone: 'info', text: payload };
  const ring = ringPush(emptyRing<LogEntry>(), [
    entry(1, '1234'),
    entry(2, 'note', 'system'),
    entry(3, '56789'),
  ]);

  it('joins the selected data entries in log order, skipping system rows and evicted keys', () => {
    const { bytes, entries } = selectedBytes(ring, [1, 2, 3, 99]);
    expect(new TextDecoder().decode(bytes)).toBe('123456789');
    expect(entries).toBe(2);
  });

  it('shows every kind over the bytes, in both orders where there are two (catalogue check values)', () => {
    const rows = checksumRows(new TextEncoder().encode('123456789'));
    const byLabel = Object.fromEntries(rows.map((r) => [r.label, r]));
    expect(byLabel['CRC-16/MODBUS']).toEqual({
      kind: 'crc16-modbus',
      label: 'CRC-16/MODBUS',
      value: '0x4B37',
      be: '4B 37',
      le: '37 4B',
    });
    expect(byLabel['CRC-32']?.value).toBe('0xCBF43926');
    expect(byLabel['CRC-16/CCITT-FALSE']?.value).toBe('0x29B1');
    expect(byLabel['CRC-8']).toEqual({ kind: 'crc8', label: 'CRC-8', value: '0xF4', be: 'F4' });
    expect(rows.map((r) => r.label)).toEqual([
      'SUM8',
      'XOR8',
      'CRC-8',
      'CRC-16/MODBUS',
      'CRC-16/CCITT-FALSE',
      'CRC-32',
    ]);
  });

  it('selects a range from the last clicked entry, either way', () => {
    expect(keyRange([1, 3, 5, 8], 5, 1)).toEqual([1, 3, 5]);
    expect(keyRange([1, 3, 5, 8], 3, 8)).toEqual([3, 5, 8]);
    expect(keyRange([1, 3], 9, 3)).toEqual([3]);
  });
});
