import type { ServerResponse } from 'node:http';
import { BROWSER_CONTENT_SECURITY_POLICY } from '../../shared/security';
import { readRendererFile } from '../renderer-files';

/** Serves a file of the built renderer; anything else is answered 400 or 404. */
export async function serveStatic(rootDir: string, urlPath: string, res: ServerResponse): Promise<void> {
  const file = await readRendererFile(rootDir, urlPath);
  if (!file.ok) {
    res.writeHead(file.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(file.reason);
    return;
  }
  res.writeHead(200, {
    'Content-Type': file.contentType,
    'Content-Security-Policy': BROWSER_CONTENT_SECURITY_POLICY,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(file.body);
}
