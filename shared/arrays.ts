/**
 * Loops that stand in for `push(...items)` and `Math.max(...values)`: a spread passes each
 * element as an argument on the stack, and above about 125,000 (a 200,000-model catalog, a
 * batch rotating 150,000 units) the call throws "Maximum call stack size exceeded".
 * ESLint refuses spread arguments in shared/ (eslint.config.js), so lists of any size go here.
 */

/** Appends every item to `target`, as `target.push(...items)` would. */
export function appendAll<T>(target: T[], items: Iterable<T>): void {
  for (const item of items) target.push(item);
}

/** The largest value, -Infinity for none, NaN if any is: as `Math.max(...values)`. */
export function largest(values: Iterable<number>): number {
  let most = -Infinity;
  for (const v of values) most = Math.max(most, v);
  return most;
}

/** The smallest value, Infinity for none, NaN if any is: as `Math.min(...values)`. */
export function smallest(values: Iterable<number>): number {
  let least = Infinity;
  for (const v of values) least = Math.min(least, v);
  return least;
}
