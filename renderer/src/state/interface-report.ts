// "Which IP do I type into the board?": this PC's interface addresses, each marked when it shares the
// board's subnet, and the warning when none does. Pure; the subnet rules are shared with the engine.
import type { InterfaceAddress } from '../../../shared/contract/model';
import { parseIp } from '../../../shared/net/ip';
import { interfacesForPeer } from '../../../shared/net/subnet';
import { t } from '../i18n';

export interface InterfaceRow {
  iface: InterfaceAddress;
  sameSubnet: boolean;
}

export interface InterfaceReport {
  rows: InterfaceRow[];
  /** The board's address as checked (trimmed, without brackets); absent when none was typed. */
  board?: string;
  /** Why the typed board address cannot be checked (a host name, a typo). */
  boardProblem?: string;
  /** No interface shares the board's subnet. */
  warning?: string;
}

export const noSubnetWarning = (board: string): string => t('network.noSubnet', { board });

/** Real interfaces first, loopback last: the board never talks to this PC over loopback. */
const byKind = (a: InterfaceAddress, b: InterfaceAddress): number => Number(a.internal) - Number(b.internal);

export function interfaceReport(
  interfaces: readonly InterfaceAddress[],
  boardAddress: string,
): InterfaceReport {
  const sorted = interfaces.slice().sort(byKind);
  const board = boardAddress.trim().replace(/^\[(.*)\]$/, '$1');
  const plain = (): InterfaceRow[] => sorted.map((iface) => ({ iface, sameSubnet: false }));
  if (board === '') return { rows: plain() };
  if (!parseIp(board)) {
    return {
      rows: plain(),
      board,
      boardProblem: t('network.notIp', { board }),
    };
  }
  const matching = new Set(interfacesForPeer(board, sorted));
  const rows = sorted.map((iface) => ({ iface, sameSubnet: matching.has(iface) }));
  return matching.size > 0 ? { rows, board } : { rows, board, warning: noSubnetWarning(board) };
}
