/**
 * `fleetplan info` and `fleetplan check` on 500,000 placements as a user runs them (a new
 * process each), beside the full constraint check of the same fleet in this process, and
 * where their time goes: the CLI's start (`fleetplan --version`), each step of opening the
 * file (copy, integrity check, read, validation) and the read info does instead (the
 * placements walked from the file, not held), each in this process and beside the same
 * full check.
 * Goal: each command within 2 × the full check's own time.
 */
import Database from 'better-sqlite3';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openFleetFile, useFleetFile, writeFleetFile } from '../../db/fleet-file';
import { FleetRepository } from '../../db/repository';
import { summarize } from '../../shared/io/summary';
import { checkFleet } from '../../shared/constraints';
import { validateFleet } from '../../shared/model/integrity';
import { generateFleet } from '../../shared/samples';
import { measure, report, time } from './measure';

const PLACEMENTS = 500_000;
const CLI = path.resolve('dist/cli/fleetplan.cjs');

function fleetplan(...args: string[]): number {
  return time(() => {
    const r = spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`fleetplan ${args.join(' ')} exited with ${r.status}: ${r.stderr}`);
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-cli-'));
try {
  const file = path.join(dir, 'large.fleet');
  const working = path.join(dir, 'working.fleet');
  // A site per 50,000 placements keeps each interconnect within the model's ceiling.
  writeFleetFile(generateFleet({ placements: PLACEMENTS, seed: 1, sites: PLACEMENTS / 50_000 }), file);
  const opened = openFleetFile(file, working);
  opened.db.close();
  const fullCheck = measure(() => checkFleet(opened.doc), 3);
  const count = PLACEMENTS.toLocaleString('en-US');
  const step = (name: string, ms: number): void =>
    report({ bench: 'cli', figure: `where the time goes, ${count} placements: ${name}`, value: ms, unit: 'ms', reference: 'the full check of the same fleet in this process', referenceValue: fullCheck, goal: 'a share of the commands\' time (no goal)', pass: true });

  step('the CLI\'s start (fleetplan --version, a new process)', fleetplan('--version'));
  step('openFleetFile, every step (check reads the file so)', time(() => openFleetFile(file, path.join(dir, 'w2.fleet')).db.close()));
  step('… copying the file to a working copy', time(() => fs.copyFileSync(file, working)));
  const db = new Database(working);
  step('… PRAGMA integrity_check', time(() => db.pragma('integrity_check')));
  let read: ReturnType<FleetRepository['readAll']> | undefined;
  step('… reading every row into the document', time(() => (read = new FleetRepository(db).readAll())));
  step('… validating it (schema and rules)', time(() => validateFleet(read!.raw, { placementIdsUnique: read!.placementIdsUnique })));
  db.close();
  const started = performance.now();
  await useFleetFile(file, path.join(dir, 'w3.fleet'), (fleet) => summarize(fleet));
  step('useFleetFile and summarize, every step (info reads the file so: placements walked, not held)', performance.now() - started);

  for (const command of ['info', 'check']) {
    const ms = fleetplan(command, file);
    report({ bench: 'cli', figure: `fleetplan ${command}, ${count} placements`, value: ms, unit: 'ms', reference: 'the full check of the same fleet in this process', referenceValue: fullCheck, goal: 'within 2 × the reference', pass: ms <= 2 * fullCheck });
  }
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
