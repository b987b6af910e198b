// Who may use browser mode: the random token, its cookie and the WebSocket Origin rule. Plain Node.
// A page in the user's browser could otherwise drive sockets into the LAN (DESIGN.md section 4).
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** 32 random bytes: unguessable, and URL-safe as base64url. */
export const createToken = (): string => randomBytes(32).toString('base64url');

export function tokensEqual(expected: string, candidate: string | undefined): boolean {
  if (candidate === undefined) return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(candidate);
  // timingSafeEqual needs equal lengths; the length of a token is no secret.
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Cookies ignore ports, so the name carries the port: two servers never overwrite each other. */
export const cookieName = (port: number): string => `socketbench_token_${port}`;

export const tokenCookie = (port: number, token: string): string =>
  `${cookieName(port)}=${token}; Path=/; HttpOnly; SameSite=Strict`;

function cookieValue(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim();
  }
  return undefined;
}

export interface RequestToken {
  /** The token given in the query, if any. */
  query: string | undefined;
  cookie: string | undefined;
}

export function requestToken(req: IncomingMessage, url: URL, port: number): RequestToken {
  return {
    query: url.searchParams.get('token') ?? undefined,
    cookie: cookieValue(req.headers.cookie, cookieName(port)),
  };
}

export const hasValidToken = (expected: string, given: RequestToken): boolean =>
  tokensEqual(expected, given.query) || tokensEqual(expected, given.cookie);

export const isWildcardHost = (host: string): boolean => host === '0.0.0.0' || host === '::';

export const isLoopbackHost = (host: string): boolean =>
  host === 'localhost' || host === '::1' || (isIP(host) === 4 && host.startsWith('127.'));

/** The warning printed when the server can be reached from other machines, or undefined. */
export function exposureWarning(host: string): string | undefined {
  if (isLoopbackHost(host)) return undefined;
  return (
    `Warning: SocketBench browser mode is listening on ${host}, reachable from other machines; ` +
    'anyone with the URL and its token can open sockets from this computer.'
  );
}

/** "http://HOST:PORT" with IPv6 literals bracketed, as a browser writes an Origin. */
export function httpOrigin(host: string, port: number): string {
  return `http://${isIP(host) === 6 ? `[${host}]` : host}:${port}`;
}

/**
 * The WebSocket Origin rule. A named bind accepts exactly the origin it prints: 127.0.0.1 and
 * localhost are NOT merged, because localhost may resolve to ::1 where another program can hold
 * the same port and serve a page of its own. A wildcard bind has no single name, so it accepts
 * the origin matching the Host the browser asked for; the token still has to be valid.
 */
export function originAllowed(req: IncomingMessage, boundHost: string, port: number): boolean {
  const origin = req.headers.origin;
  if (!origin) return false;
  if (!isWildcardHost(boundHost)) return origin === httpOrigin(boundHost, port);
  const host = req.headers.host;
  if (host === undefined || origin !== `http://${host}`) return false;
  try {
    return new URL(origin).port === String(port);
  } catch {
    return false;
  }
}
