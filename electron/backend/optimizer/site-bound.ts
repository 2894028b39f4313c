/**
 * A bound on the plan's objective tighter than the LP relaxation's, from the fleet's
 * structure: each site is a block of its halls' columns and of the limits only they
 * touch (its interconnect, its halls' feed, cooling and choice), and few limits are
 * shared between sites (capex budget and GPU deliveries per period, the AI contract).
 * Priced at their LP duals, the shared limits leave one small MILP per site (Lagrangian
 * relaxation), and the sites' optima plus the prices' worth bound every plan, whatever
 * the prices. A site whose LP solution is already whole needs no MILP: the LP duals of
 * its own limits bound it (weak duality, computed here, so it holds even if the duals
 * are a little off). Most of the LP's gap on our models comes from a few sites whose
 * interconnect the LP fills with part of a hall kept mining and part retrofitted: the
 * reference portfolio's LP bound is 0.45 % above its optimum, this one 0.09 %. The worst
 * case's objective, a column of the whole fleet no greater than any scenario's NPV, is
 * priced out with its scenario rows: what is left weighs the scenarios by those prices.
 */
import type highsLoader from 'highs';
import type { DetachedModelData } from 'highs';

type Highs = Awaited<ReturnType<typeof highsLoader>>;

const WHOLE = 1e-6;

export interface SiteBoundInput {
  /** The model column by column ('csc'), a maximization, with its integers. */
  data: DetachedModelData;
  /** Its LP relaxation's solution: column values and row duals. */
  colValue: Float64Array;
  rowDual: Float64Array;
  /** The block (site) of each column; -1 for a column of the whole fleet. */
  block: Int32Array;
  /** The relative gap each site's MILP is solved to: the sites' bounds add up, so a share of the gap asked for. */
  mipGap: number;
  /** Seconds the site MILPs may take in all; stopped early, their bounds still hold. */
  timeLimitS: number;
  stopRequested?: () => boolean;
}

/**
 * The bound in parts, so that more than one thread can solve the sites' MILPs: what
 * needs none, and the sites that do.
 */
export interface SiteBoundParts {
  /** The shared limits' worth, and the bounds the LP duals give the sites it already makes whole. */
  settled: number;
  /** The sites whose MILP may bound them tighter than their duals do. */
  sites: number[];
  /** Site b's bound: its MILP's if that proves one in time and it is tighter, else its duals'. */
  boundOf(b: number, timeLeftS: number, stopRequested?: () => boolean): number;
}

/** The bound, or null when the model does not split into sites, or a column of the whole fleet is priced to no bound. */
export function siteBound(highs: Highs, input: SiteBoundInput): number | null {
  const parts = siteBoundParts(highs, input);
  if (!parts) return null;
  const started = Date.now();
  const bound = parts.sites.reduce((t, b) => t + parts.boundOf(b, input.timeLimitS - (Date.now() - started) / 1000, input.stopRequested), parts.settled);
  return Number.isFinite(bound) ? bound : null;
}

/** The parts of the bound, or null as for siteBound. */
export function siteBoundParts(highs: Highs, input: Omit<SiteBoundInput, 'timeLimitS' | 'stopRequested'>): SiteBoundParts | null {
  const { data, colValue, rowDual, block } = input;
  // Every bound below is an upper one: a minimization would need them all turned round.
  if (data.sense !== highs.constants.objectiveSense.maximize) return null;
  const { numCols, numRows, colCost, colLower, colUpper, rowLower, rowUpper, integrality } = data;
  const { starts, indices, values } = data.matrix;
  const SHARED = -1;
  const EMPTY = -2;
  const rowBlock = new Int32Array(numRows).fill(EMPTY);
  for (let j = 0; j < numCols; j++) {
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      const i = indices[k]!;
      // A column of the whole fleet (block -1) makes its rows shared.
      rowBlock[i] = block[j]! >= 0 && (rowBlock[i] === EMPTY || rowBlock[i] === block[j]) ? block[j]! : SHARED;
    }
  }
  // A price pushes against the bound it has a sign for; with that bound infinite it must be 0.
  const price = Float64Array.from(rowDual, (y, i) => (rowBlock[i] === EMPTY || (y > 0 && rowUpper[i] === Infinity) || (y < 0 && rowLower[i] === -Infinity) ? 0 : y));
  for (let j = 0; j < numCols; j++) if (block[j]! < 0) leaveNoCost(j);

  /**
   * A free column of the whole fleet (the worst case's NPV w, of cost 1, in rows w − NPV_s
   * ≤ 0) bounds nothing unless the prices of its rows leave it no cost at all. Any prices
   * give a bound, so its rows' are scaled to add up to 1, in steps of 2^-52: sums of those
   * are exact, so none is left over, in whatever order they are added. Priced so, the worst
   * case's scenarios are weighed as an expected NPV weighs them.
   */
  function leaveNoCost(j: number): void {
    if (colCost[j] !== 1) return;
    let total = 0;
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      if (values[k] !== 1) return;
      total += price[indices[k]!]!;
    }
    if (!(total > 0) || !Number.isFinite(total)) return;
    const STEP = 2 ** -52;
    let most = starts[j]!;
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      price[indices[k]!] = Math.round(price[indices[k]!]! / total / STEP) * STEP;
      if (price[indices[k]!]! > price[indices[most]!]!) most = k;
    }
    let others = 0;
    for (let k = starts[j]!; k < starts[j + 1]!; k++) if (k !== most) others += price[indices[k]!]!;
    price[indices[most]!] = 1 - others;
  }
  const rowWorth = (i: number): number => (price[i]! > 0 ? price[i]! * rowUpper[i]! : price[i]! < 0 ? price[i]! * rowLower[i]! : 0);

  const blocks = block.reduce((most, b) => Math.max(most, b + 1), 0);
  const ownBound = new Float64Array(blocks);
  const fractional = new Uint8Array(blocks);
  /** Objective coefficients less the shared limits' prices: each site's own objective. */
  const siteCost = Float64Array.from(colCost);
  let bound = data.offset;
  for (let i = 0; i < numRows; i++) {
    const b = rowBlock[i]!;
    if (b === SHARED) bound += rowWorth(i);
    else if (b >= 0) ownBound[b] = ownBound[b]! + rowWorth(i);
  }
  for (let j = 0; j < numCols; j++) {
    let reduced = colCost[j]!;
    for (let k = starts[j]!; k < starts[j + 1]!; k++) {
      const i = indices[k]!;
      reduced -= price[i]! * values[k]!;
      if (rowBlock[i] === SHARED) siteCost[j] = siteCost[j]! - price[i]! * values[k]!;
    }
    const worth = reduced === 0 ? 0 : Math.max(reduced * colLower[j]!, reduced * colUpper[j]!);
    if (block[j]! < 0) {
      // Left a cost it can grow without end on, it bounds nothing.
      if (!Number.isFinite(worth)) return null;
      bound += worth;
      continue;
    }
    ownBound[block[j]!] = ownBound[block[j]!]! + worth;
    // An unbounded column the duals leave a cost on (rounding noise will do) bounds its site by nothing: its MILP must.
    if (Number.isNaN(worth) || worth === Infinity || (integrality[j] !== 0 && Math.abs(colValue[j]! - Math.round(colValue[j]!)) > WHOLE)) fractional[block[j]!] = 1;
  }

  // A NaN dual leaves no bound either.
  const dualBound = (b: number) => (Number.isNaN(ownBound[b]!) ? Infinity : ownBound[b]!);
  const sites: number[] = [];
  for (let b = 0; b < blocks; b++) {
    if (fractional[b]) sites.push(b);
    else bound += dualBound(b);
  }
  return {
    settled: bound,
    sites,
    boundOf: (b, timeLeftS, stopRequested) => {
      const milp = timeLeftS > 0 && !stopRequested?.() ? siteMilpBound(highs, data, block, rowBlock, siteCost, b, input.mipGap, timeLeftS, stopRequested) : null;
      return milp === null ? dualBound(b) : Math.min(milp, dualBound(b));
    },
  };
}

/** The upper bound HiGHS proves for site `b`'s own MILP under `siteCost`, or null if it proved none. */
function siteMilpBound(
  highs: Highs,
  data: DetachedModelData,
  block: Int32Array,
  rowBlock: Int32Array,
  siteCost: Float64Array,
  b: number,
  mipGap: number,
  timeLimitS: number,
  stopRequested?: () => boolean,
): number | null {
  const cols: number[] = [];
  for (let j = 0; j < block.length; j++) if (block[j] === b) cols.push(j);
  const localRow = new Int32Array(rowBlock.length).fill(-1);
  const rows: number[] = [];
  rowBlock.forEach((rb, i) => {
    if (rb === b) localRow[i] = rows.push(i) - 1;
  });
  const starts = [0];
  const indices: number[] = [];
  const values: number[] = [];
  for (const j of cols) {
    for (let k = data.matrix.starts[j]!; k < data.matrix.starts[j + 1]!; k++) {
      const local = localRow[data.matrix.indices[k]!]!;
      if (local < 0) continue;
      indices.push(local);
      values.push(data.matrix.values[k]!);
    }
    starts.push(indices.length);
  }
  const pick = (from: ArrayLike<number>, at: number[]) => Float64Array.from(at, (i) => from[i]!);
  const site = highs.createModel({
    numCols: cols.length,
    numRows: rows.length,
    sense: highs.constants.objectiveSense.maximize,
    colCost: pick(siteCost, cols),
    colLower: pick(data.colLower, cols),
    colUpper: pick(data.colUpper, cols),
    rowLower: pick(data.rowLower, rows),
    rowUpper: pick(data.rowUpper, rows),
    matrix: { format: 'csc', numRows: rows.length, numCols: cols.length, starts: Int32Array.from(starts), indices: Int32Array.from(indices), values: Float64Array.from(values) },
    integrality: Int32Array.from(cols, (j) => data.integrality[j]!),
  });
  try {
    site.options.set({ output_flag: false, mip_rel_gap: mipGap, time_limit: timeLimitS });
    site.run({
      [highs.constants.callbackType.mipInterrupt]: (event) => {
        if (stopRequested?.()) event.interrupt();
      },
    });
    const dual = Number(site.info.get('mip_dual_bound'));
    return Number.isFinite(dual) ? dual : null;
  } finally {
    site.dispose();
  }
}
