// The Periodic send and Soak run fields as the numbers the engine takes, or the field to fix.
import { describe, expect, it } from 'vitest';
import { periodicFields, soakFields } from './task-fields';

describe('task fields', () => {
  it('reads an interval from 1 ms and a count that may be left empty', () => {
    expect(periodicFields({ periodicIntervalMs: '10', periodicCount: '' })).toEqual({
      ok: true,
      intervalMs: 10,
    });
    expect(periodicFields({ periodicIntervalMs: '1', periodicCount: '5' })).toEqual({
      ok: true,
      intervalMs: 1,
      count: 5,
    });
    expect(periodicFields({ periodicIntervalMs: '0', periodicCount: '' })).toMatchObject({
      ok: false,
      field: 'periodicIntervalMs',
    });
    expect(periodicFields({ periodicIntervalMs: '10', periodicCount: '0' })).toMatchObject({
      ok: false,
      field: 'periodicCount',
    });
  });

  it('needs rounds or a duration, and takes an interval from 0', () => {
    expect(soakFields({ soakRounds: '1000', soakDurationS: '', soakIntervalMs: '' })).toEqual({
      ok: true,
      intervalMs: 0,
      rounds: 1000,
    });
    expect(soakFields({ soakRounds: '', soakDurationS: '60', soakIntervalMs: '100' })).toEqual({
      ok: true,
      intervalMs: 100,
      durationMs: 60_000,
    });
    expect(soakFields({ soakRounds: '', soakDurationS: '', soakIntervalMs: '0' })).toEqual({
      ok: false,
      field: 'soakRounds',
      reason: 'Enter the Rounds to run, or a Duration (s).',
    });
    expect(soakFields({ soakRounds: '1.5', soakDurationS: '', soakIntervalMs: '0' })).toMatchObject({
      field: 'soakRounds',
    });
    expect(soakFields({ soakRounds: '', soakDurationS: '999999', soakIntervalMs: '0' })).toMatchObject({
      field: 'soakDurationS',
    });
    expect(soakFields({ soakRounds: '5', soakDurationS: '', soakIntervalMs: 'x' })).toMatchObject({
      field: 'soakIntervalMs',
    });
  });
});
