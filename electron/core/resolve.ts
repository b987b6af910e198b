// Host name resolution for every session kind: the system resolver, except that names under
// ".invalid" are refused locally. Plain Node.
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import type { LookupFunction } from 'node:net';
import { type IpFamily, parseIp } from '../../shared/net/ip';

/**
 * RFC 6761 section 6.4: names under "invalid." never resolve, and resolvers should say so at once
 * instead of asking a name server. The system resolver here would still send the query out.
 */
export const isReservedInvalidName = (hostname: string) => /(^|\.)invalid\.?$/i.test(hostname);

type LookupCallback = (
  err: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family: number,
) => void;

const notFound = (hostname: string) =>
  Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), {
    code: 'ENOTFOUND',
    syscall: 'getaddrinfo',
    hostname,
  });

/** A drop-in for dns.lookup (the `lookup` option of net and dgram). */
export const lookup: LookupFunction = (hostname, options, callback) => {
  if (isReservedInvalidName(hostname)) {
    process.nextTick(callback, notFound(hostname), '', 0);
    return;
  }
  // net's callback type marks family optional; dns always supplies it.
  dnsLookup(hostname, options, callback as LookupCallback);
};

/** "[::1]" is how people write an IPv6 address next to a port; sockets want it bare. */
export const bareHost = (host: string) => host.trim().replace(/^\[(.*)\]$/, '$1');

/**
 * One address for a host: literals as they are (no resolver involved), names through `lookup`.
 * `family` restricts the answer (a UDP socket of one family can only reach that family).
 */
export function resolveHost(host: string, family?: IpFamily): Promise<{ address: string; family: IpFamily }> {
  const bare = bareHost(host);
  const literal = parseIp(bare);
  if (literal) return Promise.resolve({ address: bare, family: literal.family });
  return new Promise((resolve, reject) => {
    lookup(bare, { family: family ?? 0 }, (err, address, resolvedFamily) => {
      if (err) reject(err);
      else if (typeof address === 'string') resolve({ address, family: resolvedFamily === 6 ? 6 : 4 });
      else reject(notFound(bare));
    });
  });
}
