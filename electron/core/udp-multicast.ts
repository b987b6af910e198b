// Sentences for a multicast group that could not be joined, so the user knows which setting to
// change, each with its catalogue key. Plain Node.
import type { ErrorInfo } from '../../shared/contract/model';
import type { MessageKey } from '../../shared/i18n/catalog';
import { errorInfo } from './engine-said';

/** Each sentence names the interface when one was chosen ("... the group 239.1.2.3 on 192.168.1.10: ..."). */
const onInterface = (iface: string | undefined, key: MessageKey): MessageKey =>
  (iface ? `${key}.on` : key) as MessageKey;

export function describeMulticastError(err: unknown, group: string, iface: string | undefined): ErrorInfo {
  const record = (typeof err === 'object' && err !== null ? err : {}) as {
    code?: unknown;
    message?: unknown;
  };
  const code = typeof record.code === 'string' ? record.code : 'E_INTERNAL';
  const where: Record<string, string> = iface ? { group, iface } : { group };
  switch (code) {
    case 'EADDRNOTAVAIL':
    case 'ENODEV':
      return iface
        ? errorInfo(code, 'error.multicast.notLocal', { group, iface })
        : errorInfo(code, 'error.multicast.noInterface', { group });
    case 'EINVAL':
    case 'EAFNOSUPPORT':
      return errorInfo(code, onInterface(iface, 'error.multicast.family'), where);
    case 'ENOBUFS':
      return errorInfo(code, onInterface(iface, 'error.multicast.tooMany'), where);
    default: {
      // The system's own words for a failure without a sentence of ours.
      const reason = typeof record.message === 'string' && record.message ? record.message : String(err);
      return errorInfo(code, onInterface(iface, 'error.multicast.other'), { ...where, reason });
    }
  }
}
