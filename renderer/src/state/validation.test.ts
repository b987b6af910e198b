// The reasons shown beside a disabled Connect / Listen / Open, and the config valid settings become.
import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { tcpClientConfigSchema } from '../../../shared/contract/schema';
import { configFromSettings } from './config-from-settings';
import { defaultSettings } from './sessions-reducer';
import {
  groupReason,
  hostReason,
  keepAliveReason,
  listenPortReason,
  localPortReason,
  portReason,
  receiveBufferReason,
  settingsProblems,
  timeoutReason,
  ttlReason,
} from './validation';

const settings = (change: Partial<ReturnType<typeof defaultSettings>>) => ({
  ...defaultSettings(),
  ...change,
});

describe('host and port reasons', () => {
  it('asks for a host when it is empty or blank', () => {
    expect(hostReason('')).toBe("Enter the board's IP address or host name.");
    expect(hostReason('   ')).toBe("Enter the board's IP address or host name.");
  });

  it('accepts IPv4, host names and IPv6 literals with or without brackets', () => {
    for (const host of ['192.168.1.123', 'esp8266.local', '::1', 'fe80::1%eth0', '[::1]']) {
      expect(hostReason(host)).toBeUndefined();
    }
  });

  it('explains a port pasted into Host', () => {
    expect(hostReason('192.168.1.123:8087')).toBe(
      'Leave the port out of Host: write 192.168.1.123 here and 8087 in Port.',
    );
  });

  it('refuses spaces inside a host', () => {
    expect(hostReason('192.168.1. 123')).toBe('The host must not contain spaces.');
  });

  it('takes whole ports from 1 to 65535 only', () => {
    const reason = 'Port must be a whole number from 1 to 65535.';
    for (const port of ['0', '70000', '65536', '-1', '80.5', '8o87', '1e3'])
      expect(portReason(port)).toBe(reason);
    for (const port of ['1', '8087', ' 8087 ', '65535']) expect(portReason(port)).toBeUndefined();
    expect(portReason('')).toBe('Enter the port the board listens on (1 to 65535).');
  });

  it('lets local port and timeout be empty, and bounds them otherwise', () => {
    expect(localPortReason('')).toBeUndefined();
    expect(localPortReason('0')).toBeUndefined();
    expect(localPortReason('65536')).toMatch(/^Local port must be a whole number from 0 to 65535/);
    expect(timeoutReason('')).toBeUndefined();
    expect(timeoutReason('99')).toMatch(/^Connect timeout must be/);
    expect(timeoutReason('5000')).toBeUndefined();
  });
});

describe('reconnect backoff', () => {
  const reconnecting = (first: string, max: string) =>
    settings({ host: 'board', port: '23', reconnect: true, reconnectFirstMs: first, reconnectMaxMs: max });

  it("keeps to the engine's bounds, so a config it builds is never refused there", () => {
    expect(settingsProblems(reconnecting('50', '')).map((p) => p.field)).toEqual(['reconnectFirstMs']);
    expect(settingsProblems(reconnecting('600001', '')).map((p) => p.field)).toEqual(['reconnectFirstMs']);
    expect(settingsProblems(reconnecting('', '99')).map((p) => p.field)).toEqual(['reconnectMaxMs']);
    expect(settingsProblems(reconnecting('50', ''))[0]?.reason).toBe(
      'First retry must be a whole number of milliseconds from 100 to 600000.',
    );
    for (const [first, max] of [
      ['100', '100'],
      ['600000', '3600000'],
      ['', ''],
    ]) {
      expect(settingsProblems(reconnecting(first as string, max as string))).toEqual([]);
      const built = configFromSettings(reconnecting(first as string, max as string));
      expect(built.ok && v.safeParse(tcpClientConfigSchema, built.config).success).toBe(true);
    }
  });
});

describe('settings as a whole', () => {
  it('reports the first fault in field order', () => {
    const problems = settingsProblems(settings({ host: '', port: '70000' }));
    expect(problems.map((p) => p.field)).toEqual(['host', 'port']);
  });

  it('builds the engine config, trimming and leaving out empty options', () => {
    const result = configFromSettings(settings({ host: ' [::1] ', port: ' 8087 ' }));
    expect(result).toEqual({ ok: true, config: { protocol: 'tcp-client', host: '::1', port: 8087 } });
    const full = configFromSettings(
      settings({
        host: 'board',
        port: '23',
        localAddress: '192.168.1.119',
        localPort: '0',
        connectTimeoutMs: '2000',
      }),
    );
    expect(full).toEqual({
      ok: true,
      config: {
        protocol: 'tcp-client',
        host: 'board',
        port: 23,
        localAddress: '192.168.1.119',
        localPort: 0,
        connectTimeoutMs: 2000,
      },
    });
  });

  it('refuses to build a config from invalid settings', () => {
    const result = configFromSettings(settings({ host: 'board', port: '0' }));
    expect(result.ok).toBe(false);
  });
});

describe('TCP client options', () => {
  it('bounds keepalive to what the engine accepts, empty meaning off', () => {
    expect(keepAliveReason('')).toBeUndefined();
    expect(keepAliveReason('30')).toBeUndefined();
    expect(keepAliveReason('0')).toMatch(/^Keepalive must be a whole number of seconds from 1 to 7200/);
    expect(keepAliveReason('7201')).toMatch(/^Keepalive/);
  });

  it('sends keepalive in milliseconds and No delay only when turned off', () => {
    const result = configFromSettings(
      settings({ host: 'board', port: '23', keepAliveS: '30', noDelay: false }),
    );
    expect(result).toEqual({
      ok: true,
      config: { protocol: 'tcp-client', host: 'board', port: 23, keepAliveMs: 30_000, noDelay: false },
    });
  });
});

describe('TCP server settings', () => {
  it('asks for a port to listen on, allowing 0 for a free one', () => {
    expect(listenPortReason('')).toBe('Enter the port to listen on (the one the board connects to).');
    expect(listenPortReason('0')).toBeUndefined();
    expect(listenPortReason('8888')).toBeUndefined();
    expect(listenPortReason('65536')).toBe(
      'Port must be a whole number from 0 to 65535 (0 picks a free port).',
    );
  });

  it('checks only the server fields: a bad client Host does not block Listen', () => {
    const s = settings({ protocol: 'tcp-server', host: '1.2.3.4:80', serverPort: '' });
    expect(settingsProblems(s).map((p) => p.field)).toEqual(['serverPort']);
    expect(settingsProblems({ ...s, serverAddress: '10.0.0.2:80', serverPort: '8888' })).toEqual([
      { field: 'serverAddress', reason: 'Leave the port out of Local address: it goes in Local port.' },
    ]);
  });

  it('builds a server config, all interfaces when no address is chosen', () => {
    expect(configFromSettings(settings({ protocol: 'tcp-server', serverPort: '8888' }))).toEqual({
      ok: true,
      config: { protocol: 'tcp-server', port: 8888 },
    });
    expect(
      configFromSettings(settings({ protocol: 'tcp-server', serverAddress: '[::1]', serverPort: '0' })),
    ).toEqual({ ok: true, config: { protocol: 'tcp-server', localAddress: '::1', port: 0 } });
  });
});

describe('UDP settings', () => {
  it('accepts only multicast groups', () => {
    for (const group of ['', '239.1.2.3', '224.0.0.251', 'ff02::1:3'])
      expect(groupReason(group)).toBeUndefined();
    for (const group of ['192.168.1.255', '240.0.0.1', 'fe80::1', 'group'])
      expect(groupReason(group)).toMatch(/^Group must be a multicast address/);
  });

  it('bounds TTL and the receive buffer', () => {
    expect(ttlReason('255')).toBeUndefined();
    expect(ttlReason('256')).toBe('TTL must be a whole number from 0 to 255.');
    expect(receiveBufferReason('1023')).toMatch(/^Receive buffer must be/);
    expect(receiveBufferReason('1048576')).toBeUndefined();
  });

  it('binds any port when Local port is empty, and carries a complete remote along', () => {
    expect(configFromSettings(settings({ protocol: 'udp' }))).toEqual({
      ok: true,
      config: { protocol: 'udp', localPort: 0 },
    });
    const full = configFromSettings(
      settings({
        protocol: 'udp',
        udpAddress: '127.0.0.1',
        udpPort: '5000',
        remoteHost: '127.0.0.1',
        remotePort: '8080',
        broadcast: true,
        multicastGroup: '239.1.2.3',
        multicastTtl: '4',
        multicastLoopback: false,
        receiveBufferBytes: '1048576',
      }),
    );
    expect(full).toEqual({
      ok: true,
      config: {
        protocol: 'udp',
        localAddress: '127.0.0.1',
        localPort: 5000,
        remoteHost: '127.0.0.1',
        remotePort: 8080,
        broadcast: true,
        multicast: { group: '239.1.2.3', ttl: 4, loopback: false },
        receiveBufferSize: 1048576,
      },
    });
  });

  it('leaves an incomplete remote out instead of refusing Open', () => {
    const result = configFromSettings(settings({ protocol: 'udp', remoteHost: '127.0.0.1', remotePort: '' }));
    expect(result).toEqual({ ok: true, config: { protocol: 'udp', localPort: 0 } });
  });

  it('reports every UDP fault in field order', () => {
    const problems = settingsProblems(
      settings({ protocol: 'udp', udpPort: 'x', multicastGroup: '10.0.0.1', multicastTtl: '300' }),
    );
    expect(problems.map((p) => p.field)).toEqual(['udpPort', 'multicastGroup', 'multicastTtl']);
  });
});
