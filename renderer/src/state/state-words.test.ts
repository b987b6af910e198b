// The state texts of DESIGN.md section 6, per protocol, in the status panel, the sessions list and the log.
import { describe, expect, it } from 'vitest';
import type { ClientInfo, ReceiveBuffer } from '../../../shared/contract/model';
import { toEntry } from './log-entry';
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

  it('tells of a UDP receive buffer the system granted smaller than asked, in the panel and the log', () => {
    const open = session({ protocol: 'udp', state: 'open', local: '0.0.0.0:5000' });
    const capped = { asked: 67_108_864, granted: 8_388_608 };
    const sentence =
      'Receive buffer 8,388,608 bytes, not the 67,108,864 asked: the system caps it, and datagrams beyond it are lost in a burst (on Linux, raise net.core.rmem_max).';
    expect(describeSession({ ...open, receiveBuffer: capped }).note).toBe(sentence);
    // Linux grants twice what is asked when it can: that is no cap.
    expect(describeSession({ ...open, receiveBuffer: { asked: 1_048_576, granted: 2_097_152 } }).note).toBe(
      undefined,
    );
    const event = { type: 'state', id: 'e1', state: 'open', at: 0, local: '0.0.0.0:5000' } as const;
    const row = (receiveBuffer?: ReceiveBuffer) =>
      toEntry({ ...event, ...(receiveBuffer ? { receiveBuffer } : {}) }, 1, {
        targetOf: () => '',
        protocolOf: () => 'udp',
      });
    expect(row(capped)).toMatchObject({ tone: 'warn', text: `Open on 0.0.0.0:5000. ${sentence}` });
    expect(row()).toMatchObject({ tone: 'ok', text: 'Open on 0.0.0.0:5000' });
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
