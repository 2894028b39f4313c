/**
 * `fleetplan info` and `fleetplan check` on 500,000 placements as a user runs them (a new
 * process each), beside the full constraint check of the same fleet in this process, and
 * beside the work neither command can skip: opening the file (copy, integrity check, read,
 * validation) and the full check, in this process.
 * Goal: each within 2 × the full check's own time.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFleetFile, writeFleetFile } from '../../db/fleet-file';
import { checkFleet } from '../../shared/constraints';
import { generateFleet } from '../../shared/samples';
import { measure, report, time } from './measure';

const PLACEMENTS = 500_000;
const CLI = path.resolve('dist/cli/fleetplan.cjs');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-cli-'));
try {
  const file = path.join(dir, 'large.fleet');
  // A site per 50,000 placements keeps each interconnect within the model's ceiling.
  writeFleetFile(generateFleet({ placements: PLACEMENTS, seed: 1, sites: PLACEMENTS / 50_000 }), file);
  const opened = openFleetFile(file, path.join(dir, 'working.fleet'));
  opened.db.close();
  const fullCheck = measure(() => checkFleet(opened.doc), 3);
  const openMs = time(() => openFleetFile(file, path.join(dir, 'working-2.fleet')).db.close());
  const count = PLACEMENTS.toLocaleString('en-US');
  for (const command of ['info', 'check']) {
    const ms = time(() => {
      const r = spawnSync(process.execPath, [CLI, command, file], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`fleetplan ${command} exited with ${r.status}: ${r.stderr}`);
    });
    report({ bench: 'cli', figure: `fleetplan ${command}, ${count} placements (open ${Math.round(openMs)} ms + full check ${Math.round(fullCheck)} ms in this process)`, value: ms, unit: 'ms', reference: 'the full check of the same fleet in this process', referenceValue: fullCheck, goal: 'within 2 × the reference', pass: ms <= 2 * fullCheck });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
