import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECKSUM_KINDS, type ChecksumKind } from '../contract/model';
import { appendChecksum, CHECKSUM_WIDTH, checksum, checksumValue } from './checksum';

const ascii = (s: string): Uint8Array => new TextEncoder().encode(s);
const CHECK_INPUT = ascii('123456789');

/** Bit-at-a-time CRC straight from the catalogue's parameters, to check the tables against. */
function reference(kind: ChecksumKind, bytes: Uint8Array): number {
  const params: Record<string, [number, number, number, boolean, number]> = {
    crc8: [8, 0x07, 0x00, false, 0x00],
    'crc16-modbus': [16, 0x8005, 0xffff, true, 0x0000],
    'crc16-ccitt-false': [16, 0x1021, 0xffff, false, 0x0000],
    crc32: [32, 0x04c11db7, 0xffffffff, true, 0xffffffff],
  };
  if (kind === 'sum8') return bytes.reduce((s, b) => (s + b) % 256, 0);
  if (kind === 'xor8') return bytes.reduce((x, b) => x ^ b, 0);
  const [width, poly, init, reflected, xorout] = params[kind] as [number, number, number, boolean, number];
  const reflect = (v: number, bits: number): number => {
    let r = 0;
    for (let k = 0; k < bits; k++) r = r * 2 + (Math.floor(v / 2 ** k) % 2);
    return r;
  };
  let crc = BigInt(init);
  const top = 1n << BigInt(width - 1);
  const mask = (1n << BigInt(width)) - 1n;
  for (const b of bytes) {
    crc ^= BigInt(reflected ? reflect(b, 8) : b) << BigInt(width - 8);
    for (let k = 0; k < 8; k++) crc = crc & top ? ((crc << 1n) ^ BigInt(poly)) & mask : (crc << 1n) & mask;
  }
  const out = reflected ? reflect(Number(crc), width) : Number(crc);
  return Number((BigInt(out) ^ BigInt(xorout)) & mask);
}

describe('checksums', () => {
  it('give each CRC catalogue "check" value over "123456789"', () => {
    expect(checksumValue('crc8', CHECK_INPUT)).toBe(0xf4);
    expect(checksumValue('crc16-modbus', CHECK_INPUT)).toBe(0x4b37);
    expect(checksumValue('crc16-ccitt-false', CHECK_INPUT)).toBe(0x29b1);
    expect(checksumValue('crc32', CHECK_INPUT)).toBe(0xcbf43926);
  });

  it('sum and xor the bytes for SUM8 and XOR8', () => {
    // 0x31 + ... + 0x39 = 0x1DD; 0x31 ^ ... ^ 0x39 = 0x31.
    expect(checksumValue('sum8', CHECK_INPUT)).toBe(0xdd);
    expect(checksumValue('xor8', CHECK_INPUT)).toBe(0x31);
    expect(checksumValue('sum8', Uint8Array.of(0xff, 0x02))).toBe(0x01);
    expect(checksumValue('xor8', Uint8Array.of(0xf0, 0x0f, 0x01))).toBe(0xfe);
  });

  it('are defined on no bytes as the catalogue defines them', () => {
    expect(CHECKSUM_KINDS.map((k) => checksumValue(k, new Uint8Array(0)))).toEqual([
      0, 0, 0, 0xffff, 0xffff, 0,
    ]);
  });

  it('write CRC-16/MODBUS low byte first, as Modbus RTU frames carry it', () => {
    // Read 10 holding registers from unit 1: the frame every Modbus tutorial shows.
    const request = Uint8Array.of(0x01, 0x03, 0x00, 0x00, 0x00, 0x0a);
    expect([...checksum('crc16-modbus', request)]).toEqual([0xc5, 0xcd]);
    expect([...appendChecksum(request, { kind: 'crc16-modbus' })]).toEqual([1, 3, 0, 0, 0, 10, 0xc5, 0xcd]);
    expect([...checksum('crc16-modbus', request, 'be')]).toEqual([0xcd, 0xc5]);
  });

  it('write the others big-endian unless told otherwise', () => {
    expect([...checksum('crc16-ccitt-false', CHECK_INPUT)]).toEqual([0x29, 0xb1]);
    expect([...checksum('crc32', CHECK_INPUT)]).toEqual([0xcb, 0xf4, 0x39, 0x26]);
    expect([...checksum('crc32', CHECK_INPUT, 'le')]).toEqual([0x26, 0x39, 0xf4, 0xcb]);
    expect([...checksum('crc8', CHECK_INPUT, 'le')]).toEqual([0xf4]);
    expect([...checksum('crc32', ascii('The quick brown fox jumps over the lazy dog'))]).toEqual([
      0x41, 0x4f, 0xa3, 0x39,
    ]);
  });

  it('agree with a bit-at-a-time implementation on any bytes', () => {
    fc.assert(
      fc.property(fc.constantFrom(...CHECKSUM_KINDS), fc.uint8Array({ maxLength: 100 }), (kind, bytes) => {
        expect(checksumValue(kind, bytes)).toBe(reference(kind, bytes));
        expect(checksum(kind, bytes)).toHaveLength(CHECKSUM_WIDTH[kind]);
      }),
      { numRuns: 500 },
    );
  });

  it('leave a zero residue for a CRC appended in its natural order', () => {
    // A receiver running the CRC over data + CRC gets 0 (non-reflected, big-endian) or the
    // catalogue residue: a second, independent check of byte order.
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (bytes) => {
        expect(checksumValue('crc16-modbus', appendChecksum(bytes, { kind: 'crc16-modbus' }))).toBe(0);
        expect(checksumValue('crc16-ccitt-false', appendChecksum(bytes, { kind: 'crc16-ccitt-false' }))).toBe(
          0,
        );
        expect(checksumValue('crc8', appendChecksum(bytes, { kind: 'crc8' }))).toBe(0);
        expect(checksumValue('crc32', appendChecksum(bytes, { kind: 'crc32', order: 'le' }))).toBe(
          0x2144df1c,
        );
      }),
    );
  });
});
