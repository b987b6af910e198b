// The counters events of received bytes: one per turn of the event loop, and at once when asked.
import { describe, expect, it } from 'vitest';
import { CountersTurn } from './session';

const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

describe('CountersTurn', () => {
  it('sends one event for every mark of a turn, after the turn', async () => {
    let sent = 0;
    const turn = new CountersTurn(() => sent++);
    turn.mark();
    turn.mark();
    turn.mark();
    expect(sent).toBe(0);
    await nextTurn();
    expect(sent).toBe(1);
    await nextTurn();
    expect(sent).toBe(1);
  });

  it('sends what is marked at once on flush, and nothing when nothing is marked', async () => {
    let sent = 0;
    const turn = new CountersTurn(() => sent++);
    turn.flush();
    expect(sent).toBe(0);
    turn.mark();
    turn.flush();
    expect(sent).toBe(1);
    await nextTurn();
    expect(sent).toBe(1);
  });

  it('sends at once on emit, taking the place of a marked one; cancel drops the mark', async () => {
    let sent = 0;
    const turn = new CountersTurn(() => sent++);
    turn.mark();
    turn.emit();
    expect(sent).toBe(1);
    turn.mark();
    turn.cancel();
    await nextTurn();
    expect(sent).toBe(1);
  });
});
