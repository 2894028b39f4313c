/**
 * Rules about one piece of equipment on its own: rack density under the hall's cooling,
 * floor loading on the slab, and staying inside the hall.
 */
import { DENSITY_LIMITED_KINDS, densityLimitKw } from '../model/cooling';
import { floorLoadKgPerM2 } from '../model/floor';
import type { Rect } from '../geometry/footprint';
import type { EquipmentModel, FleetMeta as Fleet, Hall } from '../model/schema';
import { placementName, type Item } from './item';
import type { Violation } from './types';


const EPS = 1e-9;
const OUTSIDE_TOLERANCE_M = 1e-6;

/** The density limit a rack of this model breaks in this hall, or null. */
function brokenDensityLimit(m: EquipmentModel, hall: Hall): number | null {
  if (!DENSITY_LIMITED_KINDS.has(m.kind)) return null;
  const limit = densityLimitKw(hall);
  return m.powerKw > limit + EPS ? limit : null;
}

/** How far (m) a footprint sticks out of the hall; 0 or less when inside. */
function outsideBy(rect: Rect, hall: Hall): number {
  return Math.max(-rect.minX, -rect.minY, rect.maxX - hall.widthM, rect.maxY - hall.depthM);
}

/** Whether a unit of this model breaks a limit in this hall wherever it stands (density, floor load). */
export function modelViolates(m: EquipmentModel, hall: Hall, fleet: Fleet): boolean {
  if (brokenDensityLimit(m, hall) !== null) return true;
  const load = floorLoadKgPerM2(m, fleet);
  return load !== null && load > hall.floorLimitKgPerM2 + EPS;
}

/** Whether a footprint sticks out of the hall by more than the rule tolerates. */
export function outsideHall(rect: Rect, hall: Hall): boolean {
  return outsideBy(rect, hall) > OUTSIDE_TOLERANCE_M;
}

/**
 * objectViolations reports something exactly when modelViolates or outsideHall holds: the
 * full check asks these two of every placement (the first once per model and hall) and
 * builds violations only for the placements that break a rule.
 */
export function objectViolations(item: Item, hall: Hall, fleet: Fleet): Violation[] {
  const out: Violation[] = [];
  const { p, m, rect } = item;
  const base = { objectIds: [p.id], hallId: hall.id, siteId: hall.siteId, severity: 'error' as const, modelId: m.id };
  const name = placementName(p, m);

  const densityLimit = brokenDensityLimit(m, hall);
  if (densityLimit !== null) {
    const limit = densityLimit;
    out.push({ ...base, id: `rack-density:${p.id}`, rule: 'rack-density', quantity: 'power', limit, value: m.powerKw, margin: limit - m.powerKw, unit: 'kW', message: `${name} under ${hall.cooling.method} cooling` });
  }

  const value = floorLoadKgPerM2(m, fleet);
  if (value !== null) {
    const limit = hall.floorLimitKgPerM2;
    if (value > limit + EPS) {
      out.push({ ...base, id: `floor-load:${p.id}`, rule: 'floor-load', quantity: 'floorLoad', limit, value, margin: limit - value, unit: 'kg/m²', message: `${name} on ${hall.name}` });
    }
  }

  const outside = outsideBy(rect, hall);
  if (outside > OUTSIDE_TOLERANCE_M) {
    out.push({ ...base, id: `outside-hall:${p.id}`, rule: 'outside-hall', quantity: 'length', limit: 0, value: outside, margin: -outside, unit: 'm', message: `${name} sticks out of ${hall.name}` });
  }
  return out;
}
