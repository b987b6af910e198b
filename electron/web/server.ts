// Browser mode: the built renderer over HTTP and the engine over WebSocket '/rpc', both behind
// the printed token, bound to 127.0.0.1 unless asked otherwise (DESIGN.md section 4). Plain Node.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { systemLanguage, translate } from '../../shared/i18n/catalog';
import { createDispatcher } from '../../shared/rpc/dispatcher';
import { attachEndpoint } from '../core/attach-endpoint';
import { createEventHub } from '../core/event-hub';
import { createSessionManager } from '../core/session-manager';
import { createSettingsService, withSettings } from '../core/settings-service';
import {
  createToken,
  exposureWarning,
  hasValidToken,
  httpOrigin,
  isWildcardHost,
  originAllowed,
  requestToken,
  tokenCookie,
  tokensEqual,
} from './access';
import { resolveStaticFile, sendFile } from './static-files';
import { createWsEndpoint } from './ws-endpoint';

export interface WebServerOptions {
  /** Default 127.0.0.1. Any other address is reachable from the network and only the token guards it. */
  host?: string;
  /** 0 picks any free port. */
  port?: number;
  rendererDir: string;
  /** Default: 32 random bytes, base64url. */
  token?: string;
  /** Where warnings go; default stderr. */
  warn?: (line: string) => void;
  /** Browser mode's settings file; without one the page keeps no settings (tests). */
  settingsFile?: string;
}

export interface WebServer {
  /** The URL to open, token included. */
  url: string;
  host: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export const RPC_PATH = '/rpc';
/** One send is at most 16 MiB of text; its frame must fit with room for the envelope. */
const MAX_FRAME_BYTES = 64 * 1024 * 1024;

export const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
    "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export const FORBIDDEN_TEXT = `${translate('en', 'status.forbidden')}\n`;

/** The refusal in the browser's language (its Accept-Language), English when it names none we have. */
export function forbiddenText(acceptLanguage: string | undefined): string {
  const locales = (acceptLanguage ?? '').split(',').map((part) => part.split(';')[0]?.trim() ?? '');
  const language = systemLanguage(locales.filter(Boolean));
  return language === 'en' ? FORBIDDEN_TEXT : `${translate(language, 'status.forbidden')}\n`;
}

function plain(res: ServerResponse, status: number, text: string): void {
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(text);
}

function refuseUpgrade(socket: Duplex, status: 403 | 404): void {
  const reason = status === 403 ? 'Forbidden' : 'Not Found';
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  const host = opts.host ?? '127.0.0.1';
  const token = opts.token ?? createToken();
  const warn = opts.warn ?? ((line: string) => process.stderr.write(`${line}\n`));
  const hub = createEventHub();
  const sessions = createSessionManager({ sink: hub.sink });
  const settings = opts.settingsFile ? createSettingsService({ file: opts.settingsFile }) : undefined;
  const dispatch = createDispatcher(settings ? withSettings(sessions, settings) : sessions);
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_FRAME_BYTES });
  let port = 0;

  const requestUrl = (req: IncomingMessage): URL => new URL(req.url ?? '/', 'http://socketbench.invalid');

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const url = requestUrl(req);
    const given = requestToken(req, url, port);
    if (!hasValidToken(token, given)) return plain(res, 403, forbiddenText(req.headers['accept-language']));
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.setHeader('Allow', 'GET, HEAD');
      return plain(res, 405, 'Method not allowed.\n');
    }
    // Renew the cookie from a valid query token so the page's own assets and '/rpc' load without it.
    if (tokensEqual(token, given.query)) res.setHeader('Set-Cookie', tokenCookie(port, token));
    const file = await resolveStaticFile(opts.rendererDir, url.pathname);
    if (!file) return plain(res, 404, 'Not found.\n');
    await sendFile(res, file, req.method === 'HEAD');
  }

  const http = createServer((req, res) => {
    onRequest(req, res).catch(() => {
      if (!res.headersSent) plain(res, 500, 'Internal error.\n');
      else res.destroy();
    });
  });

  http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    socket.on('error', () => socket.destroy());
    const url = requestUrl(req);
    if (url.pathname !== RPC_PATH) return refuseUpgrade(socket, 404);
    // Both checks before the handshake: a foreign page must not even get an open socket.
    if (!hasValidToken(token, requestToken(req, url, port)) || !originAllowed(req, host, port)) {
      return refuseUpgrade(socket, 403);
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      attachEndpoint({ endpoint: createWsEndpoint(ws), dispatch, hub });
    });
  });

  try {
    await new Promise<void>((resolve, reject) => {
      http.once('error', reject);
      http.listen(opts.port ?? 0, host, () => {
        http.off('error', reject);
        resolve();
      });
    });
  } catch (error) {
    await sessions.dispose();
    throw error;
  }
  port = (http.address() as AddressInfo).port;

  const warning = exposureWarning(host);
  if (warning) warn(warning);

  let closing: Promise<void> | undefined;
  const close = (): Promise<void> => {
    closing ??= (async () => {
      for (const ws of wss.clients) ws.terminate();
      await new Promise<void>((resolve) => wss.close(() => resolve()));
      const closed = new Promise<void>((resolve) => http.close(() => resolve()));
      http.closeAllConnections();
      await closed;
      await sessions.dispose();
      await settings?.flush();
      // 'close' fires before libuv releases the listening handle, which happens in the loop's close
      // phase; that phase follows the check phase, so the second setImmediate runs after it.
      for (let turn = 0; turn < 2; turn++) await new Promise<void>((resolve) => setImmediate(resolve));
    })();
    return closing;
  };

  // A wildcard bind has no single name to print; this machine's loopback always works.
  const urlHost = isWildcardHost(host) ? (host === '::' ? '::1' : '127.0.0.1') : host;
  const url = `${httpOrigin(urlHost, port)}/?token=${token}`;
  return { url, host, port, token, close };
}
