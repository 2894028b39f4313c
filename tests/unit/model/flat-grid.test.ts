import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { FlatGrid } from '../../../shared/geometry/flat-grid';
import { SpatialIndex } from '../../../shared/geometry/spatial-index';

describe('FlatGrid', () => {
  it('finds what the incrementally built SpatialIndex finds, rectangles outside its bounds included (property)', () => {
    const rect = fc
      .tuple(fc.double({ min: -30, max: 80, noNaN: true }), fc.double({ min: -30, max: 80, noNaN: true }), fc.double({ min: 0, max: 8, noNaN: true }), fc.double({ min: 0, max: 8, noNaN: true }))
      .map(([x, y, w, h]) => ({ minX: x, minY: y, maxX: x + w, maxY: y + h }));
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 80 }), rect, fc.integer({ min: -1, max: 80 }), fc.double({ min: 0, max: 60, noNaN: true }), (rects, query, except, hallM) => {
        const index = new SpatialIndex<number>(3);
        const flat = new Float64Array(4 * rects.length);
        rects.forEach((r, i) => {
          index.insert(i, r);
          flat.set([r.minX, r.minY, r.maxX, r.maxY], 4 * i);
        });
        // The grid covers only a hall of hallM × hallM from the origin; the rest piles into edge cells.
        const grid = new FlatGrid(flat, rects.length, 0, 0, hallM, hallM, 3);
        const found = grid.near(query.minX, query.minY, query.maxX, query.maxY, except);
        expect([...grid.found.subarray(0, found)].sort((a, b) => a - b)).toEqual(index.search(query, except).sort((a, b) => a - b));
      }),
    );
  });

  it('grows its cells when a huge hall holds few items, and still finds them', () => {
    const flat = new Float64Array([0, 0, 1, 1, 9_999, 9_999, 10_000, 10_000]);
    const grid = new FlatGrid(flat, 2, 0, 0, 10_000, 10_000, 4);
    expect(grid.near(9_990, 9_990, 10_010, 10_010, -1)).toBe(1);
    expect(grid.found[0]).toBe(1);
    expect(grid.near(-1, -1, 0, 0, -1)).toBe(1);
    expect(grid.found[0]).toBe(0);
  });
});
