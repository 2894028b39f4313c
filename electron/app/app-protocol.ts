/**
 * The renderer's origin inside Electron: a privileged custom scheme, `app://fleet/`,
 * served from the built renderer folder. Electron's checklist asks for this rather
 * than file://, whose pages get only a browser's rights once the
 * grantFileProtocolExtraPrivileges fuse is off (module scripts then fail CORS and the
 * window stays blank). Plain functions over web Request/Response, so tests run them
 * without Electron; main.ts only registers them.
 */
import { APP_CONTENT_SECURITY_POLICY } from '../../shared/security';
import { readRendererFile } from '../renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'fleet';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const RENDERER_ENTRY = `${APP_ORIGIN}/index.html`;

/** For `protocol.registerSchemesAsPrivileged`, before the app is ready. */
export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true, codeCache: true },
} as const;

/** The URL of a renderer route (`/print?hall=…`), which the renderer reads from its hash. */
export function rendererRoute(route: string): string {
  return `${RENDERER_ENTRY}#${route}`;
}

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** Our renderer's entry page, at any of its hash routes: the only page that may talk to the backend. */
export function isTrustedRendererUrl(url: string): boolean {
  const parsed = parse(url);
  return parsed !== null && parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST && parsed.pathname === '/index.html' && parsed.search === '';
}

/** A window may navigate only within our renderer (hash routes); anything else is refused. */
export function isAllowedNavigation(url: string): boolean {
  return isTrustedRendererUrl(url);
}

const plain = (status: number, text: string): Response => new Response(text, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });

/** Answers one app:// request from the renderer folder: a file, or 400/404/405 with a reason. */
export async function answerAppRequest(request: Request, rendererDir: string): Promise<Response> {
  const url = parse(request.url);
  if (!url || url.protocol !== `${APP_SCHEME}:`) return plain(400, 'not an app:// URL');
  if (url.host !== APP_HOST) return plain(404, 'no such host');
  if (request.method !== 'GET' && request.method !== 'HEAD') return plain(405, 'only GET');
  const file = await readRendererFile(rendererDir, url.pathname);
  if (!file.ok) return plain(file.status, file.reason);
  return new Response(request.method === 'HEAD' ? null : new Uint8Array(file.body), {
    status: 200,
    headers: {
      'Content-Type': file.contentType,
      'Content-Security-Policy': APP_CONTENT_SECURITY_POLICY,
      'X-Content-Type-Options': 'nosniff',
      'Cache-Control': 'no-store',
    },
  });
}
