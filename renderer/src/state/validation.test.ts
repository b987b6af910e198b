// The reasons shown beside a disabled Connect, and the config valid settings become.
import { describe, expect, it } from 'vitest';
import { defaultSettings } from './sessions-reducer';
import {
  configFromSettings,
  hostReason,
  localPortReason,
  portReason,
  settingsProblems,
  timeoutReason,
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
