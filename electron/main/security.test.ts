// The desktop shell's security rules, checked without Electron.
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  allowNavigation,
  isTrustedSender,
  isTrustedUrl,
  type RendererSource,
  rendererSource,
  rendererUrl,
  secureWebPreferences,
} from './security';

const indexPath = pathToFileURL('/opt/SocketBench/resources/out/renderer/index.html').pathname;
const file: RendererSource = { kind: 'file', indexPath };
const fileUrl = rendererUrl(file);
const dev: RendererSource = { kind: 'dev', url: 'http://localhost:5173' };

describe('secureWebPreferences', () => {
  it('keeps every Electron safety switch on and points at the bundled preload', () => {
    expect(secureWebPreferences('/app/out/preload/index.cjs')).toMatchObject({
      preload: '/app/out/preload/index.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

describe('rendererSource', () => {
  it('uses the built file unless a loopback dev server is given', () => {
    expect(rendererSource({}, indexPath)).toEqual(file);
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'http://localhost:5173' }, indexPath)).toEqual(dev);
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'https://example.com/' }, indexPath)).toEqual(file);
    expect(rendererSource({ ELECTRON_RENDERER_URL: 'javascript:alert(1)' }, indexPath)).toEqual(file);
  });
});

describe('isTrustedUrl', () => {
  it('trusts our built page with any query or hash', () => {
    expect(fileUrl.startsWith('file://')).toBe(true);
    expect(isTrustedUrl(fileUrl, file)).toBe(true);
    expect(isTrustedUrl(`${fileUrl}?x=1#log`, file)).toBe(true);
  });

  it('refuses other files, other schemes and junk', () => {
    expect(isTrustedUrl(fileUrl.replace('index.html', 'other.html'), file)).toBe(false);
    expect(isTrustedUrl('file:///etc/passwd', file)).toBe(false);
    expect(isTrustedUrl('https://example.com/index.html', file)).toBe(false);
    expect(isTrustedUrl('about:blank', file)).toBe(false);
    expect(isTrustedUrl('not a url', file)).toBe(false);
    expect(isTrustedUrl('http://localhost:5173/', file)).toBe(false);
  });

  it('trusts only the dev server origin in development', () => {
    expect(isTrustedUrl('http://localhost:5173/', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5173/src/main.tsx?t=1', dev)).toBe(true);
    expect(isTrustedUrl('http://localhost:5174/', dev)).toBe(false);
    expect(isTrustedUrl('http://127.0.0.1:5173/', dev)).toBe(false);
    expect(isTrustedUrl(fileUrl, dev)).toBe(false);
  });
});

describe('isTrustedSender', () => {
  it('trusts only the top frame showing our page', () => {
    expect(isTrustedSender({ url: fileUrl, parent: null }, file)).toBe(true);
    expect(isTrustedSender({ url: fileUrl, parent: {} }, file)).toBe(false);
    expect(isTrustedSender({ url: 'https://example.com/', parent: null }, file)).toBe(false);
    expect(isTrustedSender(null, file)).toBe(false);
    expect(isTrustedSender(undefined, file)).toBe(false);
  });
});

describe('allowNavigation', () => {
  it('allows reloading our page and denies leaving it', () => {
    expect(allowNavigation(fileUrl, file)).toBe(true);
    expect(allowNavigation('https://example.com/', file)).toBe(false);
    expect(allowNavigation('file:///home/user/evil.html', file)).toBe(false);
  });
});
