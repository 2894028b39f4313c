/**
 * Edits persist row by row; whatever sequence of commands (and undos) a user makes, the
 * saved file must read back as exactly the document in memory, order included.
 */
import fc from 'fast-check';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openFleetFile } from '../../../db/fleet-file';
import { DocumentService } from '../../../electron/backend/document/service';
import { applyCommand } from '../../../shared/commands/apply';
import type { Command } from '../../../shared/commands/schema';
import type { FleetDoc } from '../../../shared/model/schema';
import { tempDir } from './helpers';

const dir = tempDir('persist');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

type Step = (doc: FleetDoc, n: number) => Command | null;

const pick = <T>(items: readonly T[], k: number): T | undefined => (items.length ? items[k % items.length] : undefined);

/** Placements no other placement draws power from: safe to remove. */
const unreferenced = (doc: FleetDoc) => {
  const sources = new Set(doc.placements.map((p) => p.powerSourceId));
  return doc.placements.filter((p) => !sources.has(p.id));
};

const steps = (k: number, x: number): Step[] => [
  (doc) => {
    const p = pick(doc.placements, k);
    return p ? { type: 'move', moves: [{ id: p.id, xM: x, yM: p.yM + 1 }] } : null;
  },
  (doc) => {
    const p = pick(doc.placements, k);
    return p ? { type: 'rotate', rotations: [{ id: p.id, rotationDeg: ([0, 90, 180, 270] as const)[k % 4]! }] } : null;
  },
  (doc) => {
    const p = pick(unreferenced(doc), k);
    return p ? { type: 'remove', table: 'placements', ids: [p.id] } : null;
  },
  (doc, n) => ({
    type: 'insert',
    entities: {
      table: 'placements',
      items: [{ id: `new-${n}`, hallId: 'sm-h1', modelId: pick(doc.models, k)!.id, xM: x, yM: 5, rotationDeg: 0, powerSourceId: null, powerSourceBId: null, label: `n${n}` }],
    },
  }),
  (doc) => {
    const p = pick(doc.placements, k);
    return p ? { type: 'update', table: 'placements', id: p.id, patch: { label: `L${k}` } } : null;
  },
  (doc) => ({ type: 'update', table: 'halls', id: 'sm-h1', patch: { retrofitOptions: doc.halls[0]!.retrofitOptions.slice(k % 2) } }),
  () => ({ type: 'set-fleet', fleet: { name: `name ${k}` }, titleBlock: { notes: `n${k}` } }),
  (doc) => {
    const s = pick(doc.scenarios, k);
    return s ? { type: 'remove', table: 'scenarios', ids: [s.id] } : null;
  },
];

describe('row-by-row persistence', () => {
  it('saves exactly the document in memory after any edits and undos', () => {
    let run = 0;
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(8), fc.nat(100), fc.double({ min: 0, max: 30, noNaN: true }), fc.boolean()), { minLength: 1, maxLength: 14 }),
        (plan) => {
          run++;
          const service = new DocumentService({ dataDir: path.join(dir, `data-${run}`), documentsDir: dir });
          try {
            service.newDocument('small');
            const undo: Command[] = [];
            plan.forEach(([which, k, x, undoNow], n) => {
              const doc = service.snapshot().doc;
              const cmd = which === 8 ? undo.pop() ?? null : steps(k, x)[which]!(doc, n);
              if (!cmd) return;
              const { inverse } = applyCommand(doc, cmd);
              service.apply(cmd, service.info().revision);
              if (which !== 8) undo.push(inverse);
              if (undoNow && undo.length) service.apply(undo.pop()!, service.info().revision);
            });
            const file = path.join(dir, `run-${run}.fleet`);
            service.saveAs(file);
            const reopened = openFleetFile(file, path.join(dir, `run-${run}.fleet-work`));
            reopened.db.close();
            expect(reopened.doc).toEqual(service.snapshot().doc);
          } finally {
            service.close();
          }
        },
      ),
      { numRuns: 40 },
    );
  }, 120_000);
});
