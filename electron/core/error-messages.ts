// Turns socket and resolver failures into what the user sees: the system code kept as is, plus one
// sentence that says what happened and what to check on the bench. Plain Node (no imports needed).
import type { ErrorInfo } from '../../shared/contract/model';
import { ipFamily, unmapIPv4 } from '../../shared/net/ip';

export interface ErrorContext {
  host: string;
  port: number;
  localAddress?: string;
  localPort?: number;
  connectTimeoutMs?: number;
  /**
   * What the socket was doing: connecting to a board (the default), listening for boards (host and
   * port are then the listening address and port), or a UDP socket (host and port: the destination).
   */
  role?: 'connect' | 'listen' | 'udp';
}

/** "192.168.1.123:8087", or "[::1]:8087" for IPv6 so the port cannot be mistaken for a group. */
export function formatEndpoint(address: string, port: number | undefined): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return port === undefined ? host : `${host}:${port}`;
}

/** A peer as the user knows it: a dual-stack listener's "::ffff:192.168.1.50" is shown as "192.168.1.50". */
export function formatPeer(address: string, port: number | undefined): string {
  return formatEndpoint(unmapIPv4(address), port);
}

/** 5000 -> "5 s", 2500 -> "2.5 s", 300 -> "300 ms". */
export function formatDuration(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  const seconds = ms / 1000;
  return `${Number.isInteger(seconds) ? seconds : seconds.toFixed(1)} s`;
}

interface SystemErrorLike {
  code?: unknown;
  syscall?: unknown;
  message?: unknown;
  errors?: unknown;
}

const asRecord = (err: unknown): SystemErrorLike =>
  typeof err === 'object' && err !== null ? (err as SystemErrorLike) : {};

/**
 * Happy Eyeballs (a host name with IPv6 and IPv4 addresses) fails with an AggregateError holding
 * one error per address; "refused" is the most useful of them, since it proves the board answered.
 */
function pickCause(err: unknown): SystemErrorLike {
  const top = asRecord(err);
  if (!Array.isArray(top.errors) || top.errors.length === 0) return top;
  const causes = top.errors.map(asRecord);
  return (
    causes.find((e) => e.code === 'ECONNREFUSED') ?? causes.find((e) => typeof e.code === 'string') ?? top
  );
}

type Sentence = (ctx: ErrorContext, cause: SystemErrorLike) => string;

const target = (ctx: ErrorContext) => formatEndpoint(ctx.host, ctx.port);
const localName = (ctx: ErrorContext) => ctx.localAddress || 'this computer';
const afterConnect = (cause: SystemErrorLike) => cause.syscall === 'read' || cause.syscall === 'write';

const SENTENCES: Record<string, Sentence> = {
  ECONNREFUSED: (ctx) =>
    `Nothing is listening at ${target(ctx)}. Is the board's program running, and is the port right?`,
  ETIMEDOUT: (ctx, cause) => {
    if (afterConnect(cause)) {
      return `The connection to ${target(ctx)} timed out: the board stopped answering. Is it still powered and on the network?`;
    }
    const within = ctx.connectTimeoutMs ? ` within ${formatDuration(ctx.connectTimeoutMs)}` : '';
    return `No answer from ${target(ctx)}${within}. Is the board powered and on this network, and is the address right?`;
  },
  ENOTFOUND: (ctx) =>
    `The host name "${ctx.host}" could not be resolved. Check the spelling, or type the board's IP address.`,
  EAI_AGAIN: (ctx) =>
    `The host name "${ctx.host}" could not be looked up: no name server answered. Check this computer's network, or type the board's IP address.`,
  EAI_FAIL: (ctx) =>
    `Looking up the host name "${ctx.host}" failed in the name server. Type the board's IP address instead.`,
  EAI_NODATA: (ctx) =>
    `The host name "${ctx.host}" exists but has no address to connect to. Type the board's IP address instead.`,
  ECONNRESET: (ctx) =>
    `The board reset the connection to ${target(ctx)}. Did its program crash, restart or close the socket abruptly? Check its console.`,
  EPIPE: (ctx) =>
    `The board had already closed the connection to ${target(ctx)} when this was sent. Connect again, and check why the board's program closed it.`,
  ECONNABORTED: (ctx) =>
    `The connection to ${target(ctx)} was aborted on this computer. Check the cable and the board, then connect again.`,
  EHOSTUNREACH: (ctx) =>
    `No route to ${ctx.host}. Is the board powered and plugged into this network, and is this computer's IP address in the board's subnet?`,
  EHOSTDOWN: (ctx) =>
    `${ctx.host} is not answering on the network. Is the board powered and its cable plugged in?`,
  ENETUNREACH: (ctx) =>
    `This computer has no network route to ${ctx.host}. Is its Ethernet cable in, and does it have an address on the board's network?`,
  ENETDOWN: () => `This computer's network is down. Is the network adapter enabled and its cable plugged in?`,
  EMFILE: () =>
    `This computer has run out of sockets for SocketBench (too many open connections or files). Disconnect some boards or close other sessions, then try again.`,
  EADDRINUSE: (ctx) =>
    ctx.localPort
      ? `Local port ${ctx.localPort} is already in use on ${localName(ctx)}. Choose another local port, or leave it empty to let the system pick one.`
      : `The address ${target(ctx)} is already in use by another connection. Wait a moment and connect again.`,
  EADDRNOTAVAIL: (ctx) =>
    ctx.localAddress
      ? `The local address ${ctx.localAddress} is not an address of this computer. Pick one of its network adapters' addresses, or leave it empty.`
      : `${target(ctx)} cannot be reached from this computer. Check the board's address.`,
  EACCES: (ctx) =>
    ctx.localPort && ctx.localPort < 1024
      ? `Local port ${ctx.localPort} needs administrator rights. Choose a port above 1023, or leave it empty.`
      : `This computer refused to connect to ${target(ctx)}. Is a firewall blocking it?`,
  EPERM: (ctx) =>
    `The system blocked the connection to ${target(ctx)}. Is a firewall or security software blocking it?`,
  EINVAL: (ctx) =>
    ctx.localAddress
      ? `The local address ${ctx.localAddress} cannot be used to reach ${target(ctx)}. Pick a local address of the same kind (IPv4 or IPv6) as the host, or leave it empty.`
      : `${target(ctx)} is not an address a connection can be made to. Check the host and port.`,
  EAFNOSUPPORT: (ctx) =>
    `This computer cannot use that kind of address (IPv4 or IPv6) to reach ${target(ctx)}. Check the host and local address.`,
  ENOBUFS: (ctx) =>
    `Too much data is still waiting to go to ${target(ctx)}: the board is not reading it fast enough. Wait for earlier sends to finish.`,
  ERR_STREAM_DESTROYED: (ctx) =>
    `The connection to ${target(ctx)} closed before this could be sent. Connect again, then send.`,
  ERR_STREAM_WRITE_AFTER_END: (ctx) =>
    `The connection to ${target(ctx)} was closing when this was sent. Connect again, then send.`,
  ERR_INVALID_IP_ADDRESS: (ctx) =>
    `The local address "${ctx.localAddress ?? ''}" is not an IP address. Type one of this computer's addresses, or leave it empty.`,
  ERR_SOCKET_BAD_PORT: (ctx) => `Port ${ctx.port} is not a valid port: use a number from 1 to 65535.`,
};

const listenAddress = (ctx: ErrorContext) => ctx.localAddress || ctx.host;
const familyName = (address: string) => (ipFamily(address) === 6 ? 'IPv6' : 'IPv4');
/** Ports below 1024 are privileged on Linux and macOS (Windows has no such rule). */
const isPrivileged = (port: number | undefined) => port !== undefined && port > 0 && port < 1024;

/** A listening TCP server: ctx.host/port are the address and port it listens on. */
const LISTEN_SENTENCES: Record<string, Sentence> = {
  EADDRINUSE: (ctx) =>
    `Port ${ctx.port} is already in use on this PC: another program (or another SocketBench session) is listening on it. Stop it, or pick another port.`,
  EACCES: (ctx) =>
    isPrivileged(ctx.port)
      ? `Port ${ctx.port} is below 1024: on Linux and macOS only an administrator may listen on such ports. Pick a port above 1024 (8080, for example).`
      : `This PC did not allow listening on port ${ctx.port}. On Windows the system may reserve it (netsh interface ipv4 show excludedportrange protocol=tcp lists those ports), or security software blocks it. Pick another port.`,
  EADDRNOTAVAIL: (ctx) =>
    `${listenAddress(ctx)} is not an address of this PC, so nothing can listen on it. Pick one of this PC's addresses, or all interfaces.`,
  EAFNOSUPPORT: (ctx) =>
    `This PC has no ${familyName(listenAddress(ctx))} networking, so it cannot listen on ${listenAddress(ctx)}. Pick another address, or all interfaces.`,
  EINVAL: (ctx) =>
    `${listenAddress(ctx)} cannot be listened on. Pick one of this PC's addresses, or all interfaces.`,
  ENOTFOUND: (ctx) =>
    `The local address "${listenAddress(ctx)}" could not be resolved. Pick one of this PC's addresses, or all interfaces.`,
  ERR_SOCKET_BAD_PORT: (ctx) =>
    `Port ${ctx.port} is not a valid port: use a number from 0 to 65535 (0 lets the system pick a free one).`,
};

/** A UDP socket: ctx.host/port are the destination of a send; localAddress/localPort its binding. */
const UDP_SENTENCES: Record<string, Sentence> = {
  EADDRINUSE: (ctx) =>
    `UDP port ${ctx.localPort ?? 0} is already in use on this PC: another program (or another SocketBench session) has it open. Close it, or pick another local port (0 picks a free one).`,
  EACCES: (ctx, cause) =>
    cause.syscall === 'bind'
      ? isPrivileged(ctx.localPort)
        ? `Local port ${ctx.localPort} is below 1024: on Linux and macOS only an administrator may use such ports. Pick a local port above 1024, or 0 for any free port.`
        : `This PC did not allow opening UDP port ${ctx.localPort ?? 0}. Security software may block it; pick another local port.`
      : `${ctx.host} is a broadcast address: turn on Broadcast for this session to send to it.`,
  EADDRNOTAVAIL: (ctx, cause) =>
    cause.syscall === 'bind'
      ? `${ctx.localAddress ?? ctx.host} is not an address of this PC. Pick one of its addresses, or leave Local address empty.`
      : `${target(ctx)} cannot be reached from this socket's local address ${ctx.localAddress ?? ''}. Pick a local address on the board's network, or leave it empty.`,
  EMSGSIZE: (ctx) =>
    `This PC refused to send a datagram this large to ${target(ctx)}: it exceeds what one UDP datagram may carry here (macOS allows 9,216 bytes unless raised). Send it in smaller pieces.`,
  ENOBUFS: (ctx) =>
    `Too many datagrams are still waiting to go to ${target(ctx)}. Wait for earlier sends to finish, then send again.`,
  ERR_SOCKET_BAD_PORT: (ctx) => `Port ${ctx.port} is not a valid port: use a number from 1 to 65535.`,
};

const ROLE_SENTENCES: Record<NonNullable<ErrorContext['role']>, Record<string, Sentence>> = {
  connect: {},
  listen: LISTEN_SENTENCES,
  udp: UDP_SENTENCES,
};

/** One sentence for a failure while talking to ctx.host:ctx.port; unknown codes keep the system message. */
export function describeError(err: unknown, ctx: ErrorContext): ErrorInfo {
  const top = asRecord(err);
  const cause = pickCause(err);
  const code =
    typeof cause.code === 'string' ? cause.code : typeof top.code === 'string' ? top.code : 'E_INTERNAL';
  const roleSentences = ROLE_SENTENCES[ctx.role ?? 'connect'];
  const sentence = Object.hasOwn(roleSentences, code)
    ? roleSentences[code]
    : Object.hasOwn(SENTENCES, code)
      ? SENTENCES[code]
      : undefined;
  if (sentence) return { code, message: sentence(ctx, cause) };
  const systemMessage =
    typeof cause.message === 'string' && cause.message
      ? cause.message
      : typeof top.message === 'string' && top.message
        ? top.message
        : String(err);
  return { code, message: systemMessage };
}
