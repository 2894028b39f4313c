/**
 * HiGHS (WebAssembly) as the optimizer's solve function. A persistent model is used
 * rather than the one-shot call because only it reports the search as it goes (best plan
 * so far, proven bound) and can be asked to stop and keep what it has. Its heap is
 * capped at 2 GiB and an out-of-memory abort surfaces as a RuntimeError: both become a
 * clear message.
 */
import highsLoader, { type ModelData } from 'highs';
import type { MatrixProgram } from '../../../shared/optimizer/lp';
import type { Choice } from '../../../shared/optimizer/model';
import type { SolveFn, SolveOptions, SolverSolution } from '../../../shared/optimizer/run';
import type { SolverMemory } from '../../../shared/optimizer/solver-memory';
import { siteBoundHere, type PendingBound, type StartSiteBound } from './site-bound-thread';

/** The most HiGHS-wasm's heap can grow to: the build's maximum memory, 2 GiB (a test reads it from the build). */
export const HEAP_LIMIT_BYTES = 2 ** 31;

/**
 * A run's peak heap: HEAP_BYTES_PER_RUN whatever the model, and HEAP_BYTES_PER_NONZERO for
 * each nonzero of its matrix. Measured growth of the heap on reference portfolios (the
 * relaxation, then 20 s of HiGHS's search): 137 MB at 5 sites (100,230 nonzeros), 206 MB at
 * 10 (200,460), 473 MB at 20 (400,920), 657 MB at 40 (801,840), 1,379 MB at 80 (1,603,680);
 * and 1,542 MiB in all at 40 sites over 20 quarters with 5 scenarios (2,044,080) after a
 * whole 300 s run. These figures hold every one with room to spare. One figure per nonzero
 * (1,200, from the small models) refused models that fit: what a run holds whatever its
 * size weighs on the small ones, which never come near the limit. `npm run bench` measures
 * the heap again beside them.
 */
export const HEAP_BYTES_PER_RUN = 150 * 2 ** 20;
export const HEAP_BYTES_PER_NONZERO = 850;

/**
 * HiGHS aborted (out of memory, say): the WebAssembly instance cannot run again, so the
 * thread that owns it must end and a new one take its place.
 */
export class SolverLostError extends Error {}

/** HiGHS as a solve function, with what it measured of its memory for the size guard. */
export type HighsSolve = SolveFn & { memory: SolverMemory; heapBytes: () => number };

/**
 * HiGHS's own words for the model statuses our runs can end in (no objective, iteration
 * or solution limit is ever set), which the rest of the optimizer reads.
 */
const STATUS_TEXT: Record<number, string> = {
  7: 'Optimal',
  8: 'Infeasible',
  9: 'Primal infeasible or unbounded',
  10: 'Unbounded',
  13: 'Time limit reached',
  15: 'Unknown',
  17: 'Interrupted by user',
};
const OPTIMAL = 7;
const TIME_LIMIT = 13;
const INTERRUPTED = 17;

/** Progress is reported at most this often, besides every better plan found. */
const PROGRESS_INTERVAL_MS = 250;

/**
 * HiGHS's default (0.05) leaves its heuristics too little time on our models: at 0.3 the
 * reference portfolio proved its 0.1 % gap in 97 s instead of 186 s (native HiGHS 1.15,
 * one thread, measured here); 0.6 did no better.
 */
const MIP_HEURISTIC_EFFORT = 0.3;

/**
 * The first plan may take this share of the time limit, the full search the rest. On a
 * short limit the first plan is the answer the user gets (when the reference portfolio's
 * took about 6 s, a quarter of 15 s cut it off and a −$1.1 B plan came out); on a long
 * one it ends well within its share anyway.
 */
const FIRST_PLAN_SHARE = 0.75;

/**
 * A first plan the sites' bound does not prove is searched again to this share of the gap
 * asked for, and each site's MILP is solved to it: the sites' bounds add up.
 */
const FIRST_PLAN_GAP_SHARE = 0.1;

/** A first plan the sites' bound does not prove is searched again in at most this share of the time left; the full search gets the rest. */
const CLOSER_SEARCH_SHARE = 0.5;

/**
 * The sites' bound may take this share of the time left after the relaxation (pricing's
 * time held back): a first plan it has not proven waits for it, and the full search must
 * still have time.
 */
const SITE_BOUND_SHARE = 0.5;

/** How many periods earlier or later the first plan may start a choice the LP relaxation gives weight to. */
const NEIGHBOUR_PERIODS = 3;

type Highs = Awaited<ReturnType<typeof highsLoader>>;
type HighsModel = ReturnType<Highs['createModel']>;
type SearchData = { mip_primal_bound?: number; mip_dual_bound?: number; mip_gap?: number };

/** HiGHS counts its time limit over every run of a model since its clocks were zeroed: each of ours gets its own. */
function limitTime(model: HighsModel, seconds: number): void {
  model.zeroAllClocks();
  model.options.set({ time_limit: seconds });
}

const finite = (x: number | undefined): number | null => (x !== undefined && Number.isFinite(x) ? x : null);
/** HiGHS's relative gap: |best − bound| / max(1, |best|). */
/** HiGHS reports a proven gap from its own sums: a gap of 0 asked for is met at its rounding (1.3e-16 on the campus). */
const GAP_ROUNDING = 1e-12;
const relativeGap = (best: number, bound: number): number => Math.abs(bound - best) / Math.max(1, Math.abs(best));
/**
 * Whether a bound proves a plan within `gap` (maximizing). A bound below the plan is no
 * proof but a wrong bound: HiGHS-wasm has reported one (see the README).
 */
const proves = (best: number, bound: number, gap: number): boolean => bound >= best - 1e-9 * Math.max(1, Math.abs(best)) && relativeGap(best, bound) <= gap;

/**
 * Search data against the fleet's bound (the LP relaxation's, or the sites' once it has
 * come): a restricted model's own bound says nothing of the full model (ownBoundHolds
 * false), and the full model has none before its root LP. The models are maximizations
 * (the plan's NPV).
 */
const boundedBy = (fleet: FleetBound, ownBoundHolds: boolean) => (d: SearchData): SearchData => {
  const best = finite(d.mip_primal_bound);
  const full = fleet.at(best);
  const bound = ownBoundHolds ? Math.min(finite(d.mip_dual_bound) ?? Infinity, full) : full;
  return { mip_primal_bound: d.mip_primal_bound, mip_dual_bound: bound, mip_gap: best === null ? undefined : relativeGap(best, bound) };
};

export function modelDataOf(highs: Highs, program: MatrixProgram): ModelData {
  const { columns, rows } = program;
  return {
    numCols: columns.length,
    numRows: rows.length,
    sense: program.sense === 'max' ? highs.constants.objectiveSense.maximize : highs.constants.objectiveSense.minimize,
    colCost: program.cost,
    colLower: program.lower,
    colUpper: program.upper,
    rowLower: program.rowLower,
    rowUpper: program.rowUpper,
    matrix: { format: 'csr', numRows: rows.length, numCols: columns.length, starts: program.starts, indices: program.indices, values: program.values },
    integrality: program.integer,
  };
}

/** What a HiGHS instance holding `inUseBytes` with no model can take of a run: the size guard's figures. */
export const solverMemoryOf = (inUseBytes: number): SolverMemory => ({ limitBytes: HEAP_LIMIT_BYTES, inUseBytes, runBytes: HEAP_BYTES_PER_RUN, bytesPerNonzero: HEAP_BYTES_PER_NONZERO });

/** The solver's memory as a fresh HiGHS has it, for work that sizes a model without solving it (an LP file). */
export const freshSolverMemory = async (): Promise<SolverMemory> => solverMemoryOf((await highsLoader()).memoryBytes);

/**
 * The solve function, with the sites' bound computed as `siteBounds` starts it (on a
 * thread of its own, say), or else here.
 */
export async function loadHighs(siteBounds?: StartSiteBound): Promise<HighsSolve> {
  const highs = await highsLoader();
  // Before any model: what the heap holds of its own.
  const memory = solverMemoryOf(highs.memoryBytes);
  const startSiteBound = siteBounds ?? siteBoundHere(highs);
  const { callbackType } = highs.constants;

  /**
   * Runs a model, reporting the search (throttled) and honouring a stop request;
   * `proven` ends it as soon as what it found meets the gap asked for.
   */
  const search = (model: HighsModel, options: SolveOptions, adjust: (data: SearchData) => SearchData = (d) => d, proven?: (data: SearchData) => boolean): void => {
    let lastReport = 0;
    const report = (raw: SearchData, force: boolean) => {
      if (!options.onProgress) return;
      const now = Date.now();
      if (!force && now - lastReport < PROGRESS_INTERVAL_MS) return;
      lastReport = now;
      const data = adjust(raw);
      options.onProgress({ bestObjective: finite(data.mip_primal_bound), bound: finite(data.mip_dual_bound), gapFraction: finite(data.mip_gap) });
    };
    model.run({
      [callbackType.mipImprovingSolution]: (event) => {
        report({ ...event.data, mip_primal_bound: event.data.objective_function_value }, true);
      },
      [callbackType.mipLogging]: (event) => {
        report(event.data, false);
      },
      [callbackType.mipInterrupt]: (event) => {
        report(event.data, false);
        if (options.stopRequested?.() || proven?.(adjust(event.data))) event.interrupt();
      },
    });
  };

  /**
   * Searches the model restricted to a first plan's neighbourhood, to `gap` (from `start`
   * if given), ended as soon as the fleet's bound proves the gap asked for; the model is
   * left as written. RENS, run on the relaxation's whole choices, took seconds before the
   * search found the reference portfolio's optimum; without it, under one.
   */
  const searchNeighbourhood = (model: HighsModel, first: FirstPlan, options: SolveOptions, gap: number, timeLimitS: number): FirstPlan['start'] => {
    const { colLower, colUpper } = model.getModel();
    const all = { kind: 'range', from: 0, to: colLower.length - 1 } as const;
    try {
      model.changeColsBounds(all, first.neighbourhood.lower, first.neighbourhood.upper);
      limitTime(model, timeLimitS);
      model.options.set({ mip_rel_gap: gap, mip_heuristic_run_rens: false });
      if (first.start) model.setSolution({ colValue: first.start.colValue });
      search(model, options, boundedBy(first.bound, false), (d) => {
        const best = finite(d.mip_primal_bound);
        return best !== null && proves(best, first.bound.at(best), options.mipGap);
      });
      if (Number(model.info.get('primal_solution_status')) !== 2) return null;
      // Read now: restoring the bounds below discards the restricted model's solution.
      return { colValue: model.getSolution().colValue, objective: model.getObjectiveValue() };
    } finally {
      model.options.set({ mip_rel_gap: options.mipGap, mip_heuristic_run_rens: true });
      model.changeColsBounds(all, colLower, colUpper);
    }
  };

  /**
   * A first plan, found the way a planner would: solve the LP relaxation and search only
   * among the choices it gives weight to, each also started up to NEIGHBOUR_PERIODS
   * earlier or later (a capex budget that binds in one quarter moves starts to the next).
   * The LP's objective bounds the full model, so it stays the bound reported meanwhile,
   * until the sites' bound, started as soon as the LP's duals are known, comes. HiGHS
   * finds such a plan itself only after its cut rounds, a minute on the reference
   * portfolio. There, the LP's own choices gave $1.45616 B; with starts moved up to three
   * periods, the optimum, $1.45695 B, about a second after the relaxation (HiGHS-wasm).
   */
  const firstPlan = (model: HighsModel, program: MatrixProgram, options: SolveOptions, choices: Choice[][], timeLeftS: () => number): FirstPlan | null => {
    // Read before the relaxation clears the integers: the sites' bound needs them.
    const data = model.getModel('csc');
    const { integrality, colLower, colUpper } = data;
    const all = { kind: 'range', from: 0, to: colLower.length - 1 } as const;
    const begun = Date.now();
    const share = timeLeftS() * FIRST_PLAN_SHARE;
    const shareLeft = () => share - (Date.now() - begun) / 1000;
    // Building the model took the whole time limit: HiGHS refuses a negative one, and there is no time for a first plan anyway.
    if (share <= 0) return null;
    let begunBound: FleetBound | null = null;
    try {
      limitTime(model, share);
      model.clearIntegrality();
      // HiGHS solves it by simplex, whose checkpoints let a stop end it early. Its presolve
      // costs more than it saves here: 0.65 s without it against 1.0 s on the reference portfolio.
      model.options.set({ presolve: 'off' });
      model.run({
        [callbackType.simplexInterrupt]: (event) => {
          if (options.stopRequested?.()) event.interrupt();
        },
      });
      model.options.set({ presolve: 'choose' });
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return null;
      const lpSeconds = (Date.now() - begun) / 1000;
      const fleet = new FleetBound(model.getObjectiveValue());
      begunBound = fleet;
      options.onProgress?.({ bestObjective: null, bound: fleet.lp, gapFraction: null });
      const { colValue, rowDual } = model.getSolution();
      model.changeColsIntegrality(all, integrality);
      if (options.blockOf) {
        const block = Int32Array.from(program.columns, (name) => options.blockOf!(name) ?? -1);
        // Pricing needs about the relaxation's time at the end.
        const timeLimitS = Math.max(timeLeftS() - lpSeconds, 0) * SITE_BOUND_SHARE;
        const job = { data, colValue: Float64Array.from(colValue), rowDual: Float64Array.from(rowDual), block, mipGap: options.mipGap * FIRST_PLAN_GAP_SHARE, timeLimitS };
        if (job.timeLimitS > 0) fleet.expect(startSiteBound(job, options.stopRequested));
      }
      const lower = Float64Array.from(colLower);
      const upper = Float64Array.from(colUpper);
      const columnOf = new Map(program.columns.map((name, j) => [name, j]));
      for (const hall of choices) {
        const columns = hall.map((c) => columnOf.get(c.column)!);
        const weighted = hall.filter((_, i) => colValue[columns[i]!]! > 1e-6);
        hall.forEach((c, i) => {
          const near = weighted.some((w) => w === c || (w.option !== null && w.option === c.option && Math.abs(w.period! - c.period!) <= NEIGHBOUR_PERIODS));
          if (!near) lower[columns[i]!] = upper[columns[i]!] = 0;
        });
      }
      const first: FirstPlan = { bound: fleet, lpSeconds, neighbourhood: { lower, upper }, start: null };
      if (shareLeft() <= 0 || options.stopRequested?.()) return first;
      // To the gap asked for: the sites' bound, if still being computed, gets this thread's help as soon as it ends.
      first.start = searchNeighbourhood(model, first, options, options.mipGap, shareLeft());
      return first;
    } catch (error) {
      begunBound?.drop();
      throw error;
    } finally {
      model.options.set({ presolve: 'choose' });
      model.changeColsIntegrality(all, integrality);
    }
  };

  /**
   * The duals of the LP with the named columns fixed at the plan's values and the rest
   * relaxed, solved in the model already parsed; none when it does not finish in time.
   */
  const priceWithFixed = (model: HighsModel, program: MatrixProgram, colValue: Float64Array, fixed: string[], timeLimitS: number): SolverSolution['Rows'] => {
    const { colLower, colUpper, integrality } = model.getModel();
    const all = { kind: 'range', from: 0, to: colLower.length - 1 } as const;
    const lower = Float64Array.from(colLower);
    const upper = Float64Array.from(colUpper);
    const fixedColumns = new Set(fixed);
    program.columns.forEach((name, j) => {
      if (fixedColumns.has(name)) lower[j] = upper[j] = Math.round(colValue[j]!);
    });
    try {
      model.changeColsBounds(all, lower, upper);
      model.clearIntegrality();
      limitTime(model, timeLimitS);
      model.run({});
      if (model.getModelStatus() !== highs.constants.modelStatus.optimal) return [];
      const rows = readSolution(model, program).Rows;
      // How far each price holds; without it (ranging refused) the prices stand, unqualified.
      const ranging = rangingOf(model);
      if (ranging) rows.forEach((row, i) => (row.RaisedTo = ranging.rowBoundUp.value[i]));
      return rows;
    } finally {
      // A search may follow (the first plan is priced before it is proven).
      model.changeColsBounds(all, colLower, colUpper);
      model.changeColsIntegrality(all, integrality);
    }
  };

  const solve: SolveFn = (program, options) => {
    const started = Date.now();
    const timeLeftS = () => options.timeLimitS - (Date.now() - started) / 1000;
    let first: FirstPlan | null = null;
    try {
      // Passed once: the searches and the pricing use it.
      const model = highs.createModel(modelDataOf(highs, program));
      try {
        model.options.set({ mip_rel_gap: options.mipGap, output_flag: false });
        first = options.choices?.length ? firstPlan(model, program, options, options.choices, timeLeftS) : null;
        // Pricing solves an LP much like the relaxation: its time is held back from the search.
        const pricingS = options.priceWithFixed ? (first?.lpSeconds ?? 0) : 0;
        const priced = (solution: SolverSolution): SolverSolution => {
          if (!options.priceWithFixed || !solution.Columns) return solution;
          const colValue = Float64Array.from(program.columns, (name) => solution.Columns![name]!.Primal);
          return { ...solution, Rows: priceWithFixed(model, program, colValue, options.priceWithFixed, Math.max(timeLeftS(), pricingS)) };
        };
        let firstPlanRows: SolverSolution['Rows'] | null = null;
        const firstPlanAnswer = (code: number): SolverSolution => {
          const solution = firstPlanSolution(program, first, code);
          return firstPlanRows && solution.Columns ? { ...solution, Rows: firstPlanRows } : priced(solution);
        };
        const firstProven = () => first?.start && proves(first.start.objective, first.bound.at(first.start.objective), options.mipGap);
        // The sites' bound usually proves the first plan: it is priced meanwhile, this thread helps with the sites' MILPs, and waits.
        if (first?.start && !firstProven() && first.bound.pending) {
          firstPlanRows = priced(firstPlanSolution(program, first, OPTIMAL)).Rows;
          first.bound.help(highs, options.stopRequested);
          first.bound.await(Math.max(timeLeftS() - pricingS, 0), options.stopRequested);
          const [best, bound] = [first.start.objective, first.bound.at(first.start.objective)];
          options.onProgress?.({ bestObjective: best, bound, gapFraction: relativeGap(best, bound) });
        }
        // Not proven by the sites' bound: the neighbourhood is searched closer than the gap asked for, since that
        // bound leaves little room above the best plan (at the full gap the reference portfolio's search once
        // stopped at $1.45666 B, 0.11 % below it), in at most half the time left, before any full search. Without
        // a sites' bound only the full search can prove anything.
        if (first?.start && !firstProven() && first.bound.bySites && !options.stopRequested?.() && timeLeftS() > pricingS) {
          const closer = searchNeighbourhood(model, first, options, options.mipGap * FIRST_PLAN_GAP_SHARE, (timeLeftS() - pricingS) * CLOSER_SEARCH_SHARE);
          if (closer && closer.objective > first.start.objective) {
            first.start = closer;
            firstPlanRows = null;
          }
        }
        // Proven, stopped or out of time already: the first plan is the answer, without a full search to start and interrupt.
        if (firstProven()) return firstPlanAnswer(OPTIMAL);
        if (options.stopRequested?.()) return firstPlanAnswer(INTERRUPTED);
        if (first?.start && timeLeftS() <= pricingS) return firstPlanAnswer(TIME_LIMIT);
        model.options.set({ mip_heuristic_effort: MIP_HEURISTIC_EFFORT });
        limitTime(model, Math.max(timeLeftS() - pricingS, 0));
        if (first?.start) model.setSolution({ colValue: first.start.colValue });
        // HiGHS stops at the gap it proves itself; with the sites' bound the gap may be met sooner.
        const meetsGap = (d: SearchData) => {
          const [best, bound] = [finite(d.mip_primal_bound), finite(d.mip_dual_bound)];
          return best !== null && bound !== null && proves(best, bound, options.mipGap);
        };
        search(model, options, first ? boundedBy(first.bound, true) : undefined, meetsGap);
        const solution = readSolution(model, program);
        // Stopped before its root LP, HiGHS has no bound of its own; the fleet's holds.
        if (first && solution.Columns) {
          const bound = first.bound.at(solution.ObjectiveValue);
          if (proves(solution.ObjectiveValue, bound, Infinity)) solution.MipGap = Math.min(solution.MipGap ?? Infinity, relativeGap(solution.ObjectiveValue, bound));
          // Proven by either bound: the search was ended for it (meetsGap), or stopped or ran out of time just then.
          if (solution.MipGap !== undefined && solution.MipGap <= options.mipGap + GAP_ROUNDING) solution.Status = STATUS_TEXT[OPTIMAL]!;
        }
        return priced(solution);
      } finally {
        model.dispose();
      }
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (/memory|abort/i.test(message)) throw new SolverLostError(`The solver ran out of memory on this model (${message.slice(0, 120)}); reduce the horizon or the number of options`);
      throw new Error(`The solver failed: ${message}`);
    } finally {
      first?.bound.drop();
    }
  };
  return Object.assign(solve, { memory, heapBytes: () => highs.memoryBytes });
}

interface FirstPlan {
  bound: FleetBound;
  /** How long the relaxation took. */
  lpSeconds: number;
  /** The columns' bounds that restrict the model to the choices near the relaxation's. */
  neighbourhood: { lower: Float64Array; upper: Float64Array };
  start: { colValue: Float64Array; objective: number } | null;
}

/**
 * No plan does better than this: the LP relaxation's objective, or the sites' bound once
 * it has come and is tighter. A sites' bound below a plan found cannot be right (see
 * proves): it is dropped.
 */
class FleetBound {
  private sites: PendingBound | null = null;

  constructor(readonly lp: number) {}

  expect(sites: PendingBound): void {
    this.sites = sites;
  }

  /** The bound now, given the best plan so far. */
  at(best: number | null): number {
    const sites = this.sites?.read();
    if (sites === undefined || sites === null) return this.lp;
    if (best !== null && !proves(best, sites, Infinity)) {
      this.drop();
      return this.lp;
    }
    return Math.min(sites, this.lp);
  }

  /** Whether the sites' bound has come, and holds. */
  get bySites(): boolean {
    const sites = this.sites?.read();
    return sites !== undefined && sites !== null;
  }

  /** Whether a sites' bound is still being computed. */
  get pending(): boolean {
    return this.sites !== null && this.sites.read() === undefined;
  }

  /** Solves sites' MILPs of a sites' bound still being computed on this thread too. */
  help(highs: Highs, stopRequested?: () => boolean): void {
    this.sites?.help(highs, stopRequested);
  }

  /** Waits for a sites' bound still being computed, for at most `seconds`. */
  await(seconds: number, stopRequested?: () => boolean): void {
    this.sites?.wait(seconds, stopRequested);
  }

  /** No longer wanted, or wrong: a sites' bound still being computed stops. */
  drop(): void {
    this.sites?.abandon();
    this.sites = null;
  }
}

/** The answer when the search ends at the first plan (or before it): that plan, if any, and the gap its bound proves. */
function firstPlanSolution(program: MatrixProgram, first: FirstPlan | null, code: number): SolverSolution {
  const start = first?.start;
  if (!start) return { Status: STATUS_TEXT[code]!, ObjectiveValue: Number.NaN, Rows: [] };
  return { Status: STATUS_TEXT[code]!, ObjectiveValue: start.objective, Columns: columnsOf(program, start.colValue), Rows: [], MipGap: relativeGap(start.objective, first.bound.at(start.objective)) };
}

function columnsOf(program: MatrixProgram, colValue: Float64Array): NonNullable<SolverSolution['Columns']> {
  const Columns: SolverSolution['Columns'] = {};
  for (let j = 0; j < colValue.length; j++) Columns[program.columns[j]!] = { Primal: colValue[j]! };
  return Columns;
}

/** HiGHS's ranging of the LP just solved, or null where it gives none. */
function rangingOf(model: HighsModel): ReturnType<HighsModel['getRanging']> | null {
  try {
    return model.getRanging();
  } catch {
    return null;
  }
}

function readSolution(model: HighsModel, program: MatrixProgram): SolverSolution {
  const code = model.getModelStatus();
  const status = STATUS_TEXT[code] ?? `HiGHS model status ${code}`;
  const solution = model.getSolution();
  const { numRows } = model.getDimensions();
  const hasPrimal = Number(model.info.get('primal_solution_status')) === 2;
  const Rows: SolverSolution['Rows'] = [];
  if (Number(model.info.get('dual_solution_status')) === 2) {
    for (let i = 0; i < numRows; i++) Rows.push({ Name: program.rows[i], Dual: solution.rowDual[i]!, Primal: solution.rowValue[i]! });
  }
  // An LP solve has no branch-and-bound tree, and HiGHS counts its nodes as -1.
  const isMip = Number(model.info.get('mip_node_count')) >= 0;
  const gap = Number(model.info.get('mip_gap'));
  return {
    Status: status,
    ObjectiveValue: hasPrimal ? model.getObjectiveValue() : Number.NaN,
    Columns: hasPrimal ? columnsOf(program, solution.colValue) : undefined,
    Rows,
    MipGap: isMip && hasPrimal && Number.isFinite(gap) ? gap : undefined,
  };
}
