/**
 * Document benchmark: open + full load, and save, of a 100,000-placement fleet, each with
 * its ratio to a plain `SELECT *` of the same tables measured in the same run.
 * Goal: open and save each under 400 ms, open within 3× the plain read.
 * Run: npx tsx tests/bench/document.bench.ts   (prints one JSON line per figure)
 */
import Database from 'better-sqlite3';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { writeFleetFile } from '../../db/fleet-file';
import { DOCUMENT_TABLES } from '../../db/repository';
import { DocumentService } from '../../electron/backend/document/service';
import { generateFleet } from '../../shared/samples';
import { measure, report } from './measure';

const PLACEMENTS = 100_000;
const GOAL_MS = 400;

function reportFigure(figure: string, value: number, referenceValue: number, goal: string, pass: boolean): void {
  report({
    bench: 'document',
    figure,
    value,
    unit: 'ms',
    reference: `plain SELECT * of the same ${DOCUMENT_TABLES.length} tables (better-sqlite3, fresh connection)`,
    referenceValue,
    goal,
    pass,
  });
}

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fleet-bench-'));
try {
  const file = path.join(dir, 'large.fleet');
  writeFleetFile(generateFleet({ placements: PLACEMENTS, seed: 1 }), file);

  const plainRead = measure(() => {
    const db = new Database(file, { readonly: true });
    for (const table of DOCUMENT_TABLES) db.prepare(`SELECT * FROM ${table}`).all();
    db.close();
  });

  const service = new DocumentService({ dataDir: path.join(dir, 'data'), documentsDir: dir });
  let placements = 0;
  const open = measure(() => {
    placements = service.openFile(file).doc.placements.length;
  });
  if (placements !== PLACEMENTS) throw new Error(`opened ${placements} placements, expected ${PLACEMENTS}`);

  const first = service.snapshot().doc.placements[0]!;
  const save = measure(() => {
    const { revision } = service.info();
    service.apply({ type: 'move', moves: [{ id: first.id, xM: first.xM + (revision % 2) * 0.01, yM: first.yM }] }, revision);
    service.save();
  });
  const apply = measure(() => {
    const { revision } = service.info();
    service.apply({ type: 'move', moves: [{ id: first.id, xM: first.xM + (revision % 2) * 0.01, yM: first.yM }] }, revision);
  });
  service.close();

  reportFigure(`open and fully load ${PLACEMENTS.toLocaleString('en-US')} placements`, open, plainRead,
    `under ${GOAL_MS} ms and within 3× the plain read`, open < GOAL_MS && open <= 3 * plainRead);
  reportFigure(`save ${PLACEMENTS.toLocaleString('en-US')} placements (one edit + atomic save)`, save, plainRead, `under ${GOAL_MS} ms`, save < GOAL_MS);
  reportFigure('apply one move (commit to the working copy)', apply, plainRead, 'for information', true);
} finally {
  fs.rmSync(dir, { recursive: true, force: true });
}
