import { describe, expect, it } from 'vitest';
import { createFramer } from './index';

const frameBytes = (frames: { bytes: Uint8Array }[]): number[][] => frames.map((f) => [...f.bytes]);

describe('length-prefix framing', () => {
  it('reads a one-byte length that counts the body only', () => {
    const framer = createFramer({
      kind: 'length-prefix',
      size: 1,
      order: 'be',
      offset: 0,
      includesHeader: false,
    });
    expect(frameBytes(framer.push(Uint8Array.of(2, 0xa, 0xb, 0, 1), 1))).toEqual([[2, 0xa, 0xb], [0]]);
    expect(framer.pending()).toBe(1);
  });

  it('reads two-byte lengths in both byte orders', () => {
    const be = createFramer({
      kind: 'length-prefix',
      size: 2,
      order: 'be',
      offset: 0,
      includesHeader: false,
    });
    const le = createFramer({
      kind: 'length-prefix',
      size: 2,
      order: 'le',
      offset: 0,
      includesHeader: false,
    });
    const body = new Uint8Array(0x0102).fill(7);
    expect(be.push(Uint8Array.from([0x01, 0x02, ...body]), 1)).toHaveLength(1);
    expect(le.push(Uint8Array.from([0x02, 0x01, ...body]), 1)).toHaveLength(1);
  });

  it('skips the bytes before the length field and can count the whole header', () => {
    // A sync byte AA, a type byte, then a 4-byte little-endian length of the whole frame.
    const framer = createFramer({
      kind: 'length-prefix',
      size: 4,
      order: 'le',
      offset: 2,
      includesHeader: true,
    });
    const frame = [0xaa, 0x01, 8, 0, 0, 0, 0x31, 0x32];
    const frames = framer.push(Uint8Array.from([...frame, ...frame.slice(0, 3)]), 5);
    expect(frameBytes(frames)).toEqual([frame]);
    expect(framer.flush()).toEqual({ bytes: Uint8Array.from(frame.slice(0, 3)), at: 5, issue: 'incomplete' });
  });

  it('gives back a header whose length is shorter than itself as bad-length, and reads on', () => {
    const framer = createFramer({
      kind: 'length-prefix',
      size: 1,
      order: 'be',
      offset: 1,
      includesHeader: true,
    });
    const frames = framer.push(Uint8Array.of(0xaa, 1, 0xaa, 3, 9), 1);
    expect(frames.map((f) => [[...f.bytes], f.issue])).toEqual([
      [[0xaa, 1], 'bad-length'],
      [[0xaa, 3, 9], undefined],
    ]);
  });

  it('follows a declared frame past the maximum size in flagged pieces, then resumes in step', () => {
    const framer = createFramer({
      kind: 'length-prefix',
      size: 1,
      order: 'be',
      offset: 0,
      includesHeader: false,
      maxFrameBytes: 4,
    });
    const frames = framer.push(Uint8Array.of(9, 1, 2, 3, 4, 5, 6, 7, 8, 9, 1, 0x55), 1);
    expect(frames.map((f) => [[...f.bytes], f.issue])).toEqual([
      [[9, 1, 2, 3], 'oversized'],
      [[4, 5, 6, 7], 'oversized'],
      [[8, 9], 'oversized'],
      [[1, 0x55], undefined],
    ]);
  });

  it('accepts an empty body', () => {
    const framer = createFramer({
      kind: 'length-prefix',
      size: 2,
      order: 'be',
      offset: 0,
      includesHeader: false,
    });
    expect(frameBytes(framer.push(Uint8Array.of(0, 0, 0, 0), 1))).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});
