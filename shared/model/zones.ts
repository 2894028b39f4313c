/**
 * Cooling zones: which one a unit stands in, and the air cooling a new one starts with. The
 * checkers, Apply plan and the zone tool read one rule for both.
 */
import { airHeatKw, usableCapacityKw, usableCoolingKw } from './cooling';
import type { FleetDoc, Hall, Placement, Zone } from './schema';

type Rect = Pick<Zone, 'xM' | 'yM' | 'widthM' | 'depthM'>;

/** Whether a unit's centre lies in a zone's rectangle, its edges included. */
const holds = (z: Rect, p: Pick<Placement, 'xM' | 'yM'>): boolean => p.xM >= z.xM && p.xM <= z.xM + z.widthM && p.yM >= z.yM && p.yM <= z.yM + z.depthM;

/** The zone (of its hall's) a unit stands in, by its centre: on an edge two zones share, the first of them; null for none. */
export const zoneOf = <Z extends Rect>(p: Pick<Placement, 'xM' | 'yM'>, zones: readonly Z[]): Z | null => zones.find((z) => holds(z, p)) ?? null;

/**
 * The air cooling a new zone starts with: the air heat of the units it encloses that the
 * CRAHs among them do not carry, out of the hall's usable plant that its other zones have not
 * taken. A hall with zones is cooled zone by zone, so a zone drawn round a pod with none
 * would leave the pod cooled by nothing; one drawn over empty floor starts with none.
 */
export function startingAirCoolingKw(doc: Pick<FleetDoc, 'models' | 'placements' | 'zones'>, hall: Hall, zone: Rect): number {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  let heatKw = 0;
  const crahKw: number[] = [];
  for (const p of doc.placements) {
    if (p.hallId !== hall.id || !holds(zone, p)) continue;
    const m = models.get(p.modelId)!;
    heatKw += airHeatKw(m);
    if (m.kind === 'crah') crahKw.push(m.coolingCapacityKw);
  }
  const takenKw = doc.zones.reduce((t, z) => (z.hallId === hall.id ? t + z.airCoolingKw : t), 0);
  return Math.max(0, Math.min(heatKw - usableCapacityKw(crahKw, hall.cooling.redundancy), usableCoolingKw(hall) - takenKw));
}
