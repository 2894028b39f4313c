import type { EquipmentModel, Placement } from '../model/schema';
import type { Meters } from '../units';

/** Axis-aligned rectangle in hall coordinates (metres). */
export interface Rect {
  minX: Meters;
  minY: Meters;
  maxX: Meters;
  maxY: Meters;
}

/** Width along x and depth along y once the rotation is applied (quarter turns swap them). */
export function rotatedSize(
  model: Pick<EquipmentModel, 'widthM' | 'depthM'>,
  rotationDeg: number,
): { widthM: Meters; depthM: Meters } {
  const quarter = rotationDeg === 90 || rotationDeg === 270;
  return quarter
    ? { widthM: model.depthM, depthM: model.widthM }
    : { widthM: model.widthM, depthM: model.depthM };
}

export function footprint(
  placement: Pick<Placement, 'xM' | 'yM' | 'rotationDeg'>,
  model: Pick<EquipmentModel, 'widthM' | 'depthM'>,
): Rect {
  footprintInto(placement, model, scratch, 0);
  return { minX: scratch[0]!, minY: scratch[1]!, maxX: scratch[2]!, maxY: scratch[3]! };
}

const scratch = new Float64Array(4);

/**
 * The footprint written as minX, minY, maxX, maxY at `out[at..at+3]`: the one definition
 * of a footprint, which bulk code (the full constraint check) uses without allocating.
 */
export function footprintInto(
  placement: Pick<Placement, 'xM' | 'yM' | 'rotationDeg'>,
  model: Pick<EquipmentModel, 'widthM' | 'depthM'>,
  out: Float64Array,
  at: number,
): void {
  const quarter = placement.rotationDeg === 90 || placement.rotationDeg === 270;
  const widthM = quarter ? model.depthM : model.widthM;
  const depthM = quarter ? model.widthM : model.depthM;
  out[at] = placement.xM - widthM / 2;
  out[at + 1] = placement.yM - depthM / 2;
  out[at + 2] = placement.xM + widthM / 2;
  out[at + 3] = placement.yM + depthM / 2;
}

export function rectArea(r: Rect): number {
  return (r.maxX - r.minX) * (r.maxY - r.minY);
}

/** Strict overlap: rectangles that only touch along an edge do not overlap. */
export function rectsOverlap(a: Rect, b: Rect, tolerance: Meters = 1e-9): boolean {
  return (
    a.minX < b.maxX - tolerance &&
    b.minX < a.maxX - tolerance &&
    a.minY < b.maxY - tolerance &&
    b.minY < a.maxY - tolerance
  );
}

export function rectContains(outer: Rect, inner: Rect, tolerance: Meters = 1e-9): boolean {
  return (
    inner.minX >= outer.minX - tolerance &&
    inner.minY >= outer.minY - tolerance &&
    inner.maxX <= outer.maxX + tolerance &&
    inner.maxY <= outer.maxY + tolerance
  );
}

export function pointInRect(x: Meters, y: Meters, r: Rect): boolean {
  return x >= r.minX && x <= r.maxX && y >= r.minY && y <= r.maxY;
}

/** Unit vector of the equipment's front (0° = north = −y in hall coordinates). */
const FACING = {
  north: Object.freeze({ dx: 0, dy: -1 }),
  east: Object.freeze({ dx: 1, dy: 0 }),
  south: Object.freeze({ dx: 0, dy: 1 }),
  west: Object.freeze({ dx: -1, dy: 0 }),
};

/** Shared constants: the checks ask this for every pair of neighbours, so it must not allocate. */
export function frontDirection(rotationDeg: number): { readonly dx: number; readonly dy: number } {
  switch (rotationDeg) {
    case 90:
      return FACING.east;
    case 180:
      return FACING.south;
    case 270:
      return FACING.west;
    default:
      return FACING.north;
  }
}

/** Snaps a coordinate to a grid step; step 0 disables snapping. */
export function snap(value: Meters, stepM: Meters): Meters {
  if (stepM <= 0) return value;
  return Math.round(value / stepM) * stepM;
}
