/**
 * The LP file a user exports holds exactly the program the solver is handed: HiGHS reads
 * the file back into the same columns, rows, names, bounds, integrality and coefficients,
 * number for number.
 */
import highsLoader from 'highs';
import { beforeAll, describe, expect, it } from 'vitest';
import { modelDataOf } from '../../../electron/backend/optimizer/highs-solver';
import { emptyProgram, toMatrix, writeLp, type LinearProgram } from '../../../shared/optimizer/lp';
import { buildModel, type Objective } from '../../../shared/optimizer/model';
import { lpFileOf } from '../../../shared/optimizer/run';
import { referencePortfolio, sampleCampus } from '../../../shared/samples';
import type { FleetDoc } from '../../../shared/model/schema';

let highs: Awaited<ReturnType<typeof highsLoader>>;
beforeAll(async () => {
  highs = await highsLoader();
});

/** The program `lp` becomes, read back from `text` by HiGHS and handed to it as arrays: the two must be one model. */
function expectReadBackAsSolved(lp: LinearProgram, text: string) {
  const program = toMatrix(lp);
  const fromFile = highs.createModel({ format: 'lp', data: text });
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
    return program;
  } finally {
    fromFile.dispose();
    solved.dispose();
  }
}

const fleets: [string, () => FleetDoc][] = [
  ['the sample campus', sampleCampus],
  ['a three-site portfolio', () => referencePortfolio(1, 3)],
];

describe('the LP file', () => {
  for (const [name, fleet] of fleets) {
    for (const objective of ['expected', 'worst-case'] as Objective[]) {
      it(`of ${name}, ${objective}, reads back as the program solved`, () => {
        const doc = fleet();
        const program = expectReadBackAsSolved(buildModel(doc, objective).lp, lpFileOf(doc, objective));
        // Not a vacuous comparison: the program has integers, fractions and both kinds of row.
        expect(program.integer.includes(1)).toBe(true);
        expect([...program.values].some((v) => !Number.isInteger(v))).toBe(true);
        expect(program.rowLower.includes(-Infinity) && program.rowUpper.includes(Infinity)).toBe(true);
      });
    }
  }

  it('reads back as solved whatever the program holds: repeated and cancelling terms, variables named only in bounds, General or Binary, free and fixed ones', () => {
    const lp = emptyProgram('min');
    lp.objective.push([2, 'x'], [-1, 'y'], [1, 'x'], [1e-9, 'w'], [123456.7891234567, 'v']);
    lp.rows.push({ name: 'repeated', terms: [[1, 'x'], [2, 'y'], [3, 'x'], [-2, 'y'], [1, 'v']], sense: '>=', rhs: 1.5 });
    lp.rows.push({ name: 'cancelled', terms: [[1, 'c'], [-1, 'c']], sense: '<=', rhs: 4 });
    lp.rows.push({ name: 'fixed', terms: [[-0.1, 'x'], [1, 'f']], sense: '=', rhs: 2 });
    lp.bounds.set('f', [3, 3]);
    lp.bounds.set('q', [-Infinity, Infinity]);
    lp.bounds.set('b', [0, 0]);
    lp.bounds.set('z', [1, 2]);
    lp.bounds.set('unbounded', [0, Infinity]);
    lp.bounds.set('m', [0, 1]);
    lp.binaries.add('b');
    lp.integers.add('k');
    lp.integers.add('m');
    lp.integers.add('z');
    const program = expectReadBackAsSolved(lp, writeLp(lp, 'edge cases'));
    expect(program.columns).toEqual(['x', 'y', 'w', 'v', 'c', 'f', 'q', 'z', 'k', 'm', 'b']);
  });

  it('refuses a variable that can take no finite value, and a coefficient that is not a number', () => {
    const lp = emptyProgram('max');
    lp.objective.push([1, 'x']);
    lp.bounds.set('x', [Infinity, Infinity]);
    expect(() => toMatrix(lp)).toThrow('LP: x has no finite value it may take (bounds Infinity to Infinity)');
    lp.bounds.clear();
    lp.objective.push([Number.NaN, 'y']);
    expect(() => toMatrix(lp)).toThrow('LP: a coefficient is not a finite number (NaN)');
  });
});
