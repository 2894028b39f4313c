/**
 * A bounded fuzz of the loopback server, on 127.0.0.1 only: a few hundred random request
 * targets, headers, handshakes and WebSocket frames (a fixed seed, so a failure replays).
 * After each, the server process must still run and the open document be exactly as it was.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { channels } from '../../../shared/ipc/contract';
import { call, connect, rawRequest, startServerProcess, type ServerProcess } from './server-process';

const RUNS = 300;
const SEED = 20261207;

let server: ServerProcess;
let observer: WebSocket;
let before: unknown;

beforeAll(async () => {
  server = await startServerProcess();
  observer = await connect(server);
  before = (await call(observer, 'document.current', {})).result;
});

afterAll(async () => {
  observer?.close();
  await server?.stop();
});

const pieces = ['/', '//', '%', '%E0%A4%A', '%00', '%2e%2e/', '..', '?token=', '#', 'ipc', '\u00e9', '%C0%AF', '*', ';', '\\', 'index.html', '%ZZ', 'http://127.0.0.1/'];
const target = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 6 }).map((parts) => parts.join(''));
const headerValue = fc.oneof(fc.constantFrom('127.0.0.1', 'localhost', 'evil.example', '', '[::1]'), fc.string({ maxLength: 40 })).map((v) => v.replace(/[\r\n]/g, ''));

/** One raw HTTP request: any method, target and Host, sometimes asking to upgrade. */
const httpRequest = fc.record({
  method: fc.constantFrom('GET', 'HEAD', 'POST', 'PUT', 'OPTIONS', 'CONNECT', 'BREW'),
  target,
  host: headerValue,
  port: fc.boolean(),
  upgrade: fc.boolean(),
  extra: headerValue,
});

/** A frame from an authenticated client: text, JSON, a wire request to any channel, or bytes that are not UTF-8. */
const frame = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 200 }).map((text) => ({ text })),
  fc.jsonValue({ maxDepth: 6 }).map((value) => ({ text: JSON.stringify(value) })),
  fc
    .record({ id: fc.oneof(fc.nat(), fc.integer(), fc.string()), channel: fc.constantFrom(...Object.keys(channels), 'nope', ''), payload: fc.jsonValue({ maxDepth: 4 }) })
    // A key no request names: every channel must refuse it, so nothing that would change the document is accepted.
    .map((request) => ({ text: JSON.stringify({ ...request, payload: { ...(typeof request.payload === 'object' && request.payload !== null && !Array.isArray(request.payload) ? request.payload : {}), fuzz: 1 } }) })),
  fc.uint8Array({ minLength: 1, maxLength: 64 }).map((bytes) => ({ bytes: Buffer.from(bytes) })),
);

async function sendHttp(r: typeof httpRequest extends fc.Arbitrary<infer T> ? T : never): Promise<void> {
  const lines = [`${r.method} ${r.target} HTTP/1.1`, `Host: ${r.host}${r.port ? `:${server.port}` : ''}`, `X-Fuzz: ${r.extra}`, 'Connection: close'];
  if (r.upgrade) lines.push('Upgrade: websocket', 'Connection: Upgrade', 'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version: 13', `Origin: http://127.0.0.1:${server.port}`);
  await rawRequest(server.port, `${lines.join('\r\n')}\r\n\r\n`);
}

async function sendFrame(f: { text: string } | { bytes: Buffer }): Promise<void> {
  const ws = await connect(server);
  const closed = new Promise<void>((resolve) => ws.once('close', () => resolve()));
  const answered = new Promise<void>((resolve) => ws.once('message', () => resolve()));
  if ('text' in f) ws.send(f.text);
  else ws.send(f.bytes, { binary: false });
  // The server answers (or closes this client); either ends the case, and a second is the bound.
  await Promise.race([answered, closed, new Promise((resolve) => setTimeout(resolve, 1000))]);
  ws.terminate();
}

describe('the loopback server under fuzzing', () => {
  it(`stays up with the document unchanged through ${RUNS} random requests and frames`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(httpRequest.map((r) => ({ http: r })), frame.map((f) => ({ frame: f }))), async (input) => {
        if ('http' in input) await sendHttp(input.http);
        else await sendFrame(input.frame);
        expect(server.exit(), server.stderr()).toBeNull();
        expect((await call(observer, 'document.current', {})).result).toEqual(before);
      }),
      { numRuns: RUNS, seed: SEED, endOnFailure: true },
    );
  }, 180_000);
});
