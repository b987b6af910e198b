// Where Send goes and why it cannot yet: a client, a server's All clients or one client (also one
// that just left), a UDP remote or its last sender.
import { describe, expect, it } from 'vitest';
import type { ClientInfo } from '../../../shared/contract/model';
import { MORE_CLIENTS, sendPlan, sendToOptions } from './send-target';
import { createSessionsState, type UiSession } from './sessions-reducer';

const client = (peer: string): ClientInfo => ({
  peer,
  connectedAt: 1,
  counters: { rxBytes: 0, txBytes: 0, rxChunks: 0, txChunks: 0 },
});

function session(change: Partial<UiSession>, settings: Partial<UiSession['settings']> = {}): UiSession {
  const base = Object.values(createSessionsState().sessions)[0] as UiSession;
  return { ...base, engineId: 'e1', ...change, settings: { ...base.settings, ...settings } };
}

describe('send to options', () => {
  it('offers All clients first, then every client', () => {
    expect(sendToOptions([client('127.0.0.1:5555'), client('127.0.0.1:5556')], '')).toEqual([
      { value: '', label: 'All clients' },
      { value: '127.0.0.1:5555', label: '127.0.0.1:5555' },
      { value: '127.0.0.1:5556', label: '127.0.0.1:5556' },
    ]);
  });

  it('names the newest clients only, the chosen one too, and counts the rest', () => {
    const many = Array.from({ length: 250 }, (_, i) => client(`127.0.0.1:${10_000 + i}`));
    const options = sendToOptions(many, '127.0.0.1:10003', 100);
    expect(options[0]).toEqual({ value: '', label: 'All clients' });
    // The chosen board is older than the newest hundred: listed apart, right after All clients.
    expect(options[1]).toEqual({ value: '127.0.0.1:10003', label: '127.0.0.1:10003' });
    expect(options.slice(2, 102).map((o) => o.value)).toEqual(many.slice(150).map((c) => c.peer));
    expect(options[102]).toEqual({
      value: MORE_CLIENTS,
      label: '… 149 more: choose one with Send to in Clients',
      more: true,
    });
    expect(options).toHaveLength(103);
    // Chosen among the newest, or All clients: the newest hundred and 150 more.
    expect(sendToOptions(many, '', 100).at(-1)?.label).toBe('… 150 more: choose one with Send to in Clients');
    expect(sendToOptions(many, '127.0.0.1:10249', 100)).toHaveLength(102);
    // Up to the limit, every client and no count.
    expect(sendToOptions(many.slice(0, 100), '', 100).some((o) => o.more)).toBe(false);
  });

  it('keeps a chosen client that left, marked, rather than falling back to all', () => {
    const options = sendToOptions([client('127.0.0.1:5556')], '127.0.0.1:5555');
    expect(options.at(-1)).toEqual({
      value: '127.0.0.1:5555',
      label: '127.0.0.1:5555 (disconnected)',
      gone: true,
    });
  });
});

describe('send plan', () => {
  it('asks to start a session that has no engine session', () => {
    expect(sendPlan(session({ engineId: undefined }, { protocol: 'tcp-server' }))).toEqual({
      ok: false,
      reason: 'Listen for boards to send.',
    });
    expect(sendPlan(session({ engineId: undefined }, { protocol: 'udp' }))).toEqual({
      ok: false,
      reason: 'Open the UDP socket to send.',
    });
  });

  it('sends a connected client without a target', () => {
    expect(sendPlan(session({ state: 'connected' }))).toEqual({ ok: true });
    expect(sendPlan(session({ state: 'connecting' })).ok).toBe(false);
  });

  it('sends a server to all clients or one, and waits for a first board', () => {
    const server = { protocol: 'tcp-server' as const, state: 'listening' as const };
    expect(sendPlan(session({ ...server, clients: [] }))).toEqual({
      ok: false,
      reason: 'No board is connected yet.',
    });
    const clients = [client('127.0.0.1:5555'), client('127.0.0.1:5556')];
    expect(sendPlan(session({ ...server, clients }))).toEqual({ ok: true, to: { kind: 'all' } });
    expect(sendPlan(session({ ...server, clients, sendTo: '127.0.0.1:5556' }))).toEqual({
      ok: true,
      to: { kind: 'client', peer: '127.0.0.1:5556' },
    });
    expect(sendPlan(session({ ...server, clients, sendTo: '127.0.0.1:6000' }))).toEqual({
      ok: false,
      reason: '127.0.0.1:6000 has disconnected: choose another client in Send to.',
    });
  });

  it('sends UDP to Remote host and Remote port, prompting for them first', () => {
    const udp = { protocol: 'udp' as const, state: 'open' as const };
    expect(sendPlan(session(udp, { protocol: 'udp' }))).toEqual({
      ok: false,
      reason: "Enter the board's address in Remote host.",
    });
    expect(sendPlan(session(udp, { protocol: 'udp', remoteHost: '127.0.0.1' }))).toEqual({
      ok: false,
      reason: 'Enter the port the board receives on in Remote port.',
    });
    expect(sendPlan(session(udp, { protocol: 'udp', remoteHost: '127.0.0.1', remotePort: '99999' }))).toEqual(
      {
        ok: false,
        reason: 'Remote port must be a whole number from 1 to 65535.',
        fault: true,
      },
    );
    expect(sendPlan(session(udp, { protocol: 'udp', remoteHost: '[::1]', remotePort: '8080' }))).toEqual({
      ok: true,
      to: { kind: 'address', host: '::1', port: 8080 },
    });
  });

  it('replies to the last sender only once a datagram came in', () => {
    const udp = { protocol: 'udp' as const, state: 'open' as const };
    const settings = { protocol: 'udp' as const, replyToSender: true };
    expect(sendPlan(session(udp, settings)).ok).toBe(false);
    const counters = { rxBytes: 5, txBytes: 0, rxChunks: 1, txChunks: 0 };
    expect(sendPlan(session({ ...udp, counters }, settings))).toEqual({
      ok: true,
      to: { kind: 'last-sender' },
    });
  });

  it('says Broadcast is needed for 255.255.255.255', () => {
    const udp = { protocol: 'udp' as const, state: 'open' as const };
    const settings = { protocol: 'udp' as const, remoteHost: '255.255.255.255', remotePort: '5000' };
    expect(sendPlan(session(udp, settings))).toMatchObject({ ok: false, fault: true });
    expect(sendPlan(session(udp, { ...settings, broadcast: true })).ok).toBe(true);
  });
});
