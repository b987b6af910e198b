// The desktop shell's security decisions as pure functions (DESIGN.md section 5), kept apart from
// 'electron' so vitest can check every rule without a binary.
import { pathToFileURL } from 'node:url';

/** Where the renderer comes from: the built file, or the dev server in `electron-vite dev`. */
export type RendererSource = { kind: 'file'; indexPath: string } | { kind: 'dev'; url: string };

export function rendererSource(env: { ELECTRON_RENDERER_URL?: string }, indexPath: string): RendererSource {
  const url = env.ELECTRON_RENDERER_URL;
  // Only a loopback http(s) dev server is honoured: an inherited variable must not load a remote page.
  if (url && isLoopbackHttpUrl(url)) return { kind: 'dev', url };
  return { kind: 'file', indexPath };
}

export function rendererUrl(source: RendererSource): string {
  return source.kind === 'dev' ? source.url : pathToFileURL(source.indexPath).href;
}

/** The webPreferences of every SocketBench window. */
export function secureWebPreferences(preloadPath: string) {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
  } as const;
}

function parse(url: string): URL | undefined {
  try {
    return new URL(url);
  } catch {
    return undefined;
  }
}

function isLoopbackHttpUrl(url: string): boolean {
  const parsed = parse(url);
  if (!parsed || (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')) return false;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(parsed.hostname);
}

/** True when `url` is our own renderer page (any query or hash), and nothing else. */
export function isTrustedUrl(url: string, source: RendererSource): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (source.kind === 'dev') {
    const dev = parse(source.url);
    return dev !== undefined && parsed.origin === dev.origin;
  }
  const own = new URL(rendererUrl(source));
  // file:// URLs have an opaque origin, so compare the exact file instead of an origin.
  return parsed.protocol === 'file:' && parsed.host === own.host && parsed.pathname === own.pathname;
}

/** The IPC sender check: only the top frame of our window, showing our renderer. */
export function isTrustedSender(
  frame: { url: string; parent: unknown } | null | undefined,
  source: RendererSource,
): boolean {
  return frame != null && frame.parent === null && isTrustedUrl(frame.url, source);
}

/** will-navigate: staying on our page (a reload) is fine; going anywhere else is not. */
export function allowNavigation(url: string, source: RendererSource): boolean {
  return isTrustedUrl(url, source);
}

/** Packaged pages get the same policy the renderer's meta tag and browser mode use. */
export const CONTENT_SECURITY_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; connect-src 'self'; " +
  "img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";
