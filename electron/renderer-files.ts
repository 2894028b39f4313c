/**
 * Which file of the built renderer a URL path names, for both ways the renderer is
 * served: Electron's app:// protocol and the browser build's loopback server. Only
 * regular files inside the renderer folder are ever read; every other path gets a
 * status (400 for a path that cannot be a file name, 404 for one that names no file
 * of ours), never an exception.
 */
import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

export type RendererPath = { ok: true; file: string } | { ok: false; status: 400 | 404; reason: string };
export type RendererFile = { ok: true; body: Buffer; contentType: string } | { ok: false; status: 400 | 404; reason: string };

function decoded(urlPath: string): string | null {
  try {
    return decodeURIComponent(urlPath);
  } catch {
    return null;
  }
}

/**
 * The file a URL path names under `rootDir` (`/` is the index page), without touching
 * the disk. Refused: malformed percent-encoding, NUL, backslashes (a separator on
 * Windows), and anything that resolves outside the folder, encoded dots included.
 */
export function rendererPath(rootDir: string, urlPath: string): RendererPath {
  const relative = decoded(urlPath === '/' || urlPath === '' ? '/index.html' : urlPath);
  if (relative === null) return { ok: false, status: 400, reason: 'malformed percent-encoding' };
  if (relative.includes('\0') || relative.includes('\\')) return { ok: false, status: 400, reason: 'not a file name' };
  if (!relative.startsWith('/')) return { ok: false, status: 400, reason: 'not an absolute path' };
  const root = path.resolve(rootDir);
  const file = path.resolve(root, '.' + relative);
  if (!file.startsWith(root + path.sep)) return { ok: false, status: 404, reason: 'outside the renderer' };
  return { ok: true, file };
}

/** Reads the file a URL path names, following links only while they stay inside the folder. */
export async function readRendererFile(rootDir: string, urlPath: string): Promise<RendererFile> {
  const named = rendererPath(rootDir, urlPath);
  if (!named.ok) return named;
  const notFound = { ok: false, status: 404, reason: 'no such file' } as const;
  try {
    const [root, real] = await Promise.all([fs.promises.realpath(rootDir), fs.promises.realpath(named.file)]);
    if (!real.startsWith(root + path.sep)) return notFound;
    const stat = await fs.promises.stat(real);
    if (!stat.isFile()) return notFound;
    return { ok: true, body: await fs.promises.readFile(real), contentType: CONTENT_TYPES[path.extname(real)] ?? 'application/octet-stream' };
  } catch {
    return notFound;
  }
}
