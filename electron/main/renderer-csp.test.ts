// The built renderer's page (what the desktop window and browser mode load): a strict CSP in its
// meta tag, the same policy everywhere it is stated, and no inline script for that policy to allow.
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SECURITY_HEADERS } from '../web/server';
import { CONTENT_SECURITY_POLICY } from './security';

const RENDERER_DIR = resolve(__dirname, '../../out/renderer');
const INDEX = resolve(RENDERER_DIR, 'index.html');
const built = existsSync(INDEX);
const SKIP_REASON =
  'out/renderer/index.html is absent: run `npm run build` first (`npm test` builds before testing)';

type Policy = Map<string, string[]>;

function parsePolicy(policy: string): Policy {
  const directives: Policy = new Map();
  for (const part of policy.split(';')) {
    const [name, ...values] = part.trim().split(/\s+/);
    if (name) directives.set(name.toLowerCase(), values);
  }
  return directives;
}

/** The policy of the page's CSP meta tags (a page may carry several; each must be obeyed). */
function metaPolicies(html: string): string[] {
  const metas = html.match(/<meta\b[^>]*>/gis) ?? [];
  return metas
    .filter((tag) => /http-equiv\s*=\s*["']content-security-policy["']/i.test(tag))
    .map(
      (tag) => /content\s*=\s*"([^"]*)"/is.exec(tag)?.[1] ?? /content\s*=\s*'([^']*)'/is.exec(tag)?.[1] ?? '',
    );
}

/** frame-ancestors is ignored in a meta tag; the headers carry it. */
const withoutFrameAncestors = (policy: Policy): Policy =>
  new Map([...policy].filter(([name]) => name !== 'frame-ancestors'));

describe('the built renderer page', () => {
  it('carries one strict CSP meta tag: scripts from our own files only', (ctx) => {
    if (!built) return ctx.skip(SKIP_REASON);
    const policies = metaPolicies(readFileSync(INDEX, 'utf8'));
    expect(policies).toHaveLength(1);
    const policy = parsePolicy(policies[0] ?? '');
    expect(policy.get('script-src')).toEqual(["'self'"]);
    expect(policy.get('default-src')).toEqual(["'self'"]);
    expect(policy.get('object-src')).toEqual(["'none'"]);
    expect(policy.get('base-uri')).toEqual(["'none'"]);
    expect(policy.get('connect-src')).toEqual(["'self'"]);
    // Nothing may re-open script execution through another directive.
    for (const [name, values] of policy) {
      for (const bad of [
        "'unsafe-eval'",
        "'unsafe-hashes'",
        "'wasm-unsafe-eval'",
        '*',
        'blob:',
        'http:',
        'https:',
      ]) {
        expect(values, `${name} allows ${bad}`).not.toContain(bad);
      }
      if (name !== 'style-src') expect(values, name).not.toContain("'unsafe-inline'");
    }
  });

  it('states the same policy as the desktop response header and browser mode', (ctx) => {
    if (!built) return ctx.skip(SKIP_REASON);
    const meta = parsePolicy(metaPolicies(readFileSync(INDEX, 'utf8'))[0] ?? '');
    const desktop = parsePolicy(CONTENT_SECURITY_POLICY);
    const browser = parsePolicy(SECURITY_HEADERS['Content-Security-Policy'] ?? '');
    expect(desktop).toEqual(browser);
    expect(meta).toEqual(withoutFrameAncestors(desktop));
  });

  it('has no inline script, no inline handler and no script from elsewhere', (ctx) => {
    if (!built) return ctx.skip(SKIP_REASON);
    const html = readFileSync(INDEX, 'utf8');
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes = '', body = ''] of scripts) {
      expect(body.trim(), 'inline script content').toBe('');
      const src = /\bsrc\s*=\s*["']([^"']+)["']/i.exec(attributes)?.[1];
      expect(src, 'a script without src').toBeDefined();
      // Relative to the page, so it resolves to our own files under file:// and in browser mode.
      expect(src).toMatch(/^\.\/assets\/[\w.-]+\.js$/);
      expect(existsSync(resolve(RENDERER_DIR, src ?? ''))).toBe(true);
    }
    expect(html).not.toMatch(/\son[a-z]+\s*=/i);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/\b(src|href)\s*=\s*["'](https?:)?\/\//i);
  });
});
