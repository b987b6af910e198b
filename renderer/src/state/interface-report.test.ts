// "Which IP do I type into the board?": the interface on the board's subnet is marked, none gives the
// warning, a name instead of an address is explained.
import { describe, expect, it } from 'vitest';
import type { InterfaceAddress } from '../../../shared/contract/model';
import { interfaceReport, noSubnetWarning } from './interface-report';

const iface = (name: string, address: string, prefixLength: number, internal = false): InterfaceAddress => ({
  name,
  address,
  family: address.includes(':') ? 'IPv6' : 'IPv4',
  prefixLength,
  internal,
  mac: '00:00:00:00:00:00',
});

const PC = [
  iface('lo', '127.0.0.1', 8, true),
  iface('eth0', '192.168.1.119', 24),
  iface('eth0', 'fe80::1c2:3ff:fe04:506', 64),
  iface('wlan0', '10.0.0.7', 16),
];

describe('interface report', () => {
  it('lists real interfaces before loopback, none marked while no board address is typed', () => {
    const report = interfaceReport(PC, '  ');
    expect(report.rows.map((r) => r.iface.address)).toEqual([
      '192.168.1.119',
      'fe80::1c2:3ff:fe04:506',
      '10.0.0.7',
      '127.0.0.1',
    ]);
    expect(report.rows.every((r) => !r.sameSubnet)).toBe(true);
    expect(report.warning).toBeUndefined();
  });

  it("marks the interface on the board's subnet", () => {
    const report = interfaceReport(PC, '192.168.1.123');
    expect(report.rows.filter((r) => r.sameSubnet).map((r) => r.iface.name)).toEqual(['eth0']);
    expect(report.warning).toBeUndefined();
    expect(interfaceReport(PC, '10.0.200.1').rows.find((r) => r.sameSubnet)?.iface.address).toBe('10.0.0.7');
  });

  it('warns, in the words the panel shows, when no interface shares the subnet', () => {
    const report = interfaceReport(PC, '192.168.2.50');
    expect(report.rows.some((r) => r.sameSubnet)).toBe(false);
    expect(report.warning).toBe(noSubnetWarning('192.168.2.50'));
    expect(noSubnetWarning('192.168.1.123')).toBe(
      "No interface of this PC is on the same subnet as 192.168.1.123: the board cannot reach this PC, and this PC may not reach the board. Check the cable/Wi-Fi and the PC's IP settings.",
    );
  });

  it('takes IPv6 in brackets and a loopback board', () => {
    expect(interfaceReport(PC, '[fe80::abcd]').rows.find((r) => r.sameSubnet)?.iface.family).toBe('IPv6');
    expect(interfaceReport(PC, '127.0.0.1').rows.find((r) => r.sameSubnet)?.iface.name).toBe('lo');
  });

  it('explains that a host name cannot be checked, without a warning', () => {
    const report = interfaceReport(PC, 'esp8266.local');
    expect(report.boardProblem).toMatch(/^esp8266.local is not an IP address/);
    expect(report.warning).toBeUndefined();
  });
});
