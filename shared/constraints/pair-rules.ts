/**
 * Rules between two pieces of equipment in one hall: overlap (of floor units, and of busway
 * sections running the same way), a service clearance blocked by a neighbour, opposite
 * facings within one row, and a front facing another row's back across an aisle (both mix
 * hot and cold aisles: the front draws the other's exhaust).
 */
import { frontDirection, rectsOverlap, type Rect } from '../geometry/footprint';
import { runsAlongX } from '../geometry/reach';
import { largest } from '../arrays';
import { placementName, type Item } from './item';
import { breach } from './rules';
import type { Violation } from './types';

/** Units this close side by side, and aligned, count as one row. */
export const ROW_GAP_M = 0.3;

/**
 * A front nearer than this to the back of a unit it faces draws that unit's exhaust: an aisle
 * of six 600 mm floor tiles clears it (cold aisles are two to three tiles, hot aisles two).
 */
export const EXHAUST_REACH_M = 3.6;

/** How far apart two units can be and still break a clearance or row rule between them: the largest clearance, plus a row gap. */
export const neighbourReach = (models: readonly Pick<Item['m'], 'clearanceFrontM' | 'clearanceBackM'>[]): number =>
  Math.max(ROW_GAP_M, largest(models.map((m) => Math.max(m.clearanceFrontM, m.clearanceBackM) + ROW_GAP_M)));

/**
 * How far from a unit along x (or y) its neighbours may stand: `reach`, and along the way a
 * unit breathing front to back faces, its exhaust reach too. Only there can a pair of them
 * face front to back (both face the same way), so the search grows only where it must.
 */
export function searchReach(item: Item, reach: number, alongX: boolean): number {
  const facesAlongX = item.p.rotationDeg % 180 !== 0;
  return facesAlongX === alongX && breathes(item) ? Math.max(reach, EXHAUST_REACH_M) : reach;
}

/** Kinds that take air in at the front and blow it out at the back. */
const BREATHES_FRONT_TO_BACK: ReadonlySet<string> = new Set(['asic-miner', 'miner-rack', 'gpu-server', 'gpu-rack']);
const breathes = (i: Item): boolean => BREATHES_FRONT_TO_BACK.has(i.m.kind) && i.m.heatToLiquidFraction < 1;

const name = (i: Item) => placementName(i.p, i.m);

/** The strip a unit needs free in front of it (side 1) or behind it (side −1). */
export function clearanceZone(item: Item, side: 1 | -1): Rect | null {
  const depth = side === 1 ? item.m.clearanceFrontM : item.m.clearanceBackM;
  if (depth <= 0) return null;
  const { dx, dy } = frontDirection(item.p.rotationDeg);
  const fx = dx * side;
  const fy = dy * side;
  const r = item.rect;
  if (fy === -1) return { minX: r.minX, maxX: r.maxX, minY: r.minY - depth, maxY: r.minY };
  if (fy === 1) return { minX: r.minX, maxX: r.maxX, minY: r.maxY, maxY: r.maxY + depth };
  if (fx === 1) return { minX: r.maxX, maxX: r.maxX + depth, minY: r.minY, maxY: r.maxY };
  return { minX: r.minX - depth, maxX: r.minX, minY: r.minY, maxY: r.maxY };
}

/** Free distance from `a`'s face on `side` to `b`, measured along the facing direction. */
function freeDistance(a: Item, b: Item, side: 1 | -1): number {
  const { dx, dy } = frontDirection(a.p.rotationDeg);
  const fx = dx * side;
  const fy = dy * side;
  if (fy === -1) return Math.max(0, a.rect.minY - b.rect.maxY);
  if (fy === 1) return Math.max(0, b.rect.minY - a.rect.maxY);
  if (fx === 1) return Math.max(0, b.rect.minX - a.rect.maxX);
  return Math.max(0, a.rect.minX - b.rect.maxX);
}

function overlapArea(a: Rect, b: Rect): number {
  return Math.max(0, Math.min(a.maxX, b.maxX) - Math.max(a.minX, b.minX)) * Math.max(0, Math.min(a.maxY, b.maxY) - Math.max(a.minY, b.minY));
}

const pairKey = (a: Item, b: Item) => (a.p.id < b.p.id ? `${a.p.id}:${b.p.id}` : `${b.p.id}:${a.p.id}`);

/** Side-by-side row-mates: same axis, aligned across the row, and (nearly) touching along it. */
function rowMates(a: Item, b: Item): boolean {
  const aNs = a.p.rotationDeg % 180 === 0;
  if (aNs !== (b.p.rotationDeg % 180 === 0)) return false;
  const [along0, along1, across0, across1] = aNs ? (['minX', 'maxX', 'minY', 'maxY'] as const) : (['minY', 'maxY', 'minX', 'maxX'] as const);
  const gap = Math.max(a.rect[along0] - b.rect[along1], b.rect[along0] - a.rect[along1]);
  const acrossOverlap = Math.min(a.rect[across1], b.rect[across1]) - Math.max(a.rect[across0], b.rect[across0]);
  const acrossMin = Math.min(a.rect[across1] - a.rect[across0], b.rect[across1] - b.rect[across0]);
  return gap >= -1e-9 && gap <= ROW_GAP_M && acrossOverlap >= 0.5 * acrossMin;
}

/**
 * How far `b`'s back stands in front of `a`'s front, where both face the same way, `b` wholly
 * ahead of `a` and across at least half the narrower face of it, nearer than EXHAUST_REACH_M; else null.
 */
function exhaustGap(a: Item, b: Item): number | null {
  if (a.p.rotationDeg !== b.p.rotationDeg || !breathes(a) || !breathes(b)) return null;
  const { dx, dy } = frontDirection(a.p.rotationDeg);
  const [r, o] = [a.rect, b.rect];
  const gap = dy === -1 ? r.minY - o.maxY : dy === 1 ? o.minY - r.maxY : dx === 1 ? o.minX - r.maxX : r.minX - o.maxX;
  if (gap < -1e-9 || gap > EXHAUST_REACH_M - 1e-9) return null;
  const [across0, across1] = dy !== 0 ? (['minX', 'maxX'] as const) : (['minY', 'maxY'] as const);
  const across = Math.min(r[across1], o[across1]) - Math.max(r[across0], o[across0]);
  return across >= 0.5 * Math.min(r[across1] - r[across0], o[across1] - o[across0]) ? Math.max(0, gap) : null;
}

/**
 * Whether `x`'s clearance on `side` reaches into `y`: the same test as
 * rectsOverlap(clearanceZone(x, side), y.rect), worked out on numbers so the full check can
 * ask it of every neighbouring pair without allocating.
 */
function clearanceBlocked(x: Item, side: 1 | -1, y: Item): boolean {
  const depth = side === 1 ? x.m.clearanceFrontM : x.m.clearanceBackM;
  if (depth <= 0) return false;
  const { dx, dy } = frontDirection(x.p.rotationDeg);
  const fx = dx * side;
  const fy = dy * side;
  const r = x.rect;
  let { minX, maxX, minY, maxY } = r;
  if (fy === -1) {
    minY = r.minY - depth;
    maxY = r.minY;
  } else if (fy === 1) {
    minY = r.maxY;
    maxY = r.maxY + depth;
  } else if (fx === 1) {
    minX = r.maxX;
    maxX = r.maxX + depth;
  } else {
    minX = r.minX - depth;
    maxX = r.minX;
  }
  const b = y.rect;
  const tolerance = 1e-9; // rectsOverlap's default
  return minX < b.maxX - tolerance && b.minX < maxX - tolerance && minY < b.maxY - tolerance && b.minY < maxY - tolerance;
}

/**
 * Two overhead units (busway sections) that run the same way and lie on one another: two bars
 * cannot share a tray. Runs crossing each other pass at different heights.
 */
const barsClash = (a: Item, b: Item): boolean => !a.floor && !b.floor && runsAlongX(a.p.rotationDeg) === runsAlongX(b.p.rotationDeg) && rectsOverlap(a.rect, b.rect);

/**
 * Whether pairViolations(a, b) reports anything, without building it: the full check asks
 * this of every neighbouring pair and builds violations only for the few that break a rule.
 */
export function pairViolates(a: Item, b: Item): boolean {
  if (!a.floor || !b.floor) return barsClash(a, b);
  if (rectsOverlap(a.rect, b.rect)) return true;
  if (clearanceBlocked(a, 1, b) || clearanceBlocked(a, -1, b) || clearanceBlocked(b, 1, a) || clearanceBlocked(b, -1, a)) return true;
  if (a.p.rotationDeg !== b.p.rotationDeg) return rowMates(a, b);
  return exhaustGap(a, b) !== null || exhaustGap(b, a) !== null;
}

/** Every violation between a and b (in either direction). Both are in the same hall. */
export function pairViolations(a: Item, b: Item, hallId: string, siteId: string): Violation[] {
  const out: Violation[] = [];
  const base = { hallId, siteId };
  if ((a.floor && b.floor && rectsOverlap(a.rect, b.rect)) || barsClash(a, b)) {
    out.push(breach('overlap', pairKey(a, b), { ...base, objectIds: [a.p.id, b.p.id].sort(), limit: 0, value: overlapArea(a.rect, b.rect), message: `${name(a)} and ${name(b)} overlap` }));
    return out;
  }
  if (!a.floor || !b.floor) return out;
  for (const [x, y] of [
    [a, b],
    [b, a],
  ] as const) {
    for (const side of [1, -1] as const) {
      if (!clearanceBlocked(x, side, y)) continue;
      const required = side === 1 ? x.m.clearanceFrontM : x.m.clearanceBackM;
      const free = freeDistance(x, y, side);
      out.push(
        breach('clearance', `${x.p.id}:${side === 1 ? 'front' : 'back'}:${y.p.id}`, {
          ...base,
          objectIds: [x.p.id, y.p.id],
          limit: required,
          value: free,
          message: `${name(y)} stands in the ${side === 1 ? 'front' : 'rear'} service clearance of ${name(x)}`,
        }),
      );
    }
  }
  if (a.p.rotationDeg !== b.p.rotationDeg && rowMates(a, b)) {
    out.push(breach('aisle-orientation', pairKey(a, b), { ...base, objectIds: [a.p.id, b.p.id].sort(), limit: 0, value: 0, message: `${name(a)} faces ${a.p.rotationDeg}° but its row-mate ${name(b)} faces ${b.p.rotationDeg}°` }));
  }
  for (const [front, back] of [
    [a, b],
    [b, a],
  ] as const) {
    const gap = exhaustGap(front, back);
    if (gap === null) continue;
    // A least distance: past it a front no longer draws the exhaust (or the rows are turned to face each other).
    out.push(breach('aisle-exhaust', pairKey(a, b), { ...base, objectIds: [front.p.id, back.p.id], limit: EXHAUST_REACH_M, value: gap, message: `${name(front)} faces the back of ${name(back)}` }));
  }
  return out;
}
