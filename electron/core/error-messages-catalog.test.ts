// Every engine sentence has a catalogue key: the English catalogue renders exactly the sentence the
// engine says, and the Chinese one fills the same values, so the window can show either.
import { describe, expect, it } from 'vitest';
import { translate } from '../../shared/i18n/catalog';
import { socketErrors } from '../../shared/i18n/en/errors';
import { describeError, type ErrorContext } from './error-messages';

const sys = (code: string, syscall: string) =>
  Object.assign(new Error(`${syscall} ${code}`), { code, syscall });

/** key, system code, syscall, context, and the engine's English sentence word for word. */
const KINDS: [string, string, string, ErrorContext, string][] = [
  [
    'error.ECONNREFUSED',
    'ECONNREFUSED',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    "Nothing is listening at 192.168.1.123:8087. Is the board's program running, and is the port right?",
  ],
  [
    'error.ETIMEDOUT.afterConnect',
    'ETIMEDOUT',
    'read',
    { host: '192.168.1.123', port: 8087 },
    'The connection to 192.168.1.123:8087 timed out: the board stopped answering. Is it still powered and on the network?',
  ],
  [
    'error.ETIMEDOUT',
    'ETIMEDOUT',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    'No answer from 192.168.1.123:8087. Is the board powered and on this network, and is the address right?',
  ],
  [
    'error.ETIMEDOUT.within',
    'ETIMEDOUT',
    'connect',
    { host: '192.168.1.123', port: 8087, connectTimeoutMs: 2500 },
    'No answer from 192.168.1.123:8087 within 2.5 s. Is the board powered and on this network, and is the address right?',
  ],
  [
    'error.ENOTFOUND',
    'ENOTFOUND',
    'getaddrinfo',
    { host: 'w55rp20.lan', port: 8087 },
    'The host name "w55rp20.lan" could not be resolved. Check the spelling, or type the board\'s IP address.',
  ],
  [
    'error.EAI_AGAIN',
    'EAI_AGAIN',
    'getaddrinfo',
    { host: 'w55rp20.lan', port: 8087 },
    'The host name "w55rp20.lan" could not be looked up: no name server answered. Check this computer\'s network, or type the board\'s IP address.',
  ],
  [
    'error.EAI_FAIL',
    'EAI_FAIL',
    'getaddrinfo',
    { host: 'w55rp20.lan', port: 8087 },
    'Looking up the host name "w55rp20.lan" failed in the name server. Type the board\'s IP address instead.',
  ],
  [
    'error.EAI_NODATA',
    'EAI_NODATA',
    'getaddrinfo',
    { host: 'w55rp20.lan', port: 8087 },
    'The host name "w55rp20.lan" exists but has no address to connect to. Type the board\'s IP address instead.',
  ],
  [
    'error.ECONNRESET',
    'ECONNRESET',
    'read',
    { host: '192.168.1.123', port: 8087 },
    'The board reset the connection to 192.168.1.123:8087. Did its program crash, restart or close the socket abruptly? Check its console.',
  ],
  [
    'error.EPIPE',
    'EPIPE',
    'write',
    { host: '192.168.1.123', port: 8087 },
    "The board had already closed the connection to 192.168.1.123:8087 when this was sent. Connect again, and check why the board's program closed it.",
  ],
  [
    'error.ECONNABORTED',
    'ECONNABORTED',
    'read',
    { host: '192.168.1.123', port: 8087 },
    'The connection to 192.168.1.123:8087 was aborted on this computer. Check the cable and the board, then connect again.',
  ],
  [
    'error.EHOSTUNREACH',
    'EHOSTUNREACH',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    "No route to 192.168.1.123. Is the board powered and plugged into this network, and is this computer's IP address in the board's subnet?",
  ],
  [
    'error.EHOSTDOWN',
    'EHOSTDOWN',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    '192.168.1.123 is not answering on the network. Is the board powered and its cable plugged in?',
  ],
  [
    'error.ENETUNREACH',
    'ENETUNREACH',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    "This computer has no network route to 192.168.1.123. Is its Ethernet cable in, and does it have an address on the board's network?",
  ],
  [
    'error.ENETDOWN',
    'ENETDOWN',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    "This computer's network is down. Is the network adapter enabled and its cable plugged in?",
  ],
  [
    'error.EMFILE',
    'EMFILE',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    'This computer has run out of sockets for SocketBench (too many open connections or files). Disconnect some boards or close other sessions, then try again.',
  ],
  [
    'error.EADDRINUSE.localPort',
    'EADDRINUSE',
    'bind',
    { host: '192.168.1.123', port: 8087, localAddress: '10.0.0.5', localPort: 5000 },
    'Local port 5000 is already in use on 10.0.0.5. Choose another local port, or leave it empty to let the system pick one.',
  ],
  [
    'error.EADDRINUSE.localPortHere',
    'EADDRINUSE',
    'bind',
    { host: '192.168.1.123', port: 8087, localPort: 5000 },
    'Local port 5000 is already in use on this computer. Choose another local port, or leave it empty to let the system pick one.',
  ],
  [
    'error.EADDRINUSE',
    'EADDRINUSE',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    'The address 192.168.1.123:8087 is already in use by another connection. Wait a moment and connect again.',
  ],
  [
    'error.EADDRNOTAVAIL.local',
    'EADDRNOTAVAIL',
    'bind',
    { host: '192.168.1.123', port: 8087, localAddress: '10.0.0.5' },
    "The local address 10.0.0.5 is not an address of this computer. Pick one of its network adapters' addresses, or leave it empty.",
  ],
  [
    'error.EADDRNOTAVAIL',
    'EADDRNOTAVAIL',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    "192.168.1.123:8087 cannot be reached from this computer. Check the board's address.",
  ],
  [
    'error.EACCES.localPort',
    'EACCES',
    'bind',
    { host: '192.168.1.123', port: 8087, localPort: 80 },
    'Local port 80 needs administrator rights. Choose a port above 1023, or leave it empty.',
  ],
  [
    'error.EACCES',
    'EACCES',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    'This computer refused to connect to 192.168.1.123:8087. Is a firewall blocking it?',
  ],
  [
    'error.EPERM',
    'EPERM',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    'The system blocked the connection to 192.168.1.123:8087. Is a firewall or security software blocking it?',
  ],
  [
    'error.EINVAL.local',
    'EINVAL',
    'connect',
    { host: '::1', port: 8087, localAddress: '10.0.0.5' },
    'The local address 10.0.0.5 cannot be used to reach [::1]:8087. Pick a local address of the same kind (IPv4 or IPv6) as the host, or leave it empty.',
  ],
  [
    'error.EINVAL',
    'EINVAL',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    '192.168.1.123:8087 is not an address a connection can be made to. Check the host and port.',
  ],
  [
    'error.EAFNOSUPPORT',
    'EAFNOSUPPORT',
    'connect',
    { host: '192.168.1.123', port: 8087 },
    'This computer cannot use that kind of address (IPv4 or IPv6) to reach 192.168.1.123:8087. Check the host and local address.',
  ],
  [
    'error.ENOBUFS',
    'ENOBUFS',
    'write',
    { host: '192.168.1.123', port: 8087 },
    'Too much data is still waiting to go to 192.168.1.123:8087: the board is not reading it fast enough. Wait for earlier sends to finish.',
  ],
  [
    'error.ERR_STREAM_DESTROYED',
    'ERR_STREAM_DESTROYED',
    'write',
    { host: '192.168.1.123', port: 8087 },
    'The connection to 192.168.1.123:8087 closed before this could be sent. Connect again, then send.',
  ],
  [
    'error.ERR_STREAM_WRITE_AFTER_END',
    'ERR_STREAM_WRITE_AFTER_END',
    'write',
    { host: '192.168.1.123', port: 8087 },
    'The connection to 192.168.1.123:8087 was closing when this was sent. Connect again, then send.',
  ],
  [
    'error.ERR_INVALID_IP_ADDRESS',
    'ERR_INVALID_IP_ADDRESS',
    'connect',
    { host: '192.168.1.123', port: 8087, localAddress: '10.0.0' },
    'The local address "10.0.0" is not an IP address. Type one of this computer\'s addresses, or leave it empty.',
  ],
  [
    'error.ERR_SOCKET_BAD_PORT',
    'ERR_SOCKET_BAD_PORT',
    'connect',
    { host: '192.168.1.123', port: 70000 },
    'Port 70000 is not a valid port: use a number from 1 to 65535.',
  ],
  [
    'error.listen.EADDRINUSE',
    'EADDRINUSE',
    'listen',
    { host: 'all interfaces', port: 8888, role: 'listen' },
    'Port 8888 is already in use on this PC: another program (or another SocketBench session) is listening on it. Stop it, or pick another port.',
  ],
  [
    'error.listen.EACCES.privileged',
    'EACCES',
    'listen',
    { host: 'all interfaces', port: 80, role: 'listen' },
    'Port 80 is below 1024: on Linux and macOS only an administrator may listen on such ports. Pick a port above 1024 (8080, for example).',
  ],
  [
    'error.listen.EACCES',
    'EACCES',
    'listen',
    { host: 'all interfaces', port: 5357, role: 'listen' },
    'This PC did not allow listening on port 5357. On Windows the system may reserve it (netsh interface ipv4 show excludedportrange protocol=tcp lists those ports), or security software blocks it. Pick another port.',
  ],
  [
    'error.listen.EADDRNOTAVAIL',
    'EADDRNOTAVAIL',
    'listen',
    { host: '192.168.9.9', port: 8888, localAddress: '192.168.9.9', role: 'listen' },
    "192.168.9.9 is not an address of this PC, so nothing can listen on it. Pick one of this PC's addresses, or all interfaces.",
  ],
  [
    'error.listen.EAFNOSUPPORT',
    'EAFNOSUPPORT',
    'listen',
    { host: 'fd00::2', port: 8888, localAddress: 'fd00::2', role: 'listen' },
    'This PC has no IPv6 networking, so it cannot listen on fd00::2. Pick another address, or all interfaces.',
  ],
  [
    'error.listen.EINVAL',
    'EINVAL',
    'listen',
    { host: '10.0.0.300', port: 8888, localAddress: '10.0.0.300', role: 'listen' },
    "10.0.0.300 cannot be listened on. Pick one of this PC's addresses, or all interfaces.",
  ],
  [
    'error.listen.ENOTFOUND',
    'ENOTFOUND',
    'getaddrinfo',
    { host: 'bench.lan', port: 8888, localAddress: 'bench.lan', role: 'listen' },
    'The local address "bench.lan" could not be resolved. Pick one of this PC\'s addresses, or all interfaces.',
  ],
  [
    'error.listen.ERR_SOCKET_BAD_PORT',
    'ERR_SOCKET_BAD_PORT',
    'listen',
    { host: 'all interfaces', port: 70000, role: 'listen' },
    'Port 70000 is not a valid port: use a number from 0 to 65535 (0 lets the system pick a free one).',
  ],
  [
    'error.udp.EADDRINUSE',
    'EADDRINUSE',
    'bind',
    { host: '192.168.1.123', port: 5000, localPort: 5000, role: 'udp' },
    'UDP port 5000 is already in use on this PC: another program (or another SocketBench session) has it open. Close it, or pick another local port (0 picks a free one).',
  ],
  [
    'error.udp.EACCES.privileged',
    'EACCES',
    'bind',
    { host: '192.168.1.123', port: 5000, localPort: 67, role: 'udp' },
    'Local port 67 is below 1024: on Linux and macOS only an administrator may use such ports. Pick a local port above 1024, or 0 for any free port.',
  ],
  [
    'error.udp.EACCES.bind',
    'EACCES',
    'bind',
    { host: '192.168.1.123', port: 5000, localPort: 5000, role: 'udp' },
    'This PC did not allow opening UDP port 5000. Security software may block it; pick another local port.',
  ],
  [
    'error.udp.EACCES.broadcast',
    'EACCES',
    'send',
    { host: '192.168.1.255', port: 5000, localPort: 5000, role: 'udp' },
    '192.168.1.255 is a broadcast address: turn on Broadcast for this session to send to it.',
  ],
  [
    'error.udp.EADDRNOTAVAIL.bind',
    'EADDRNOTAVAIL',
    'bind',
    { host: '192.168.1.123', port: 5000, localAddress: '10.9.9.9', localPort: 5000, role: 'udp' },
    '10.9.9.9 is not an address of this PC. Pick one of its addresses, or leave Local address empty.',
  ],
  [
    'error.udp.EADDRNOTAVAIL',
    'EADDRNOTAVAIL',
    'send',
    { host: '192.168.1.123', port: 5000, localAddress: '10.9.9.9', localPort: 5000, role: 'udp' },
    "192.168.1.123:5000 cannot be reached from this socket's local address 10.9.9.9. Pick a local address on the board's network, or leave it empty.",
  ],
  [
    'error.udp.EMSGSIZE',
    'EMSGSIZE',
    'send',
    { host: '192.168.1.123', port: 5000, localPort: 5000, role: 'udp' },
    'This PC refused to send a datagram this large to 192.168.1.123:5000: it exceeds what one UDP datagram may carry here (macOS allows 9,216 bytes unless raised). Send it in smaller pieces.',
  ],
  [
    'error.udp.ENOBUFS',
    'ENOBUFS',
    'send',
    { host: '192.168.1.123', port: 5000, localPort: 5000, role: 'udp' },
    'Too many datagrams are still waiting to go to 192.168.1.123:5000. Wait for earlier sends to finish, then send again.',
  ],
  [
    'error.ERR_SOCKET_BAD_PORT',
    'ERR_SOCKET_BAD_PORT',
    'send',
    { host: '192.168.1.123', port: 70000, localPort: 5000, role: 'udp' },
    'Port 70000 is not a valid port: use a number from 1 to 65535.',
  ],
];

describe('the engine sentences in the catalogue', () => {
  it.each(KINDS)('%s', (key, code, syscall, ctx, english) => {
    const info = describeError(sys(code, syscall), ctx);
    expect(info).toMatchObject({ code, message: english, detail: { key } });
    const detail = info.detail as { key: keyof typeof socketErrors; params: Record<string, string | number> };
    expect(translate('en', detail.key, detail.params)).toBe(info.message);
    const chinese = translate('zh-CN', detail.key, detail.params);
    expect(chinese).not.toBe(english);
    expect(chinese).not.toMatch(/\{\w+\}/);
  });

  it('covers every error key', () => {
    // The engine's other sentences are engine-said.test.ts's.
    expect(new Set(KINDS.map(([key]) => key))).toEqual(new Set(Object.keys(socketErrors)));
  });

  it('gives a system message it has no sentence for no key', () => {
    expect(describeError(sys('EWEIRD', 'connect'), { host: 'b', port: 1 }).detail).toBeUndefined();
  });
});
