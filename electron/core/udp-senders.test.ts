// The UDP senders' shown names: worked out once per sender, IPv4-mapped addresses unmapped.
import { describe, expect, it } from 'vitest';
import { UdpSenders } from './udp-senders';

describe('UdpSenders', () => {
  it('names each sender once and remembers the last one', () => {
    const senders = new UdpSenders();
    expect(senders.lastSender).toBeUndefined();
    const a = senders.of('::ffff:127.0.0.1', 5000);
    expect(a).toEqual({ address: '::ffff:127.0.0.1', port: 5000, peer: '127.0.0.1:5000' });
    expect(senders.of('::ffff:127.0.0.1', 5000)).toBe(a);
    const b = senders.of('::1', 5000);
    expect(b.peer).toBe('[::1]:5000');
    expect(senders.lastSender).toBe(b);
    expect(senders.of('::ffff:127.0.0.1', 5000)).toBe(a);
    expect(senders.of('127.0.0.1', 5001).peer).toBe('127.0.0.1:5001');
  });

  it('still names senders right after thousands of ports sent', () => {
    const senders = new UdpSenders();
    for (let port = 1; port <= 5000; port++) expect(senders.of('127.0.0.2', port).port).toBe(port);
    expect(senders.of('127.0.0.2', 4999).peer).toBe('127.0.0.2:4999');
  });
});
