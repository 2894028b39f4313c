// Builds the Node side (Electron main, preload, optimizer worker, web server, CLI) with
// esbuild: each entry becomes one CommonJS file, with native and wasm packages left
// to node_modules so they load their binaries from where npm put them.
import { build } from 'esbuild';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

const ENTRIES = [
  { in: 'electron/app/main.ts', out: 'dist/electron/main.cjs' },
  { in: 'electron/preload.ts', out: 'dist/electron/preload.cjs', preload: true },
  { in: 'electron/optimizer-worker.ts', out: 'dist/electron/optimizer-worker.cjs' },
  { in: 'electron/web/main.ts', out: 'dist/web/server.cjs' },
  { in: 'electron/cli/main.ts', out: 'dist/cli/fleetplan.cjs', banner: '#!/usr/bin/env node' },
];

// playwright-core finds its own driver files next to its modules, so it stays in node_modules too.
const EXTERNAL = ['electron', 'better-sqlite3', 'highs', 'bufferutil', 'utf-8-validate', 'playwright-core'];

const results = await Promise.all(
  ENTRIES.map(async (entry) => {
    const source = path.join(root, entry.in);
    if (!fs.existsSync(source)) return `skipped ${entry.in} (not written yet)`;
    await build({
      entryPoints: [source],
      outfile: path.join(root, entry.out),
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node22',
      sourcemap: 'linked',
      // A sandboxed preload may require nothing but 'electron'.
      external: entry.preload ? ['electron'] : EXTERNAL,
      define: { __APP_VERSION__: JSON.stringify(pkg.version) },
      banner: entry.banner ? { js: entry.banner } : undefined,
      logLevel: 'warning',
    });
    if (entry.banner) fs.chmodSync(path.join(root, entry.out), 0o755);
    return `built ${entry.out}`;
  }),
);
for (const line of results) if (line.startsWith("skipped")) console.log(line);
