// This PC's interface list as the "which IP do I type into the board?" panel reads it.
import type { NetworkInterfaceInfo } from 'node:os';
import { describe, expect, it } from 'vitest';
import { interfacesForPeer } from '../../shared/net/subnet';
import { listInterfaces } from './interfaces';

const v4 = (address: string, cidr: string | null, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    netmask: '255.255.255.0',
    family: 'IPv4',
    mac: '02:00:00:00:00:01',
    internal,
    cidr,
  }) as NetworkInterfaceInfo;
const v6 = (address: string, cidr: string, internal = false): NetworkInterfaceInfo =>
  ({
    address,
    netmask: 'ffff:ffff:ffff:ffff::',
    family: 'IPv6',
    mac: '02:00:00:00:00:01',
    internal,
    cidr,
    scopeid: 0,
  }) as NetworkInterfaceInfo;

describe('listInterfaces', () => {
  it('lists the loopback addresses of this machine with the right prefix lengths', () => {
    const list = listInterfaces();
    const lo4 = list.find((i) => i.address === '127.0.0.1');
    expect(lo4).toMatchObject({ family: 'IPv4', prefixLength: 8, internal: true });
    const lo6 = list.find((i) => i.address === '::1');
    if (lo6) expect(lo6).toMatchObject({ family: 'IPv6', prefixLength: 128, internal: true });
    for (const i of list) {
      expect(i.prefixLength).toBeGreaterThanOrEqual(0);
      expect(i.prefixLength).toBeLessThanOrEqual(i.family === 'IPv4' ? 32 : 128);
      expect(typeof i.name).toBe('string');
    }
    expect(interfacesForPeer('127.0.0.42', list).map((i) => i.address)).toContain('127.0.0.1');
  });

  it('puts the addresses a board can reach first: IPv4, then IPv6, then link-local, loopback last', () => {
    const list = listInterfaces({
      lo: [v4('127.0.0.1', '127.0.0.1/8', true), v6('::1', '::1/128', true)],
      eth10: [
        v6('fe80::1', 'fe80::1/64'),
        v6('fd00::2', 'fd00::2/64'),
        v4('192.168.1.20', '192.168.1.20/24'),
      ],
      eth2: [v4('10.0.0.7', '10.0.0.7/8')],
    });
    expect(list.map((i) => `${i.name} ${i.address}/${i.prefixLength}`)).toEqual([
      'eth2 10.0.0.7/8',
      'eth10 192.168.1.20/24',
      'eth10 fd00::2/64',
      'eth10 fe80::1/64',
      'lo 127.0.0.1/8',
      'lo ::1/128',
    ]);
    expect(list[0]).toEqual({
      name: 'eth2',
      address: '10.0.0.7',
      family: 'IPv4',
      prefixLength: 8,
      internal: false,
      mac: '02:00:00:00:00:01',
    });
  });

  it('falls back to the netmask where the system gives no CIDR', () => {
    const [only] = listInterfaces({ eth0: [v4('192.168.1.20', null)] });
    expect(only?.prefixLength).toBe(24);
  });
});
