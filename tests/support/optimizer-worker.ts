/**
 * Builds the real optimizer worker for tests, as `npm run build` does, into a folder
 * inside the project so that it finds `highs` in node_modules like the real build.
 */
import { buildSync } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';

let built: string | null = null;

export function optimizerWorkerPath(): string {
  if (built) return built;
  const out = path.join('test-results', `worker-${process.pid}`, 'optimizer-worker.cjs');
  fs.mkdirSync(path.dirname(out), { recursive: true });
  buildSync({ entryPoints: ['electron/optimizer-worker.ts'], outfile: out, bundle: true, platform: 'node', format: 'cjs', target: 'node20', external: ['highs'], logLevel: 'error' });
  built = path.resolve(out);
  return built;
}
