/**
 * Cooling zones: which one a unit stands in (the checkers' one rule), and the air cooling a
 * new one starts with (the zone tool's).
 */
import { usableCoolingKw } from './cooling';
import type { FleetDoc, Hall, Placement, Zone } from './schema';

type Rect = Pick<Zone, 'xM' | 'yM' | 'widthM' | 'depthM'>;

/** The zone (of its hall's) a unit stands in, by its centre, edges included: on an edge two zones share, the first of them; null for none. */
export const zoneOf = <Z extends Rect>(p: Pick<Placement, 'xM' | 'yM'>, zones: readonly Z[]): Z | null =>
  zones.find((z) => p.xM >= z.xM && p.xM <= z.xM + z.widthM && p.yM >= z.yM && p.yM <= z.yM + z.depthM) ?? null;

/**
 * The air cooling a new zone starts with: the hall's usable plant its other zones have not
 * taken. A hall with zones is cooled zone by zone: a zone that started with none made what
 * it was drawn round an error at once, and one that started with just what its units gave
 * off broke as soon as a CDU went in beside them. The user shares the plant out from there.
 */
export function startingAirCoolingKw(doc: Pick<FleetDoc, 'zones'>, hall: Hall): number {
  const takenKw = doc.zones.reduce((t, z) => (z.hallId === hall.id ? t + z.airCoolingKw : t), 0);
  return Math.max(0, usableCoolingKw(hall) - takenKw);
}
