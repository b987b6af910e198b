// Subnet rules behind "which IP do I type into the board?", checked by example and by property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InterfaceAddress } from '../contract/model';
import { formatIp } from './ip';
import { interfacesForPeer, ipv4BroadcastAddress, prefixFromNetmask, sameSubnet } from './subnet';

const iface = (name: string, address: string, prefixLength: number, internal = false): InterfaceAddress => ({
  name,
  address,
  family: address.includes(':') ? 'IPv6' : 'IPv4',
  prefixLength,
  internal,
  mac: '00:00:00:00:00:00',
});

const ipv4 = fc.uint8Array({ minLength: 4, maxLength: 4 }).map((b) => formatIp(b));
const ipv6 = fc.uint8Array({ minLength: 16, maxLength: 16 }).map((b) => formatIp(b));
const anyIp = fc.oneof(
  ipv4.map((a) => ({ a, bits: 32 })),
  ipv6.map((a) => ({ a, bits: 128 })),
);

describe('sameSubnet', () => {
  it('matches the bench cases', () => {
    expect(sameSubnet('192.168.1.20', '192.168.1.123', 24)).toBe(true);
    expect(sameSubnet('192.168.1.20', '192.168.2.123', 24)).toBe(false);
    expect(sameSubnet('192.168.1.20', '192.168.2.123', 16)).toBe(true);
    expect(sameSubnet('10.0.0.1', '10.0.0.129', 25)).toBe(false);
    expect(sameSubnet('fd00::2', 'fd00::1234', 64)).toBe(true);
    expect(sameSubnet('fd00::2', 'fd00:0:0:1::2', 64)).toBe(false);
    expect(sameSubnet('::ffff:192.168.1.9', '192.168.1.20', 24)).toBe(true);
    expect(sameSubnet('192.168.1.20', 'fd00::2', 0)).toBe(false);
    expect(sameSubnet('board.lan', '192.168.1.20', 24)).toBe(false);
    expect(sameSubnet('192.168.1.20', '192.168.1.20', Number.NaN)).toBe(false);
  });

  it('is reflexive and symmetric', () => {
    fc.assert(
      fc.property(anyIp, anyIp, fc.integer({ min: 0, max: 128 }), ({ a }, { a: b }, prefix) => {
        expect(sameSubnet(a, a, prefix)).toBe(true);
        expect(sameSubnet(a, b, prefix)).toBe(sameSubnet(b, a, prefix));
      }),
    );
  });

  it('holds for every shorter prefix once it holds for one, and always at prefix 0', () => {
    fc.assert(
      fc.property(fc.oneof(fc.tuple(ipv4, ipv4), fc.tuple(ipv6, ipv6)), fc.nat(128), ([a, b], prefix) => {
        expect(sameSubnet(a, b, 0)).toBe(true);
        if (sameSubnet(a, b, prefix)) {
          for (let shorter = 0; shorter < prefix; shorter += 7) expect(sameSubnet(a, b, shorter)).toBe(true);
        }
      }),
    );
  });

  it('at the full prefix length means the same address', () => {
    fc.assert(
      fc.property(ipv4, ipv4, (a, b) => {
        expect(sameSubnet(a, b, 32)).toBe(a === b);
      }),
    );
  });
});

describe('interfacesForPeer', () => {
  const interfaces = [
    iface('eth0', '192.168.1.20', 24),
    iface('wlan0', '10.0.0.7', 8),
    iface('eth0', 'fd00::2', 64),
    iface('lo', '127.0.0.1', 8, true),
  ];

  it("marks the interface on the board's subnet", () => {
    expect(interfacesForPeer('192.168.1.123', interfaces).map((i) => i.address)).toEqual(['192.168.1.20']);
    expect(interfacesForPeer('10.200.3.4', interfaces).map((i) => i.name)).toEqual(['wlan0']);
    expect(interfacesForPeer('fd00::77', interfaces).map((i) => i.address)).toEqual(['fd00::2']);
    expect(interfacesForPeer('127.0.0.5', interfaces).map((i) => i.name)).toEqual(['lo']);
  });

  it('finds nothing when no interface shares the subnet, or the board address is not one', () => {
    expect(interfacesForPeer('192.168.4.1', interfaces)).toEqual([]);
    expect(interfacesForPeer('', interfaces)).toEqual([]);
    expect(interfacesForPeer('esp8266.local', interfaces)).toEqual([]);
  });

  it('returns exactly the interfaces sameSubnet accepts, in their order', () => {
    const ifaceArb = fc.tuple(anyIp, fc.nat(128)).map(([{ a, bits }, p]) => iface('x', a, Math.min(p, bits)));
    fc.assert(
      fc.property(anyIp, fc.array(ifaceArb, { maxLength: 8 }), ({ a: board }, list) => {
        const expected = list.filter((i) => sameSubnet(board, i.address, i.prefixLength));
        expect(interfacesForPeer(board, list)).toEqual(expected);
      }),
    );
  });
});

describe('netmask and broadcast addresses', () => {
  it('turns netmasks into prefix lengths', () => {
    expect(prefixFromNetmask('255.255.255.0')).toBe(24);
    expect(prefixFromNetmask('255.255.254.0')).toBe(23);
    expect(prefixFromNetmask('0.0.0.0')).toBe(0);
    expect(prefixFromNetmask('ffff:ffff:ffff:ffff::')).toBe(64);
    expect(prefixFromNetmask('255.0.255.0')).toBeUndefined();
    expect(prefixFromNetmask('nope')).toBeUndefined();
  });

  it('computes the subnet broadcast address, which lies in the same subnet', () => {
    expect(ipv4BroadcastAddress('192.168.1.20', 24)).toBe('192.168.1.255');
    expect(ipv4BroadcastAddress('192.168.0.20', 23)).toBe('192.168.1.255');
    expect(ipv4BroadcastAddress('127.0.0.1', 8)).toBe('127.255.255.255');
    expect(ipv4BroadcastAddress('10.1.2.3', 32)).toBe('10.1.2.3');
    expect(ipv4BroadcastAddress('fd00::2', 64)).toBeUndefined();
    fc.assert(
      fc.property(ipv4, fc.integer({ min: 0, max: 32 }), (address, prefix) => {
        const broadcast = ipv4BroadcastAddress(address, prefix) ?? '';
        expect(sameSubnet(address, broadcast, prefix)).toBe(true);
      }),
    );
  });
});
