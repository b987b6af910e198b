import { describe, expect, it } from 'vitest';
import { createFramer } from './index';

describe('fixed-length framing', () => {
  it('gives frames of exactly the length, across and within chunks', () => {
    const framer = createFramer({ kind: 'fixed', length: 3 });
    expect(framer.push(Uint8Array.of(1, 2), 1)).toEqual([]);
    expect(framer.pending()).toBe(2);
    const frames = framer.push(Uint8Array.of(3, 4, 5, 6, 7), 2);
    expect(frames).toEqual([
      { bytes: Uint8Array.of(1, 2, 3), at: 2 },
      { bytes: Uint8Array.of(4, 5, 6), at: 2 },
    ]);
    expect(framer.flush()).toEqual({ bytes: Uint8Array.of(7), at: 2, issue: 'incomplete' });
  });

  it('gives frames the caller may keep while the framer runs on', () => {
    const framer = createFramer({ kind: 'fixed', length: 2 });
    const [first] = framer.push(Uint8Array.of(1, 2), 1);
    framer.push(Uint8Array.of(9, 9, 9, 9, 9), 2);
    expect(first?.bytes).toEqual(Uint8Array.of(1, 2));
  });
});
