// Browser mode over real HTTP and WebSocket on 127.0.0.1, port 0: token, cookie, Origin, static
// files, the wire, and a clean close.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { type IncomingHttpHeaders, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WireMessage } from '../../shared/rpc/transport';
import { decodeFrame, encodeFrame } from '../../shared/rpc/wire';
import { cookieName } from './access';
import { FORBIDDEN_TEXT, startWebServer, type WebServer } from './server';

let dir: string;
let rendererDir: string;
let server: WebServer | undefined;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-web-'));
  rendererDir = join(dir, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>SocketBench</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log("app");');
  await writeFile(join(rendererDir, 'assets', 'app.css'), 'body{}');
  await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
});

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function start(): Promise<WebServer> {
  server = await startWebServer({ rendererDir, port: 0 });
  return server;
}

interface Reply {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/** A raw request (no keep-alive pool, no path normalisation) so traversal attempts arrive as written. */
function get(s: WebServer, path: string, headers: Record<string, string> = {}): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: s.port, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      // Resolve once the socket is gone, so no test leaves a half-closed connection to the next.
      req.on('close', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

const cookieFor = (s: WebServer, token = s.token) => `${cookieName(s.port)}=${token}`;
const ownOrigin = (s: WebServer) => `http://127.0.0.1:${s.port}`;
const rpcUrl = (s: WebServer, query = '') => `ws://127.0.0.1:${s.port}/rpc${query}`;

/** Resolves with the open socket, or with the HTTP status that refused the upgrade. */
function connect(url: string, options: WebSocket.ClientOptions): Promise<WebSocket | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, options);
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('error', reject);
  });
}

async function openSocket(s: WebServer): Promise<WebSocket> {
  const ws = await connect(rpcUrl(s, `?token=${s.token}`), { origin: ownOrigin(s) });
  if (typeof ws === 'number') throw new Error(`upgrade refused with ${ws}`);
  return ws;
}

function nextMessage(ws: WebSocket): Promise<WireMessage> {
  return new Promise((resolve) => {
    ws.once('message', (data: Buffer) => resolve(decodeFrame(new Uint8Array(data))));
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

async function shut(ws: WebSocket): Promise<void> {
  const done = closed(ws);
  ws.close();
  await done;
}

async function listOver(ws: WebSocket, id: number): Promise<WireMessage> {
  const reply = nextMessage(ws);
  ws.send(encodeFrame({ t: 'req', id, method: 'list', arg: {} }));
  return reply;
}

describe('browser mode HTTP', () => {
  it('refuses a request without a token with 403 and a sentence', async () => {
    const s = await start();
    for (const path of ['/', '/index.html', '/assets/app.js']) {
      const reply = await get(s, path);
      expect(reply.status).toBe(403);
      expect(reply.body).toBe(FORBIDDEN_TEXT);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
  });

  it('refuses a wrong token, in the query or the cookie', async () => {
    const s = await start();
    const wrong = `${s.token.slice(0, -1)}${s.token.endsWith('A') ? 'B' : 'A'}`;
    expect((await get(s, `/?token=${wrong}`)).status).toBe(403);
    expect((await get(s, '/?token=short')).status).toBe(403);
    expect((await get(s, '/', { cookie: cookieFor(s, wrong) })).status).toBe(403);
    expect((await get(s, '/', { cookie: `socketbench_token_1=${s.token}` })).status).toBe(403);
  });

  it('serves index.html for the token URL with a strict cookie and security headers', async () => {
    const s = await start();
    expect(s.url).toBe(`http://127.0.0.1:${s.port}/?token=${s.token}`);
    expect(s.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const reply = await get(s, `/?token=${s.token}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toContain('<title>SocketBench</title>');
    expect(reply.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(reply.headers['set-cookie']).toEqual([
      `${cookieName(s.port)}=${s.token}; Path=/; HttpOnly; SameSite=Strict`,
    ]);
    expect(reply.headers['content-security-policy']).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
        "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'",
    );
    expect(reply.headers['x-content-type-options']).toBe('nosniff');
    expect(reply.headers['referrer-policy']).toBe('no-referrer');
  });

  it('loads the page assets with the cookie alone, with their content types', async () => {
    const s = await start();
    const js = await get(s, '/assets/app.js', { cookie: `theme=dark; ${cookieFor(s)}` });
    expect(js.status).toBe(200);
    expect(js.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(js.body).toBe('console.log("app");');
    const css = await get(s, '/assets/app.css', { cookie: cookieFor(s) });
    expect(css.headers['content-type']).toBe('text/css; charset=utf-8');
    expect((await get(s, '/missing.js', { cookie: cookieFor(s) })).status).toBe(404);
  });

  it('never serves a file outside the renderer folder', async () => {
    const s = await start();
    const cookie = cookieFor(s);
    for (const path of [
      '/../secret.txt',
      '/assets/../../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/..%5csecret.txt',
      '/%00index.html',
      '/assets',
      '/%E0%A4%A',
    ]) {
      const reply = await get(s, path, { cookie });
      expect(reply.status, path).toBe(404);
      expect(reply.body).not.toContain('outside the renderer');
    }
  });
});

describe('browser mode WebSocket', () => {
  it('refuses an upgrade without a token, or with a wrong one, before upgrading', async () => {
    const s = await start();
    expect(await connect(rpcUrl(s), { origin: ownOrigin(s) })).toBe(403);
    expect(await connect(rpcUrl(s, '?token=nope'), { origin: ownOrigin(s) })).toBe(403);
    expect(await connect(rpcUrl(s), { origin: ownOrigin(s), headers: { cookie: cookieFor(s, 'x') } })).toBe(
      403,
    );
  });

  it('refuses a valid token from another Origin, or with none', async () => {
    const s = await start();
    const query = `?token=${s.token}`;
    for (const origin of [
      'http://evil.example',
      `http://localhost:${s.port}`,
      `http://127.0.0.1:${s.port + 1}`,
      `https://127.0.0.1:${s.port}`,
      'null',
    ]) {
      expect(await connect(rpcUrl(s, query), { origin }), origin).toBe(403);
    }
    expect(await connect(rpcUrl(s, query), {})).toBe(403);
  });

  it('refuses other upgrade paths', async () => {
    const s = await start();
    expect(await connect(`ws://127.0.0.1:${s.port}/other?token=${s.token}`, { origin: ownOrigin(s) })).toBe(
      404,
    );
  });

  it('answers a list request from its own origin, with the query token or the cookie', async () => {
    const s = await start();
    const ws = await openSocket(s);
    expect(await listOver(ws, 1)).toEqual({ t: 'res', id: 1, result: { ok: true, value: [] } });
    const byCookie = await connect(rpcUrl(s), { origin: ownOrigin(s), headers: { cookie: cookieFor(s) } });
    if (typeof byCookie === 'number') throw new Error(`refused with ${byCookie}`);
    expect(await listOver(byCookie, 2)).toEqual({ t: 'res', id: 2, result: { ok: true, value: [] } });
    await shut(ws);
    await shut(byCookie);
  });

  it('answers a malformed argument with an error envelope, not a crash', async () => {
    const s = await start();
    const ws = await openSocket(s);
    const reply = nextMessage(ws);
    ws.send(encodeFrame({ t: 'req', id: 9, method: 'close', arg: { id: 42 } }));
    expect(await reply).toMatchObject({
      t: 'res',
      id: 9,
      result: { ok: false, error: { code: 'E_BAD_ARGUMENT' } },
    });
    await shut(ws);
  });

  it('closes only the socket that sent a malformed frame', async () => {
    const s = await start();
    const bad = await openSocket(s);
    const textSender = await openSocket(s);
    const good = await openSocket(s);
    const badClosed = closed(bad);
    bad.send(new Uint8Array([0xde, 0xad, 0xbe, 0xef]));
    expect(await badClosed).toBe(1003);
    const textClosed = closed(textSender);
    textSender.send('{"t":"req","id":1,"method":"list","arg":{}}');
    expect(await textClosed).toBe(1003);
    expect(await listOver(good, 3)).toEqual({ t: 'res', id: 3, result: { ok: true, value: [] } });
    await shut(good);
  });
});

describe('browser mode lifecycle', () => {
  const handles = () => {
    const counts: Record<string, number> = {};
    for (const kind of process.getActiveResourcesInfo()) counts[kind] = (counts[kind] ?? 0) + 1;
    return { servers: counts.TCPServerWrap ?? 0, sockets: counts.TCPSocketWrap ?? 0 };
  };

  it('close() ends every connection and leaves no handles behind', async () => {
    const before = handles();
    const s = await start();
    const ws = await openSocket(s);
    await listOver(ws, 1);
    expect(handles().servers).toBe(before.servers + 1);
    const wsClosed = closed(ws);
    await s.close();
    await s.close();
    server = undefined;
    await wsClosed;
    expect(handles()).toEqual(before);
  });

  it('refuses to start on a port that is taken, with the system code', async () => {
    const s = await start();
    await expect(startWebServer({ rendererDir, port: s.port })).rejects.toMatchObject({ code: 'EADDRINUSE' });
  });
});
