// The state texts of DESIGN.md section 6, per protocol, in the status panel and the sessions list.
import { describe, expect, it } from 'vitest';
import type { ClientInfo } from '../../../shared/contract/model';
import { createSessionsState, type UiSession } from './sessions-reducer';
import { describeSession, shortState } from './state-words';

const base = Object.values(createSessionsState().sessions)[0] as UiSession;
const session = (change: Partial<UiSession>): UiSession => ({ ...base, engineId: 'e1', ...change });
const client: ClientInfo = {
  peer: '127.0.0.1:5555',
  connectedAt: 1,
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
};

describe('state words', () => {
  it('words a client as before', () => {
    expect(describeSession(session({ state: 'connecting', target: '192.168.1.123:8087' }))).toMatchObject({
      label: 'Connecting…',
      detail: 'to 192.168.1.123:8087',
    });
    expect(
      describeSession(
        session({ state: 'connected', local: '192.168.1.119:5000', remote: '192.168.1.123:8087' }),
      ),
    ).toMatchObject({ label: 'Connected', detail: '192.168.1.119:5000 → 192.168.1.123:8087', tone: 'live' });
    expect(describeSession({ ...base })).toMatchObject({ label: 'Disconnected', tone: 'idle' });
  });

  it('words a server: Listening with its address, waiting, then its client count', () => {
    const server = session({ protocol: 'tcp-server', state: 'listening', local: '[::]:40001' });
    expect(describeSession(server)).toEqual({
      label: 'Listening',
      detail: 'on [::]:40001',
      note: 'Waiting for a board to connect…',
      tone: 'live',
    });
    expect(describeSession({ ...server, clients: [client] }).note).toBe('1 client connected');
    expect(shortState({ ...server, clients: [client, client] }).text).toBe('Listening · 2 clients');
  });

  it('words UDP: Open with its bound address, Closed when idle', () => {
    expect(describeSession(session({ protocol: 'udp', state: 'open', local: '0.0.0.0:5000' }))).toMatchObject(
      {
        label: 'Open',
        detail: 'on 0.0.0.0:5000',
      },
    );
    expect(describeSession({ ...base, settings: { ...base.settings, protocol: 'udp' } }).label).toBe(
      'Closed',
    );
  });

  it('puts an error as its sentence, and as "Error" in the list', () => {
    const failed = session({
      protocol: 'tcp-server',
      state: 'error',
      error: { code: 'EADDRINUSE', message: 'Port 8888 is already in use.' },
    });
    expect(describeSession(failed).label).toBe('Error: Port 8888 is already in use.');
    expect(shortState(failed)).toEqual({ text: 'Error', tone: 'error' });
  });
});
