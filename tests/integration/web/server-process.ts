/**
 * Starts the loopback server in a separate process (bundled once per test process) and
 * talks to it only on 127.0.0.1: a request that crashes it shows as an exit, not as a
 * failure inside the test runner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import { optimizerWorkerPath } from '../../support/optimizer-worker';

const root = path.resolve(__dirname, '../../..');

export interface ServerProcess {
  port: number;
  token: string;
  /** The --dir the server opens and saves in. */
  documentsDir: string;
  /** Null while it runs; the exit code or signal once it has ended. */
  exit(): string | null;
  stderr(): string;
  stop(): Promise<void>;
}

export async function startServerProcess(): Promise<ServerProcess> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-web-proc-'));
  const bundle = path.join(root, 'node_modules', '.cache', 'fleet-tests', `web-server-${process.pid}.cjs`);
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  buildSync({ entryPoints: [path.join(__dirname, 'server-child.ts')], outfile: bundle, bundle: true, platform: 'node', format: 'cjs', external: ['better-sqlite3'], logLevel: 'error' });
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  const documentsDir = path.join(dir, 'docs');
  const child: ChildProcess = spawn(process.execPath, [bundle, documentsDir, path.join(dir, 'data'), rendererDir, optimizerWorkerPath()], { stdio: ['ignore', 'pipe', 'pipe'] });
  let exit: string | null = null;
  let stderr = '';
  const exited = new Promise<void>((resolve) =>
    child.on('exit', (code, signal) => {
      exit = `${code ?? signal}`;
      resolve();
    }),
  );
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const ready = await new Promise<{ port: number; token: string }>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const [line] = out.split('\n');
      if (out.includes('\n') && line) resolve(JSON.parse(line));
    });
    void exited.then(() => reject(new Error(`the server exited before it listened: ${stderr}`)));
  });
  return {
    ...ready,
    documentsDir,
    exit: () => exit,
    stderr: () => stderr,
    async stop() {
      if (exit === null) child.kill('SIGKILL');
      await exited;
      fs.rmSync(dir, { recursive: true, force: true });
      fs.rmSync(bundle, { force: true });
    },
  };
}

/** One raw HTTP/1.1 request written byte for byte (no client library normalizes the target); the status line's code, or 0 when the connection closed without one. */
export function rawRequest(port: number, text: string): Promise<number> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let answer = '';
    socket.setTimeout(5000, () => socket.destroy());
    socket.on('data', (chunk) => (answer += chunk.toString('latin1')));
    socket.on('error', () => undefined);
    socket.on('close', () => resolve(Number(/^HTTP\/1\.1 (\d{3})/.exec(answer)?.[1] ?? 0)));
    socket.write(text);
  });
}

export function get(port: number, target: string, headers: Record<string, string> = {}): Promise<number> {
  return rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: ${headers.Host ?? `127.0.0.1:${port}`}\r\nConnection: close\r\n${Object.entries(headers).filter(([k]) => k !== 'Host').map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`);
}

/** A client of the running server, authenticated as the renderer is. */
export function connect(server: { port: number; token: string }): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(`ws://127.0.0.1:${server.port}/ipc?token=${server.token}`, { headers: { Origin: `http://127.0.0.1:${server.port}` } });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

let nextId = 1;

export function call(ws: WebSocket, channel: string, payload: unknown): Promise<{ ok: boolean; result?: unknown; error?: { message: string; code: string } }> {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    const onClose = () => reject(new Error(`the socket closed before answer ${id}`));
    const onMessage = (data: WebSocket.RawData) => {
      const message = JSON.parse(data.toString());
      if (message.id === id) {
        ws.off('message', onMessage).off('close', onClose);
        resolve(message);
      }
    };
    ws.on('message', onMessage).once('close', onClose);
    ws.send(JSON.stringify({ id, channel, payload }));
  });
}

/** Resolves with the close code once the server closes this client. */
export function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

