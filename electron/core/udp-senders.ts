// The senders of one UDP session with the "address:port" the log shows for each, worked out once
// per sender rather than once per datagram (a flood is one sender, 100,000 times). Plain Node.
import { formatPeer } from './error-messages';

export interface UdpSender {
  address: string;
  port: number;
  /** As shown: an IPv4-mapped IPv6 address as the IPv4 address it carries. */
  peer: string;
}

/** Senders kept; beyond this many (a scan from many ports) the list starts again. */
const MAX_SENDERS_KEPT = 1024;

export class UdpSenders {
  private last: UdpSender | undefined;
  private readonly known = new Map<string, UdpSender>();

  /** The sender of a datagram; it is also the last sender from now on. */
  of(address: string, port: number): UdpSender {
    const last = this.last;
    if (last && last.port === port && last.address === address) return last;
    const key = `${port} ${address}`;
    let sender = this.known.get(key);
    if (!sender) {
      if (this.known.size >= MAX_SENDERS_KEPT) this.known.clear();
      sender = { address, port, peer: formatPeer(address, port) };
      this.known.set(key, sender);
    }
    this.last = sender;
    return sender;
  }

  /** Who sent the latest datagram, for "reply to the last sender". */
  get lastSender(): UdpSender | undefined {
    return this.last;
  }
}
