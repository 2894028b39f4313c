/**
 * The last link of the power chain: a unit must be within reach of each source that feeds
 * it (A and B alike). A busway placement is a section standing for a run along its axis: a
 * unit it feeds hangs under that run, within a tap-off's reach across the axis and within the
 * longest run along it. A cabled source (PDU, skid, UPS, transformer) reaches a unit within
 * its cable's reach. A source in another hall of the site is judged from where it stands on
 * the site; gear of another site feeds nothing here (integrity refuses it). Sources fed from
 * sources are cabled upstream and are not judged here.
 */
import { BUSWAY_RUN_MAX_M, CABLE_REACH_M, TAP_OFF_REACH_M } from '../model/feed-reach';
import { isPowerSource } from '../model/load';
import { distanceFromAxisM, runsAlongX, spanAlongM, trayDistanceM } from '../geometry/reach';
import type { Rect } from '../geometry/footprint';
import type { Hall } from '../model/schema';
import { placementName, type Item } from './item';
import { breach, LIMIT_TOLERANCE } from './rules';
import type { Violation } from './types';

const EPS = LIMIT_TOLERANCE;

/** Which of a source's reaches a unit is beyond: across a busway's axis, along it, or a cable's. */
export interface BeyondReach {
  how: 'across' | 'along' | 'cable';
  limitM: number;
  valueM: number;
}

/** Whether this unit is judged against this feed: a unit (not a source), fed from a source. */
export const judgedFeed = (unit: Pick<Item, 'p' | 'm'>, source: Pick<Item, 'p' | 'm'>): boolean => !isPowerSource(unit.m.kind) && isPowerSource(source.m.kind);

/** Where a hall stands on its site. */
export type HallPlace = Pick<Hall, 'siteId' | 'siteXM' | 'siteYM'>;

/** How far the source's hall lies from the unit's, on their site (none in one hall); null for halls of two sites, which no cable joins. */
export function hallOffset(unitHall: HallPlace, sourceHall: HallPlace): { dxM: number; dyM: number } | null {
  if (unitHall.siteId !== sourceHall.siteId) return null;
  return { dxM: sourceHall.siteXM - unitHall.siteXM, dyM: sourceHall.siteYM - unitHall.siteYM };
}

const NO_OFFSET = { dxM: 0, dyM: 0 };

/**
 * How far past its source's reach a unit's footprint stands, or null within it; a source in
 * another hall of the site is judged where it stands from the unit's hall (`offset`, from
 * hallOffset). Across the axis is judged first: a unit off the run is not under it wherever
 * it stands along it.
 */
export function beyondReach(unitRect: Rect, source: Item, offset: { dxM: number; dyM: number } = NO_OFFSET): BeyondReach | null {
  const { dxM, dyM } = offset;
  const rect = { minX: source.rect.minX + dxM, minY: source.rect.minY + dyM, maxX: source.rect.maxX + dxM, maxY: source.rect.maxY + dyM };
  if (source.m.kind === 'busway') {
    const alongX = runsAlongX(source.p.rotationDeg);
    const across = distanceFromAxisM(unitRect, alongX, alongX ? source.p.yM + dyM : source.p.xM + dxM);
    if (across > TAP_OFF_REACH_M + EPS) return { how: 'across', limitM: TAP_OFF_REACH_M, valueM: across };
    const along = spanAlongM(unitRect, rect, alongX);
    return along > BUSWAY_RUN_MAX_M + EPS ? { how: 'along', limitM: BUSWAY_RUN_MAX_M, valueM: along } : null;
  }
  const reachM = CABLE_REACH_M[source.m.kind];
  if (reachM === undefined) return null;
  const cable = trayDistanceM(unitRect, rect);
  return cable > reachM + EPS ? { how: 'cable', limitM: reachM, valueM: cable } : null;
}

const SAYS: Record<BeyondReach['how'], string> = {
  across: 'is not under the run of',
  along: 'would need a longer run than one busway makes, from the start of',
  cable: 'is beyond a cable’s reach of',
};

/** The feed-reach violation of a unit beyond its source's reach (one per unit and source). */
export function reachViolation(unit: Item, source: Item, hall: Pick<Hall, 'id' | 'siteId'>, beyond: BeyondReach): Violation {
  return breach('feed-reach', `${unit.p.id}:${source.p.id}`, {
    objectIds: [unit.p.id, source.p.id],
    hallId: hall.id,
    siteId: hall.siteId,
    limit: beyond.limitM,
    value: beyond.valueM,
    message: `${placementName(unit.p, unit.m)} ${SAYS[beyond.how]} ${placementName(source.p, source.m)}`,
  });
}
