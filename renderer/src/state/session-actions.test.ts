// Connect / Disconnect / Send against a scripted engine API: what reaches the engine, and what the
// stores show for each answer.
import { describe, expect, it } from 'vitest';
import type { SessionApi } from '../../../shared/contract/api';
import { ApiError } from '../../../shared/contract/errors';
import type { SessionSnapshot, TcpClientConfig } from '../../../shared/contract/model';
import { ringToArray } from './log-ring';
import { createLogStore } from './log-store';
import { createSessionActions } from './session-actions';
import { activeSession } from './sessions-reducer';
import { createSessionsStore } from './sessions-store';

type Api = Pick<SessionApi, 'open' | 'close' | 'send'>;

function setup(api: Partial<Api>) {
  const calls: string[] = [];
  const full: Api = {
    open: async (args) => {
      calls.push(`open ${JSON.stringify(args.config)}`);
      if (api.open) return api.open(args);
      return snapshot('e1', args.config);
    },
    close: async (args) => {
      calls.push(`close ${args.id}`);
      if (api.close) return api.close(args);
    },
    send: async (args) => {
      calls.push(`send ${args.id}`);
      if (api.send) return api.send(args);
      return { bytes: 5 };
    },
  };
  const sessions = createSessionsStore();
  const log = createLogStore();
  const actions = createSessionActions(full, sessions, log, () => 0);
  const ui = sessions.getState().activeId;
  sessions.updateSettings(ui, { host: '127.0.0.1', port: '8087' });
  return { calls, sessions, log, actions, ui, active: () => activeSession(sessions.getState()) };
}

const snapshot = (id: string, config: TcpClientConfig): SessionSnapshot => ({
  id,
  name: `${config.host}:${config.port}`,
  config,
  state: 'connecting',
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
  openedAt: 0,
});

describe('session actions', () => {
  it('opens with the config built from the settings and attaches the engine session', async () => {
    const t = setup({});
    await t.actions.connect(t.ui);
    expect(t.calls).toEqual(['open {"protocol":"tcp-client","host":"127.0.0.1","port":8087}']);
    expect(t.active()).toMatchObject({ engineId: 'e1', state: 'connecting', opening: false });
  });

  it('does not open from invalid settings', async () => {
    const t = setup({});
    t.sessions.updateSettings(t.ui, { port: '70000' });
    await t.actions.connect(t.ui);
    expect(t.calls).toEqual([]);
  });

  it('closes the finished engine session before opening a new one', async () => {
    const t = setup({});
    await t.actions.connect(t.ui);
    t.sessions.applyBatch({ seq: 1, events: [{ type: 'state', id: 'e1', state: 'error', at: 1 }] });
    await t.actions.connect(t.ui);
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
    await t.actions.connect(t.ui);
    expect(t.active()).toMatchObject({ state: 'error', error: { code: 'E_BAD_ARGUMENT' } });
    const rows = ringToArray(t.log.getState().shown.ring);
    expect(rows.map((r) => (r.kind === 'system' ? r.text : ''))).toEqual([
      'Error: config.host: must not be empty',
    ]);
  });

  it('disconnects: closes the engine session and shows Disconnected', async () => {
    const t = setup({});
    await t.actions.connect(t.ui);
    await t.actions.disconnect(t.ui);
    expect(t.calls.at(-1)).toBe('close e1');
    expect(t.active()).toMatchObject({ engineId: undefined, state: 'disconnected' });
  });

  it('closes at once when Disconnect was pressed while open() was in flight', async () => {
    let answer: (s: SessionSnapshot) => void = () => {};
    const t = setup({
      open: (args) => new Promise((resolve) => (answer = () => resolve(snapshot('e7', args.config)))),
    });
    const connecting = t.actions.connect(t.ui);
    await t.actions.disconnect(t.ui);
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
    await t.actions.connect(t.ui);
    await expect(t.actions.send(t.ui, { hex: '31' })).rejects.toThrow(
      'The connection to 127.0.0.1:8087 is closed.',
    );
    expect(t.calls.at(-1)).toBe('send e1');
  });
});
