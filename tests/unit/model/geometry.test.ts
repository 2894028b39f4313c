import { describe, expect, it } from 'vitest';
import {
  footprint,
  frontDirection,
  rectContains,
  rectsOverlap,
  rotatedSize,
  snap,
} from '../../../shared/geometry/footprint';

const rack = { widthM: 0.6, depthM: 1.2 };

describe('footprints', () => {
  it('a 0.6 × 1.2 m rack centred at (5, 3) spans x 4.7..5.3 and y 2.4..3.6', () => {
    expect(footprint({ xM: 5, yM: 3, rotationDeg: 0 }, rack)).toEqual({
      minX: 4.7,
      minY: 2.4,
      maxX: 5.3,
      maxY: 3.6,
    });
  });
  it('a quarter turn swaps width and depth', () => {
    expect(rotatedSize(rack, 90)).toEqual({ widthM: 1.2, depthM: 0.6 });
    expect(rotatedSize(rack, 180)).toEqual({ widthM: 0.6, depthM: 1.2 });
    const r = footprint({ xM: 5, yM: 3, rotationDeg: 270 }, rack);
    expect(r.maxX - r.minX).toBeCloseTo(1.2, 12);
  });
  it('touching edges do not overlap; any shared area does', () => {
    const a = footprint({ xM: 0.3, yM: 0.6, rotationDeg: 0 }, rack);
    const b = footprint({ xM: 0.9, yM: 0.6, rotationDeg: 0 }, rack);
    expect(rectsOverlap(a, b)).toBe(false);
    const c = footprint({ xM: 0.89, yM: 0.6, rotationDeg: 0 }, rack);
    expect(rectsOverlap(a, c)).toBe(true);
  });
  it('containment includes the boundary', () => {
    const hall = { minX: 0, minY: 0, maxX: 10, maxY: 10 };
    expect(rectContains(hall, footprint({ xM: 0.3, yM: 0.6, rotationDeg: 0 }, rack))).toBe(true);
    expect(rectContains(hall, footprint({ xM: 0.29, yM: 0.6, rotationDeg: 0 }, rack))).toBe(false);
  });
  it('front faces north at 0° and turns clockwise', () => {
    expect(frontDirection(0)).toEqual({ dx: 0, dy: -1 });
    expect(frontDirection(90)).toEqual({ dx: 1, dy: 0 });
    expect(frontDirection(180)).toEqual({ dx: 0, dy: 1 });
    expect(frontDirection(270)).toEqual({ dx: -1, dy: 0 });
  });
  it('snaps to the grid step, 0 disables', () => {
    expect(snap(1.26, 0.5)).toBe(1.5);
    expect(snap(1.24, 0.5)).toBe(1);
    expect(snap(1.234, 0)).toBe(1.234);
  });
});
