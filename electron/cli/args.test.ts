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
      ['run', 'case.json', '--port', '1'],
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
      casePath: 'examples/w55rp20.json',
    });
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
