// Each failure keeps its system code and gets one sentence that says what to check.
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../shared/contract/errors';
import { describeError, formatDuration, formatEndpoint, formatPeer } from './error-messages';

const board = { host: '192.168.1.123', port: 8087, connectTimeoutMs: 5000 };
const sys = (code: string, syscall = 'connect') =>
  Object.assign(new Error(`${syscall} ${code}`), { code, syscall });

describe('describeError', () => {
  it.each([
    [
      'ECONNREFUSED',
      "Nothing is listening at 192.168.1.123:8087. Is the board's program running, and is the port right?",
    ],
    [
      'ETIMEDOUT',
      'No answer from 192.168.1.123:8087 within 5 s. Is the board powered and on this network, and is the address right?',
    ],
    ['ECONNRESET', /^The board reset the connection to 192\.168\.1\.123:8087\./],
    ['EHOSTUNREACH', /^No route to 192\.168\.1\.123\./],
    ['ENETUNREACH', /^This computer has no network route to 192\.168\.1\.123\./],
    ['EPIPE', /^The board had already closed the connection to 192\.168\.1\.123:8087/],
    ['ECONNABORTED', /^The connection to 192\.168\.1\.123:8087 was aborted/],
    ['EACCES', /^This computer refused to connect to 192\.168\.1\.123:8087\. Is a firewall blocking it\?$/],
  ])('%s', (code, expected) => {
    const info = describeError(sys(code), board);
    expect(info.code).toBe(code);
    if (typeof expected === 'string') expect(info.message).toBe(expected);
    else expect(info.message).toMatch(expected);
  });

  it('names the host that could not be resolved', () => {
    const ctx = { host: 'w55rp20.lan', port: 8087 };
    expect(describeError(sys('ENOTFOUND', 'getaddrinfo'), ctx)).toMatchObject({
      code: 'ENOTFOUND',
      message:
        'The host name "w55rp20.lan" could not be resolved. Check the spelling, or type the board\'s IP address.',
    });
    expect(describeError(sys('EAI_AGAIN', 'getaddrinfo'), ctx).message).toMatch(
      /^The host name "w55rp20\.lan" could/,
    );
  });

  it('speaks of the local address and port when those were chosen', () => {
    const ctx = { ...board, localAddress: '10.0.0.5', localPort: 5000 };
    expect(describeError(sys('EADDRNOTAVAIL', 'bind'), ctx).message).toMatch(
      /^The local address 10\.0\.0\.5 is not an address of this computer\./,
    );
    expect(describeError(sys('EADDRINUSE', 'bind'), ctx).message).toBe(
      'Local port 5000 is already in use on 10.0.0.5. Choose another local port, or leave it empty to let the system pick one.',
    );
    expect(describeError(sys('EACCES', 'bind'), { ...board, localPort: 80 }).message).toMatch(
      /^Local port 80 needs administrator rights\./,
    );
    expect(describeError(sys('EINVAL'), { ...board, localAddress: '::1' }).message).toMatch(/IPv4 or IPv6/);
  });

  it('prints IPv6 literals in brackets', () => {
    expect(describeError(sys('ECONNREFUSED'), { host: '::1', port: 8087 }).message).toMatch(
      /^Nothing is listening at \[::1\]:8087\./,
    );
  });

  it('tells a timeout while connected from a connect timeout', () => {
    expect(describeError(sys('ETIMEDOUT', 'read'), board).message).toMatch(
      /^The connection to 192\.168\.1\.123:8087 timed out/,
    );
    expect(describeError(sys('ETIMEDOUT'), { host: 'b', port: 1, connectTimeoutMs: 300 }).message).toMatch(
      /within 300 ms\./,
    );
  });

  it('picks the most telling cause out of a Happy Eyeballs AggregateError', () => {
    const err = Object.assign(new AggregateError([sys('ENETUNREACH'), sys('ECONNREFUSED')], 'all failed'), {
      code: 'ENETUNREACH',
    });
    expect(describeError(err, { host: 'localhost', port: 8087 })).toMatchObject({
      code: 'ECONNREFUSED',
      message: expect.stringMatching(/^Nothing is listening at localhost:8087\./),
    });
  });

  it('keeps unknown codes with the system message, and contract errors as they are', () => {
    expect(describeError(sys('EWEIRD'), board)).toEqual({ code: 'EWEIRD', message: 'connect EWEIRD' });
    expect(describeError(new ApiError('E_NOT_CONNECTED', 'Not connected.'), board)).toEqual({
      code: 'E_NOT_CONNECTED',
      message: 'Not connected.',
    });
    expect(describeError('boom', board)).toEqual({ code: 'E_INTERNAL', message: 'boom' });
  });
});

describe('describeError for a listening server', () => {
  const listen = (port: number, localAddress?: string) => ({
    host: localAddress ?? 'all interfaces',
    port,
    localAddress,
    role: 'listen' as const,
  });

  it('says a port is in use, and what to do', () => {
    expect(describeError(sys('EADDRINUSE', 'listen'), listen(8087))).toMatchObject({
      code: 'EADDRINUSE',
      message:
        'Port 8087 is already in use on this PC: another program (or another SocketBench session) is listening on it. Stop it, or pick another port.',
    });
  });

  it('says a privileged port needs administrator rights, and suggests one above 1024', () => {
    expect(describeError(sys('EACCES', 'listen'), listen(80)).message).toBe(
      'Port 80 is below 1024: on Linux and macOS only an administrator may listen on such ports. Pick a port above 1024 (8080, for example).',
    );
    expect(describeError(sys('EACCES', 'listen'), listen(5357)).message).toMatch(
      /^This PC did not allow listening on port 5357\. On Windows the system may reserve it/,
    );
  });

  it('says a local address is not this PC', () => {
    expect(describeError(sys('EADDRNOTAVAIL', 'listen'), listen(8087, '192.168.9.9')).message).toBe(
      "192.168.9.9 is not an address of this PC, so nothing can listen on it. Pick one of this PC's addresses, or all interfaces.",
    );
    expect(describeError(sys('EAFNOSUPPORT', 'listen'), listen(8087, 'fd00::2')).message).toMatch(
      /^This PC has no IPv6 networking, so it cannot listen on fd00::2\./,
    );
  });

  it('falls back to the connect sentences for other codes', () => {
    expect(describeError(sys('EMFILE', 'accept'), listen(8087)).message).toMatch(/run out of sockets/);
  });
});

describe('describeError for a UDP socket', () => {
  const udp = { host: '192.168.1.255', port: 5000, localPort: 5000, role: 'udp' as const };

  it('tells a port in use, a privileged port and a missing Broadcast apart', () => {
    expect(describeError(sys('EADDRINUSE', 'bind'), udp).message).toBe(
      'UDP port 5000 is already in use on this PC: another program (or another SocketBench session) has it open. Close it, or pick another local port (0 picks a free one).',
    );
    expect(describeError(sys('EACCES', 'bind'), { ...udp, localPort: 67 }).message).toMatch(
      /^Local port 67 is below 1024: on Linux and macOS only an administrator may use such ports/,
    );
    expect(describeError(sys('EACCES', 'send'), udp).message).toBe(
      '192.168.1.255 is a broadcast address: turn on Broadcast for this session to send to it.',
    );
  });

  it('explains a datagram the system found too large', () => {
    expect(describeError(sys('EMSGSIZE', 'send'), udp).message).toMatch(
      /^This PC refused to send a datagram this large to 192\.168\.1\.255:5000/,
    );
  });
});

describe('formatting', () => {
  it('shows a dual-stack peer as the IPv4 address the board has', () => {
    expect(formatPeer('::ffff:192.168.1.50', 53211)).toBe('192.168.1.50:53211');
    expect(formatPeer('fd00::7', 80)).toBe('[fd00::7]:80');
  });

  it('formats endpoints and durations the way they are typed', () => {
    expect(formatEndpoint('192.168.1.123', 8087)).toBe('192.168.1.123:8087');
    expect(formatEndpoint('fe80::1%eth0', 80)).toBe('[fe80::1%eth0]:80');
    expect(formatEndpoint('board.local', undefined)).toBe('board.local');
    expect([5000, 2500, 300, 60_000].map(formatDuration)).toEqual(['5 s', '2.5 s', '300 ms', '60 s']);
  });
});
