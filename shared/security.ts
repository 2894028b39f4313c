/**
 * The Content-Security-Policy of every renderer page. Only our own files run. Inside
 * Electron the page talks to the backend over ipc and may connect nowhere; the browser
 * build's one connection out of the page is its loopback WebSocket.
 */
const POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

/** Electron's renderer, on app://fleet/. */
export const APP_CONTENT_SECURITY_POLICY = [...POLICY, "connect-src 'self'"].join('; ');

/** The browser build, served on 127.0.0.1 with its WebSocket. */
export const BROWSER_CONTENT_SECURITY_POLICY = [...POLICY, "connect-src 'self' ws://127.0.0.1:*"].join('; ');
