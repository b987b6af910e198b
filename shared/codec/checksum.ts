// Checksums appended on send and computed over a selection in the log. Parameters follow the
// CRC catalogue (reveng.sourceforge.io/crc-catalogue), whose "check" values the tests pin.
import type { ChecksumKind, ChecksumSpec } from '../contract/model';

/** How the UI names each kind. */
export const CHECKSUM_LABELS: Readonly<Record<ChecksumKind, string>> = {
  sum8: 'SUM8',
  xor8: 'XOR8',
  crc8: 'CRC-8',
  'crc16-modbus': 'CRC-16/MODBUS',
  'crc16-ccitt-false': 'CRC-16/CCITT-FALSE',
  crc32: 'CRC-32',
};

/** Bytes each kind appends. */
export const CHECKSUM_WIDTH: Readonly<Record<ChecksumKind, 1 | 2 | 4>> = {
  sum8: 1,
  xor8: 1,
  crc8: 1,
  'crc16-modbus': 2,
  'crc16-ccitt-false': 2,
  crc32: 4,
};

/** Modbus RTU sends its CRC low byte first; the other protocols in use write theirs big-endian. */
export const defaultChecksumOrder = (kind: ChecksumKind): 'be' | 'le' =>
  kind === 'crc16-modbus' ? 'le' : 'be';

function table(width: number, poly: number, reflected: boolean): Uint32Array {
  const t = new Uint32Array(256);
  const top = 2 ** (width - 1);
  const mask = 2 ** width - 1;
  for (let n = 0; n < 256; n++) {
    let c: number;
    if (reflected) {
      c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ poly : c >>> 1;
    } else {
      c = n * 2 ** (width - 8);
      for (let k = 0; k < 8; k++) c = c >= top ? ((c * 2) & mask) ^ poly : (c * 2) & mask;
    }
    t[n] = c >>> 0;
  }
  return t;
}

// Built on first use of each kind: 1 KiB apiece.
const tables = new Map<ChecksumKind, Uint32Array>();
function tableFor(kind: ChecksumKind): Uint32Array {
  let t = tables.get(kind);
  if (!t) {
    if (kind === 'crc8') t = table(8, 0x07, false);
    else if (kind === 'crc16-modbus') t = table(16, 0xa001, true);
    else if (kind === 'crc16-ccitt-false') t = table(16, 0x1021, false);
    else t = table(32, 0xedb88320, true);
    tables.set(kind, t);
  }
  return t;
}

/** The checksum as a number: what the calculator shows as 0x4B37. */
export function checksumValue(kind: ChecksumKind, bytes: Uint8Array): number {
  const n = bytes.length;
  switch (kind) {
    case 'sum8': {
      let s = 0;
      for (let i = 0; i < n; i++) s = (s + (bytes[i] as number)) & 0xff;
      return s;
    }
    case 'xor8': {
      let x = 0;
      for (let i = 0; i < n; i++) x ^= bytes[i] as number;
      return x;
    }
    case 'crc8': {
      // CRC-8 (a.k.a. CRC-8/SMBUS): poly 07, init 00, not reflected, xorout 00.
      const t = tableFor(kind);
      let c = 0;
      for (let i = 0; i < n; i++) c = t[c ^ (bytes[i] as number)] as number;
      return c;
    }
    case 'crc16-modbus': {
      // Poly 8005 reflected (A001), init FFFF, xorout 0000.
      const t = tableFor(kind);
      let c = 0xffff;
      for (let i = 0; i < n; i++) c = (c >>> 8) ^ (t[(c ^ (bytes[i] as number)) & 0xff] as number);
      return c;
    }
    case 'crc16-ccitt-false': {
      // CRC-16/IBM-3740: poly 1021, init FFFF, not reflected, xorout 0000.
      const t = tableFor(kind);
      let c = 0xffff;
      for (let i = 0; i < n; i++) c = ((c << 8) & 0xffff) ^ (t[(c >>> 8) ^ (bytes[i] as number)] as number);
      return c;
    }
    case 'crc32': {
      // CRC-32/ISO-HDLC (zip, Ethernet): poly 04C11DB7 reflected, init and xorout FFFFFFFF.
      const t = tableFor(kind);
      let c = 0xffffffff;
      for (let i = 0; i < n; i++) c = (c >>> 8) ^ (t[(c ^ (bytes[i] as number)) & 0xff] as number);
      return (c ^ 0xffffffff) >>> 0;
    }
    default:
      throw new Error(`Unknown checksum kind: ${String(kind)}`);
  }
}

/** The checksum's bytes as sent: 1, 2 or 4 of them, in `order` or the kind's default order. */
export function checksum(kind: ChecksumKind, bytes: Uint8Array, order?: 'be' | 'le'): Uint8Array {
  const value = checksumValue(kind, bytes);
  const width = CHECKSUM_WIDTH[kind];
  const out = new Uint8Array(width);
  const littleEndian = (order ?? defaultChecksumOrder(kind)) === 'le';
  for (let k = 0; k < width; k++) {
    const shift = 8 * (littleEndian ? k : width - 1 - k);
    out[k] = Math.floor(value / 2 ** shift) & 0xff;
  }
  return out;
}

/** `bytes` followed by their checksum. */
export function appendChecksum(bytes: Uint8Array, spec: ChecksumSpec): Uint8Array {
  const sum = checksum(spec.kind, bytes, spec.order);
  const out = new Uint8Array(bytes.length + sum.length);
  out.set(bytes);
  out.set(sum, bytes.length);
  return out;
}
