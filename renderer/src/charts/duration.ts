import { largest } from '../../../shared/arrays';
/** Share of the hours, dearest first, a duration curve's price axis may leave above its top. */
export const CLIPPED_SHARE = 0.01;

/**
 * The top of a price duration curve's axis: the price of the dearest 1 % of hours or a
 * quarter above the highest line drawn across the curve, whichever is higher. A real year's
 * few scarcity hours ($5,000 in ERCOT) would otherwise squash every other hour, and the
 * breakevens with them, into the chart's bottom; the chart draws them clipped and writes
 * their peak.
 */
export function durationAxisTop(curveDearestFirst: readonly number[], lines: readonly number[]): number {
  const dearest = curveDearestFirst[Math.floor(curveDearestFirst.length * CLIPPED_SHARE)] ?? 0;
  return Math.max(dearest, largest(lines.map((l) => l * 1.25)), 1);
}
