/**
 * The built renderer's files, for the HTTP bridge and for Electron's app:// protocol alike: the same
 * path resolution (never outside the renderer folder), the same types and the same strict CSP.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import type { ServerResponse } from 'node:http';
import { extname, join, normalize, sep } from 'node:path';
import { CONTENT_SECURITY_POLICY } from '../window/content-security-policy.ts';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
};

export const RENDERER_HEADERS = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cache-Control': 'no-store',
};

/**
 * The file a URL path names inside `root`, else null (malformed escapes, "../", folders, missing files).
 * `fallback` serves index.html for the app's own routes (the browser reloads #/rencontres as /).
 */
export function rendererFile(root: string, urlPath: string, fallback: boolean): { path: string; type: string } | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = normalize(decoded).replace(/^([/\\])+/, '');
  const file = join(root, relative === '' ? 'index.html' : relative);
  const inside = file.startsWith(root.endsWith(sep) ? root : root + sep);
  const found = inside && existsSync(file) && statSync(file).isFile() ? file : fallback ? join(root, 'index.html') : null;
  if (found === null || !existsSync(found)) return null;
  return { path: found, type: TYPES[extname(found)] ?? 'application/octet-stream' };
}

export function serveStatic(root: string, urlPath: string, response: ServerResponse): void {
  const file = rendererFile(root, urlPath, true);
  if (!file) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end("Introuvable. Si l’interface n’est pas construite, lancez « npm run build:renderer ».");
    return;
  }
  response.writeHead(200, { 'Content-Type': file.type, ...RENDERER_HEADERS });
  response.end(readFileSync(file.path));
}
