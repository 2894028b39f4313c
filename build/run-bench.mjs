// `npm run bench`: runs every tests/bench/*.bench.ts with tsx, one after another (the
// machine has two cores; parallel benches would measure each other), passing their
// JSON lines through. A bench that fails prints a line saying so; the rest still run.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const dir = path.join(root, 'tests', 'bench');
const only = process.argv.slice(2);
const files = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();
let failed = 0;
for (const file of files) {
  const r = spawnSync(process.execPath, [path.join(root, 'node_modules', 'tsx', 'dist', 'cli.mjs'), path.join(dir, file)], {
    cwd: root,
    stdio: ['ignore', 'inherit', 'inherit'],
    env: process.env,
  });
  if (r.status !== 0) {
    failed++;
    console.log(JSON.stringify({ bench: file.replace('.bench.ts', ''), figure: 'run', error: `exited with ${r.status}` }));
  }
}
process.exit(failed ? 1 : 0);
