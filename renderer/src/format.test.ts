// Counters and times as the UI writes them.
import { describe, expect, it } from 'vitest';
import { formatBytes, formatTime, pluralBytes } from './format';

describe('format', () => {
  it('writes exact byte counts with thousands separators', () => {
    expect(formatBytes(0)).toBe('0 B');
    expect(formatBytes(1234)).toBe('1,234 B');
    expect(formatBytes(3_020_007)).toBe('3,020,007 B');
    expect(pluralBytes(1)).toBe('1 byte');
    expect(pluralBytes(12345)).toBe('12,345 bytes');
  });

  it('writes local wall-clock time to the millisecond', () => {
    const at = new Date(2026, 5, 15, 9, 5, 7, 42).getTime();
    expect(formatTime(at)).toBe('09:05:07.042');
  });
});
