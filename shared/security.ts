/**
 * The Content-Security-Policy of every renderer page, in Electron (session header and
 * meta tag) and in the browser build (HTTP header). Only our own files run; the one
 * connection allowed out of the page is the loopback WebSocket of the browser build.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self' ws://127.0.0.1:*",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
