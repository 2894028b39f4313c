/**
 * Rules between two pieces of equipment in one hall: overlap, a service clearance
 * blocked by a neighbour, and opposite facings within one row (which would mix hot and
 * cold aisles).
 */
import { frontDirection, rectsOverlap, type Rect } from '../geometry/footprint';
import type { Item } from './item';
import type { Violation } from './types';

/** Units this close side by side, and aligned, count as one row. */
export const ROW_GAP_M = 0.3;

const name = (i: Item) => `${i.p.label || i.m.name} (${i.p.id})`;

/** Does `y` stand in the strip `x` needs free in front of it (side 1) or behind it (side −1)? */
function clearanceBlocked(x: Item, y: Item, side: 1 | -1): boolean {
  const depth = side === 1 ? x.m.clearanceFrontM : x.m.clearanceBackM;
  if (depth <= 0) return false;
  const { dx, dy } = frontDirection(x.p.rotationDeg);
  const fx = dx * side;
  const fy = dy * side;
  const r = x.rect;
  const minX = fx === 1 ? r.maxX : fx === -1 ? r.minX - depth : r.minX;
  const maxX = fx === 1 ? r.maxX + depth : fx === -1 ? r.minX : r.maxX;
  const minY = fy === 1 ? r.maxY : fy === -1 ? r.minY - depth : r.minY;
  const maxY = fy === 1 ? r.maxY + depth : fy === -1 ? r.minY : r.maxY;
  const t = 1e-9;
  return minX < y.rect.maxX - t && y.rect.minX < maxX - t && minY < y.rect.maxY - t && y.rect.minY < maxY - t;
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

const NONE: readonly Violation[] = Object.freeze([]);

/** Adds the violation of `y` standing in `x`'s clearance on `side` to `out`, if it does (module-level: no closure per pair). */
function clearance(x: Item, y: Item, side: 1 | -1, hallId: string, siteId: string, out: Violation[] | null): Violation[] | null {
  if (!clearanceBlocked(x, y, side)) return out;
  const required = side === 1 ? x.m.clearanceFrontM : x.m.clearanceBackM;
  const free = freeDistance(x, y, side);
  (out ??= []).push({
    hallId,
    siteId,
    severity: 'error',
    id: `clearance:${x.p.id}:${side === 1 ? 'front' : 'back'}:${y.p.id}`,
    rule: 'clearance',
    objectIds: [x.p.id, y.p.id],
    quantity: 'length',
    limit: required,
    value: free,
    margin: free - required,
    unit: 'm',
    message: `${name(y)} stands in the ${side === 1 ? 'front' : 'rear'} service clearance of ${name(x)}`,
  });
  return out;
}

/**
 * Every violation between a and b (in either direction). Both are in the same hall. Asked
 * for every pair of neighbours, so the common case, nothing wrong, allocates nothing.
 */
export function pairViolations(a: Item, b: Item, hallId: string, siteId: string): readonly Violation[] {
  if (!a.floor || !b.floor) return NONE;
  if (rectsOverlap(a.rect, b.rect)) {
    const area = overlapArea(a.rect, b.rect);
    return [{ hallId, siteId, severity: 'error', id: `overlap:${pairKey(a, b)}`, rule: 'overlap', objectIds: [a.p.id, b.p.id].sort(), quantity: 'area', limit: 0, value: area, margin: -area, unit: 'm²', message: `${name(a)} and ${name(b)} overlap` }];
  }
  let out: Violation[] | null = null;
  out = clearance(a, b, 1, hallId, siteId, out);
  out = clearance(a, b, -1, hallId, siteId, out);
  out = clearance(b, a, 1, hallId, siteId, out);
  out = clearance(b, a, -1, hallId, siteId, out);
  if (a.p.rotationDeg !== b.p.rotationDeg && rowMates(a, b)) {
    (out ??= []).push({ hallId, siteId, severity: 'warning', id: `aisle-orientation:${pairKey(a, b)}`, rule: 'aisle-orientation', objectIds: [a.p.id, b.p.id].sort(), quantity: 'length', limit: 0, value: 0, margin: 0, unit: 'm', message: `${name(a)} faces ${a.p.rotationDeg}° but its row-mate ${name(b)} faces ${b.p.rotationDeg}°` });
  }
  return out ?? NONE;
}
