// English strings: errors. The engine's sentence for each socket or resolver failure, and its own
// refusals (the engine writes its English from here, and names the key in ErrorInfo.detail or
// ApiError.detail so the window can translate it). The keys here are the keys every language must have.
export const socketErrors = {
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

/**
 * The engine's own sentences beyond socket and resolver failures: its refusals, limits and
 * failures (sessions, capture, UDP, multicast, reconnect, self-test, tasks, simulated boards, the link).
 */
export const engineErrors = {
  // UDP limits and refusals: what a UDP socket cannot do, and why nothing was sent.
  'error.udp.noFraming':
    'A UDP session shows each datagram as one message, so it has no framing. Framing splits TCP streams.',
  'error.udp.notMulticast':
    '{group} is not a multicast group address: IPv4 groups run from 224.0.0.0 to 239.255.255.255 (239.x.y.z is for local use), IPv6 groups start with ff.',
  'error.udp.notOpen.failed': 'The UDP socket is not open: it failed ({code}). Press Open, then send.',
  'error.udp.notOpen.closed': 'The UDP socket is not open: it is closed. Press Open, then send.',
  'error.udp.noRemote':
    "No remote host and port are set for this UDP session. Type the board's address in Remote host and Remote port, or reply to the last sender.",
  'error.udp.noLastSender':
    'No datagram has arrived yet, so there is no last sender to reply to. Wait until the board sends one, or type its address in Remote host and Remote port.',
  'error.udp.serverTarget':
    'A UDP session sends to an address or to the last sender; "{kind}" is a TCP server target.',
  'error.udp.ipv4Only':
    'This UDP socket is IPv4, so it cannot send to the IPv6 address {address}. Set an IPv6 local address (or leave it empty and type an IPv6 remote host), then open it again.',
  'error.udp.tooLarge':
    'This datagram is {bytes} bytes, but one UDP datagram over IPv{family} carries at most {limit} bytes. Nothing was sent: send it in smaller pieces, or use TCP.',
  'error.multicast.notLocal':
    "Could not join the multicast group {group} on {iface}: that is not an address of one of this PC's interfaces. Pick one of its addresses, or leave the interface empty.",
  'error.multicast.noInterface':
    'Could not join the multicast group {group}: no interface of this PC can take multicast right now (is it connected to a network?). Pick an interface address.',
  'error.multicast.family':
    'Could not join the multicast group {group}: the group, the interface and the local address must all be IPv4 or all IPv6.',
  'error.multicast.family.on':
    'Could not join the multicast group {group} on {iface}: the group, the interface and the local address must all be IPv4 or all IPv6.',
  'error.multicast.tooMany':
    'Could not join the multicast group {group}: this PC has joined as many groups as it allows on that socket. Close other multicast sessions, then open this one again.',
  'error.multicast.tooMany.on':
    'Could not join the multicast group {group} on {iface}: this PC has joined as many groups as it allows on that socket. Close other multicast sessions, then open this one again.',
  'error.multicast.other': 'Could not join the multicast group {group}: {reason}',
  'error.multicast.other.on': 'Could not join the multicast group {group} on {iface}: {reason}',
  // A client that stopped reconnecting.
  'error.reconnect.closed_one': 'The board closed the connection. Gave up after {count} attempt.',
  'error.reconnect.closed_other': 'The board closed the connection. Gave up after {count} attempts.',
  'error.reconnect.gaveUp_one': '{reason} Gave up after {count} attempt.',
  'error.reconnect.gaveUp_other': '{reason} Gave up after {count} attempts.',
  // The engine's sessions: one that is gone, the wrong kind, a name, shutting down.
  'error.session.unknown':
    'There is no session "{id}": it was closed, or the engine restarted. Open the connection again.',
  'error.session.kind.tcp-client': 'a TCP client',
  'error.session.kind.tcp-server': 'a TCP server',
  'error.session.kind.udp': 'a UDP socket',
  'error.session.notServer.clients':
    'Only a TCP server session has clients to disconnect. This session is {kind}.',
  'error.session.notServer.selfTest':
    'The self-test checks that boards can reach a listening TCP server; run it on a TCP server session. This session is {kind}.',
  'error.session.closedWhileStarting': 'The session was closed while it was starting.',
  'error.session.emptyName': 'A session name must not be empty.',
  'error.engine.noNewSessions': 'The engine is shutting down; no new sessions.',
  'error.engine.shuttingDown': 'The engine is shutting down.',
  'error.engine.notAttached': 'The engine is not attached to this connection yet.',
  'error.engine.notAttachedWindow': 'The engine is not attached to this window yet.',
  'error.engine.foreignFrame': 'This request did not come from the SocketBench window.',
  'error.engine.failed': 'SocketBench failed unexpectedly while running "{method}". {reason}',
  'error.engine.failedReport':
    'SocketBench failed unexpectedly while running "{method}". Please report it with what you were doing.',
  'error.engine.noAnswer':
    'The request "{method}" did not reach the engine or got no answer. Reload the window to reconnect.',
  'error.engine.noAnswerBecause':
    'The request "{method}" did not reach the engine or got no answer ({reason}). Reload the window to reconnect.',
  // Self-test: a probe through one of this PC's addresses that did not reach the listener.
  'error.selfTest.notListening':
    'The server is not listening, so there is nothing to test. Press Listen, then run the self-test.',
  'error.selfTest.ETIMEDOUT':
    'Could not reach the listener through {address}: the connection timed out, which usually means a firewall on this PC drops incoming connections on port {port}.',
  'error.selfTest.ECONNREFUSED':
    'Could not reach the listener through {address}: the connection was refused, which usually means a firewall on this PC rejects incoming connections on port {port}.',
  'error.selfTest.EACCES':
    'Could not reach the listener through {address}: this PC blocked the connection, which usually means a firewall or security software forbids port {port}.',
  'error.selfTest.noRoute':
    'Could not reach the listener through {address}: this PC has no route to that address right now. Is that network adapter up?',
  'error.selfTest.other': 'Could not reach the listener through {address}: {reason}',
  // Capture to file: the path, the files, the disk.
  'error.capture.notFullPath': '"{path}" is not a full path. Give a full path, e.g. {example}',
  'error.capture.EISDIR': 'Cannot capture to "{path}": it is a folder. Choose a file name.',
  'error.capture.ENOENT': 'Cannot capture to "{path}": its folder does not exist.',
  'error.capture.ENOTDIR': 'Cannot capture to "{path}": part of the path is a file, not a folder.',
  'error.capture.EACCES': 'Cannot capture to "{path}": permission denied. Choose a folder you can write to.',
  'error.capture.EEXIST':
    'Cannot capture to "{path}": the file already exists, and a capture never overwrites one. Choose a new file name.',
  'error.capture.EROFS': 'Cannot capture to "{path}": the disk is read-only.',
  'error.capture.ENOSPC': 'Capture to "{path}" stopped: the disk is full.',
  'error.capture.failed': 'Capture to "{path}" failed: {reason}',
  'error.capture.behind':
    'Capture to "{path}" stopped: the disk fell {mib} MiB behind the traffic. The file holds everything up to that point.',
  'error.capture.fileExists':
    'Cannot capture to "{path}": the file "{file}" already exists, and a capture never overwrites a file. Choose a new file name.',
  'error.capture.indexExists':
    'Cannot capture to "{path}": the index file of an earlier capture "{file}" already exists, and a capture never overwrites a file. Choose a new file name.',
  'error.capture.already': 'This session is already capturing. Stop that capture first.',
  'error.capture.alreadyTo': 'This session is already capturing to "{path}". Stop that capture first.',
  'error.capture.closedWhileStarting':
    'The session was closed while its capture was starting; the file holds nothing.',
  'error.capture.none': 'This session has no capture to stop.',
  // Expect rules, auto-replies, periodic sends and soak runs.
  'error.task.interval': 'A periodic send needs an interval of at least 1 ms.',
  'error.task.unknown': 'There is no running task "{taskId}" on this session: it may have ended already.',
  'error.task.tooMany': 'This session already runs {max} tasks. Stop one first.',
  // A TCP server's sends: no board, a board that left or is slow, a target it cannot have.
  'error.server.notListening': 'The server is not listening. Press Listen, let a board connect, then send.',
  'error.server.noClient':
    'No board is connected to this server yet. Wait until one appears under Clients, then send.',
  'error.server.unknownClient':
    'No board {peer} is connected to this server: it may have disconnected. Pick one from Clients.',
  'error.server.clientClosing': '{peer} is disconnecting; nothing more can be sent to it.',
  'error.server.udpTarget':
    'A TCP server sends to one of its clients or to all of them; "{kind}" is a UDP target.',
  'error.server.slowOne':
    'Not sent to {peer}: too much data is still waiting for that board, which is not reading fast enough. {others}',
  'error.server.slowMany':
    'Not sent to {peer} and {more} more: too much data is still waiting for those boards, which are not reading fast enough. {others}',
  'error.server.noneGot': 'No client got it.',
  'error.server.othersGot_one': 'The other {count} client got it.',
  'error.server.othersGot_other': 'The other {count} clients got it.',
  // A TCP client's sends while it is not connected, or to a target it cannot have.
  'error.client.otherTarget':
    'A TCP client session sends to the board it is connected to ({target}); it has no "{kind}" target.',
  'error.client.connecting': 'Still connecting to {target}. Wait until it shows Connected, then send again.',
  'error.client.reconnecting':
    'The connection to {target} dropped; reconnecting. Send again once it shows Connected.',
  'error.client.reconnectingAt':
    'The connection to {target} dropped; reconnecting (next attempt at {time}). Send again once it shows Connected.',
  'error.client.failed':
    'Not connected to {target}: the connection failed ({code}). Connect again, then send.',
  'error.client.closed': 'Not connected to {target}: the connection is closed. Connect again, then send.',
  // Simulated boards.
  'error.board.esp8266Target':
    'The simulated ESP8266 connects to a TCP server: give the host and port of a listening session.',
  'error.board.notLoopback': 'Simulated boards stay on this PC: {host} is not a loopback address.',
  'error.board.unknown': 'There is no simulated board "{id}": it was stopped already.',
} as const;

export const errors = { ...socketErrors, ...engineErrors };

export type ErrorKey = keyof typeof errors;
