/** Runs tests/integration/db/child.ts as a real separate process (bundled once, so each start is quick). */
import { spawn, type ChildProcess } from 'node:child_process';
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
// Inside node_modules so the bundle resolves better-sqlite3 from the project; one per test
// process, as test files run in parallel and must not rewrite each other's child.
const bundle = path.join(root, 'node_modules', '.cache', 'fleet-tests', `document-child-${process.pid}.cjs`);

export function buildChild(): void {
  fs.mkdirSync(path.dirname(bundle), { recursive: true });
  buildSync({
    entryPoints: [path.join(__dirname, 'child.ts')],
    outfile: bundle,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    external: ['better-sqlite3'],
    logLevel: 'error',
  });
}

export function removeChild(): void {
  fs.rmSync(bundle, { force: true });
}

export interface Child {
  process: ChildProcess;
  lines: string[];
  /** Resolves once the child has printed a line matching `pattern`. */
  waitFor(pattern: RegExp): Promise<void>;
  exited: Promise<void>;
}

export function startChild(mode: 'save-loop' | 'edit-loop', dataDir: string, target: string): Child {
  const child = spawn(process.execPath, [bundle, mode, dataDir, target], { stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  let stderr = '';
  const waiters: { pattern: RegExp; resolve: () => void }[] = [];
  let buffer = '';
  child.stdout!.on('data', (chunk: Buffer) => {
    buffer += chunk.toString();
    const parts = buffer.split('\n');
    buffer = parts.pop()!;
    for (const line of parts) {
      lines.push(line);
      for (const w of waiters.filter((w) => w.pattern.test(line))) {
        waiters.splice(waiters.indexOf(w), 1);
        w.resolve();
      }
    }
  });
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return {
    process: child,
    lines,
    exited,
    waitFor: (pattern) =>
      new Promise<void>((resolve, reject) => {
        if (lines.some((l) => pattern.test(l))) return resolve();
        waiters.push({ pattern, resolve });
        void exited.then(() => reject(new Error(`child exited before ${String(pattern)}: ${stderr}`)));
      }),
  };
}
