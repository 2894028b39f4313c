import { SMALLEST, type FleetDoc, type Zone } from '../../../shared/model/schema';
import { startingAirCoolingKw } from '../../../shared/model/zones';
import { formatQuantity, type UnitSystem } from '../../../shared/units';
import { nextFreeName } from '../../../shared/model/copy-names';

/** Edges closer than this count as touching, not overlapping: zones drawn side by side on the grid share an edge. */
const TOUCH_M = 1e-6;

/**
 * Why a zone cannot stand where it is, in the user's units, or null: it must lie in its
 * hall and overlap no other zone there, since equipment in two zones would have its
 * heat counted against both.
 */
export function zoneProblem(doc: FleetDoc, zone: Zone, units: UnitSystem): string | null {
  const hall = doc.halls.find((h) => h.id === zone.hallId);
  if (!hall) return 'The zone\'s hall is gone';
  const length = (m: number) => formatQuantity(m, 'length', units, 2);
  if (zone.widthM < SMALLEST.hallLengthM || zone.depthM < SMALLEST.hallLengthM) return `A zone must be at least ${length(SMALLEST.hallLengthM)} each way`;
  if (zone.xM < -TOUCH_M || zone.yM < -TOUCH_M || zone.xM + zone.widthM > hall.widthM + TOUCH_M || zone.yM + zone.depthM > hall.depthM + TOUCH_M) {
    return `The zone must lie inside the hall (${length(hall.widthM)} × ${length(hall.depthM)})`;
  }
  const other = doc.zones.find(
    (z) =>
      z.id !== zone.id &&
      z.hallId === zone.hallId &&
      Math.min(z.xM + z.widthM, zone.xM + zone.widthM) - Math.max(z.xM, zone.xM) > TOUCH_M &&
      Math.min(z.yM + z.depthM, zone.yM + zone.depthM) - Math.max(z.yM, zone.yM) > TOUCH_M,
  );
  return other ? `The zone would overlap ${other.name}: equipment in both would count against both` : null;
}

/** A new cooling zone over the rectangle dragged on the floor, clipped to the hall, or why there can be none. */
export function newZone(doc: FleetDoc, hallId: string, x0: number, y0: number, x1: number, y1: number): { zone: Zone } | { error: string } {
  const hall = doc.halls.find((h) => h.id === hallId);
  if (!hall) return { error: 'The hall is gone' };
  const minX = Math.max(0, Math.min(x0, x1));
  const minY = Math.max(0, Math.min(y0, y1));
  const maxX = Math.min(hall.widthM, Math.max(x0, x1));
  const maxY = Math.min(hall.depthM, Math.max(y0, y1));
  const used = new Set(doc.zones.map((z) => z.id));
  let n = doc.zones.filter((z) => z.hallId === hallId).length + 1;
  while (used.has(`${hallId}-z${n}`)) n++;
  const name = nextFreeName('Zone', doc.zones.filter((z) => z.hallId === hallId).map((z) => z.name));
  const zone = { id: `${hallId}-z${n}`, hallId, name, xM: minX, yM: minY, widthM: Math.max(0, maxX - minX), depthM: Math.max(0, maxY - minY), airCoolingKw: startingAirCoolingKw(doc, hall), coolingMethod: null };
  const problem = zoneProblem(doc, zone, doc.fleet.unitSystem);
  return problem ? { error: problem } : { zone };
}
