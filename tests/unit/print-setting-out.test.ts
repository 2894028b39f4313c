import { describe, expect, it } from 'vitest';
import { gridSpan, gridSquare, referenceGrid, ROW_BREAK_M, setOutRows, type Footprint } from '../../shared/print/setting-out';
import { ftToM } from '../../shared/units';

/** A 0.6 × 1.2 m rack turned to face north or south, centred at (x, y). */
const rack = (id: string, x: number, y: number): Footprint => ({ id, label: id, minX: x - 0.3, maxX: x + 0.3, minY: y - 0.6, maxY: y + 0.6, runsAlong: 'x' });

describe('reference grid', () => {
  it('a 30 × 15 m hall gets 3 m squares: 30 / 3 = 10 columns A–J and 15 / 3 = 5 rows', () => {
    const g = referenceGrid(30, 15, 'metric');
    expect(g.pitchM).toBe(3);
    expect(g.columns).toEqual(['A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'I', 'J']);
    expect(g.rows).toBe(5);
  });
  it('exactly 26 squares across fit (78 m at 3 m); a centimetre more takes the next square, 5 m (16 columns)', () => {
    expect(referenceGrid(78, 10, 'metric')).toMatchObject({ pitchM: 3, columns: expect.arrayContaining(['Z']) });
    expect(referenceGrid(78, 10, 'metric').columns).toHaveLength(26);
    expect(referenceGrid(78.01, 10, 'metric')).toMatchObject({ pitchM: 5 });
    expect(referenceGrid(78.01, 10, 'metric').columns).toHaveLength(16);
  });
  it('US halls are squared in tens of feet: 80 m = 262.5 ft needs 27 squares of 10 ft, so 20 ft (6.096 m): 14 columns, 40 m = 131.2 ft → 7 rows', () => {
    const g = referenceGrid(80, 40, 'us');
    expect(g.pitchM).toBeCloseTo(ftToM(20), 12);
    expect(g.columns).toHaveLength(14);
    expect(g.rows).toBe(7);
  });
  it('a point on a grid line is in the square east or south of it; the far walls are in the last square', () => {
    const g = referenceGrid(30, 15, 'metric');
    expect(gridSquare(g, 0, 0)).toBe('A1');
    expect(gridSquare(g, 3, 3)).toBe('B2');
    expect(gridSquare(g, 2.99, 2.99)).toBe('A1');
    expect(gridSquare(g, 30, 15)).toBe('J5');
    // A rack from x 2.0 to 3.8 and y 3.0 to 4.2 covers A2 and B2; its far edge on a line (y 6.0) stays in row 2.
    expect(gridSpan(g, { minX: 2, minY: 3, maxX: 3.8, maxY: 4.2 })).toBe('A2–B2');
    expect(gridSpan(g, { minX: 3.1, minY: 3, maxX: 5.9, maxY: 6 })).toBe('B2');
  });
});

describe('rows set out from the walls', () => {
  it('finds the rows, the aisle between them (6.0 − 4.2 = 1.8 m) and their pitch (6.6 − 3.6 = 3.0 m)', () => {
    const north = [rack('N1', 2.3, 3.6), rack('N2', 2.9, 3.6), rack('N3', 3.5, 3.6)];
    const south = [rack('S1', 2.3, 6.6), rack('S2', 2.9, 6.6), rack('S3', 3.5, 6.6)];
    const rows = setOutRows([...south, ...north]);
    expect(rows).toHaveLength(2);
    const [a, b] = rows;
    expect(a).toMatchObject({ first: 'N1', last: 'N3' });
    expect([a!.minX, a!.maxX, a!.maxY].map((v) => v.toFixed(9))).toEqual(['2.000000000', '3.800000000', '4.200000000']);
    expect(a!.aisleM).toBeCloseTo(1.8, 12);
    expect(a!.pitchM).toBeCloseTo(3.0, 12);
    // The last row has nothing past it.
    expect(b).toMatchObject({ first: 'S1', aisleM: null, pitchM: null });
  });
  it(`units exactly ${ROW_BREAK_M} m apart stay in one row; a millimetre more starts another`, () => {
    // N3 ends at 3.8: a rack from 4.4 (centre 4.7) is 0.6 m on; one from 4.401 is not.
    expect(setOutRows([rack('N1', 2.3, 3.6), rack('N2', 2.9, 3.6), rack('N3', 3.5, 3.6), rack('N4', 4.7, 3.6)])).toHaveLength(1);
    expect(setOutRows([rack('N1', 2.3, 3.6), rack('N2', 2.9, 3.6), rack('N3', 3.5, 3.6), rack('N4', 4.701, 3.6)])).toHaveLength(2);
  });
  it('rows running north–south are set out along y, and a row beside none has no aisle', () => {
    const turned = (id: string, y: number): Footprint => ({ id, label: id, minX: 10, maxX: 11.2, minY: y - 0.3, maxY: y + 0.3, runsAlong: 'y' });
    const rows = setOutRows([turned('E1', 1.3), turned('E2', 1.9), { ...turned('W1', 1.3), minX: 13, maxX: 14.2 }]);
    expect(rows.map((r) => [r.first, r.last, r.runsAlong])).toEqual([['E1', 'E2', 'y'], ['W1', 'W1', 'y']]);
    // East of E1–E2 (maxX 11.2) stands W1 from 13: 1.8 m of aisle, pitch 13.6 − 10.6 = 3.0 m.
    expect(rows[0]!.aisleM).toBeCloseTo(1.8, 12);
    expect(rows[0]!.pitchM).toBeCloseTo(3.0, 12);
  });
});
