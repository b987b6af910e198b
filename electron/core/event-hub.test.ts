// The hub's fan-out: every subscriber sees every event, and unsubscribing is immediate.
import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../shared/contract/events';
import { createEventHub } from './event-hub';

const closed = (id: string): EngineEvent => ({ type: 'session-closed', id });

describe('createEventHub', () => {
  it('delivers each event to every subscriber until it unsubscribes', () => {
    const hub = createEventHub();
    const first: EngineEvent[] = [];
    const second: EngineEvent[] = [];
    const offFirst = hub.subscribe((e) => first.push(e));
    hub.subscribe((e) => second.push(e));
    hub.sink(closed('a'));
    offFirst();
    offFirst();
    hub.sink(closed('b'));
    expect(first).toEqual([closed('a')]);
    expect(second).toEqual([closed('a'), closed('b')]);
  });

  it('lets a listener unsubscribe itself while an event is being delivered', () => {
    const hub = createEventHub();
    const seen: string[] = [];
    const off = hub.subscribe(() => {
      seen.push('once');
      off();
    });
    hub.subscribe(() => seen.push('always'));
    hub.sink(closed('a'));
    hub.sink(closed('b'));
    expect(seen).toEqual(['once', 'always', 'always']);
  });

  it('still delivers to the others when one listener throws, then surfaces the failure', () => {
    const hub = createEventHub();
    const seen: EngineEvent[] = [];
    hub.subscribe(() => {
      throw new Error('broken window');
    });
    hub.subscribe((e) => seen.push(e));
    expect(() => hub.sink(closed('a'))).toThrow('broken window');
    expect(seen).toEqual([closed('a')]);
  });
});
