// The command line's meaning, and the browser launcher's choice per platform.
import { describe, expect, it } from 'vitest';
import { parseCli } from './args';
import { browserCommand } from './open-browser';

describe('parseCli', () => {
  it('reads web with its defaults and flags', () => {
    expect(parseCli(['web'])).toEqual({ kind: 'web', host: '127.0.0.1', port: 0, open: true });
    expect(parseCli(['web', '--port', '8080', '--no-open'])).toEqual({
      kind: 'web',
      host: '127.0.0.1',
      port: 8080,
      open: false,
    });
    expect(parseCli(['web', '--port=0', '--host', '::1'])).toMatchObject({ port: 0, host: '::1' });
    expect(parseCli(['web', '--port', '65535'])).toMatchObject({ port: 65535 });
  });

  it('takes a user-data folder for browser mode only', () => {
    expect(parseCli(['web', '--user-data', 'bench-profiles/a'])).toMatchObject({
      kind: 'web',
      userData: 'bench-profiles/a',
    });
    expect(parseCli(['web', '--user-data', '  '])).toEqual({
      kind: 'error',
      message: '--user-data must name a folder',
    });
    expect(parseCli(['run', 'case.yaml', '--user-data', 'x'])).toMatchObject({
      kind: 'error',
      message: '--user-data does not apply to the run command',
    });
  });

  it('refuses bad ports, unknown flags, stray words and unknown commands', () => {
    for (const argv of [
      ['web', '--port', '70000'],
      ['web', '--port', '-1'],
      ['web', '--port', '12ab'],
      ['web', '--port', '1.5'],
      ['web', '--port', ''],
      ['web', '--host', ' '],
      ['web', '--verbose'],
      ['web', 'extra'],
      ['serve'],
      [],
      ['run'],
      ['run', 'case.json', '--no-open'],
      ['run', 'case.json', '--var', 'novalue'],
      ['run', 'case.json', '--fan-out', '127.0.0.1'],
      ['run', 'case.json', '--simulate', '--port', '1'],
      ['run', 'case.json', '--fan-out', '127.0.0.1:1', '--host', '127.0.0.1'],
      ['web', '--simulate'],
      ['simulate'],
      ['simulate', 'esp32'],
      ['simulate', 'esp8266', '--port', '0'],
    ]) {
      const command = parseCli(argv);
      expect(command.kind, argv.join(' ')).toBe('error');
      if (command.kind === 'error') expect(command.message).not.toContain('\n');
    }
    expect(parseCli(['web', '--port', '70000'])).toMatchObject({ message: expect.stringContaining('70000') });
    expect(parseCli(['web', '--verbose'])).toMatchObject({ message: expect.stringContaining('--verbose') });
  });

  it('reads help and run', () => {
    expect(parseCli(['--help'])).toEqual({ kind: 'help' });
    expect(parseCli(['web', '-h'])).toEqual({ kind: 'help' });
    expect(parseCli(['help'])).toEqual({ kind: 'help' });
    expect(parseCli(['run', 'examples/w55rp20.json'])).toEqual({
      kind: 'run',
      cases: ['examples/w55rp20.json'],
      vars: {},
      simulate: false,
    });
  });

  it('reads run with its options and several cases', () => {
    expect(
      parseCli([
        'run',
        'a.yaml',
        'b.yaml',
        '--host',
        '192.168.1.123',
        '--port',
        '8087',
        '--var',
        'message=hi=there',
        '--var',
        'n=3',
        '--junit',
        'out.xml',
        '--json',
        'out.json',
      ]),
    ).toEqual({
      kind: 'run',
      cases: ['a.yaml', 'b.yaml'],
      host: '192.168.1.123',
      port: 8087,
      vars: { message: 'hi=there', n: '3' },
      simulate: false,
      junit: 'out.xml',
      json: 'out.json',
    });
    expect(parseCli(['run', 'a.yaml', '--simulate'])).toMatchObject({ simulate: true });
    expect(parseCli(['run', 'a.yaml', '--fan-out', '10.0.0.5:8087, [fe80::1%eth0]:8087'])).toMatchObject({
      fanOut: [
        { host: '10.0.0.5', port: 8087 },
        { host: 'fe80::1%eth0', port: 8087 },
      ],
    });
  });

  it('reads simulate with its defaults', () => {
    expect(parseCli(['simulate', 'w55rp20'])).toEqual({
      kind: 'simulate',
      board: 'w55rp20',
      host: '127.0.0.1',
      port: 0,
    });
    expect(parseCli(['simulate', 'esp8266'])).toMatchObject({ port: 8888 });
    expect(parseCli(['simulate', 'k230', '--port', '8080'])).toMatchObject({ port: 8080 });
  });
});

describe('browserCommand', () => {
  const url = 'http://127.0.0.1:8000/?token=abc';

  it('uses each platform’s opener', () => {
    expect(browserCommand(url, 'darwin', {})).toEqual({ command: 'open', args: [url] });
    expect(browserCommand(url, 'win32', {})).toEqual({
      command: 'cmd',
      args: ['/c', 'start', '""', url],
      verbatim: true,
    });
    expect(browserCommand(url, 'linux', { DISPLAY: ':0' })).toEqual({ command: 'xdg-open', args: [url] });
    expect(browserCommand(url, 'linux', { WAYLAND_DISPLAY: 'wayland-0' })).toMatchObject({
      command: 'xdg-open',
    });
  });

  it('does nothing on a machine without a display', () => {
    expect(browserCommand(url, 'linux', {})).toBeUndefined();
  });
});
