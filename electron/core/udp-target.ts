// Where a UDP send goes and whether it may go: the socket family, the target, size and broadcast
// checks, each refusal with a sentence. Plain Node (reads this PC's interfaces).
import { CONTRACT_ERROR_CODES } from '../../shared/contract/errors';
import type { SendTarget, UdpConfig } from '../../shared/contract/model';
import { type IpFamily, ipFamily, parseIpUnmapped } from '../../shared/net/ip';
import { ipv4BroadcastAddress } from '../../shared/net/subnet';
import { refusal } from './engine-said';
import { describeError, type ErrorContext } from './error-messages';
import { listInterfaces } from './interfaces';
import { bareHost } from './resolve';
import { apiErrorFrom } from './session';

/** 65,535 minus the UDP header and, for IPv4, the IP header; IPv6's header is outside its length. */
export const MAX_DATAGRAM_BYTES: Readonly<Record<IpFamily, number>> = { 4: 65_507, 6: 65_527 };

/** IPv6 when any configured address is IPv6 (the local address decides first); IPv4 otherwise. */
export function udpSocketType(config: UdpConfig): 'udp4' | 'udp6' {
  const local = ipFamily(bareHost(config.localAddress ?? ''));
  if (local) return local === 6 ? 'udp6' : 'udp4';
  const others = [config.remoteHost, config.multicast?.group].map((h) => ipFamily(bareHost(h ?? '')));
  return others.includes(6) ? 'udp6' : 'udp4';
}

const thousands = (n: number) => n.toLocaleString('en-US');

/** Where a send goes: the explicit address, the last sender, or the configured remote host and port. */
export function pickTarget(
  config: UdpConfig,
  lastSender: { address: string; port: number } | undefined,
  to: SendTarget | undefined,
): { host: string; port: number } {
  if (to === undefined) {
    const host = bareHost(config.remoteHost ?? '');
    const port = config.remotePort;
    if (host && port) return { host, port };
    throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.udp.noRemote');
  }
  if (to.kind === 'address') return { host: bareHost(to.host), port: to.port };
  if (to.kind === 'last-sender') {
    if (lastSender) return { host: lastSender.address, port: lastSender.port };
    throw refusal(CONTRACT_ERROR_CODES.notConnected, 'error.udp.noLastSender');
  }
  throw refusal(CONTRACT_ERROR_CODES.badArgument, 'error.udp.serverTarget', { kind: to.kind });
}

/**
 * Refuses, with a sentence, what must not be sent: the wrong family, an oversized datagram (never
 * truncated), a broadcast without SO_BROADCAST. Returns the address in the socket's family.
 */
export function checkDatagram(
  socket: { type: 'udp4' | 'udp6'; broadcast: boolean },
  n: number,
  address: string,
  ctx: ErrorContext,
): string {
  const family = parseIpUnmapped(address)?.family ?? 4;
  if (socket.type === 'udp4' && family === 6) {
    throw refusal('EAFNOSUPPORT', 'error.udp.ipv4Only', { address });
  }
  const limit = MAX_DATAGRAM_BYTES[family];
  if (n > limit) {
    throw refusal('EMSGSIZE', 'error.udp.tooLarge', {
      bytes: thousands(n),
      family,
      limit: thousands(limit),
    });
  }
  if (family === 4 && !socket.broadcast && isKnownBroadcast(address)) {
    throw apiErrorFrom(describeError({ code: 'EACCES', syscall: 'send' }, ctx));
  }
  // A dual-stack IPv6 socket reaches IPv4 peers through their IPv4-mapped address.
  return socket.type === 'udp6' && ipFamily(address) === 4 ? `::ffff:${address}` : address;
}

/**
 * 255.255.255.255, or the broadcast address of one of this PC's subnets. Other x.x.x.255
 * addresses may be ordinary hosts (in a /23, say); for those the system decides, and its EACCES
 * gets the same sentence.
 */
function isKnownBroadcast(address: string): boolean {
  if (address === '255.255.255.255') return true;
  return listInterfaces().some(
    (i) =>
      i.family === 'IPv4' &&
      !i.internal &&
      i.prefixLength < 31 &&
      ipv4BroadcastAddress(i.address, i.prefixLength) === address,
  );
}
