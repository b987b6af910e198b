// English strings: errors. The engine's sentence for each socket or resolver failure (the engine
// writes its English from here, and names the key in ErrorInfo.detail so the window can translate
// it). The keys here are the keys every language must have.
export const errors = {
  // Connecting to a board (and the fallback for a server or UDP socket).
  'error.ECONNREFUSED':
    "Nothing is listening at {target}. Is the board's program running, and is the port right?",
  'error.ETIMEDOUT.afterConnect':
    'The connection to {target} timed out: the board stopped answering. Is it still powered and on the network?',
  'error.ETIMEDOUT':
    'No answer from {target}. Is the board powered and on this network, and is the address right?',
  'error.ETIMEDOUT.within':
    'No answer from {target} within {duration}. Is the board powered and on this network, and is the address right?',
  'error.ENOTFOUND':
    'The host name "{host}" could not be resolved. Check the spelling, or type the board\'s IP address.',
  'error.EAI_AGAIN':
    'The host name "{host}" could not be looked up: no name server answered. Check this computer\'s network, or type the board\'s IP address.',
  'error.EAI_FAIL':
    'Looking up the host name "{host}" failed in the name server. Type the board\'s IP address instead.',
  'error.EAI_NODATA':
    'The host name "{host}" exists but has no address to connect to. Type the board\'s IP address instead.',
  'error.ECONNRESET':
    'The board reset the connection to {target}. Did its program crash, restart or close the socket abruptly? Check its console.',
  'error.EPIPE':
    "The board had already closed the connection to {target} when this was sent. Connect again, and check why the board's program closed it.",
  'error.ECONNABORTED':
    'The connection to {target} was aborted on this computer. Check the cable and the board, then connect again.',
  'error.EHOSTUNREACH':
    "No route to {host}. Is the board powered and plugged into this network, and is this computer's IP address in the board's subnet?",
  'error.EHOSTDOWN': '{host} is not answering on the network. Is the board powered and its cable plugged in?',
  'error.ENETUNREACH':
    "This computer has no network route to {host}. Is its Ethernet cable in, and does it have an address on the board's network?",
  'error.ENETDOWN':
    "This computer's network is down. Is the network adapter enabled and its cable plugged in?",
  'error.EMFILE':
    'This computer has run out of sockets for SocketBench (too many open connections or files). Disconnect some boards or close other sessions, then try again.',
  'error.EADDRINUSE.localPort':
    'Local port {localPort} is already in use on {localAddress}. Choose another local port, or leave it empty to let the system pick one.',
  'error.EADDRINUSE.localPortHere':
    'Local port {localPort} is already in use on this computer. Choose another local port, or leave it empty to let the system pick one.',
  'error.EADDRINUSE':
    'The address {target} is already in use by another connection. Wait a moment and connect again.',
  'error.EADDRNOTAVAIL.local':
    "The local address {localAddress} is not an address of this computer. Pick one of its network adapters' addresses, or leave it empty.",
  'error.EADDRNOTAVAIL': "{target} cannot be reached from this computer. Check the board's address.",
  'error.EACCES.localPort':
    'Local port {localPort} needs administrator rights. Choose a port above 1023, or leave it empty.',
  'error.EACCES': 'This computer refused to connect to {target}. Is a firewall blocking it?',
  'error.EPERM':
    'The system blocked the connection to {target}. Is a firewall or security software blocking it?',
  'error.EINVAL.local':
    'The local address {localAddress} cannot be used to reach {target}. Pick a local address of the same kind (IPv4 or IPv6) as the host, or leave it empty.',
  'error.EINVAL': '{target} is not an address a connection can be made to. Check the host and port.',
  'error.EAFNOSUPPORT':
    'This computer cannot use that kind of address (IPv4 or IPv6) to reach {target}. Check the host and local address.',
  'error.ENOBUFS':
    'Too much data is still waiting to go to {target}: the board is not reading it fast enough. Wait for earlier sends to finish.',
  'error.ERR_STREAM_DESTROYED':
    'The connection to {target} closed before this could be sent. Connect again, then send.',
  'error.ERR_STREAM_WRITE_AFTER_END':
    'The connection to {target} was closing when this was sent. Connect again, then send.',
  'error.ERR_INVALID_IP_ADDRESS':
    'The local address "{localAddress}" is not an IP address. Type one of this computer\'s addresses, or leave it empty.',
  'error.ERR_SOCKET_BAD_PORT': 'Port {port} is not a valid port: use a number from 1 to 65535.',
  // A listening TCP server.
  'error.listen.EADDRINUSE':
    'Port {port} is already in use on this PC: another program (or another SocketBench session) is listening on it. Stop it, or pick another port.',
  'error.listen.EACCES.privileged':
    'Port {port} is below 1024: on Linux and macOS only an administrator may listen on such ports. Pick a port above 1024 (8080, for example).',
  'error.listen.EACCES':
    'This PC did not allow listening on port {port}. On Windows the system may reserve it (netsh interface ipv4 show excludedportrange protocol=tcp lists those ports), or security software blocks it. Pick another port.',
  'error.listen.EADDRNOTAVAIL':
    "{address} is not an address of this PC, so nothing can listen on it. Pick one of this PC's addresses, or all interfaces.",
  'error.listen.EAFNOSUPPORT':
    'This PC has no {family} networking, so it cannot listen on {address}. Pick another address, or all interfaces.',
  'error.listen.EINVAL':
    "{address} cannot be listened on. Pick one of this PC's addresses, or all interfaces.",
  'error.listen.ENOTFOUND':
    'The local address "{address}" could not be resolved. Pick one of this PC\'s addresses, or all interfaces.',
  'error.listen.ERR_SOCKET_BAD_PORT':
    'Port {port} is not a valid port: use a number from 0 to 65535 (0 lets the system pick a free one).',
  // A UDP socket.
  'error.udp.EADDRINUSE':
    'UDP port {localPort} is already in use on this PC: another program (or another SocketBench session) has it open. Close it, or pick another local port (0 picks a free one).',
  'error.udp.EACCES.privileged':
    'Local port {localPort} is below 1024: on Linux and macOS only an administrator may use such ports. Pick a local port above 1024, or 0 for any free port.',
  'error.udp.EACCES.bind':
    'This PC did not allow opening UDP port {localPort}. Security software may block it; pick another local port.',
  'error.udp.EACCES.broadcast':
    '{host} is a broadcast address: turn on Broadcast for this session to send to it.',
  'error.udp.EADDRNOTAVAIL.bind':
    '{address} is not an address of this PC. Pick one of its addresses, or leave Local address empty.',
  'error.udp.EADDRNOTAVAIL':
    "{target} cannot be reached from this socket's local address {localAddress}. Pick a local address on the board's network, or leave it empty.",
  'error.udp.EMSGSIZE':
    'This PC refused to send a datagram this large to {target}: it exceeds what one UDP datagram may carry here (macOS allows 9,216 bytes unless raised). Send it in smaller pieces.',
  'error.udp.ENOBUFS':
    'Too many datagrams are still waiting to go to {target}. Wait for earlier sends to finish, then send again.',
} as const;

export type ErrorKey = keyof typeof errors;
