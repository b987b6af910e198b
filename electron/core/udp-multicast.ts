// Sentences for a multicast group that could not be joined, so the user knows which setting to
// change. Plain Node (no imports needed beyond the contract).
import type { ErrorInfo } from '../../shared/contract/model';

export function describeMulticastError(err: unknown, group: string, iface: string | undefined): ErrorInfo {
  const record = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const code = typeof record.code === 'string' ? record.code : 'E_INTERNAL';
  const where = iface ? ` on ${iface}` : '';
  switch (code) {
    case 'EADDRNOTAVAIL':
    case 'ENODEV':
      return {
        code,
        message: iface
          ? `Could not join the multicast group ${group} on ${iface}: that is not an address of one of this PC's interfaces. Pick one of its addresses, or leave the interface empty.`
          : `Could not join the multicast group ${group}: no interface of this PC can take multicast right now (is it connected to a network?). Pick an interface address.`,
      };
    case 'EINVAL':
    case 'EAFNOSUPPORT':
      return {
        code,
        message: `Could not join the multicast group ${group}${where}: the group, the interface and the local address must all be IPv4 or all IPv6.`,
      };
    case 'ENOBUFS':
      return {
        code,
        message: `Could not join the multicast group ${group}${where}: this PC has joined as many groups as it allows on that socket. Close other multicast sessions, then open this one again.`,
      };
    default: {
      const detail = typeof record.message === 'string' && record.message ? record.message : String(err);
      return { code, message: `Could not join the multicast group ${group}${where}: ${detail}` };
    }
  }
}
