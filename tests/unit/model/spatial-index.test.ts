import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SpatialIndex } from '../../../shared/geometry/spatial-index';
import type { Rect } from '../../../shared/geometry/footprint';

const intersects = (a: Rect, b: Rect) => a.minX <= b.maxX && b.minX <= a.maxX && a.minY <= b.maxY && b.minY <= a.maxY;

describe('SpatialIndex', () => {
  it('finds what intersects an area, after moves and removals', () => {
    const g = new SpatialIndex<string>(2);
    g.insert('a', { minX: 0, minY: 0, maxX: 1, maxY: 1 });
    g.insert('b', { minX: 5, minY: 5, maxX: 6, maxY: 6 });
    expect(g.search({ minX: 0.5, minY: 0.5, maxX: 0.6, maxY: 0.6 })).toEqual(['a']);
    g.insert('a', { minX: 5.5, minY: 5.5, maxX: 7, maxY: 7 });
    expect(g.search({ minX: 0, minY: 0, maxX: 1, maxY: 1 })).toEqual([]);
    expect(g.search({ minX: 5, minY: 5, maxX: 8, maxY: 8 }).sort()).toEqual(['a', 'b']);
    g.remove('b');
    expect(g.size).toBe(1);
  });
  it('agrees with a linear scan (property)', () => {
    const rect = fc
      .tuple(fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: -50, max: 50, noNaN: true }), fc.double({ min: 0, max: 8, noNaN: true }), fc.double({ min: 0, max: 8, noNaN: true }))
      .map(([x, y, w, h]) => ({ minX: x, minY: y, maxX: x + w, maxY: y + h }));
    fc.assert(
      fc.property(fc.array(rect, { maxLength: 60 }), rect, (rects, query) => {
        const g = new SpatialIndex<number>(3);
        rects.forEach((r, i) => g.insert(i, r));
        const expected = rects.map((r, i) => (intersects(r, query) ? i : -1)).filter((i) => i >= 0);
        expect(g.search(query).sort((a, b) => a - b)).toEqual(expected);
      }),
    );
  });
});
