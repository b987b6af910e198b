// Subnet arithmetic for "which IP do I type into the board?": does an interface share the board's
// subnet, and which one. Pure TypeScript (IPv4 and IPv6), so the UI and the engine use the same rules.
import type { InterfaceAddress } from '../contract/model';
import { formatIp, parseIPv4, parseIpUnmapped } from './ip';

const clampPrefix = (prefixLength: number, bits: number): number | undefined =>
  Number.isFinite(prefixLength) && prefixLength >= 0 ? Math.min(Math.floor(prefixLength), bits) : undefined;

/** The first `prefix` bits of a and b are equal. */
function samePrefix(a: Uint8Array, b: Uint8Array, prefix: number): boolean {
  const whole = prefix >> 3;
  for (let i = 0; i < whole; i++) if (a[i] !== b[i]) return false;
  const rest = prefix & 7;
  if (rest === 0) return true;
  const mask = (0xff << (8 - rest)) & 0xff;
  return ((a[whole] ?? 0) & mask) === ((b[whole] ?? 0) & mask);
}

/**
 * Whether a and b lie in one subnet of the given prefix length. An IPv4-mapped IPv6 address counts
 * as its IPv4 address; different families, or anything that is not an address, never match.
 */
export function sameSubnet(a: string, b: string, prefixLength: number): boolean {
  const pa = parseIpUnmapped(a);
  const pb = parseIpUnmapped(b);
  if (!pa || !pb || pa.family !== pb.family) return false;
  const prefix = clampPrefix(prefixLength, pa.bytes.length * 8);
  return prefix !== undefined && samePrefix(pa.bytes, pb.bytes, prefix);
}

/**
 * The interface addresses whose subnet holds the board's address, in the order given: the ones the
 * board can reach directly. Empty means no interface shares the board's subnet, the most common
 * reason a board cannot connect to this PC.
 */
export function interfacesForPeer(
  boardAddress: string,
  interfaces: readonly InterfaceAddress[],
): InterfaceAddress[] {
  const board = parseIpUnmapped(boardAddress);
  if (!board) return [];
  return interfaces.filter((iface) => sameSubnet(boardAddress, iface.address, iface.prefixLength));
}

/** "255.255.255.0" -> 24; undefined for a mask with holes ("255.0.255.0") or not a mask. */
export function prefixFromNetmask(netmask: string): number | undefined {
  const parsed = parseIpUnmapped(netmask);
  if (!parsed) return undefined;
  let prefix = 0;
  let ended = false;
  for (const byte of parsed.bytes) {
    for (let bit = 7; bit >= 0; bit--) {
      const set = (byte >> bit) & 1;
      if (set && ended) return undefined;
      if (set) prefix++;
      else ended = true;
    }
  }
  return prefix;
}

/** "192.168.1.20/24" -> "192.168.1.255": where a datagram to every host of that subnet goes. */
export function ipv4BroadcastAddress(address: string, prefixLength: number): string | undefined {
  const bytes = parseIPv4(address);
  const prefix = clampPrefix(prefixLength, 32);
  if (!bytes || prefix === undefined) return undefined;
  const out = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const hostBits = Math.max(0, Math.min(8, (i + 1) * 8 - prefix));
    out[i] = (bytes[i] ?? 0) | ((1 << hostBits) - 1);
  }
  return formatIp(out);
}
