/**
 * Starts the real browser build (`node dist/web/server.cjs`, as `npm run web` does) in a
 * documents folder of its own; shared by the e2e fixture and the UI benchmark.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export interface WebApp {
  url: string;
  dir: string;
  process: ChildProcess;
}

export async function startWebApp(dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-e2e-'))): Promise<WebApp> {
  const child = spawn(process.execPath, ['dist/web/server.cjs', '--port', '0', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`web server did not start: ${out}`)), 20_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /Fleet Planner web UI: (\S+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    });
    child.stderr!.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('exit', (code) => reject(new Error(`web server exited with ${code}: ${out}`)));
  });
  return { url, dir, process: child };
}

export async function stopWebApp(app: WebApp): Promise<void> {
  if (app.process.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    app.process.once('exit', () => resolve());
    app.process.kill('SIGTERM');
  });
}
