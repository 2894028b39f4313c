/**
 * One optimizer run, independent of where the solver lives: build the model, solve the
 * MILP, price the binding limits on the LP with the integer choices fixed, explain an
 * infeasible model, and turn the answer into a Plan. The worker passes HiGHS in.
 */
import { largest, smallest } from '../arrays';
import type { EquipmentModel, FleetDoc, Plan, PlanPeriod } from '../model/schema';
import { at, datedCashFlows, discountFactor, energyNetUsd, hoursPerPeriod, irr, payback, periodsNpv, unitEconomics, unitMarginUsd } from './economics';
import { hedgeSettlementUsd } from '../energy/site-energy';
import { asItIsProgram, decisionReturn } from './decision';
import { toMatrix, writeLp, type LinearProgram, type MatrixProgram, type Row, type Term } from './lp';
import { formatGap, objectiveLabel } from './describe';
import { countOf, groupedNumber, periodLabel } from '../units';
import { memoryRefusal, shapeOf, shapeRefusal, type SolverMemory } from './solver-memory';
import { buildModel, CONTRACT_COST, contractPeriodsOf, describeContract, hallOfColumn, isContractRow, modelInputsHash, v, type BuiltModel, type Choice, type HallIx, type Objective, type OptionIx } from './model';

export interface SolverSolution {
  Status: string;
  ObjectiveValue: number;
  /** Absent when the solver stopped without a solution. */
  Columns?: Record<string, { Primal: number }>;
  /** Row duals of an LP; of a MIP asked to price its plan (priceWithFixed), those of that LP; else empty. */
  /**
   * RaisedTo (LP ranging, where the solver gives it): how far the row's binding bound can
   * rise, in the row's own terms, before the LP's basis changes and its Dual stops holding.
   */
  Rows: { Name?: string; Dual?: number; Primal?: number; RaisedTo?: number }[];
  /** For a MIP with a solution: how far its objective may be from the best possible, relative. */
  MipGap?: number;
}

/** The branch-and-bound search so far, in the objective's own terms. */
export interface SearchProgress {
  /** The best plan's objective found so far, if any. */
  bestObjective: number | null;
  /** No plan can do better than this (for a maximization). */
  bound: number | null;
  gapFraction: number | null;
}

export interface SolveOptions {
  timeLimitS: number;
  mipGap: number;
  onProgress?: (search: SearchProgress) => void;
  /** Asked at the solver's checkpoints: true stops the search and keeps its best plan. */
  stopRequested?: () => boolean;
  /**
   * Sets of binaries of which exactly one is 1 (each hall's choice). The solver may
   * build a first plan by keeping the choices the LP relaxation already makes whole.
   */
  choices?: Choice[][];
  /**
   * The block (site) a column belongs to, or null for one of the whole fleet. A row
   * whose columns are all of one block is that block's own limit; the others are limits
   * the blocks share. With it, the solver may bound the model site by site.
   */
  blockOf?: (column: string) => number | null;
  /**
   * Once a plan is found, these columns (its integer choices) are fixed at the plan's
   * values and everything else is relaxed; that LP's duals come back as Rows. The time
   * it needs is held back from the search, so the whole solve keeps to timeLimitS.
   */
  priceWithFixed?: string[];
}

export type SolveFn = (program: MatrixProgram, options: SolveOptions) => SolverSolution;

export interface RunHooks {
  progress?: (phase: string, search?: SearchProgress) => void;
  stopRequested?: () => boolean;
}

export interface RunOptions {
  objective: Objective;
  timeLimitS: number;
  mipGap: number;
  planId: string;
  now: string;
  /** The solver's memory: a model that does not fit in it is refused before the solve. */
  solverMemory?: SolverMemory;
  /**
   * Whether to work out what the AI contract costs, by a second search without it (as long
   * as the plan's own at most): the app does; a script asks for it, since it may double the run.
   */
  contractCost?: boolean;
}

export interface Sensitivity {
  hashpriceFactors: number[];
  gpuRateFactors: number[];
  /** npvUsd[i][j]: hashprice factor i, GPU rate factor j. */
  npvUsd: number[][];
  /** Power prices scaled (power cost and the hedges' spot leg), miners curtailing as those prices make them. */
  powerPriceFactors: number[];
  npvByPowerPriceUsd: number[];
}

export interface RunResult {
  plan: Plan;
  sensitivity: Sensitivity | null;
  stats: { variables: number; integers: number; rows: number; solveMs: number };
}

export class SolveError extends Error {}

/**
 * The LP file of the model a run solves (built the same way, so it holds the same numbers).
 * Given the solver's memory, a model a run would refuse is refused here too, before it is
 * built where its shape alone shows it: the file is for solving, and writing it takes memory
 * in step with the model's size.
 */
export function lpFileOf(doc: FleetDoc, objective: Objective, solverMemory?: SolverMemory): string {
  if (solverMemory) refuseByShape(doc, objective, solverMemory);
  const model = buildModel(doc, objective);
  if (solverMemory) refuseOversized(doc, objective, toMatrix(model.lp), solverMemory);
  return writeLp(model.lp, `Fleet Planner capacity plan for ${doc.fleet.name}`);
}

/** Throws, saying what to shorten, when the document's counts show its model cannot fit in the solver's memory. */
function refuseByShape(doc: FleetDoc, objective: Objective, solverMemory: SolverMemory): void {
  const refusal = shapeRefusal(shapeOf(doc, objective), solverMemory);
  if (refusal) throw new SolveError(refusal);
}

/** Throws, saying what to shorten, when the built `program` does not fit in the solver's memory. */
function refuseOversized(doc: FleetDoc, objective: Objective, program: MatrixProgram, solverMemory: SolverMemory): void {
  const refusal = memoryRefusal(program, solverMemory, shapeOf(doc, objective));
  if (refusal) throw new SolveError(refusal);
}

const SOLVED = new Set(['Optimal', 'Time limit reached', 'Interrupted by user']);

const planStatus = (status: string): Plan['status'] => (status === 'Optimal' ? 'optimal' : status === 'Interrupted by user' ? 'stopped' : 'time-limit');

export function runOptimizer(doc: FleetDoc, opts: RunOptions, solve: SolveFn, hooks: RunHooks = {}): RunResult {
  // The time limit is the user's for the whole run, building the model included.
  const runStarted = Date.now();
  const progress = hooks.progress ?? (() => undefined);
  // Thousands of scenarios, or decades of periods, took minutes and gigabytes to build before the size was known.
  if (opts.solverMemory) refuseByShape(doc, opts.objective, opts.solverMemory);
  progress('building the model');
  const model = buildModel(doc, opts.objective);
  const program = toMatrix(model.lp);
  const stats = {
    variables: program.columns.length,
    integers: program.integer.reduce((t, i) => t + i, 0),
    rows: program.rows.length,
    solveMs: 0,
  };
  if (opts.solverMemory) refuseOversized(doc, opts.objective, program, opts.solverMemory);
  const searching = `solving ${countOf(stats.variables, 'variable')}, ${countOf(stats.rows, 'limit')}`;
  progress(searching);
  const started = Date.now();
  const sol = solve(program, {
    timeLimitS: Math.max(opts.timeLimitS - (started - runStarted) / 1000, 0),
    mipGap: opts.mipGap,
    onProgress: (search) => progress(searching, search),
    stopRequested: hooks.stopRequested,
    choices: model.choices,
    blockOf: siteOfColumn(model),
    priceWithFixed: [...model.lp.binaries],
  });
  stats.solveMs = Date.now() - started;
  const base = { id: opts.planId, name: `${objectiveLabel(opts.objective)} plan`, createdAt: opts.now, objective: opts.objective };

  if (sol.Status === 'Infeasible') {
    progress('finding the limits that conflict');
    const conflicts = explainInfeasible(doc, model, opts, solve, hooks.stopRequested);
    const plan: Plan = { ...base, status: 'infeasible', npvUsd: 0, irrFraction: null, paybackPeriods: null, mipGapFraction: 0, halls: [], periods: [], bindingLimits: [], conflicts };
    return { plan, sensitivity: null, stats };
  }
  const columns = sol.Columns;
  if (!SOLVED.has(sol.Status) || !columns) {
    const why = sol.Status === 'Interrupted by user' ? 'it was stopped before it found one' : sol.Status === 'Time limit reached' ? 'the time limit came before it found one; allow it more time' : sol.Status;
    throw new SolveError(`The solver stopped without a plan: ${why}`);
  }
  // Read many times over (the plan, its decision, some thirty cells of its sensitivity): a Map, not the solver's object of names.
  const primal = new Map(Object.entries(columns).map(([name, c]) => [name, c.Primal]));
  const value = (name: string) => primal.get(name) ?? 0;

  const { weights, views, worst } = scenarioWeights(doc, model, value);
  const { halls, periods } = readPlan(doc, model, value, weights);
  const timeLeftS = () => Math.max(opts.timeLimitS - (Date.now() - runStarted) / 1000, AS_IT_IS_MIN_TIME_S);
  const decision = decisionOf(doc, model, solve, weights, periods, timeLeftS());
  // The contract's search gets no longer than the plan's own took: the answer waits for it.
  const contractS = Math.min(timeLeftS(), Math.max(AS_IT_IS_MIN_TIME_S, stats.solveMs / 1000));
  const contract = opts.contractCost === false ? [] : contractCost(doc, model, solve, sol.ObjectiveValue, { timeLimitS: contractS, mipGap: opts.mipGap, stopRequested: hooks.stopRequested }, progress);
  const plan: Plan = {
    ...base,
    status: planStatus(sol.Status),
    ...(worst !== null && { figuresScenarioId: doc.scenarios[worst]!.id }),
    // The hedges' settlement is a constant no choice changes, so the model leaves it out and the plan adds it.
    npvUsd: sol.ObjectiveValue + periods.reduce((t, r, p) => t + r.hedgeSettlementUsd! * discountFactor(doc.fleet, p), 0),
    irrFraction: irr(datedCashFlows(periods), doc.fleet.periodMonths),
    paybackPeriods: payback(periods),
    ...decision,
    // What the solver proved; a search cut short may not have proved anything.
    mipGapFraction: Math.min(sol.MipGap ?? (sol.Status === 'Optimal' ? opts.mipGap : 1), 1),
    mipGapAskedFraction: opts.mipGap,
    halls,
    periods,
    // Most worth first; a contract's cost not worked out (worth 0) goes last.
    bindingLimits: [...contract, ...priceLimits(model, sol.Rows, value)].sort(
      (a, b) => Math.abs(b.shadowPriceUsd) - Math.abs(a.shadowPriceUsd),
    ),
    ...(sol.Rows.length === 0 && { bindingLimitsUnpriced: 'The limits were not priced: the time limit came before the solver could price them. Run with more time to see what each is worth.' }),
    conflicts: [],
    madeForInputs: [modelInputsHash(doc)],
  };
  progress('sensitivity to hashprice and GPU rates');
  return { plan, sensitivity: sensitivity(doc, model, value, views), stats };
}

/**
 * Keeping everything as it is is an LP in the kept units alone (a few per hall and
 * period), solved in milliseconds: it gets this long even when the search used up the
 * time limit, so that a plan cut short still says what the decision returns. The search
 * for the contract's cost gets as long, which a small fleet needs and a large one says it lacked.
 */
const AS_IT_IS_MIN_TIME_S = 1;

/** The plan against keeping every hall as it is, weighing the scenarios as the plan does; absent when that LP does not solve in time. */
function decisionOf(doc: FleetDoc, model: BuiltModel, solve: SolveFn, weights: readonly number[], periods: readonly PlanPeriod[], timeLimitS: number): Pick<Plan, 'decision'> {
  const lp = asItIsProgram(model.lp);
  let value: (name: string) => number = () => 0;
  if (lp.objective.length) {
    const sol = solve(toMatrix(lp), { timeLimitS, mipGap: 0 });
    const columns = sol.Columns;
    if (sol.Status !== 'Optimal' || !columns) return {};
    value = (name) => columns[name]?.Primal ?? 0;
  }
  return { decision: decisionReturn(doc.fleet, periods, readPlan(doc, model, value, weights).periods) };
}

/**
 * What the AI contract costs: the best plan without it less this plan. Its rows' duals
 * cannot say so: they are read with the plan's choices fixed, and a contract that binds
 * does so through those choices (the retrofit it forces), not through the unit counts
 * left free, so a contract that costs the campus millions priced at $0 and went unlisted.
 */
function contractCost(doc: FleetDoc, model: BuiltModel, solve: SolveFn, planObjective: number, options: Pick<SolveOptions, 'timeLimitS' | 'mipGap' | 'stopRequested'>, progress: (phase: string) => void): Plan['bindingLimits'] {
  const periods = doc.limits.contractedAiMw > 0 ? contractPeriodsOf(doc) : null;
  if (!periods) return [];
  progress('what the AI contract costs: the best plan without it');
  const contract = `the AI contract (${describeContract(doc, periods)})`;
  const without: LinearProgram = { ...model.lp, rows: model.lp.rows.filter((r) => !isContractRow(r.name)) };
  const sol = options.stopRequested?.() ? null : solve(toMatrix(without), { ...options, choices: model.choices, blockOf: siteOfColumn(model) });
  if (sol?.Status !== 'Optimal' || !sol.Columns) {
    return [{ limit: CONTRACT_COST, description: `What ${contract} costs was not worked out: its search, given as long as the plan's own, or what was left of the time limit, ended first`, shadowPriceUsd: 0, unit: 'contract' }];
  }
  const costUsd = sol.ObjectiveValue - planObjective;
  if (costUsd < 1) return [];
  // Each search may stop that far short of its best: a smaller difference may be the searches', not the contract's.
  const slackUsd = options.mipGap * Math.max(Math.abs(sol.ObjectiveValue), Math.abs(planObjective));
  const why = costUsd > slackUsd ? 'the best plan without it is worth that much more' : `or nothing: the plans with and without it differ by less than the ${formatGap(options.mipGap)} gap each search may leave`;
  return [{ limit: CONTRACT_COST, description: `${contract} costs ${wholeDollars(costUsd)} of NPV, ${why}`, shadowPriceUsd: -costUsd, unit: 'contract' }];
}

/** A limit's worth to the dollar, as every binding limit says it. */
const wholeDollars = (usd: number): string => `$${Math.round(usd).toLocaleString('en-US')}`;

/** The binding limit that stands for the whole AI contract (its rows are contract_p). */

/** The site (index) whose hall a column belongs to. */
function siteOfColumn(model: BuiltModel): (column: string) => number | null {
  const sites = [...new Set(model.halls.map((h) => h.site.id))];
  const siteOfHall = model.halls.map((h) => sites.indexOf(h.site.id));
  return (column) => {
    const hall = hallOfColumn(column);
    return hall === null ? null : siteOfHall[hall]!;
  };
}

/**
 * What one more unit of each limit is worth, from the duals of the LP with the plan's
 * integer choices (which option, started when) fixed and its unit counts left continuous
 * (the solver's priceWithFixed): fixing the counts too would leave nothing for a limit
 * to constrain, and every price would read zero. Only limits the plan itself meets
 * exactly are listed: that LP fills a limit the whole plan leaves room under with part of a
 * unit (7.5 racks where 7 fit), and its price is then the worth of fractions no plan can buy.
 */
function priceLimits(model: BuiltModel, rows: SolverSolution['Rows'], value: (name: string) => number): Plan['bindingLimits'] {
  const out: Plan['bindingLimits'] = [];
  const lpRows = new Map(model.lp.rows.filter((r) => model.limits.has(r.name)).map((r) => [r.name, r]));
  for (const row of rows) {
    const limit = row.Name ? model.limits.get(row.Name) : undefined;
    const lpRow = lpRows.get(row.Name!);
    if (!limit || row.Dual === undefined || Math.abs(row.Dual) < 1e-6 || !metExactly(lpRow, value)) continue;
    // At a corner of the LP where the price holds for no amount at all (the halls chosen cannot take one kW more), it is no price.
    const reach = row.RaisedTo === undefined ? Infinity : (row.RaisedTo - lpRow!.rhs) / limit.rowUnitsPerUnit;
    if (!(reach > 1e-9)) continue;
    const worth = Math.abs(row.Dual) * limit.rowUnitsPerUnit;
    const costs = isContractRow(row.Name!);
    const forFirst = reach < 1 - 1e-9 ? `, at that rate for the first ${amountOf(reach, limit.unit)} only` : '';
    out.push({
      limit: row.Name!,
      description: `${limit.description} ${costs ? 'costs' : 'is worth'} ${wholeDollars(worth)} of NPV${forFirst}`,
      shadowPriceUsd: costs ? -worth : worth,
      unit: limit.unit,
    });
  }
  return out;
}

/** An amount in a limit's unit: "0.424 MW", "$0.25 M", "0.5 GPU". */
const amountOf = (x: number, unit: string): string => (unit === '$M' ? `$${groupedNumber(x, 3)} M` : `${groupedNumber(x, 3)} ${unit}`);

/** Whether the plan's own values (`value`) meet a row at its bound, within rounding. */
function metExactly(row: Row | undefined, value: (name: string) => number): boolean {
  if (!row) return false;
  if (row.sense === '=') return true;
  let activity = 0;
  let scale = Math.abs(row.rhs);
  for (const [c, name] of row.terms) {
    activity += c * value(name);
    scale = Math.max(scale, Math.abs(c * value(name)));
  }
  const room = row.sense === '<=' ? row.rhs - activity : activity - row.rhs;
  return room <= 1e-6 * Math.max(1, scale);
}

/**
 * How a plan's economics weigh the scenarios: by their probabilities for an expected-NPV
 * plan; for a worst-case plan, wholly in the scenario that is worst for it, so that its
 * halls' NPVs and its cash flows add up to the NPV it was chosen for (an equal-weight
 * average of the scenarios showed $233 M by hall for a $27 M plan).
 */
function scenarioWeights(doc: FleetDoc, model: BuiltModel, value: (n: string) => number): { weights: number[]; views: number[][]; worst: number | null } {
  const weights = doc.scenarios.map((s) => s.probability);
  if (model.objective === 'expected') return { weights, views: [weights], worst: null };
  // Each scenario on its own: the worst of them is the plan's.
  const views = doc.scenarios.map((_, i) => doc.scenarios.map((__, j) => (i === j ? 1 : 0)));
  const npvs = views.map((w) => periodsNpv(doc.fleet, readPlan(doc, model, value, w).periods));
  const worst = npvs.indexOf(smallest(npvs));
  return { weights: views[worst]!, views, worst };
}


function readPlan(doc: FleetDoc, model: BuiltModel, value: (n: string) => number, weights: readonly number[]) {
  const T = model.periods;
  const periods: PlanPeriod[] = Array.from({ length: T }, (_, period) => ({ period, miningItMw: 0, aiItMw: 0, miningRevenueUsd: 0, aiRevenueUsd: 0, powerCostUsd: 0, curtailmentCreditUsd: 0, demandChargeUsd: 0, hedgeSettlementUsd: 0, capexUsd: 0, cashFlowUsd: 0 }));
  const halls: Plan['halls'] = [];
  // Scenarios of weight 0 are not read: a worst-case plan reads the plan once per scenario, each weighing one.
  const expected = (fn: (s: FleetDoc['scenarios'][number]) => number) => doc.scenarios.reduce((t, s, i) => (weights[i] ? t + weights[i] * fn(s) : t), 0);
  for (const h of model.halls) {
    let chosen: { option: OptionIx; start: number | null; units: number } | null = h.keep ? { option: h.keep, start: null, units: h.keep.maxUnits } : null;
    for (const o of h.starts) {
      for (let t = 0; t < T; t++) {
        if (value(v.start(h.hi, o.oi, t)) < 0.5) continue;
        // What stands after: the units bought, and those of the model already standing, which cost nothing.
        let units = o.standing;
        periods[t]!.capexUsd += o.option.capexUsd;
        // Units are paid for in the period they go in, which may be after the start.
        for (let k = 0; k < T; k++) {
          const installed = Math.round(value(v.units(h.hi, o.oi, k)));
          units += installed;
          if (o.model) periods[k]!.capexUsd += installed * o.model.capexUsd;
        }
        chosen = { option: o, start: t, units };
      }
    }
    if (!chosen) continue;
    // The hall's NPV: its conversion and units paid for at the start of their periods, its production at the end.
    let npvUsd = 0;
    for (const o of h.starts) {
      for (let t = 0; t < T; t++) {
        if (value(v.start(h.hi, o.oi, t)) >= 0.5) npvUsd -= o.option.capexUsd * discountFactor(doc.fleet, t, true);
        if (o.model) npvUsd -= Math.round(value(v.units(h.hi, o.oi, t))) * o.model.capexUsd * discountFactor(doc.fleet, t, true);
      }
    }
    const hallPlan = { hallId: h.hall.id, optionId: chosen.option.option.id, startPeriod: chosen.start, units: chosen.units, npvUsd: 0 };
    halls.push(hallPlan);
    const running: [EquipmentModel, number, (p: number) => number][] = [];
    for (const [k, { model: m }] of (h.keep?.kept ?? []).entries()) running.push([m, h.keep!.option.pue, (p) => value(v.keepRun(h.hi, k, p))]);
    for (const o of h.starts) if (o.model) running.push([o.model, o.option.pue, (p) => value(v.run(h.hi, o.oi, p))]);
    for (const [m, pue, units] of running) {
      for (let p = 0; p < T; p++) {
        const n = units(p);
        if (n < 1e-9) continue;
        // Once per scenario weighed: the sensitivity grid reads the plan some thirty times over.
        const economics = doc.scenarios.map((s, i) => (weights[i] ? unitEconomics(m, pue, model.energy.get(h.site.id)!, s, doc.fleet, p) : null));
        const weighed = (pick: (e: ReturnType<typeof unitEconomics>) => number) => economics.reduce((t, e, i) => (e ? t + weights[i]! * pick(e) : t), 0);
        const row = periods[p]!;
        const itMw = (n * m.powerKw) / 1000;
        if (m.gpuCount > 0) {
          row.aiItMw += itMw;
          row.aiRevenueUsd += n * weighed((e) => e.revenueUsd);
        } else {
          row.miningItMw += itMw;
          row.miningRevenueUsd += n * weighed((e) => e.revenueUsd);
        }
        row.powerCostUsd += n * weighed((e) => e.powerCostUsd);
        row.curtailmentCreditUsd! += n * weighed((e) => e.curtailmentCreditUsd);
        row.demandChargeUsd! += n * weighed((e) => e.demandChargeUsd);
        npvUsd += n * weighed(unitMarginUsd) * discountFactor(doc.fleet, p);
      }
    }
    hallPlan.npvUsd = npvUsd;
  }
  // The hedges settle whatever the plan does: the sites' own rows, in no hall's NPV.
  for (const site of doc.sites) {
    const energy = model.energy.get(site.id)!;
    for (const row of periods) row.hedgeSettlementUsd! += expected((s) => hedgeSettlementUsd(site.hedges, energy, row.period, at(s.powerPriceFactor, row.period), hoursPerPeriod(doc.fleet)));
  }
  for (const row of periods) row.cashFlowUsd = row.miningRevenueUsd + row.aiRevenueUsd - row.powerCostUsd + energyNetUsd(row) - row.capexUsd;
  return { halls, periods };
}

const FACTORS = [0.5, 0.75, 1, 1.25, 1.5];
/** Power prices move further than revenue: a doubled year is no stress test at all in ERCOT. */
const POWER_FACTORS = [0.5, 0.75, 1, 1.25, 1.5, 2];

/**
 * NPV of the chosen plan, its halls, options and units as chosen, with hashprice and GPU
 * rates scaled, and with power prices scaled (the hedges' spot leg with them): each cell
 * reads the plan again in scenarios so scaled, so its miners run, curtail and earn credits
 * as those prices make them, as the plan's own figures do. Scaling the plan's money instead
 * ran them at a loss they never take: a mining plan at twice the power price read −$61,320
 * where it is worth +$21,900. `views` are the plan's scenario weights (one set), or, for a
 * worst-case plan, one scenario each (scenarioWeights' views), the worst of which each cell takes, since which
 * scenario is worst can change as the prices do.
 */
function sensitivity(doc: FleetDoc, model: BuiltModel, value: (n: string) => number, views: readonly (readonly number[])[]): Sensitivity {
  const scaledBy = (hashprice: number, gpuRate: number, powerPrice: number): FleetDoc => ({
    ...doc,
    scenarios: doc.scenarios.map((sc) => ({
      ...sc,
      hashpriceUsdPerPhDay: sc.hashpriceUsdPerPhDay.map((x) => x * hashprice),
      gpuRateUsdPerGpuHour: sc.gpuRateUsdPerGpuHour.map((x) => x * gpuRate),
      powerPriceFactor: sc.powerPriceFactor.map((x) => x * powerPrice),
    })),
  });
  const npvAt = (hashprice: number, gpuRate: number, powerPrice: number) => {
    const scaled = scaledBy(hashprice, gpuRate, powerPrice);
    return smallest(views.map((w) => periodsNpv(doc.fleet, readPlan(scaled, model, value, w).periods)));
  };
  const npvUsd = FACTORS.map((fh) => FACTORS.map((fg) => npvAt(fh, fg, 1)));
  const npvByPowerPriceUsd = POWER_FACTORS.map((g) => npvAt(1, 1, g));
  return { hashpriceFactors: FACTORS, gpuRateFactors: FACTORS, npvUsd, powerPriceFactors: POWER_FACTORS, npvByPowerPriceUsd };
}

/**
 * For an infeasible model: the fewest limit groups (interconnects, feeds, cooling, capex
 * budget, GPU deliveries) whose relaxation lets the contract be met. The choice of one
 * option per hall and the contract itself stay hard: the contract is what the user must
 * deliver, so the answer says what stands in its way.
 */
function explainInfeasible(doc: FleetDoc, model: BuiltModel, opts: RunOptions, solve: SolveFn, stopRequested?: () => boolean): string[] {
  const relaxed: LinearProgram = { ...model.lp, sense: 'min', objective: [], rows: [], bounds: new Map(model.lp.bounds), integers: new Set(model.lp.integers), binaries: new Set(model.lp.binaries) };
  const groups = new Map<string, string>();
  for (const row of model.lp.rows) {
    const limit = model.limits.get(row.name);
    if (!limit || isContractRow(row.name) || row.name.startsWith('worst_')) {
      relaxed.rows.push(row);
      continue;
    }
    const g = `r_${groups.size}`;
    const groupVar = [...groups].find(([, name]) => name === limit.group)?.[0] ?? g;
    if (groupVar === g) groups.set(g, limit.group);
    // The slack can open the limit as far as the row could ever need.
    const big = row.terms.reduce((t, [c, x]) => t + Math.abs(c) * (model.lp.bounds.get(x)?.[1] ?? 1), 0) + Math.abs(row.rhs);
    const slack = `s_${row.name}`;
    const terms: Term[] = [...row.terms, [row.sense === '>=' ? 1 : -1, slack]];
    relaxed.rows.push({ ...row, terms });
    relaxed.rows.push({ name: `sg_${row.name}`, terms: [[1, slack], [-big, groupVar]], sense: '<=', rhs: 0 });
  }
  for (const g of groups.keys()) {
    relaxed.binaries.add(g);
    relaxed.objective.push([1, g]);
  }
  const sol = solve(toMatrix(relaxed), { timeLimitS: opts.timeLimitS, mipGap: 0, stopRequested });
  // Without a contract the model is infeasible only through its limits (a capex budget below every option of a hall that cannot stay as it is).
  const periods = doc.limits.contractedAiMw > 0 ? contractPeriodsOf(doc) : null;
  const contract = periods ? `the AI contract (${describeContract(doc, periods)})` : 'a choice for every hall';
  if (sol.Status === 'Infeasible' && periods) {
    return [`${contract} cannot be met whatever the limits: the AI options that can be converted and running by ${periodLabel(doc.fleet, periods.first)} hold ${reachableAiMw(model.halls, periods.first).toFixed(2)} MW at most`];
  }
  const columns = sol.Columns;
  if (!columns) return [`${contract} cannot be met under these limits; the search for the limits in its way ended (${sol.Status.toLowerCase()}) before it found them`];
  const relaxedGroups = [...groups].filter(([g]) => (columns[g]?.Primal ?? 0) > 0.5).map(([, name]) => name);
  // Cut short, the search may name more limits than the fewest that would do.
  const fewest = sol.Status === 'Optimal' ? '' : ' (not proven the fewest: the search was cut short)';
  return [`${contract} conflicts with: ${relaxedGroups.join(', ')}${fewest}`, ...relaxedGroups.map((g) => `relax the ${g}`)];
}

/**
 * The most AI IT MW the halls can run by period p, whatever the shared limits: each hall
 * runs one option at a time, so each adds its largest (a conversion done by p, or the GPU
 * racks it keeps), never the sum of its options.
 */
export function reachableAiMw(halls: readonly Pick<HallIx, 'keep' | 'starts'>[], p: number): number {
  const mw = (model: EquipmentModel, units: number) => (model.gpuCount > 0 ? (units * model.powerKw) / 1000 : 0);
  return halls.reduce((total, h) => {
    const kept = (h.keep?.kept ?? []).reduce((t, k) => t + mw(k.model, k.units), 0);
    const converted = h.starts.filter((o) => o.model && o.option.leadTimePeriods <= p).map((o) => mw(o.model!, o.maxUnits));
    return total + Math.max(kept, largest(converted));
  }, 0);
}
