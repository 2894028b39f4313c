/**
 * The browser build: the same backend behind a WebSocket on 127.0.0.1, serving the
 * built renderer. A random token per run and an exact Origin check keep other pages
 * and other local users' browsers out. `npm run web` runs this; the e2e tests start
 * it programmatically.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import { WIRE_PATH, WireRequestSchema, type WireServerMessage } from '../../shared/ipc/wire';
import { jsonPieces } from '../../shared/io/json-pieces';
import { createBackend, type Backend } from '../backend';
import { IpcError } from '../backend/errors';
import { webHost } from './host-web';
import { serveStatic } from './static-files';

export interface WebServerOptions {
  port: number;
  /** Where documents are opened and saved. */
  documentsDir: string;
  /** Working copies, recovery data, recent files. */
  dataDir: string;
  rendererDir: string;
  optimizerWorkerPath: string;
  /** Default true; see BackendOptions. */
  warmOptimizer?: boolean;
  /** Answers a client may leave unread before it is cut off (default MAX_UNREAD_BYTES). */
  maxUnreadBytes?: number;
}

export interface WebServer {
  url: string;
  token: string;
  port: number;
  backend: Backend;
  close(): Promise<void>;
}

const HOST = '127.0.0.1';
/**
 * The largest message a client may send. A placement costs about 131 bytes of JSON (the
 * campus sample's), so one command placing 30,000 units, a 100 MW site's miners each on
 * its own, is about 4 MB; a bigger frame is closed with 1009.
 */
export const MAX_MESSAGE_BYTES = 16 * 1024 * 1024;

/**
 * Bytes of answers a client may leave unread: ten of the largest fleet's answers. A client
 * that asks and never reads would otherwise have the server hold every answer (900 asks for
 * a 20,000-rack fleet held 3.4 GB and growing); past this it is cut off, and the rest served.
 */
export const MAX_UNREAD_BYTES = 256 * 1024 * 1024;

/**
 * The path of a request target, or null for one that is not a plain path: `//x` (which
 * URL would take for a host), an absolute URL, a target with no leading slash.
 */
export function requestPath(target: string | undefined): URL | null {
  if (!target?.startsWith('/') || target.startsWith('//')) return null;
  return URL.parse(`http://${HOST}${target}`);
}

/**
 * DNS rebinding: a page on another name that resolves to 127.0.0.1 reaches this port with
 * its own name in Host. Only the names of this machine with our port are ours.
 */
export function isOwnHost(host: string | undefined, port: number): boolean {
  return host === `${HOST}:${port}` || host === `localhost:${port}`;
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && crypto.timingSafeEqual(x, y);
}

export async function startWebServer(opts: WebServerOptions): Promise<WebServer> {
  fs.mkdirSync(opts.documentsDir, { recursive: true });
  fs.mkdirSync(opts.dataDir, { recursive: true });
  const token = crypto.randomBytes(24).toString('base64url');
  let appUrl = '';
  const backend = createBackend({
    dataDir: opts.dataDir,
    documentsDir: opts.documentsDir,
    host: webHost(opts.documentsDir, { appUrl: () => appUrl, dataDir: opts.dataDir }),
    transport: 'web',
    optimizerWorkerPath: opts.optimizerWorkerPath,
    warmOptimizer: opts.warmOptimizer,
  });
  let port = 0;
  const server = http.createServer((req, res) => {
    if (!isOwnHost(req.headers.host, port)) {
      res.writeHead(403, { 'Content-Type': 'text/plain' }).end('forbidden host');
      return;
    }
    const url = requestPath(req.url);
    if (!url) {
      res.writeHead(400, { 'Content-Type': 'text/plain' }).end('bad request path');
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    void serveStatic(opts.rendererDir, url.pathname, res);
  });
  const sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, HOST, () => resolve());
  });
  port = (server.address() as { port: number }).port;
  const origin = `http://${HOST}:${port}`;
  appUrl = `${origin}/?token=${token}`;

  server.on('upgrade', (req, socket, head) => {
    // A client that resets mid-handshake must not take the server with it.
    socket.on('error', () => socket.destroy());
    const url = requestPath(req.url);
    const given = url?.searchParams.get('token') ?? '';
    if (url?.pathname !== WIRE_PATH || !isOwnHost(req.headers.host, port) || req.headers.origin !== origin || !tokensEqual(given, token)) {
      socket.end('HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(req, socket, head, (ws) => serveClient(ws, backend, opts.maxUnreadBytes ?? MAX_UNREAD_BYTES));
  });

  return {
    url: appUrl,
    token,
    port,
    backend,
    async close() {
      for (const client of sockets.clients) client.terminate();
      await new Promise<void>((resolve) => sockets.close(() => resolve()));
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await backend.close();
    },
  };
}

/**
 * Characters per frame of a long message: a fleet of 500,000 placements is 26 MB of JSON,
 * which goes out as frames of one message, never as one string (and its copy as bytes).
 */
export const FRAME_CHARS = 1 << 20;

/** One message, in frames of about FRAME_CHARS; written in one go, so no other message comes between them. */
function sendJson(ws: WebSocket, message: WireServerMessage): void {
  let text = '';
  for (const piece of jsonPieces(message)) {
    text += piece;
    if (text.length >= FRAME_CHARS) {
      ws.send(text, { fin: false });
      text = '';
    }
  }
  ws.send(text, { fin: true });
}

function serveClient(ws: WebSocket, backend: Backend, maxUnreadBytes: number): void {
  const send = (message: WireServerMessage): void => {
    if (ws.readyState !== ws.OPEN) return;
    if (ws.bufferedAmount > maxUnreadBytes) {
      process.stderr.write(`fleet planner web: cut off a client that left ${Math.round(ws.bufferedAmount / 2 ** 20)} MB of answers unread\n`);
      ws.terminate();
      return;
    }
    sendJson(ws, message);
  };
  const unsubscribe = backend.onEvent((event, payload) => send({ event, payload }));
  // Work only this client waits for (an LP file) ends with it rather than running on for no one.
  const gone = new AbortController();
  ws.on('close', () => {
    unsubscribe();
    gone.abort();
  });
  // A broken frame (invalid UTF-8, over MAX_MESSAGE_BYTES): ws has already closed this
  // socket with the matching code (1007, 1009); the others keep being served.
  ws.on('error', (error) => process.stderr.write(`fleet planner web: closed a client: ${error.message}\n`));
  ws.on('message', async (data) => {
    let id = -1;
    try {
      const parsed = WireRequestSchema.safeParse(JSON.parse(data.toString()));
      if (!parsed.success) throw new IpcError('(wire)', 'a request needs {id, channel, payload}', 'bad-request');
      id = parsed.data.id;
      const result = await backend.invoke(parsed.data.channel, parsed.data.payload, gone.signal);
      send({ id, ok: true, result });
    } catch (error) {
      const e =
        error instanceof IpcError
          ? error.toJSON()
          : { channel: '(wire)', message: error instanceof Error ? error.message : String(error), code: 'bad-request' };
      send({ id, ok: false, error: e });
    }
  });
}
