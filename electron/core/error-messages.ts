// Turns socket and resolver failures into what the user sees: the system code kept as is, plus one
// sentence that says what happened and what to check on the bench. Plain Node (no imports needed).
import type { ErrorInfo } from '../../shared/contract/model';

export interface ErrorContext {
  host: string;
  port: number;
  localAddress?: string;
  localPort?: number;
  connectTimeoutMs?: number;
}

/** "192.168.1.123:8087", or "[::1]:8087" for IPv6 so the port cannot be mistaken for a group. */
export function formatEndpoint(address: string, port: number | undefined): string {
  const host = address.includes(':') ? `[${address}]` : address;
  return port === undefined ? host : `${host}:${port}`;
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

/** One sentence for a failure while talking to ctx.host:ctx.port; unknown codes keep the system message. */
export function describeError(err: unknown, ctx: ErrorContext): ErrorInfo {
  const top = asRecord(err);
  const cause = pickCause(err);
  const code =
    typeof cause.code === 'string' ? cause.code : typeof top.code === 'string' ? top.code : 'E_INTERNAL';
  const sentence = SENTENCES[code];
  if (sentence) return { code, message: sentence(ctx, cause) };
  const systemMessage =
    typeof cause.message === 'string' && cause.message
      ? cause.message
      : typeof top.message === 'string' && top.message
        ? top.message
        : String(err);
  return { code, message: systemMessage };
}
