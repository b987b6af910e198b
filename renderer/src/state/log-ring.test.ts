// The chunked ring against a plain array doing the same pushes and front drops.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRing, ringAt, ringDropFront, ringPush, ringToArray } from './log-ring';

type Op = { push: number } | { drop: number };

describe('log ring', () => {
  it('matches an array model across chunk boundaries', () => {
    const op = fc.oneof(
      fc.record({ push: fc.integer({ min: 0, max: 3000 }) }),
      fc.record({ drop: fc.integer({ min: 0, max: 3000 }) }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 20 }), (ops: Op[]) => {
        let ring = emptyRing<number>();
        let model: number[] = [];
        let next = 0;
        for (const o of ops) {
          if ('push' in o) {
            const items = Array.from({ length: o.push }, () => next++);
            const before = ring;
            const beforeModel = model;
            ring = ringPush(ring, items);
            model = model.concat(items);
            // Copy-on-write: the version React may still be rendering is untouched.
            expect(ringToArray(before)).toEqual(beforeModel);
          } else {
            ring = ringDropFront(ring, o.drop);
            model = model.slice(o.drop);
          }
          expect(ring.length).toBe(model.length);
        }
        expect(ringToArray(ring)).toEqual(model);
        expect(ringAt(ring, -1)).toBeUndefined();
        expect(ringAt(ring, model.length)).toBeUndefined();
      }),
      { numRuns: 200 },
    );
  });
});
