// The composer's payloads and byte preview: what reaches encodePayload for each choice, and the
// preview's split of message and checksum.
import { describe, expect, it } from 'vitest';
import { encodePayload } from '../../../shared/codec/payload';
import { type ComposeOptions, checksumSpec, payloadOf, previewParts, usesMacros } from './compose';

const base: ComposeOptions = {
  encodeAs: 'ascii',
  lineEnding: 'crlf',
  escapes: true,
  macros: false,
  checksum: 'none',
  checksumOrder: 'be',
};

const hex = (b: Uint8Array): string =>
  Array.from(b, (x) => x.toString(16).toUpperCase().padStart(2, '0')).join(' ');

describe('payloadOf', () => {
  it('sends typed text with its encoding, escapes and line ending, and no checksum by default', () => {
    expect(payloadOf('AT', base)).toEqual({
      text: 'AT',
      encoding: 'ascii',
      escapes: true,
      lineEnding: 'crlf',
    });
    expect(payloadOf('你好', { ...base, encodeAs: 'gbk', macros: true })).toEqual({
      text: '你好',
      encoding: 'gbk',
      escapes: true,
      lineEnding: 'crlf',
      macros: true,
    });
  });

  it('sends hex and Base64 as bytes, with no line ending or macros', () => {
    expect(payloadOf('01 03', { ...base, encodeAs: 'hex', macros: true })).toEqual({ hex: '01 03' });
    expect(payloadOf('AQM=', { ...base, encodeAs: 'base64' })).toEqual({ base64: 'AQM=' });
  });

  it('appends CRC-16/MODBUS low byte first to a Modbus request', () => {
    const payload = payloadOf('01 03 00 00 00 0A', {
      ...base,
      encodeAs: 'hex',
      checksum: 'crc16-modbus',
      checksumOrder: 'le',
    });
    const encoded = encodePayload(payload);
    expect(encoded.ok && hex(encoded.bytes)).toBe('01 03 00 00 00 0A C5 CD');
  });

  it('gives one-byte checksums no byte order and wider ones the chosen order', () => {
    expect(checksumSpec('xor8', 'le')).toEqual({ kind: 'xor8' });
    expect(checksumSpec('crc32', 'le')).toEqual({ kind: 'crc32', order: 'le' });
    expect(checksumSpec('none', 'be')).toBeUndefined();
  });
});

describe('previewParts', () => {
  it('marks the checksum bytes apart from the message', () => {
    const payload = payloadOf('01 03 00 00 00 0A', {
      ...base,
      encodeAs: 'hex',
      checksum: 'crc16-modbus',
      checksumOrder: 'le',
    });
    const encoded = encodePayload(payload);
    if (!encoded.ok) throw new Error(encoded.error.message);
    const parts = previewParts(encoded.bytes, payload, 32);
    expect(hex(parts.head)).toBe('01 03 00 00 00 0A');
    expect(parts.elided).toBe(0);
    expect(hex(parts.sum)).toBe('C5 CD');
  });

  it('elides the middle of a long message but always shows the checksum', () => {
    const payload = payloadOf('x'.repeat(100), { ...base, lineEnding: 'none', checksum: 'sum8' });
    const encoded = encodePayload(payload);
    if (!encoded.ok) throw new Error(encoded.error.message);
    const parts = previewParts(encoded.bytes, payload, 32);
    expect(parts.head.length).toBe(32);
    expect(parts.elided).toBe(68);
    expect(parts.sum.length).toBe(1);
  });

  it('has no checksum part without a checksum', () => {
    const bytes = new Uint8Array([1, 2, 3]);
    expect(previewParts(bytes, { hex: '01 02 03' }, 2)).toMatchObject({ elided: 1, sum: new Uint8Array(0) });
  });
});

describe('usesMacros', () => {
  it('is true only for a text payload with macros on and a macro in it', () => {
    expect(usesMacros('n={counter}', { encodeAs: 'ascii', macros: true })).toBe(true);
    expect(usesMacros('n={counter}', { encodeAs: 'ascii', macros: false })).toBe(false);
    expect(usesMacros('{{"a":1}}', { encodeAs: 'utf-8', macros: true })).toBe(false);
    expect(usesMacros('{counter}', { encodeAs: 'hex', macros: true })).toBe(false);
  });
});
