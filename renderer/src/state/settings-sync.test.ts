// The stores and the settings file in step: a change saves only its part, after a pause (or at once
// on flush), changes gathered into one save; a failed save is shown until one succeeds; a board
// reached joins the recent ones; an imported document goes into the stores; saved sessions and the
// setup round-trip with the form's defaults.
import { describe, expect, it } from 'vitest';
import type { AppApi } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import { type SessionSnapshot, zeroCounters } from '../../../shared/contract/model';
import { defaultSettings, defaultUi, type SettingsPatch } from '../../../shared/settings';
import { createHistoryStore } from './message-history';
import { createPrefsStore } from './prefs-store';
import { createPresetsStore } from './send-presets';
import { activeSession } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';
import { defaultSettings as defaultForm } from './settings';
import { settingsOfSetup, setupOfSettings } from './settings-doc';
import { createSettingsStore, rememberRecent, savedNameProblem, saveNamed } from './settings-store';
import { startSettingsSync } from './settings-sync';

function setup(fail?: () => Error) {
  const saved: SettingsPatch[] = [];
  const api: Pick<AppApi, 'saveSettings'> = {
    saveSettings: async ({ settings }) => {
      const error = fail?.();
      if (error) throw error;
      saved.push(settings);
    },
  };
  // The pause is ours to end: tests never wait on a clock.
  const timers: (() => void)[] = [];
  const schedule = (fn: () => void) => {
    timers.push(fn);
    return () => timers.splice(timers.indexOf(fn), 1);
  };
  const stores = {
    prefs: createPrefsStore(),
    sessions: createSessionsStore(),
    history: createHistoryStore(),
    presets: createPresetsStore(),
    settings: createSettingsStore({
      savedSessions: [],
      recent: { hosts: [], ports: [] },
      path: 'settings.json',
      available: true,
    }),
  };
  const sync = startSettingsSync({ api, ...stores, schedule });
  // A save's answer is a few promise steps away; no clock is involved.
  const settle = async () => {
    for (let i = 0; i < 10; i++) await Promise.resolve();
  };
  return { ...stores, sync, saved, timers, settle };
}

const snapshot = (id: string): SessionSnapshot => ({
  id,
  name: 'board',
  config: { protocol: 'tcp-client', host: '192.168.1.123', port: 8087 },
  state: 'connected',
  counters: zeroCounters(),
  openedAt: 1,
});

describe('settings sync', () => {
  it('saves only the parts that changed, together, after the pause', async () => {
    const t = setup();
    t.prefs.setState({ theme: 'dark' });
    t.history.remember({ text: 'AT', encodeAs: 'ascii' });
    t.history.remember({ text: 'ATI', encodeAs: 'ascii' });
    expect(t.saved).toEqual([]);
    expect(t.timers).toHaveLength(1);
    t.timers[0]?.();
    await t.settle();
    expect(t.saved).toEqual([
      {
        ui: { ...defaultUi(), theme: 'dark' },
        history: [
          { text: 'AT', encodeAs: 'ascii' },
          { text: 'ATI', encodeAs: 'ascii' },
        ],
      },
    ]);
    t.sync.stop();
  });

  it('keeps the setup being edited as what differs from the form’s defaults', async () => {
    const t = setup();
    const id = t.sessions.getState().activeId;
    t.sessions.updateSettings(id, { host: '192.168.1.123', port: '8087' });
    t.sync.flush();
    await t.settle();
    expect(t.saved).toEqual([{ lastSession: { host: '192.168.1.123', port: '8087' } }]);
    expect(t.timers).toHaveLength(0);
    t.sync.stop();
  });

  it('puts a board reached at the head of the recent hosts and ports', async () => {
    const t = setup();
    const id = t.sessions.getState().activeId;
    t.sessions.updateSettings(id, { host: '192.168.1.123', port: '8087' });
    t.sessions.beginOpen(id, '192.168.1.123:8087');
    expect(t.settings.getState().recent.hosts).toEqual([]);
    t.sessions.openSucceeded(id, snapshot('e1'));
    expect(t.settings.getState().recent).toEqual({ hosts: ['192.168.1.123'], ports: ['8087'] });
    t.sync.flush();
    await t.settle();
    expect(t.saved.at(-1)?.recent).toEqual({ hosts: ['192.168.1.123'], ports: ['8087'] });
    t.sync.stop();
  });

  it('shows a failed save until one succeeds', async () => {
    let failing = true;
    const t = setup(() => (failing ? new ApiError('EACCES', 'permission denied') : (undefined as never)));
    t.prefs.setState({ hexDump: true });
    t.sync.flush();
    await t.settle();
    expect(t.settings.getState().saveError).toBe('permission denied');
    failing = false;
    t.prefs.setState({ hexDump: false });
    t.sync.flush();
    await t.settle();
    expect(t.settings.getState().saveError).toBeUndefined();
    t.sync.stop();
  });

  it('saves nothing where the engine keeps no settings, and nothing after stop', async () => {
    const t = setup();
    t.settings.setState({ available: false });
    t.prefs.setState({ theme: 'light' });
    t.sync.flush();
    t.settings.setState({ available: true });
    t.sync.stop();
    t.prefs.setState({ theme: 'dark' });
    t.sync.flush();
    await t.settle();
    expect(t.saved).toEqual([]);
  });

  it('puts an imported document into the stores and can export them all again', async () => {
    const t = setup();
    const doc = {
      ...defaultSettings(),
      ui: { ...defaultUi(), language: 'zh-CN' as const },
      savedSessions: [{ name: 'K230', setup: { protocol: 'tcp-server' as const, serverPort: '8080' } }],
      presets: [
        {
          name: 'Status',
          message: 'status?',
          encodeAs: 'ascii' as const,
          lineEnding: 'lf' as const,
          escapes: true,
          macros: false,
          checksum: 'none' as const,
          checksumOrder: 'be' as const,
        },
      ],
      history: [{ text: 'AT', encodeAs: 'ascii' as const }],
    };
    t.sync.apply(doc);
    expect(t.prefs.getState().language).toBe('zh-CN');
    expect(t.presets.getState().presets).toEqual(doc.presets);
    expect(t.sync.snapshot()).toEqual(doc);
    t.sync.flush();
    await t.settle();
    expect(Object.keys(t.saved[0] ?? {}).sort()).toEqual([
      'history',
      'presets',
      'recent',
      'savedSessions',
      'ui',
    ]);
    t.sync.stop();
  });
});

describe('saved sessions', () => {
  it('round-trip a whole setup through the file’s partial form', () => {
    const form = { ...defaultForm(), protocol: 'udp' as const, udpPort: '5000', expectKind: 'echo' as const };
    const setupPart = setupOfSettings(form);
    expect(setupPart).toEqual({ protocol: 'udp', udpPort: '5000', expectKind: 'echo' });
    expect(settingsOfSetup(setupPart)).toEqual(form);
    const sessions = createSessionsStore(settingsOfSetup(setupPart));
    expect(activeSession(sessions.getState()).settings).toEqual(form);
  });

  it('replace one of the same name in place and refuse an empty or long name', () => {
    const one = saveNamed([], 'A', { host: 'a' });
    const two = saveNamed(one, ' B ', { host: 'b' });
    expect(saveNamed(two, 'A', { host: 'a2' })).toEqual([
      { name: 'A', setup: { host: 'a2' } },
      { name: 'B', setup: { host: 'b' } },
    ]);
    expect(savedNameProblem('  ')).toBe('Enter a name for the session.');
    expect(savedNameProblem('x'.repeat(61))).toBe('A name has at most 60 characters.');
    expect(savedNameProblem('W55RP20')).toBeUndefined();
  });

  it('keep recent values newest first, without repeats, ten at most', () => {
    let list: string[] = [];
    for (let i = 0; i < 12; i++) list = rememberRecent(list, `10.0.0.${i}`);
    list = rememberRecent(list, '10.0.0.5');
    expect(list[0]).toBe('10.0.0.5');
    expect(list).toHaveLength(10);
    expect(new Set(list).size).toBe(10);
    expect(rememberRecent(list, '10.0.0.5')).toBe(list);
  });
});
