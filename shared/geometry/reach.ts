/**
 * Distances a feed is judged by: a footprint's distance across a busway's axis, the stretch
 * of the axis a run needs to reach it, and a cable's run between two footprints. Worked out
 * on numbers, without allocating: the full check asks them of every fed unit.
 */
import type { Rect } from './footprint';
import type { Meters } from '../units';

/** Whether a run or a row of units placed at this rotation lies along x (0° and 180°) rather than along y. */
export const runsAlongX = (rotationDeg: number): boolean => rotationDeg % 180 === 0;

/** How far (m) a footprint stands off the axis line through `atM` (y = atM along x, else x = atM): 0 where the line crosses it. */
export function distanceFromAxisM(r: Rect, alongX: boolean, atM: Meters): Meters {
  return alongX ? Math.max(0, r.minY - atM, atM - r.maxY) : Math.max(0, r.minX - atM, atM - r.maxX);
}

/** The length (m) of the shortest stretch of the axis that covers both footprints. */
export function spanAlongM(a: Rect, b: Rect, alongX: boolean): Meters {
  return alongX ? Math.max(a.maxX, b.maxX) - Math.min(a.minX, b.minX) : Math.max(a.maxY, b.maxY) - Math.min(a.minY, b.minY);
}

/** A cable's run (m) between two footprints along and across the hall, as trays run: the gap in x plus the gap in y. */
export function trayDistanceM(a: Rect, b: Rect): Meters {
  return Math.max(0, a.minX - b.maxX, b.minX - a.maxX) + Math.max(0, a.minY - b.maxY, b.minY - a.maxY);
}
