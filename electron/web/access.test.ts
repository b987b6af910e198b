// The browser-mode access rules as pure functions: token, cookie, Origin, exposure warning.
import type { IncomingMessage } from 'node:http';
import { describe, expect, it } from 'vitest';
import {
  cookieName,
  createToken,
  exposureWarning,
  hasValidToken,
  httpOrigin,
  originAllowed,
  requestToken,
  tokensEqual,
} from './access';

const req = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage;

describe('tokens', () => {
  it('are 32 random bytes in base64url, different every time', () => {
    const a = createToken();
    expect(Buffer.from(a, 'base64url')).toHaveLength(32);
    expect(a).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(createToken()).not.toBe(a);
  });

  it('compare exactly, whatever the lengths', () => {
    const t = createToken();
    expect(tokensEqual(t, t)).toBe(true);
    expect(tokensEqual(t, `${t}x`)).toBe(false);
    expect(tokensEqual(t, t.slice(1))).toBe(false);
    expect(tokensEqual(t, '')).toBe(false);
    expect(tokensEqual(t, undefined)).toBe(false);
  });

  it('are read from the query or from this port’s cookie only', () => {
    const t = createToken();
    const url = new URL(`http://127.0.0.1:8000/?token=${t}`);
    expect(hasValidToken(t, requestToken(req({}), url, 8000))).toBe(true);
    const bare = new URL('http://127.0.0.1:8000/');
    const cookie = `a=b; ${cookieName(8000)}=${t}; c=d`;
    expect(hasValidToken(t, requestToken(req({ cookie }), bare, 8000))).toBe(true);
    expect(hasValidToken(t, requestToken(req({ cookie }), bare, 8001))).toBe(false);
    expect(hasValidToken(t, requestToken(req({}), bare, 8000))).toBe(false);
  });
});

describe('originAllowed', () => {
  it('accepts exactly the origin a named bind prints', () => {
    expect(originAllowed(req({ origin: 'http://127.0.0.1:8000' }), '127.0.0.1', 8000)).toBe(true);
    expect(originAllowed(req({ origin: 'http://localhost:8000' }), '127.0.0.1', 8000)).toBe(false);
    expect(originAllowed(req({ origin: 'http://127.0.0.1:8001' }), '127.0.0.1', 8000)).toBe(false);
    expect(originAllowed(req({}), '127.0.0.1', 8000)).toBe(false);
    expect(originAllowed(req({ origin: 'http://[::1]:8000' }), '::1', 8000)).toBe(true);
    expect(httpOrigin('::1', 8000)).toBe('http://[::1]:8000');
  });

  it('on a wildcard bind accepts the origin matching the Host asked for, on our port', () => {
    const ok = req({ origin: 'http://bench-box.local:8000', host: 'bench-box.local:8000' });
    expect(originAllowed(ok, '0.0.0.0', 8000)).toBe(true);
    const mismatch = req({ origin: 'http://evil.example:8000', host: 'bench-box.local:8000' });
    expect(originAllowed(mismatch, '0.0.0.0', 8000)).toBe(false);
    const otherPort = req({ origin: 'http://bench-box.local:9000', host: 'bench-box.local:9000' });
    expect(originAllowed(otherPort, '::', 8000)).toBe(false);
    expect(originAllowed(req({ origin: 'http://a b', host: 'a b' }), '0.0.0.0', 8000)).toBe(false);
  });
});

describe('exposureWarning', () => {
  it('is silent on loopback and speaks up for anything else', () => {
    for (const host of ['127.0.0.1', '127.0.0.2', '::1', 'localhost'])
      expect(exposureWarning(host)).toBeUndefined();
    for (const host of ['0.0.0.0', '::', '192.168.1.10']) expect(exposureWarning(host)).toContain(host);
  });
});
