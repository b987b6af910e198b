// The expect and auto-reply sync against a scripted engine API: applied at once for a session new to
// it, a moment after an edit, never while a field is invalid, not again for traffic, again when
// Encode as changes the bytes; each change a log row, a refusal an error row.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore } from 'zustand/vanilla';
import type { SessionApi } from '../../../shared/contract/api';
import type { SessionSnapshot } from '../../../shared/contract/model';
import { startAutomationSync } from './automation-sync';
import { ringToArray } from './log-ring';
import { createLogStore } from './log-store';
import { defaultPrefs, type Prefs } from './prefs-store';
import { logOf } from './session-logs';
import { createSessionsStore } from './sessions-store';
import type { AutoReplyRow } from './settings';

const snapshot: SessionSnapshot = {
  id: 'e1',
  name: 'Session 1',
  config: { protocol: 'tcp-server', port: 8888 },
  state: 'listening',
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
  openedAt: 1,
};
const rule: AutoReplyRow = {
  id: 1,
  match: 'contains',
  pattern: 'Hello',
  reply: 'Hi {counter}',
  delayMs: '',
  enabled: true,
};

function setup(refuse = false) {
  const calls: string[] = [];
  const api: Pick<SessionApi, 'setExpect' | 'setAutoReply'> = {
    setExpect: async ({ id, expect }) => {
      calls.push(`setExpect ${id} ${JSON.stringify(expect)}`);
      if (refuse) throw new Error('The engine said no.');
    },
    setAutoReply: async ({ id, rules }) => {
      calls.push(
        `setAutoReply ${id} ${rules.map((r) => `${r.match.kind}:${r.match.pattern}:${r.match.encoding}`).join(',')}`,
      );
    },
  };
  const sessions = createSessionsStore();
  const prefs = createStore<Prefs>()(() => defaultPrefs());
  const log = createLogStore();
  const id = sessions.getState().activeId;
  const stop = startAutomationSync({ sessions, prefs, log, api, delayMs: 300, now: () => 0 });
  const open = () => {
    sessions.beginOpen(id, '*:8888');
    sessions.openSucceeded(id, snapshot);
  };
  const rows = () =>
    ringToArray(logOf(log.getState(), id).shown.ring).map((e) => (e.kind === 'system' ? e.text : e.kind));
  return { calls, sessions, prefs, id, stop, open, rows };
}

describe('automation sync', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('applies what a new engine session needs at once, and nothing when there is nothing to apply', async () => {
    const t = setup();
    t.open();
    await vi.runAllTimersAsync();
    expect(t.calls).toEqual([]);
    t.stop();

    const u = setup();
    u.sessions.updateSettings(u.id, {
      expectKind: 'prefix-echo',
      expectPrefix: 'TCP Server : ',
      autoReply: [rule],
    });
    u.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(u.calls).toEqual([
      'setExpect e1 {"rule":{"kind":"prefix-echo","prefix":"TCP Server : ","encoding":"ascii"},"timeoutMs":2000}',
      'setAutoReply e1 contains:Hello:ascii',
    ]);
    expect(u.rows()).toEqual([
      'Expect: prefix “TCP Server : ” then the same bytes, within 2,000 ms',
      'Auto-reply: 1 rule',
    ]);
    u.stop();
  });

  it('applies an edit a moment later, once, and waits while a field is invalid', async () => {
    const t = setup();
    t.open();
    t.sessions.updateSettings(t.id, { expectKind: 'regex', expectPattern: '(' });
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.calls).toEqual([]);
    t.sessions.updateSettings(t.id, { expectPattern: '(ok' });
    t.sessions.updateSettings(t.id, { expectPattern: '(ok)' });
    await vi.advanceTimersByTimeAsync(299);
    expect(t.calls).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(t.calls).toEqual([
      'setExpect e1 {"rule":{"kind":"regex","pattern":"(ok)","encoding":"ascii"},"timeoutMs":2000}',
    ]);
    // Traffic changes the store, not what is wanted.
    t.sessions.applyBatch({
      seq: 1,
      events: [
        { type: 'counters', id: 'e1', counters: { rxBytes: 5, txBytes: 0, rxChunks: 1, txChunks: 0 } },
      ],
    });
    await vi.advanceTimersByTimeAsync(1000);
    expect(t.calls).toHaveLength(1);
    // Another Encode as changes the bytes a text rule stands for.
    t.prefs.setState({ encodeAs: 'gbk' });
    await vi.advanceTimersByTimeAsync(300);
    expect(t.calls.at(-1)).toContain('"encoding":"gbk"');
    t.sessions.updateSettings(t.id, { expectKind: 'off' });
    await vi.advanceTimersByTimeAsync(300);
    expect(t.calls.at(-1)).toBe('setExpect e1 null');
    expect(t.rows().at(-1)).toBe('Expect: off');
    t.stop();
  });

  it('says so in the log when the engine refuses', async () => {
    const t = setup(true);
    t.sessions.updateSettings(t.id, { expectKind: 'echo' });
    t.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.rows()).toEqual(['Expect not applied: The engine said no.']);
    t.stop();
  });

  it('forgets a closed engine session and applies again to the next one', async () => {
    const t = setup();
    t.sessions.updateSettings(t.id, { autoReply: [rule] });
    t.open();
    await vi.advanceTimersByTimeAsync(0);
    t.sessions.detach(t.id);
    t.open();
    await vi.advanceTimersByTimeAsync(0);
    expect(t.calls).toEqual(['setAutoReply e1 contains:Hello:ascii', 'setAutoReply e1 contains:Hello:ascii']);
    t.stop();
  });
});
