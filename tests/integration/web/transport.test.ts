import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { optimizerWorkerPath } from '../../support/optimizer-worker';
import WebSocket from 'ws';
import { FRAME_CHARS, startWebServer, type WebServer } from '../../../electron/web/server';
import { call } from './server-process';
import { writeFleetFile } from '../../../db/fleet-file';
import { fromWireDoc, type WireDoc } from '../../../shared/ipc/placement-columns';
import { generateFleet } from '../../../shared/samples';

let server: WebServer;
let dir: string;

beforeAll(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-web-'));
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  server = await startWebServer({ port: 0, documentsDir: path.join(dir, 'docs'), dataDir: path.join(dir, 'data'), rendererDir, optimizerWorkerPath: optimizerWorkerPath() });
});

afterAll(async () => {
  await server.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const origin = () => `http://127.0.0.1:${server.port}`;

function connect(query: string, headers: Record<string, string>): Promise<{ ws: WebSocket } | { status: number }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc${query}`, { headers });
    ws.once('open', () => resolve({ ws }));
    ws.once('unexpected-response', (_req, res) => resolve({ status: res.statusCode ?? 0 }));
    ws.once('error', () => resolve({ status: -1 }));
  });
}

describe('loopback transport', () => {
  it('listens on 127.0.0.1 only and prints a URL with its token', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/\?token=[\w-]{20,}$/);
    const address = (server as unknown as { port: number }).port;
    expect(address).toBeGreaterThan(0);
  });

  it('refuses a connection without a token', async () => {
    expect(await connect('', { Origin: origin() })).toEqual({ status: 403 });
  });

  it('refuses a wrong token', async () => {
    expect(await connect(`?token=${'x'.repeat(server.token.length)}`, { Origin: origin() })).toEqual({ status: 403 });
  });

  it('refuses another origin even with the right token', async () => {
    expect(await connect(`?token=${server.token}`, { Origin: 'http://evil.example' })).toEqual({ status: 403 });
    expect(await connect(`?token=${server.token}`, { Origin: 'http://localhost:' + server.port })).toEqual({ status: 403 });
  });

  it('answers the right token from its own origin, and rejects a malformed payload naming channel and field', async () => {
    const r = await connect(`?token=${server.token}`, { Origin: origin() });
    if (!('ws' in r)) throw new Error(`refused: ${JSON.stringify(r)}`);
    const info = await call(r.ws, 'app.info', {});
    expect(info).toMatchObject({ ok: true, result: { name: 'Fleet Planner', transport: 'web' } });
    const bad = await call(r.ws, 'document.apply', { command: { type: 'move', moves: [{ id: 'p', xM: 'east', yM: 0 }] }, baseRevision: 0 });
    expect(bad).toMatchObject({ ok: false, error: { channel: 'document.apply', code: 'bad-request' } });
    expect((bad.error as { message: string }).message).toMatch(/^document\.apply: command/);
    const unknown = await call(r.ws, 'document.explode', {});
    expect(unknown).toMatchObject({ ok: false, error: { code: 'unknown-channel' } });
    const garbage = await new Promise<Record<string, unknown>>((resolve) => {
      r.ws.once('message', (d) => resolve(JSON.parse(d.toString())));
      r.ws.send('not json');
    });
    expect(garbage).toMatchObject({ ok: false });
    r.ws.close();
  });

  it('sends a fleet longer than a frame as one message that reads back as the fleet', async () => {
    const doc = generateFleet({ placements: 40_000, seed: 5 });
    writeFleetFile(doc, path.join(dir, 'docs', 'large.fleet'));
    const r = await connect(`?token=${server.token}`, { Origin: origin() });
    if (!('ws' in r)) throw new Error(`refused: ${JSON.stringify(r)}`);
    const opened = await call(r.ws, 'document.open', { path: 'large.fleet' });
    expect(opened.ok).toBe(true);
    const wire = (opened.result as { doc: WireDoc }).doc;
    expect(JSON.stringify(wire).length).toBeGreaterThan(FRAME_CHARS);
    expect(fromWireDoc(wire).placements).toEqual(doc.placements);
    r.ws.close();
  });

  it('cuts off a client that asks and never reads once its unread answers pass the limit, and serves the others', async () => {
    const small = await startWebServer({ port: 0, documentsDir: path.join(dir, 'docs2'), dataDir: path.join(dir, 'data2'), rendererDir: path.join(dir, 'renderer'), optimizerWorkerPath: optimizerWorkerPath(), warmOptimizer: false, maxUnreadBytes: 1 << 20 });
    const said: string[] = [];
    const write = process.stderr.write.bind(process.stderr);
    process.stderr.write = ((chunk: string) => (said.push(String(chunk)), true)) as typeof process.stderr.write;
    try {
      const open = (): Promise<WebSocket> =>
        new Promise((resolve, reject) => {
          const ws = new WebSocket(`ws://127.0.0.1:${small.port}/ipc?token=${small.token}`, { headers: { Origin: `http://127.0.0.1:${small.port}` } });
          ws.once('open', () => resolve(ws)).once('error', reject);
        });
      const reader = await open();
      expect((await call(reader, 'document.new', { sample: 'large' })).ok).toBe(true);
      // The 20,000-rack sample's answer is megabytes: a client that reads nothing passes 1 MB of unread answers within a few.
      const flood = await open();
      (flood as unknown as { _socket: { pause(): void } })._socket.pause();
      for (let i = 0; i < 40; i++) flood.send(JSON.stringify({ id: 1000 + i, channel: 'document.current', payload: {} }));
      await expect.poll(() => said.join(''), { timeout: 60_000 }).toMatch(/cut off a client that left \d+ MB of answers unread/);
      expect((await call(reader, 'app.info', {})).ok).toBe(true);
      reader.close();
      flood.terminate();
    } finally {
      process.stderr.write = write;
      await small.close();
    }
  });

  it('serves the renderer with the CSP header and refuses paths outside it', async () => {
    const get = (p: string) =>
      new Promise<http.IncomingMessage>((resolve) => http.get(`${origin()}${p}`, resolve));
    const index = await get('/');
    expect(index.statusCode).toBe(200);
    expect(index.headers['content-security-policy']).toContain("script-src 'self'");
    index.resume();
    const escape = await get('/..%2f..%2fetc%2fpasswd');
    expect([403, 404]).toContain(escape.statusCode);
    escape.resume();
  });
});
