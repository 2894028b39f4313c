import { SMALLEST, type FleetDoc, type Hall, type Zone } from '../../../shared/model/schema';
import { airHeatKw, usableCapacityKw, usableCoolingKw } from '../../../shared/model/cooling';
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

/**
 * The air cooling a new zone starts with: the air heat of the units it encloses that the
 * CRAHs among them do not carry, out of the hall's usable plant that its other zones have not
 * taken. A hall with zones is cooled zone by zone, so a zone drawn round a pod with none
 * would leave the pod cooled by nothing; one drawn over empty floor starts with none.
 */
function startingAirCoolingKw(doc: FleetDoc, hall: Hall, zone: Pick<Zone, 'xM' | 'yM' | 'widthM' | 'depthM'>): number {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  let heatKw = 0;
  const crahKw: number[] = [];
  for (const p of doc.placements) {
    if (p.hallId !== hall.id || p.xM < zone.xM || p.xM > zone.xM + zone.widthM || p.yM < zone.yM || p.yM > zone.yM + zone.depthM) continue;
    const m = models.get(p.modelId)!;
    heatKw += airHeatKw(m);
    if (m.kind === 'crah') crahKw.push(m.coolingCapacityKw);
  }
  const takenKw = doc.zones.reduce((t, z) => (z.hallId === hall.id ? t + z.airCoolingKw : t), 0);
  return Math.max(0, Math.min(heatKw - usableCapacityKw(crahKw, hall.cooling.redundancy), usableCoolingKw(hall) - takenKw));
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
  const rect = { xM: minX, yM: minY, widthM: Math.max(0, maxX - minX), depthM: Math.max(0, maxY - minY) };
  const zone = { id: `${hallId}-z${n}`, hallId, name, ...rect, airCoolingKw: startingAirCoolingKw(doc, hall, rect), coolingMethod: null };
  const problem = zoneProblem(doc, zone, doc.fleet.unitSystem);
  return problem ? { error: problem } : { zone };
}
