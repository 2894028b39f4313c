/**
 * Row layouts (samples, and a plan applied to a hall): equipment in straight rows, alternate rows turned 180° so
 * backs share a hot aisle and fronts a cold aisle, every aisle as wide as the two
 * clearances that meet in it plus a margin, so a freshly laid-out block has no overlap
 * and no clearance conflict.
 */
import type { EquipmentModel, Placement, Rotation } from '../model/schema';
import type { Meters } from '../units';

/** Added to every aisle so values sitting exactly on a clearance never flip with rounding. */
const AISLE_MARGIN_M: Meters = 0.2;

export interface RowBlock {
  /** Ids are `${idPrefix}${row}-${unit}`, both 1-based and zero-padded. */
  idPrefix: string;
  hallId: string;
  model: EquipmentModel;
  rows: number;
  perRow: number;
  /** Stop after this many units (the last row is then partial); default rows × perRow. */
  count?: number;
  /** North-west corner of the block including the first row's clearance. */
  x0M: Meters;
  y0M: Meters;
  gapXM?: Meters;
  firstFacing?: Rotation;
  powerSourceId?: (row: number, unit: number) => string | null;
  /** A second (B) source for A/B feeds. */
  powerSourceBId?: (row: number, unit: number) => string | null;
  labelPrefix?: string;
}

const mm = (v: number): number => Math.round(v * 1000) / 1000;
const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** Clearance on the north and south sides of a unit facing north (0°) or south (180°). */
function verticalClearances(model: EquipmentModel, facing: Rotation): { north: Meters; south: Meters } {
  return facing === 180
    ? { north: model.clearanceBackM, south: model.clearanceFrontM }
    : { north: model.clearanceFrontM, south: model.clearanceBackM };
}

export interface LaidOut {
  placements: Placement[];
  /** South edge of the block including the last row's clearance. */
  maxYM: Meters;
  maxXM: Meters;
}

export function placeRows(block: RowBlock): LaidOut {
  const { model, rows, perRow } = block;
  const count = block.count ?? rows * perRow;
  const gap = block.gapXM ?? 0;
  const first = block.firstFacing ?? 0;
  const placements: Placement[] = [];
  const rowDigits = String(rows).length < 2 ? 2 : String(rows).length;
  const unitDigits = String(perRow).length < 2 ? 2 : String(perRow).length;
  let prevMaxY = block.y0M;
  let prevSouth = 0;
  let maxYM = block.y0M;
  let maxXM = block.x0M;
  for (let r = 0; r < rows && placements.length < count; r++) {
    const facing: Rotation = r % 2 === 0 ? first : first === 0 ? 180 : 0;
    const clear = verticalClearances(model, facing);
    const minY = r === 0 ? block.y0M + clear.north : prevMaxY + prevSouth + clear.north + AISLE_MARGIN_M;
    const yM = mm(minY + model.depthM / 2);
    for (let u = 0; u < perRow && placements.length < count; u++) {
      const xM = mm(block.x0M + model.widthM / 2 + u * (model.widthM + gap));
      placements.push({
        id: `${block.idPrefix}${pad(r + 1, rowDigits)}-${pad(u + 1, unitDigits)}`,
        hallId: block.hallId,
        modelId: model.id,
        xM,
        yM,
        rotationDeg: facing,
        powerSourceId: block.powerSourceId?.(r, u) ?? null,
        powerSourceBId: block.powerSourceBId?.(r, u) ?? null,
        label: `${block.labelPrefix ?? ''}${r + 1}.${u + 1}`,
      });
      maxXM = Math.max(maxXM, xM + model.widthM / 2);
    }
    prevMaxY = minY + model.depthM;
    prevSouth = clear.south;
    maxYM = prevMaxY + prevSouth;
  }
  return { placements, maxYM: mm(maxYM), maxXM: mm(maxXM) };
}

/** Small seeded PRNG (mulberry32): the same seed gives the same fleet on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
