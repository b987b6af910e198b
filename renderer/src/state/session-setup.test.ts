// The setup panel's view of the active session holds still while only traffic figures change.
import { describe, expect, it } from 'vitest';
import type { ClientInfo, Counters } from '../../../shared/contract/model';
import { steadySetupSelector } from './session-setup';
import { activeSession, createSessionsState, type SessionsState, type UiSession } from './sessions-reducer';

const counters = (rxBytes: number): Counters => ({ rxBytes, txBytes: 0, rxChunks: 1, txChunks: 0 });
const client = (peer: string, rxBytes: number): ClientInfo => ({
  peer,
  connectedAt: 5,
  counters: counters(rxBytes),
});

function withActive(state: SessionsState, change: Partial<UiSession>): SessionsState {
  const session = activeSession(state);
  return { ...state, sessions: { ...state.sessions, [session.id]: { ...session, ...change } } };
}

describe('steadySetupSelector', () => {
  it('returns the same object while only the counters and the clients counters change', () => {
    const select = steadySetupSelector();
    let state = withActive(createSessionsState(), { clients: [client('10.0.0.5:4000', 1)] });
    const first = select(state);
    state = withActive(state, { counters: counters(100), clients: [client('10.0.0.5:4000', 100)] });
    expect(select(state)).toBe(first);
    state = withActive(state, { counters: counters(200) });
    expect(select(state)).toBe(first);
  });

  it('returns the new session when anything else changes: state, a client, a field that appears', () => {
    const select = steadySetupSelector();
    let state = createSessionsState();
    const first = select(state);
    state = withActive(state, { state: 'listening' });
    const listening = select(state);
    expect(listening).not.toBe(first);
    expect(listening.state).toBe('listening');
    state = withActive(state, { clients: [client('10.0.0.5:4000', 0)] });
    const withClient = select(state);
    expect(withClient.clients.map((c) => c.peer)).toEqual(['10.0.0.5:4000']);
    state = withActive(state, { clients: [client('10.0.0.6:4000', 0)] });
    expect(select(state).clients.map((c) => c.peer)).toEqual(['10.0.0.6:4000']);
    state = withActive(state, { error: { code: 'ECONNRESET', message: 'The board reset the connection.' } });
    expect(select(state).error?.code).toBe('ECONNRESET');
  });

  it('follows a switch to another session', () => {
    const select = steadySetupSelector();
    const state = createSessionsState();
    const first = select(state);
    const other: UiSession = { ...activeSession(state), id: 'session-9', name: 'Other' };
    const switched = { ...state, sessions: { ...state.sessions, [other.id]: other }, activeId: other.id };
    expect(select(switched).id).toBe('session-9');
    expect(first.id).not.toBe('session-9');
  });
});
