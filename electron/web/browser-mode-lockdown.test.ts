// Browser mode's lock, tried the way an attacker or a careless setup would: every method without
// the token, foreign and rebinding Origins, the loopback default, a wide bind, the token compare.
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { tokensEqual } from './access';
import { FORBIDDEN_TEXT, startWebServer, type WebServer } from './server';

const crypto = vi.hoisted(() => ({ compared: [] as Array<[number, number]> }));
vi.mock('node:crypto', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:crypto')>();
  // The real comparison, observed: which lengths reach it tells whether the compare is the constant-time one.
  const timingSafeEqual = (a: NodeJS.ArrayBufferView, b: NodeJS.ArrayBufferView) => {
    crypto.compared.push([a.byteLength, b.byteLength]);
    return real.timingSafeEqual(a, b);
  };
  return { ...real, default: { ...real, timingSafeEqual }, timingSafeEqual };
});

let dir: string;
let servers: WebServer[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'socketbench-lockdown-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(join(dir, 'index.html'), '<!doctype html><title>SocketBench</title>');
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log("app");');
});
afterAll(() => rm(dir, { recursive: true, force: true }));
afterEach(async () => {
  await Promise.all(servers.map((s) => s.close()));
  servers = [];
});

async function start(options: { host?: string; warn?: (line: string) => void } = {}): Promise<WebServer> {
  const server = await startWebServer({ rendererDir: dir, port: 0, warn: () => {}, ...options });
  servers.push(server);
  return server;
}

function http(
  port: number,
  method: string,
  path: string,
  headers: Record<string, string> = {},
): Promise<{ status: number; body: string; cookie: unknown }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers, agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      req.on('close', () =>
        resolve({ status: res.statusCode ?? 0, body, cookie: res.headers['set-cookie'] }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

/** The open socket's fate: 'open', or the HTTP status that refused the upgrade. */
function upgrade(url: string, headers: Record<string, string>): Promise<'open' | number> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => {
      ws.once('close', () => resolve('open'));
      ws.close();
    });
    ws.once('unexpected-response', (req, res) => {
      resolve(res.statusCode ?? 0);
      req.destroy();
    });
    ws.once('error', reject);
  });
}

/** Whether a TCP connection to address:port is accepted at all. */
function reachable(address: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host: address, port });
    socket.once('connect', () => {
      socket.once('close', () => resolve(true));
      socket.destroy();
    });
    socket.once('error', () => resolve(false));
  });
}

describe('without the token there is no access', () => {
  it('refuses every method on every path, with the sentence and no cookie', async () => {
    const s = await start();
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH']) {
      for (const path of [
        '/',
        '/index.html',
        '/assets/app.js',
        '/rpc',
        `/?t=${s.token}`,
        `/?TOKEN=${s.token}`,
      ]) {
        const reply = await http(s.port, method, path);
        expect(reply.status, `${method} ${path}`).toBe(403);
        expect(reply.body).toBe(method === 'HEAD' ? '' : FORBIDDEN_TEXT);
        expect(reply.cookie).toBeUndefined();
      }
    }
  });

  it('lets even a holder of the token only read files', async () => {
    const s = await start();
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
      expect((await http(s.port, method, `/?token=${s.token}`)).status, method).toBe(405);
    }
  });
});

describe('a WebSocket from anywhere but our own page is refused', () => {
  it('refuses foreign, look-alike and rebinding Origins even with the right token', async () => {
    const s = await start();
    const url = `ws://127.0.0.1:${s.port}/rpc?token=${s.token}`;
    for (const origin of [
      `http://127.0.0.1:${s.port}/`,
      `http://127.0.0.1.evil.example:${s.port}`,
      `http://[::ffff:127.0.0.1]:${s.port}`,
      `http://0.0.0.0:${s.port}`,
      `http://127.0.0.2:${s.port}`,
      'file://',
      'chrome-extension://abcdefghijklmnop',
    ]) {
      expect(await upgrade(url, { Origin: origin }), origin).toBe(403);
    }
    // DNS rebinding: a page of evil.example whose name now points at 127.0.0.1.
    const rebound = { Host: `evil.example:${s.port}`, Origin: `http://evil.example:${s.port}` };
    expect(await upgrade(url, rebound)).toBe(403);
    // The same request from our own page is the only one that opens.
    expect(await upgrade(url, { Origin: `http://127.0.0.1:${s.port}` })).toBe('open');
  });
});

describe('where the server listens', () => {
  it.runIf(process.platform === 'linux')(
    'binds 127.0.0.1 alone by default: other loopback addresses are refused',
    async () => {
      const s = await start();
      expect(s.host).toBe('127.0.0.1');
      expect(new URL(s.url).hostname).toBe('127.0.0.1');
      expect(await reachable('127.0.0.1', s.port)).toBe(true);
      // Linux routes all of 127.0.0.0/8 to this machine: only a wildcard bind would answer there.
      expect(await reachable('127.0.0.2', s.port)).toBe(false);
      expect(await reachable('::1', s.port)).toBe(false);
    },
  );

  // A wildcard bind is the risky case; on Linux it needs no firewall prompt, and only loopback is used.
  it.runIf(process.platform === 'linux')(
    'warns once when bound wide, and still demands the token',
    async () => {
      const warnings: string[] = [];
      const s = await start({ host: '0.0.0.0', warn: (line) => warnings.push(line) });
      expect(warnings).toEqual([
        expect.stringContaining('listening on 0.0.0.0, reachable from other machines'),
      ]);
      expect(new URL(s.url).searchParams.get('token')).toBe(s.token);
      expect((await http(s.port, 'GET', '/')).status).toBe(403);
      expect((await http(s.port, 'GET', `/?token=${s.token}`)).status).toBe(200);
      const origin = { Origin: `http://127.0.0.1:${s.port}` };
      expect(await upgrade(`ws://127.0.0.1:${s.port}/rpc`, origin)).toBe(403);
      expect(await upgrade(`ws://127.0.0.1:${s.port}/rpc?token=${s.token}`, origin)).toBe('open');
    },
  );

  it('says nothing when bound to loopback', async () => {
    const warnings: string[] = [];
    await start({ warn: (line) => warnings.push(line) });
    expect(warnings).toEqual([]);
  });
});

describe('the token compare', () => {
  it('agrees with plain equality on any input', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        expect(tokensEqual(a, b)).toBe(a === b);
        expect(tokensEqual(a, a)).toBe(true);
      }),
    );
  });

  it('reads every same-length candidate through crypto.timingSafeEqual, never byte by byte itself', async () => {
    const s = await start();
    crypto.compared.length = 0;
    const token = Buffer.from(s.token);
    const firstWrong = `${s.token[0] === 'A' ? 'B' : 'A'}${s.token.slice(1)}`;
    const lastWrong = `${s.token.slice(0, -1)}${s.token.endsWith('A') ? 'B' : 'A'}`;
    for (const candidate of [firstWrong, lastWrong, s.token]) {
      expect(tokensEqual(s.token, candidate)).toBe(candidate === s.token);
    }
    expect(crypto.compared).toEqual([
      [token.length, token.length],
      [token.length, token.length],
      [token.length, token.length],
    ]);
    // The server's own checks go the same way.
    crypto.compared.length = 0;
    expect((await http(s.port, 'GET', `/?token=${lastWrong}`)).status).toBe(403);
    expect(crypto.compared).toContainEqual([token.length, token.length]);
  });
});
