// Reconnect automatically: the Options fields as the backoff the engine runs (defaults for what is
// left empty), their faults, the state's countdown words, and the log's row for each attempt.
import { describe, expect, it } from 'vitest';
import type { StateEvent } from '../../../shared/contract/events';
import { configFromSettings } from './config-from-settings';
import { toEntry } from './log-entry';
import { createSessionsState, defaultSettings, type UiSession } from './sessions-reducer';
import { describeSession, reconnectingLabel, shortState } from './state-words';
import { settingsProblems } from './validation';

const client = (change: Partial<ReturnType<typeof defaultSettings>>) => ({
  ...defaultSettings(),
  host: '127.0.0.1',
  port: '8087',
  ...change,
});

describe('reconnect settings', () => {
  it('sends no backoff unless ticked, and the defaults for empty fields', () => {
    expect(configFromSettings(client({ reconnectFirstMs: '9' }))).toEqual({
      ok: true,
      config: { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 },
    });
    expect(configFromSettings(client({ reconnect: true }))).toMatchObject({
      config: { reconnect: { initialDelayMs: 500, maxDelayMs: 10_000, maxTries: 0 } },
    });
    expect(
      configFromSettings(
        client({ reconnect: true, reconnectFirstMs: '100', reconnectMaxMs: '400', reconnectMaxTries: '5' }),
      ),
    ).toMatchObject({ config: { reconnect: { initialDelayMs: 100, maxDelayMs: 400, maxTries: 5 } } });
    // A first wait beyond the default maximum raises the maximum with it.
    expect(configFromSettings(client({ reconnect: true, reconnectFirstMs: '20000' }))).toMatchObject({
      config: { reconnect: { initialDelayMs: 20_000, maxDelayMs: 20_000 } },
    });
  });

  it('puts each fault on its field, only while ticked', () => {
    const faults = (change: Partial<ReturnType<typeof defaultSettings>>) =>
      settingsProblems(client(change)).map((p) => p.field);
    expect(faults({ reconnectFirstMs: 'x' })).toEqual([]);
    expect(faults({ reconnect: true, reconnectFirstMs: '0' })).toEqual(['reconnectFirstMs']);
    expect(faults({ reconnect: true, reconnectFirstMs: '1000', reconnectMaxMs: '500' })).toEqual([
      'reconnectMaxMs',
    ]);
    expect(faults({ reconnect: true, reconnectMaxTries: '-1' })).toEqual(['reconnectMaxTries']);
    expect(
      settingsProblems(client({ reconnect: true, reconnectFirstMs: '1000', reconnectMaxMs: '500' }))[0]
        ?.reason,
    ).toBe('Max retry must be at least First retry: the wait doubles from one up to the other.');
  });
});

describe('reconnect words', () => {
  it('counts down to the next attempt in whole seconds', () => {
    expect(reconnectingLabel(3, 10_000, 8_000)).toBe('Reconnecting… (attempt 3 in 2 s)');
    expect(reconnectingLabel(3, 10_000, 8_500)).toBe('Reconnecting… (attempt 3 in 2 s)');
    expect(reconnectingLabel(3, 10_000, 9_001)).toBe('Reconnecting… (attempt 3 in 1 s)');
    expect(reconnectingLabel(3, 10_000, 10_000)).toBe('Reconnecting… (attempt 3 now)');
    expect(reconnectingLabel(undefined, undefined, 0)).toBe('Reconnecting…');
  });

  it('shows a reconnecting client as busy, with where and why', () => {
    const base = Object.values(createSessionsState().sessions)[0] as UiSession;
    const s: UiSession = {
      ...base,
      engineId: 'e1',
      state: 'reconnecting',
      target: '127.0.0.1:8087',
      attempt: 2,
      nextAttemptAt: 5000,
      error: { code: 'ECONNRESET', message: 'The board reset the connection.' },
    };
    expect(describeSession(s, 4000)).toEqual({
      label: 'Reconnecting… (attempt 2 in 1 s)',
      detail: 'to 127.0.0.1:8087',
      note: 'Dropped: The board reset the connection.',
      tone: 'busy',
    });
    expect(shortState(s)).toEqual({ text: 'Reconnecting…', tone: 'busy' });
  });

  it('logs each attempt with its wait', () => {
    const event: StateEvent = {
      type: 'state',
      id: 'e1',
      state: 'reconnecting',
      at: 1000,
      attempt: 3,
      nextAttemptAt: 3000,
    };
    const ctx = { targetOf: () => '127.0.0.1:8087' };
    expect(toEntry(event, 1, ctx)).toMatchObject({
      tone: 'warn',
      text: 'Reconnecting to 127.0.0.1:8087: attempt 3 in 2 s',
    });
    expect(
      toEntry(
        { ...event, nextAttemptAt: undefined, error: { code: 'ECONNREFUSED', message: 'Refused.' } },
        1,
        ctx,
      ),
    ).toMatchObject({ text: 'Reconnecting to 127.0.0.1:8087: attempt 3 (Refused.)' });
  });
});
