// Address literals: every form people type or the OS prints parses to the right bytes and back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIp,
  ipFamily,
  isLinkLocalIPv6,
  isMulticast,
  parseIPv4,
  parseIPv6,
  parseIp,
  splitEndpoint,
  unmapIPv4,
} from './ip';

const bytesOf = (text: string) => Array.from(parseIp(text)?.bytes ?? []);

describe('parseIp', () => {
  it('reads IPv4 dotted quads and refuses near misses', () => {
    expect(bytesOf('192.168.1.20')).toEqual([192, 168, 1, 20]);
    for (const bad of [
      '192.168.1',
      '192.168.1.256',
      '192.168.01.2',
      '1.2.3.4.5',
      '',
      'a.b.c.d',
      ' 1.2.3.4x',
    ]) {
      expect(parseIPv4(bad), bad).toBeUndefined();
    }
  });

  it('reads IPv6 in full, compressed and embedded-IPv4 forms, with zones and brackets', () => {
    expect(bytesOf('::1')).toEqual([...new Array(15).fill(0), 1]);
    expect(bytesOf('::')).toEqual(new Array(16).fill(0));
    expect(bytesOf('[2001:db8::8:800:200c:417a]')).toEqual([
      0x20, 0x01, 0x0d, 0xb8, 0, 0, 0, 0, 0, 0x08, 0x08, 0, 0x20, 0x0c, 0x41, 0x7a,
    ]);
    expect(bytesOf('::ffff:192.168.1.5').slice(10)).toEqual([0xff, 0xff, 192, 168, 1, 5]);
    expect(parseIPv6('fe80::1%eth0')).toMatchObject({ zone: 'eth0' });
    expect(parseIp('FE80::ABCD')?.family).toBe(6);
    for (const bad of [
      '1::2::3',
      ':::',
      '1:2:3:4:5:6:7:8:9',
      '1:2:3:4:5:6:7',
      '12345::',
      'fe80::1%',
      '1.2.3.4::',
      'g::1',
    ]) {
      expect(parseIPv6(bad), bad).toBeUndefined();
    }
  });

  it('names the family, or nothing for host names', () => {
    expect(ipFamily('10.0.0.1')).toBe(4);
    expect(ipFamily('fd00::2')).toBe(6);
    expect(ipFamily('esp8266.local')).toBeUndefined();
  });

  it('round-trips any IPv4 and IPv6 address through text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        expect(Array.from(parseIPv4(formatIp(bytes)) ?? [])).toEqual(Array.from(bytes));
      }),
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 16, maxLength: 16 }), (bytes) => {
        const text = formatIp(bytes);
        expect(Array.from(parseIPv6(text)?.bytes ?? [])).toEqual(Array.from(bytes));
        expect(text).toBe(text.toLowerCase());
      }),
    );
  });

  it('formats IPv6 as RFC 5952 asks', () => {
    const format = (text: string) => formatIp(parseIPv6(text)?.bytes ?? new Uint8Array(16));
    expect(format('2001:0db8:0000:0000:0000:0000:0000:0001')).toBe('2001:db8::1');
    expect(format('2001:db8:0:1:1:1:1:1')).toBe('2001:db8:0:1:1:1:1:1');
    expect(format('2001:0:0:1:0:0:0:1')).toBe('2001:0:0:1::1');
    expect(format('0:0:0:0:0:0:0:0')).toBe('::');
  });
});

describe('address utilities', () => {
  it('unmaps IPv4-mapped IPv6 addresses and leaves everything else alone', () => {
    expect(unmapIPv4('::ffff:127.0.0.1')).toBe('127.0.0.1');
    expect(unmapIPv4('::FFFF:7f00:1')).toBe('127.0.0.1');
    expect(unmapIPv4('::1')).toBe('::1');
    expect(unmapIPv4('192.168.1.2')).toBe('192.168.1.2');
    expect(unmapIPv4('board.lan')).toBe('board.lan');
    expect(unmapIPv4('::ffff:10.0.0.255')).toBe('10.0.0.255');
    expect(unmapIPv4('::ffff:0.0.0.0')).toBe('0.0.0.0');
  });

  it('unmaps the dotted form without parsing exactly as the parser does', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 4, maxLength: 4 }), (bytes) => {
        const dotted = Array.from(bytes).join('.');
        const parsed = parseIp(`::ffff:${dotted}`);
        expect(parsed && formatIp(parsed.bytes.subarray(12))).toBe(dotted);
        expect(unmapIPv4(`::ffff:${dotted}`)).toBe(dotted);
        // Written in upper case: not the fast form, the same answer.
        expect(unmapIPv4(`::FFFF:${dotted}`)).toBe(dotted);
      }),
    );
  });

  it('splits "address:port" and "[v6]:port"', () => {
    expect(splitEndpoint('192.168.1.50:8087')).toEqual({ address: '192.168.1.50', port: 8087 });
    expect(splitEndpoint('[fe80::1%eth0]:80')).toEqual({ address: 'fe80::1%eth0', port: 80 });
    expect(splitEndpoint('::1:80')).toBeUndefined();
    expect(splitEndpoint('host:70000')).toBeUndefined();
  });

  it('knows link-local IPv6 and multicast groups', () => {
    expect(isLinkLocalIPv6('fe80::fc:ff:fe00:1')).toBe(true);
    expect(isLinkLocalIPv6('febf::1')).toBe(true);
    expect(isLinkLocalIPv6('fec0::1')).toBe(false);
    expect(isLinkLocalIPv6('10.0.0.1')).toBe(false);
    expect(isMulticast('239.255.0.1')).toBe(true);
    expect(isMulticast('224.0.0.251')).toBe(true);
    expect(isMulticast('240.0.0.1')).toBe(false);
    expect(isMulticast('ff02::1:3')).toBe(true);
    expect(isMulticast('fe80::1')).toBe(false);
  });
});
