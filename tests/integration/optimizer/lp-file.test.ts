/**
 * The LP file a user exports holds exactly the program the solver is handed: HiGHS reads
 * the file back into the same columns, rows, names, bounds, integrality and coefficients,
 * number for number.
 */
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDataOf } from '../../../electron/backend/optimizer/highs-solver';
import { toMatrix } from '../../../shared/optimizer/lp';
import { buildModel, type Objective } from '../../../shared/optimizer/model';
import { lpFileOf } from '../../../shared/optimizer/run';
import { referencePortfolio, sampleCampus } from '../../../shared/samples';
import type { FleetDoc } from '../../../shared/model/schema';

let highs: Awaited<ReturnType<typeof highsLoader>>;
beforeAll(async () => {
  highs = await highsLoader();
});

const fleets: [string, () => FleetDoc][] = [
  ['the sample campus', sampleCampus],
  ['a three-site portfolio', () => referencePortfolio(1, 3)],
];

describe('the LP file', () => {
  for (const [name, fleet] of fleets) {
    for (const objective of ['expected', 'worst-case'] as Objective[]) {
      it(`of ${name}, ${objective}, reads back as the program solved`, () => {
        const doc = fleet();
        const program = toMatrix(buildModel(doc, objective).lp);
        const fromFile = highs.createModel({ format: 'lp', data: lpFileOf(doc, objective) });
        const solved = highs.createModel(modelDataOf(highs, program));
        try {
          const [a, b] = [fromFile.getModel('csc'), solved.getModel('csc')];
          expect(a.numCols).toBe(program.columns.length);
          expect(a.numRows).toBe(program.rows.length);
          expect(a.sense).toBe(b.sense);
          expect(a.offset).toBe(b.offset);
          for (const key of ['colCost', 'colLower', 'colUpper', 'rowLower', 'rowUpper', 'integrality'] as const) expect([...a[key]], key).toEqual([...b[key]]);
          for (const key of ['starts', 'indices', 'values'] as const) expect([...a.matrix[key]], key).toEqual([...b.matrix[key]]);
          expect(program.columns.map((_, j) => fromFile.getColName(j))).toEqual(program.columns);
          expect(program.rows.map((_, i) => fromFile.getRowName(i))).toEqual(program.rows);
          // Not a vacuous comparison: the program has integers, fractions and both kinds of row.
          expect(program.integer.includes(1)).toBe(true);
          expect([...program.values].some((v) => !Number.isInteger(v))).toBe(true);
          expect(program.rowLower.includes(-Infinity) && program.rowUpper.includes(Infinity)).toBe(true);
        } finally {
          fromFile.dispose();
          solved.dispose();
        }
      });
    }
  }
});
