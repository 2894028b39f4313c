/**
 * Rules about one piece of equipment on its own: rack density under the cooling it stands under,
 * the cooling methods it runs under, a tank's or container's liquid heat within its own loop,
 * floor loading on the slab, staying inside the hall,
 * keeping its service clearances inside the hall's walls, and both feeds where it takes two.
 */
import { DENSITY_LIMITED_KINDS, densityLimitKw, OWN_LOOP_KINDS, ownLoopHeatKw } from '../model/cooling';
import { floorLoadKgPerM2 } from '../model/floor';
import { feedsOf } from '../model/power-chain';
import { frontDirection, type Rect } from '../geometry/footprint';
import type { CoolingMethod, EquipmentModel, FleetMeta as Fleet, Hall, Placement } from '../model/schema';
import { placementName, type Item } from './item';
import { breach, LIMIT_TOLERANCE, OUTSIDE_TOLERANCE_M } from './rules';
import type { Violation } from './types';

const EPS = LIMIT_TOLERANCE;

/** The density limit a rack of this model breaks under `method` in this hall, or null. */
function brokenDensityLimit(m: EquipmentModel, hall: Hall, method: CoolingMethod): number | null {
  if (!DENSITY_LIMITED_KINDS.has(m.kind)) return null;
  const limit = densityLimitKw(hall, method);
  return m.powerKw > limit + EPS ? limit : null;
}

/** The capacity of a tank's or container's own loop its liquid heat is over, or null. */
function brokenOwnLoop(m: EquipmentModel): number | null {
  if (!OWN_LOOP_KINDS.has(m.kind)) return null;
  return ownLoopHeatKw(m) > m.coolingCapacityKw + EPS ? m.coolingCapacityKw : null;
}

/** How far (m) a footprint sticks out of the hall; 0 or less when inside. */
function outsideBy(rect: Rect, hall: Hall): number {
  return Math.max(-rect.minX, -rect.minY, rect.maxX - hall.widthM, rect.maxY - hall.depthM);
}

/**
 * How far (m) a floor unit's front or rear service clearance runs past the hall's wall it
 * faces; 0 or less when both stay inside. Worked out on numbers (no strip rectangles), as
 * the full check asks it of every placement.
 */
export function wallClearanceBy(rect: Rect, rotationDeg: number, m: EquipmentModel, hall: Hall): number {
  if (m.mounting !== 'floor') return 0;
  const { dx, dy } = frontDirection(rotationDeg);
  return Math.max(0, stripPast(rect, dx, dy, m.clearanceFrontM, hall), stripPast(rect, -dx, -dy, m.clearanceBackM, hall));
}

/** How far a strip `depth` deep off the face pointing (fx, fy) runs past the wall it faces. */
function stripPast(rect: Rect, fx: number, fy: number, depth: number, hall: Hall): number {
  if (depth <= 0) return 0;
  if (fy === -1) return depth - rect.minY;
  if (fy === 1) return rect.maxY + depth - hall.depthM;
  return fx === 1 ? rect.maxX + depth - hall.widthM : depth - rect.minX;
}

/** A unit of a model that takes A and B feeds, fed from one source (a unit fed from none is the unfed rule's). */
const singleFed = (p: Placement, m: EquipmentModel): boolean => m.dualFeed && feedsOf(p).length === 1;

/** Whether a unit of this model runs under this cooling method (the catalog's "Runs under"). */
export const runsUnder = (m: EquipmentModel, method: CoolingMethod): boolean => m.compatibleCooling.includes(method);

/** Whether a unit of this model breaks a limit in this hall wherever it stands under `method` (density, its own loop, floor load). */
export function modelViolates(m: EquipmentModel, hall: Hall, fleet: Fleet, method: CoolingMethod): boolean {
  if (brokenDensityLimit(m, hall, method) !== null || brokenOwnLoop(m) !== null) return true;
  const load = floorLoadKgPerM2(m, fleet);
  return load !== null && load > hall.floorLimitKgPerM2 + EPS;
}

/** Whether a unit standing here breaks a rule of its own beyond modelViolates: out of the hall, clearance past the wall, wrong cooling, one feed of two. */
export function placementViolates(item: Pick<Item, 'p' | 'm' | 'rect'>, hall: Hall, method: CoolingMethod): boolean {
  return outsideBy(item.rect, hall) > OUTSIDE_TOLERANCE_M || wallClearanceBy(item.rect, item.p.rotationDeg, item.m, hall) > OUTSIDE_TOLERANCE_M || !runsUnder(item.m, method) || singleFed(item.p, item.m);
}

/**
 * objectViolations reports something exactly when modelViolates or placementViolates holds:
 * the full check asks these of every placement (the first once per model, hall and method) and
 * builds violations only for the placements that break a rule. `method` is the cooling of
 * the zone the unit stands in, or of its hall.
 */
export function objectViolations(item: Item, hall: Hall, fleet: Fleet, method: CoolingMethod): Violation[] {
  const out: Violation[] = [];
  const { p, m, rect } = item;
  const base = { objectIds: [p.id], hallId: hall.id, siteId: hall.siteId, modelId: m.id };
  const name = placementName(p, m);

  const densityLimit = brokenDensityLimit(m, hall, method);
  if (densityLimit !== null) out.push(breach('rack-density', p.id, { ...base, limit: densityLimit, value: m.powerKw, message: `${name} under ${method} cooling` }));

  const ownLoop = brokenOwnLoop(m);
  if (ownLoop !== null) out.push(breach('own-loop', p.id, { ...base, limit: ownLoop, value: ownLoopHeatKw(m), message: `${name}: its own loop is rated ${ownLoop} kW (the catalog's cooling capacity)` }));

  if (!runsUnder(m, method)) {
    // Its whole heat goes unremoved: nothing in the hall's or zone's plant is built for it.
    out.push(breach('cooling-method', p.id, { ...base, limit: 0, value: m.powerKw, message: `${name} runs under ${m.compatibleCooling.join(', ')}, not ${method}` }));
  }

  if (singleFed(p, m)) {
    // Its whole load rides on one source: losing it takes the unit down, which its A/B design is there to prevent.
    out.push(breach('single-feed', p.id, { ...base, limit: 0, value: m.powerKw, message: `${name} takes A and B feeds and has only its ${p.powerSourceId ? 'A' : 'B'} feed` }));
  }

  const value = floorLoadKgPerM2(m, fleet);
  if (value !== null && value > hall.floorLimitKgPerM2 + EPS) out.push(breach('floor-load', p.id, { ...base, limit: hall.floorLimitKgPerM2, value, message: `${name} on ${hall.name}` }));

  const outside = outsideBy(rect, hall);
  if (outside > OUTSIDE_TOLERANCE_M) {
    out.push(breach('outside-hall', p.id, { ...base, limit: 0, value: outside, message: `${name} sticks out of ${hall.name}` }));
  } else {
    const past = wallClearanceBy(rect, p.rotationDeg, m, hall);
    if (past > OUTSIDE_TOLERANCE_M) out.push(breach('wall-clearance', p.id, { ...base, limit: 0, value: past, message: `${name}: its service space runs past the wall of ${hall.name}` }));
  }
  return out;
}

/** The cooling method a unit in this zone (or none) of this hall runs under. */
export const coolingMethodAt = (hall: Hall, zone: { coolingMethod: CoolingMethod | null } | undefined | null): CoolingMethod => zone?.coolingMethod ?? hall.cooling.method;
