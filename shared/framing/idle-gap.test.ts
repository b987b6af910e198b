import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFramer, type Frame } from './index';

const GAP = 20;

describe('idle-gap framing', () => {
  it('ends a frame when the gap passes, at the time of its last byte', () => {
    const framer = createFramer({ kind: 'idle-gap', gapMs: GAP });
    expect(framer.nextDeadline()).toBeUndefined();
    expect(framer.push(Uint8Array.of(1, 2), 100)).toEqual([]);
    expect(framer.push(Uint8Array.of(3), 110)).toEqual([]);
    expect(framer.nextDeadline()).toBe(130);
    expect(framer.tick(129)).toEqual([]);
    expect(framer.tick(130)).toEqual([{ bytes: Uint8Array.of(1, 2, 3), at: 110 }]);
    expect(framer.nextDeadline()).toBeUndefined();
    expect(framer.tick(500)).toEqual([]);
  });

  it('ends the previous frame on a push after the gap even without a tick', () => {
    const framer = createFramer({ kind: 'idle-gap', gapMs: GAP });
    framer.push(Uint8Array.of(1), 100);
    expect(framer.push(Uint8Array.of(2), 125)).toEqual([{ bytes: Uint8Array.of(1), at: 100 }]);
    expect(framer.pending()).toBe(1);
    expect(framer.flush()).toEqual({ bytes: Uint8Array.of(2), at: 125 });
  });

  it('cuts a frame at the maximum size and flags the rest of that burst', () => {
    const framer = createFramer({ kind: 'idle-gap', gapMs: GAP, maxFrameBytes: 3 });
    const frames = framer.push(Uint8Array.of(1, 2, 3, 4, 5), 100);
    expect(frames).toEqual([{ bytes: Uint8Array.of(1, 2, 3), at: 100, issue: 'oversized' }]);
    expect(framer.tick(120)).toEqual([{ bytes: Uint8Array.of(4, 5), at: 100, issue: 'oversized' }]);
    framer.push(Uint8Array.of(6), 200);
    expect(framer.tick(220)).toEqual([{ bytes: Uint8Array.of(6), at: 200 }]);
  });

  it('gives the same frames whatever the chunking and whenever the timer fires', () => {
    // A burst: chunks with the delay since the one before.
    const burst = fc.array(
      fc.tuple(fc.uint8Array({ minLength: 1, maxLength: 12 }), fc.integer({ min: 0, max: 45 })),
      {
        maxLength: 25,
      },
    );
    fc.assert(
      fc.property(burst, fc.integer({ min: 1, max: 30 }), fc.nat(), (events, max, seed) => {
        let t = 1000;
        const timed = events.map(([bytes, delay]) => {
          t += delay;
          return { bytes, at: t };
        });
        // The model: split at gaps of GAP or more, then cut each burst into pieces of max.
        const model: Frame[] = [];
        let burstBytes: number[] = [];
        let lastAt = 0;
        let cut = false;
        const endBurst = (): void => {
          if (burstBytes.length > 0)
            model.push({
              bytes: Uint8Array.from(burstBytes),
              at: lastAt,
              ...(cut ? { issue: 'oversized' } : {}),
            });
          burstBytes = [];
          cut = false;
        };
        for (const { bytes, at } of timed) {
          if (at - lastAt >= GAP) endBurst();
          for (const b of bytes) {
            burstBytes.push(b);
            if (burstBytes.length === max) {
              model.push({ bytes: Uint8Array.from(burstBytes), at, issue: 'oversized' });
              burstBytes = [];
              cut = true;
            }
          }
          lastAt = at;
        }
        endBurst();

        // The framer, fed in pieces, with a timer that fires at its deadline or a little late.
        const framer = createFramer({ kind: 'idle-gap', gapMs: GAP, maxFrameBytes: max });
        const got: Frame[] = [];
        let rng = seed;
        const roll = (n: number): number => {
          rng = (rng * 1103515245 + 12345) % 2147483648;
          return rng % n;
        };
        for (const { bytes, at } of timed) {
          const deadline = framer.nextDeadline();
          if (deadline !== undefined && deadline <= at && roll(2) === 0)
            got.push(...framer.tick(deadline + roll(3)));
          let from = 0;
          while (from < bytes.length) {
            const to = from + 1 + roll(bytes.length - from);
            got.push(...framer.push(bytes.subarray(from, to), at));
            from = to;
          }
        }
        const last = framer.flush();
        if (last) got.push(last);
        expect(got).toEqual(model);
      }),
      { numRuns: 1000 },
    );
  });
});
