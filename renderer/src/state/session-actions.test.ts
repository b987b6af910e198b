// Start / stop / Send / Rename / Close session against a scripted engine API: what reaches the
// engine, and what the stores show for each answer.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../shared/contract/errors';
import type { SessionConfig, SessionSnapshot } from '../../../shared/contract/model';
import { ringToArray } from './log-ring';
import { createLogStore } from './log-store';
import { type ActionsApi, createSessionActions } from './session-actions';
import { logOf } from './session-logs';
import { activeSession } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';

type Api = ActionsApi;

function setup(api: Partial<Api>) {
  const calls: string[] = [];
  const full: Api = {
    open: async (args) => {
      calls.push(`open ${JSON.stringify(args.config)}${args.name === 'Session 1' ? '' : ` as ${args.name}`}`);
      if (api.open) return api.open(args);
      return snapshot('e1', args.config);
    },
    close: async (args) => {
      calls.push(`close ${args.id}`);
      if (api.close) return api.close(args);
    },
    send: async (args) => {
      calls.push(`send ${args.id}${args.to ? ` ${JSON.stringify(args.to)}` : ''}`);
      if (api.send) return api.send(args);
      return { bytes: 5 };
    },
    rename: async (args) => {
      calls.push(`rename ${args.id} ${args.name}`);
      if (api.rename) return api.rename(args);
    },
    disconnectClient: async (args) => {
      calls.push(`disconnectClient ${args.id} ${args.peer}`);
      if (api.disconnectClient) return api.disconnectClient(args);
    },
    setFraming: async (args) => {
      calls.push(`setFraming ${args.id} ${JSON.stringify(args.framing)}`);
      if (api.setFraming) return api.setFraming(args);
    },
    resetCounters: async (args) => {
      calls.push(`resetCounters ${args.id}`);
      if (api.resetCounters) return api.resetCounters(args);
    },
    startCapture: async (args) => {
      calls.push(`startCapture ${args.id} ${args.path}`);
      if (api.startCapture) return api.startCapture(args);
      return { path: args.path, active: true, bytes: 0, records: 0 };
    },
    stopCapture: async (args) => {
      calls.push(`stopCapture ${args.id}`);
      if (api.stopCapture) return api.stopCapture(args);
      return { path: 'cap.bin', active: false, bytes: 1234, records: 5 };
    },
  };
  const sessions = createSessionsStore();
  const log = createLogStore();
  const actions = createSessionActions(full, sessions, log, () => 0);
  const ui = sessions.getState().activeId;
  sessions.updateSettings(ui, { host: '127.0.0.1', port: '8087' });
  return { calls, sessions, log, actions, ui, active: () => activeSession(sessions.getState()) };
}

const snapshot = (id: string, config: SessionConfig): SessionSnapshot => ({
  id,
  name: 'Session 1',
  config,
  state: 'connecting',
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
  openedAt: 0,
});

describe('session actions', () => {
  it('opens with the config built from the settings and attaches the engine session', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    expect(t.calls).toEqual(['open {"protocol":"tcp-client","host":"127.0.0.1","port":8087}']);
    expect(t.active()).toMatchObject({ engineId: 'e1', state: 'connecting', opening: false });
  });

  it('does not open from invalid settings', async () => {
    const t = setup({});
    t.sessions.updateSettings(t.ui, { port: '70000' });
    await t.actions.start(t.ui);
    expect(t.calls).toEqual([]);
  });

  it('closes the finished engine session before opening a new one', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    t.sessions.applyBatch({ seq: 1, events: [{ type: 'state', id: 'e1', state: 'error', at: 1 }] });
    await t.actions.start(t.ui);
    expect(t.calls.slice(1)).toEqual([
      'close e1',
      'open {"protocol":"tcp-client","host":"127.0.0.1","port":8087}',
    ]);
  });

  it('shows a refused open() as the session error and a log row', async () => {
    const t = setup({
      open: async () => {
        throw new ApiError('E_BAD_ARGUMENT', 'config.host: must not be empty');
      },
    });
    await t.actions.start(t.ui);
    expect(t.active()).toMatchObject({ state: 'error', error: { code: 'E_BAD_ARGUMENT' } });
    const rows = ringToArray(logOf(t.log.getState(), t.ui).shown.ring);
    expect(rows.map((r) => (r.kind === 'system' ? r.text : ''))).toEqual([
      'Error: config.host: must not be empty',
    ]);
  });

  it('stops: closes the engine session and shows Disconnected', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    await t.actions.stop(t.ui);
    expect(t.calls.at(-1)).toBe('close e1');
    expect(t.active()).toMatchObject({ engineId: undefined, state: 'disconnected' });
  });

  it('closes at once when stop was pressed while open() was in flight', async () => {
    let answer: (s: SessionSnapshot) => void = () => {};
    const t = setup({
      open: (args) => new Promise((resolve) => (answer = () => resolve(snapshot('e7', args.config)))),
    });
    const connecting = t.actions.start(t.ui);
    await t.actions.stop(t.ui);
    expect(t.calls).toHaveLength(1);
    answer(snapshot('e7', { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 }));
    await connecting;
    expect(t.calls.at(-1)).toBe('close e7');
    expect(t.active()).toMatchObject({ engineId: undefined, state: 'disconnected' });
  });

  it('sends to the attached engine session and passes an engine refusal on', async () => {
    const t = setup({
      send: async () => {
        throw new ApiError('E_NOT_CONNECTED', 'The connection to 127.0.0.1:8087 is closed.');
      },
    });
    await expect(t.actions.send(t.ui, { hex: '31' })).rejects.toMatchObject({ code: 'E_NOT_CONNECTED' });
    expect(t.calls).toEqual([]);
    await t.actions.start(t.ui);
    await expect(t.actions.send(t.ui, { hex: '31' })).rejects.toThrow(
      'The connection to 127.0.0.1:8087 is closed.',
    );
    expect(t.calls.at(-1)).toBe('send e1');
  });

  it('listens with a server config and names the engine session after the UI session', async () => {
    const t = setup({});
    t.sessions.updateSettings(t.ui, { protocol: 'tcp-server', serverPort: '0' });
    t.sessions.rename(t.ui, 'Board B');
    await t.actions.start(t.ui);
    expect(t.calls).toEqual(['open {"protocol":"tcp-server","port":0} as Board B']);
  });

  it('sends to the target it is given (a server client, a UDP peer)', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    await t.actions.send(t.ui, { hex: '31' }, { kind: 'client', peer: '127.0.0.1:5555' });
    expect(t.calls.at(-1)).toBe('send e1 {"kind":"client","peer":"127.0.0.1:5555"}');
  });

  it('renames locally before open, and in the engine once attached', async () => {
    const t = setup({});
    await t.actions.rename(t.ui, '  Board A  ');
    expect(t.active().name).toBe('Board A');
    expect(t.calls).toEqual([]);
    await t.actions.start(t.ui);
    await t.actions.rename(t.ui, 'ESP8266');
    expect(t.calls.at(-1)).toBe('rename e1 ESP8266');
    expect(t.active().name).toBe('ESP8266');
    await t.actions.rename(t.ui, '   ');
    expect(t.calls.at(-1)).toBe('rename e1 ESP8266');
  });

  it('writes a refused client disconnect into the session log', async () => {
    const t = setup({
      disconnectClient: async () => {
        throw new ApiError('E_UNKNOWN_CLIENT', '127.0.0.1:5555 is no longer connected.');
      },
    });
    await t.actions.start(t.ui);
    await t.actions.disconnectClient(t.ui, '127.0.0.1:5555');
    expect(t.calls.at(-1)).toBe('disconnectClient e1 127.0.0.1:5555');
    const rows = ringToArray(logOf(t.log.getState(), t.ui).shown.ring);
    expect(rows.map((r) => (r.kind === 'system' ? r.text : ''))).toEqual([
      'Error: 127.0.0.1:5555 is no longer connected.',
    ]);
  });

  it('closes a session: its engine session too, and one fresh session remains', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    await t.actions.closeSession(t.ui);
    expect(t.calls.at(-1)).toBe('close e1');
    const state = t.sessions.getState();
    expect(state.order).toHaveLength(1);
    expect(state.order[0]).not.toBe(t.ui);
    expect(t.active()).toMatchObject({ name: 'Session 2', state: 'disconnected' });
  });

  it('closes what an in-flight open() opened when its session was closed meanwhile', async () => {
    let answer: (s: SessionSnapshot) => void = () => {};
    const t = setup({
      open: (args) => new Promise((resolve) => (answer = () => resolve(snapshot('e9', args.config)))),
    });
    const starting = t.actions.start(t.ui);
    await t.actions.closeSession(t.ui);
    answer(snapshot('e9', { protocol: 'tcp-client', host: '127.0.0.1', port: 8087 }));
    await starting;
    expect(t.calls.at(-1)).toBe('close e9');
    expect(t.sessions.getState().sessions[t.ui]).toBeUndefined();
  });

  it('applies framing live, remembers it and says so in the log; a refusal is logged and returned', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    const framing = { kind: 'delimiter', delimiterHex: '0A' } as const;
    expect(await t.actions.setFraming(t.ui, framing)).toBeUndefined();
    expect(t.calls.at(-1)).toBe('setFraming e1 {"kind":"delimiter","delimiterHex":"0A"}');
    expect(t.active().framing).toEqual(framing);
    const rows = ringToArray(logOf(t.log.getState(), t.ui).shown.ring);
    expect(rows.at(-1)).toMatchObject({ text: 'Framing: delimiter 0A, for bytes received from now on' });

    const refusing = setup({
      setFraming: async () => {
        throw new ApiError('E_INVALID_ARGS', 'The idle gap must be a whole number.');
      },
    });
    await refusing.actions.start(refusing.ui);
    const refusal = await refusing.actions.setFraming(refusing.ui, { kind: 'idle-gap', gapMs: 0 });
    expect(refusal?.message).toBe('The idle gap must be a whole number.');
    expect(refusing.active().framing).toBeUndefined();
  });

  it('resets counters in the engine and shows zero at once', async () => {
    const t = setup({});
    await t.actions.start(t.ui);
    t.sessions.applyBatch({
      seq: 1,
      events: [
        { type: 'counters', id: 'e1', counters: { rxBytes: 9, txBytes: 4, rxChunks: 1, txChunks: 1 } },
      ],
    });
    await t.actions.resetCounters(t.ui);
    expect(t.calls.at(-1)).toBe('resetCounters e1');
    expect(t.active().counters.rxBytes).toBe(0);
  });

  it('starts and stops a capture, keeping its status; without a session there is nothing to capture', async () => {
    const t = setup({});
    expect((await t.actions.startCapture(t.ui, 'cap.bin'))?.message).toBe('Start the session first.');
    await t.actions.start(t.ui);
    expect(await t.actions.startCapture(t.ui, 'cap.bin')).toBeUndefined();
    expect(t.active().capture).toMatchObject({ path: 'cap.bin', active: true });
    await t.actions.stopCapture(t.ui);
    expect(t.active().capture).toMatchObject({ active: false, bytes: 1234 });
    const rows = ringToArray(logOf(t.log.getState(), t.ui).shown.ring);
    expect(rows.at(-1)).toMatchObject({
      text: 'Capture stopped: 1,234 bytes in 5 records written to cap.bin',
    });
    expect(t.calls.slice(-2)).toEqual(['startCapture e1 cap.bin', 'stopCapture e1']);
  });
});
