/**
 * Requests that used to end the browser build's server: each must be answered (or its
 * socket closed) while the process keeps serving everyone else.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { call, closed, connect, get, rawRequest, startServerProcess, type ServerProcess } from './server-process';

let server: ServerProcess;

beforeAll(async () => {
  server = await startServerProcess();
});

afterAll(async () => {
  await server?.stop();
});

async function stillServing(): Promise<void> {
  expect(server.exit(), server.stderr()).toBeNull();
  expect(await get(server.port, '/')).toBe(200);
}

describe('the loopback server against hostile requests', () => {
  it.each(['/%', '/%E0%A4%A', '//', '//x/y', '/a%00b', '*', 'http://127.0.0.1/'])('answers GET %s with 400 or 404 and stays up', async (target) => {
    expect([400, 404]).toContain(await get(server.port, target));
    await stillServing();
  });

  it('answers a WebSocket upgrade to // or /% without a token with 403 and stays up', async () => {
    for (const target of ['//', '/%', '//ipc?token=x']) {
      const status = await rawRequest(
        server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1:${server.port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n`,
      );
      expect(status).toBe(403);
    }
    await stillServing();
  });

  it('refuses a foreign Host header (DNS rebinding), on pages and on the socket', async () => {
    expect(await get(server.port, '/', { Host: `evil.example:${server.port}` })).toBe(403);
    expect(await get(server.port, '/', { Host: '127.0.0.1' })).toBe(403);
    expect(await get(server.port, '/', { Host: `localhost:${server.port}` })).toBe(200);
    const refused = await new Promise<number>((resolve) => {
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}`, Host: `rebound.example:${server.port}` } });
      ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0));
      ws.once('open', () => resolve(101));
    });
    expect(refused).toBe(403);
    await stillServing();
  });

  it('closes a client that sends invalid UTF-8 text (1007) and keeps serving the others', async () => {
    const bystander = await connect(server);
    const ws = await connect(server);
    const code = closed(ws);
    // A text frame holding the 3 bytes of a cut-short UTF-8 sequence.
    ws.send(Buffer.from([0xe0, 0xa4, 0x41]), { binary: false });
    expect(await code).toBe(1007);
    expect(await call(bystander, 'app.info', {})).toMatchObject({ ok: true });
    bystander.close();
    await stillServing();
  });

  it('refuses a batch nested 100,000 deep by name, and stays up', async () => {
    const ws = await connect(server);
    const depth = 100_000;
    const command = '{"type":"batch","label":"x","commands":['.repeat(depth) + ']}'.repeat(depth);
    const answer = new Promise<{ ok: boolean; error?: { message: string } }>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
    ws.send(`{"id":1,"channel":"document.apply","payload":{"command":${command},"baseRevision":0}}`);
    expect(await answer).toMatchObject({ ok: false, error: { message: 'document.apply: command: batches nest at most 16 deep' } });
    ws.close();
    await stillServing();
  });

  it('closes a client whose frame is over the size limit (1009) and keeps serving the others', async () => {
    const bystander = await connect(server);
    const ws = await connect(server);
    const code = closed(ws);
    ws.send(Buffer.alloc(17 * 1024 * 1024, 0x20), { binary: false });
    expect(await code).toBe(1009);
    expect(await call(bystander, 'app.info', {})).toMatchObject({ ok: true });
    bystander.close();
    await stillServing();
  });

  it('writes one LP file at a time: of two asked for at once, the second is refused in words', async () => {
    const ws = await connect(server);
    expect(await call(ws, 'document.new', { sample: 'portfolio' })).toMatchObject({ ok: true });
    const answers = await Promise.all([call(ws, 'optimizer.lp', {}), call(ws, 'optimizer.lp', {})]);
    expect(answers[0]).toMatchObject({ ok: true });
    expect(answers[1]).toMatchObject({ ok: false, error: { message: 'An LP file is already being written: export again once it is saved' } });
    ws.close();
    await stillServing();
  });
});
