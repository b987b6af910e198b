// Serving the built renderer from one folder: content types, and no way out of that folder.
// Plain Node.
import { createReadStream } from 'node:fs';
import { realpath, stat } from 'node:fs/promises';
import type { ServerResponse } from 'node:http';
import { extname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export const contentType = (path: string): string =>
  CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';

const within = (root: string, path: string): boolean => path === root || path.startsWith(root + sep);

/**
 * The file a URL path names inside `root`, or undefined. Refuses encoded separators and NULs,
 * dot segments that climb out, and symlinks that lead outside the folder.
 */
export async function resolveStaticFile(root: string, urlPath: string): Promise<string | undefined> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath === '/' ? '/index.html' : urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const realRoot = await realpath(root);
  const candidate = resolve(realRoot, `.${decoded}`);
  if (!within(realRoot, candidate)) return undefined;
  try {
    const real = await realpath(candidate);
    if (!within(realRoot, real) || !(await stat(real)).isFile()) return undefined;
    return real;
  } catch {
    return undefined;
  }
}

/** Streams a file resolved by resolveStaticFile; HEAD gets the headers only. */
export async function sendFile(res: ServerResponse, path: string, headOnly: boolean): Promise<void> {
  const { size } = await stat(path);
  res.writeHead(200, {
    'Content-Type': contentType(path),
    'Content-Length': size,
    // The page carries the token in its URL: never keep it; hashed assets may be cached.
    'Cache-Control': path.endsWith('.html') ? 'no-store' : 'private, max-age=3600',
  });
  if (headOnly) {
    res.end();
    return;
  }
  // pipeline destroys both ends on error or on a client that hangs up halfway.
  await pipeline(createReadStream(path), res).catch(() => undefined);
}
