// Turns socket and resolver failures into what the user sees: the system code kept as is, plus one
// sentence that says what happened and what to check on the bench, with its catalogue key. Plain Node.
import type { ErrorInfo } from '../../shared/contract/model';
import { translate } from '../../shared/i18n/catalog';
import type { ErrorKey } from '../../shared/i18n/en/errors';
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

/** A sentence as its catalogue key and values; the English text is the catalogue's. */
type Said = { key: ErrorKey; params?: Record<string, string | number> };
type Sentence = (ctx: ErrorContext, cause: SystemErrorLike) => Said;

const target = (ctx: ErrorContext) => formatEndpoint(ctx.host, ctx.port);
const afterConnect = (cause: SystemErrorLike) => cause.syscall === 'read' || cause.syscall === 'write';
const toTarget = (key: ErrorKey) => (ctx: ErrorContext) => ({ key, params: { target: target(ctx) } });
const toHost = (key: ErrorKey) => (ctx: ErrorContext) => ({ key, params: { host: ctx.host } });

const SENTENCES: Record<string, Sentence> = {
  ECONNREFUSED: toTarget('error.ECONNREFUSED'),
  ETIMEDOUT: (ctx, cause) => {
    if (afterConnect(cause)) return toTarget('error.ETIMEDOUT.afterConnect')(ctx);
    return ctx.connectTimeoutMs
      ? {
          key: 'error.ETIMEDOUT.within',
          params: { target: target(ctx), duration: formatDuration(ctx.connectTimeoutMs) },
        }
      : toTarget('error.ETIMEDOUT')(ctx);
  },
  ENOTFOUND: toHost('error.ENOTFOUND'),
  EAI_AGAIN: toHost('error.EAI_AGAIN'),
  EAI_FAIL: toHost('error.EAI_FAIL'),
  EAI_NODATA: toHost('error.EAI_NODATA'),
  ECONNRESET: toTarget('error.ECONNRESET'),
  EPIPE: toTarget('error.EPIPE'),
  ECONNABORTED: toTarget('error.ECONNABORTED'),
  EHOSTUNREACH: toHost('error.EHOSTUNREACH'),
  EHOSTDOWN: toHost('error.EHOSTDOWN'),
  ENETUNREACH: toHost('error.ENETUNREACH'),
  ENETDOWN: () => ({ key: 'error.ENETDOWN' }),
  EMFILE: () => ({ key: 'error.EMFILE' }),
  EADDRINUSE: (ctx): Said => {
    if (!ctx.localPort) return toTarget('error.EADDRINUSE')(ctx);
    if (!ctx.localAddress)
      return { key: 'error.EADDRINUSE.localPortHere', params: { localPort: ctx.localPort } };
    return {
      key: 'error.EADDRINUSE.localPort',
      params: { localPort: ctx.localPort, localAddress: ctx.localAddress },
    };
  },
  EADDRNOTAVAIL: (ctx) =>
    ctx.localAddress
      ? { key: 'error.EADDRNOTAVAIL.local', params: { localAddress: ctx.localAddress } }
      : toTarget('error.EADDRNOTAVAIL')(ctx),
  EACCES: (ctx) =>
    ctx.localPort && ctx.localPort < 1024
      ? { key: 'error.EACCES.localPort', params: { localPort: ctx.localPort } }
      : toTarget('error.EACCES')(ctx),
  EPERM: toTarget('error.EPERM'),
  EINVAL: (ctx) =>
    ctx.localAddress
      ? { key: 'error.EINVAL.local', params: { localAddress: ctx.localAddress, target: target(ctx) } }
      : toTarget('error.EINVAL')(ctx),
  EAFNOSUPPORT: toTarget('error.EAFNOSUPPORT'),
  ENOBUFS: toTarget('error.ENOBUFS'),
  ERR_STREAM_DESTROYED: toTarget('error.ERR_STREAM_DESTROYED'),
  ERR_STREAM_WRITE_AFTER_END: toTarget('error.ERR_STREAM_WRITE_AFTER_END'),
  ERR_INVALID_IP_ADDRESS: (ctx) => ({
    key: 'error.ERR_INVALID_IP_ADDRESS',
    params: { localAddress: ctx.localAddress ?? '' },
  }),
  ERR_SOCKET_BAD_PORT: (ctx) => ({ key: 'error.ERR_SOCKET_BAD_PORT', params: { port: ctx.port } }),
};

const listenAddress = (ctx: ErrorContext) => ctx.localAddress || ctx.host;
const familyName = (address: string) => (ipFamily(address) === 6 ? 'IPv6' : 'IPv4');
/** Ports below 1024 are privileged on Linux and macOS (Windows has no such rule). */
const isPrivileged = (port: number | undefined) => port !== undefined && port > 0 && port < 1024;
const atListenAddress = (key: ErrorKey) => (ctx: ErrorContext) => ({
  key,
  params: { address: listenAddress(ctx) },
});

/** A listening TCP server: ctx.host/port are the address and port it listens on. */
const LISTEN_SENTENCES: Record<string, Sentence> = {
  EADDRINUSE: (ctx) => ({ key: 'error.listen.EADDRINUSE', params: { port: ctx.port } }),
  EACCES: (ctx) => ({
    key: isPrivileged(ctx.port) ? 'error.listen.EACCES.privileged' : 'error.listen.EACCES',
    params: { port: ctx.port },
  }),
  EADDRNOTAVAIL: atListenAddress('error.listen.EADDRNOTAVAIL'),
  EAFNOSUPPORT: (ctx) => ({
    key: 'error.listen.EAFNOSUPPORT',
    params: { family: familyName(listenAddress(ctx)), address: listenAddress(ctx) },
  }),
  EINVAL: atListenAddress('error.listen.EINVAL'),
  ENOTFOUND: atListenAddress('error.listen.ENOTFOUND'),
  ERR_SOCKET_BAD_PORT: (ctx) => ({ key: 'error.listen.ERR_SOCKET_BAD_PORT', params: { port: ctx.port } }),
};

/** A UDP socket: ctx.host/port are the destination of a send; localAddress/localPort its binding. */
const UDP_SENTENCES: Record<string, Sentence> = {
  EADDRINUSE: (ctx) => ({ key: 'error.udp.EADDRINUSE', params: { localPort: ctx.localPort ?? 0 } }),
  EACCES: (ctx, cause) =>
    cause.syscall === 'bind'
      ? {
          key: isPrivileged(ctx.localPort) ? 'error.udp.EACCES.privileged' : 'error.udp.EACCES.bind',
          params: { localPort: ctx.localPort ?? 0 },
        }
      : toHost('error.udp.EACCES.broadcast')(ctx),
  EADDRNOTAVAIL: (ctx, cause): Said =>
    cause.syscall === 'bind'
      ? { key: 'error.udp.EADDRNOTAVAIL.bind', params: { address: ctx.localAddress ?? ctx.host } }
      : {
          key: 'error.udp.EADDRNOTAVAIL',
          params: { target: target(ctx), localAddress: ctx.localAddress ?? '' },
        },
  EMSGSIZE: toTarget('error.udp.EMSGSIZE'),
  ENOBUFS: toTarget('error.udp.ENOBUFS'),
  ERR_SOCKET_BAD_PORT: (ctx) => ({ key: 'error.ERR_SOCKET_BAD_PORT', params: { port: ctx.port } }),
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
  if (sentence) {
    const { key, params = {} } = sentence(ctx, cause);
    return { code, message: translate('en', key, params), detail: { key, params } };
  }
  const systemMessage =
    typeof cause.message === 'string' && cause.message
      ? cause.message
      : typeof top.message === 'string' && top.message
        ? top.message
        : String(err);
  return { code, message: systemMessage };
}
