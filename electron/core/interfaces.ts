// This PC's interface addresses, for "which IP do I type into the board?" and the self-test.
// Plain Node (node:os).
import { type NetworkInterfaceInfo, networkInterfaces } from 'node:os';
import type { InterfaceAddress } from '../../shared/contract/model';
import { isLinkLocalIPv6 } from '../../shared/net/ip';
import { prefixFromNetmask } from '../../shared/net/subnet';

type RawInterfaces = NodeJS.Dict<NetworkInterfaceInfo[]>;

/** "192.168.1.20/24" -> 24; a missing cidr (some platforms) falls back to the netmask. */
function prefixLengthOf(info: NetworkInterfaceInfo, family: 'IPv4' | 'IPv6'): number {
  const fromCidr = info.cidr ? Number(info.cidr.slice(info.cidr.lastIndexOf('/') + 1)) : Number.NaN;
  if (Number.isInteger(fromCidr)) return fromCidr;
  return prefixFromNetmask(info.netmask) ?? (family === 'IPv4' ? 32 : 128);
}

/**
 * The order a user should read them in: addresses a board can reach first (IPv4, then global
 * IPv6, then link-local IPv6), loopback last; within a group by interface name, as the OS lists them.
 */
function rank(a: InterfaceAddress): number {
  const linkLocal = a.family === 'IPv6' && isLinkLocalIPv6(a.address);
  const base = a.family === 'IPv4' ? 0 : linkLocal ? 2 : 1;
  return (a.internal ? 3 : 0) + base;
}

const byName = new Intl.Collator('en', { numeric: true });

/** Every address of every interface, sorted for reading; `raw` is for tests. */
export function listInterfaces(raw: RawInterfaces = networkInterfaces()): InterfaceAddress[] {
  const out: InterfaceAddress[] = [];
  for (const [name, infos] of Object.entries(raw)) {
    for (const info of infos ?? []) {
      // Node 18.0-18.3 reported the family as a number; later versions as text.
      const family = String(info.family) === '6' || info.family === 'IPv6' ? 'IPv6' : ('IPv4' as const);
      out.push({
        name,
        address: info.address,
        family,
        prefixLength: prefixLengthOf(info, family),
        internal: info.internal,
        mac: info.mac,
      });
    }
  }
  return out.sort((a, b) => rank(a) - rank(b) || byName.compare(a.name, b.name));
}
