/**
 * How sure the optimizer is of a plan, in the user's words: the same sentence in the
 * panel, the CLI and the progress line.
 */
import type { DecisionReturn, FleetDoc, FleetMeta, Hall, Plan, PlanPeriod, RetrofitOption, Scenario } from '../model/schema';
import { CONTRACT_COST, type Exclusion, type Objective } from './model';
import { countOf, formatQuantity, formatUsd, periodLabel, periodName, type UnitSystem } from '../units';

/** A gap as a percentage, with the decimals a small gap needs to be read at all. */
export function formatGap(gapFraction: number): string {
  const pct = gapFraction * 100;
  return `${pct.toFixed(pct < 1 ? 2 : 1)} %`;
}

const closeness = (gapFraction: number): string =>
  gapFraction >= 1 ? 'not yet proven close to the best possible' : `proven within ${formatGap(gapFraction)} of the best possible`;

export const objectiveLabel = (objective: Objective): string => (objective === 'expected' ? 'Expected NPV' : 'Worst-case NPV');

/** In which scenarios a plan's figures by hall and period are read: all weighed, or the one worst for it, named while the fleet still has it. */
export function describeFiguresBasis(plan: Pick<Plan, 'objective' | 'figuresScenarioId'>, scenarios: readonly Pick<Scenario, 'id' | 'name'>[]): string {
  if (plan.objective === 'expected') return 'expected over the scenarios';
  const worst = scenarios.find((s) => s.id === plan.figuresScenarioId);
  return worst ? `in “${worst.name}”, the scenario worst for this plan` : 'in the scenario worst for this plan';
}

/** Below this a proven gap reads as nothing: "proven within 0.00 %" says nothing to anyone. */
const NEGLIGIBLE_GAP = 5e-5;

/**
 * A plan is "optimal" only when the gap the user asked for is proven; otherwise it is the
 * best found, with how close it is proven to be. A plan from an older file, which did not
 * keep the gap asked, is taken at its status.
 */
export function describePlanStatus(plan: Pick<Plan, 'status' | 'mipGapFraction' | 'mipGapAskedFraction'>): string {
  if (plan.status === 'infeasible') return 'no plan meets every limit';
  const gap = plan.mipGapFraction;
  const asked = plan.mipGapAskedFraction ?? (plan.status === 'optimal' ? gap : 0);
  if (gap <= asked || (plan.status === 'optimal' && gap < NEGLIGIBLE_GAP)) {
    return gap < NEGLIGIBLE_GAP ? 'optimal' : `optimal within the ${formatGap(asked)} gap asked: ${closeness(gap)}`;
  }
  const why = plan.status === 'time-limit' ? 'time limit reached' : plan.status === 'stopped' ? 'stopped' : 'search ended';
  return gap >= 1 ? `${why}: best found, not yet proven close to the best possible` : `${why}: best found, within ${formatGap(gap)} of the best possible`;
}

/**
 * The caution a plan cut short carries, or null when the search proved what was asked
 * (the gap the user set). Gaps are relative to the plan's NPV, so "up to" reads in dollars too.
 */
export function describeShortfall(plan: Pick<Plan, 'status' | 'mipGapFraction' | 'npvUsd'>, targetGapFraction: number): string | null {
  if (plan.status === 'optimal' || plan.status === 'infeasible' || plan.mipGapFraction <= targetGapFraction) return null;
  const why = plan.status === 'stopped' ? 'The search was stopped' : 'The time limit ended the search';
  if (plan.mipGapFraction >= 1) return `${why} before it could judge this plan: a better one may exist by any margin. Run it longer before applying it.`;
  return `${why}: the best possible plan may be worth up to ${formatUsd(plan.mipGapFraction * Math.max(1, Math.abs(plan.npvUsd)))} more (${formatGap(plan.mipGapFraction)} of this plan's NPV). Run it longer to find or rule that out.`;
}

/**
 * The caution a plan worth less than keeping every hall as it is carries (its decision NPV
 * below 0), or null: the fleet's NPV in large type hides it. An AI contract that costs NPV
 * (the best plan without it, less this one) is most often why, and says so.
 */
export function describeWorseThanAsItIs(plan: Pick<Plan, 'decision' | 'bindingLimits' | 'mipGapFraction' | 'npvUsd'>): string | null {
  const { decision } = plan;
  // Within the search's own gap (or a dollar of the two solves' rounding) the plan is as good as keeping: nothing to caution.
  if (!decision || -decision.npvUsd <= Math.max(1, plan.mipGapFraction * Math.max(1, Math.abs(plan.npvUsd)))) return null;
  const contract = plan.bindingLimits.find((b) => b.limit === CONTRACT_COST && b.shadowPriceUsd < 0);
  const why = contract ? ` ${contract.description.charAt(0).toUpperCase()}${contract.description.slice(1)}.` : '';
  return `This plan is worth ${formatUsd(-decision.npvUsd)} less than keeping every hall as it is (${formatUsd(decision.asItIsNpvUsd)} NPV).${why}`;
}

/**
 * A plan's IRR, or why it has none: without money put in, or money coming back, there is
 * no rate of return to speak of, and a dash would leave the user guessing.
 */
export function describeIrr(plan: Pick<Plan, 'irrFraction'> & { periods: readonly Pick<PlanPeriod, 'cashFlowUsd'>[] }): string {
  if (plan.irrFraction !== null) return `${(plan.irrFraction * 100).toFixed(1)} %`;
  if (!plan.periods.some((p) => p.cashFlowUsd < 0)) return 'none: nothing invested';
  if (!plan.periods.some((p) => p.cashFlowUsd > 0)) return 'none: nothing comes back';
  return 'none found';
}

/** The decision's IRR (against keeping everything as it is), or why it has none. */
export const describeDecisionIrr = (decision: Pick<DecisionReturn, 'irrFraction' | 'cashFlowUsd'>): string =>
  describeIrr({ irrFraction: decision.irrFraction, periods: decision.cashFlowUsd.map((cashFlowUsd) => ({ cashFlowUsd })) });

/** A plan's payback, or why it has none, in the fleet's periods. */
export function describePayback(plan: Pick<Plan, 'paybackPeriods'>, periodMonths: number): string {
  if (plan.paybackPeriods === null) return 'not within the horizon';
  if (plan.paybackPeriods === 0) return 'none needed: never in deficit';
  return countOf(Number(plan.paybackPeriods.toFixed(1)), periodName(periodMonths));
}

/** The search so far, for a progress line: "best plan $1.45 B, proven within 0.72 % of the best possible". */
export function describeSearch(search: { bestNpvUsd?: number | null; boundNpvUsd?: number | null; gapFraction?: number | null }): string {
  if (search.bestNpvUsd === null || search.bestNpvUsd === undefined) {
    return search.boundNpvUsd === null || search.boundNpvUsd === undefined ? 'no plan found yet' : `no plan found yet; none can beat ${formatUsd(search.boundNpvUsd)}`;
  }
  const gap = search.gapFraction ?? 1;
  return `best plan so far ${formatUsd(search.bestNpvUsd)} NPV, ${closeness(Math.min(gap, 1))}`;
}

/** Why an option was ruled out, in the user's units; figures that round alike get a decimal so they never read as equal. */
export function describeExclusion(ex: Exclusion, units: UnitSystem): string {
  const pair = (value: number, limit: number, quantity: 'power' | 'floorLoad'): [string, string] => {
    const digits = Math.round(value) === Math.round(limit) ? 1 : 0;
    return [formatQuantity(value, quantity, units, digits), formatQuantity(limit, quantity, units, digits)];
  };
  switch (ex.kind) {
    case 'density': {
      const [rack, limit] = pair(ex.rackKw, ex.limitKw, 'power');
      return `${ex.model} draws ${rack} per rack, over the ${limit} that ${ex.cooling} cooling carries`;
    }
    case 'floor': {
      const [load, limit] = pair(ex.loadKgPerM2, ex.limitKgPerM2, 'floorLoad');
      return `${ex.model} puts ${load} on a slab rated for ${limit}`;
    }
    case 'dearer': {
      // Options of one hall may share a name (a copy not yet renamed): then the other is "another".
      const other = ex.sameName ? `another option named "${ex.cheaper}"` : `"${ex.cheaper}"`;
      return ex.extraCapexUsd > 0 ? `does what ${other} does, for ${formatUsd(ex.extraCapexUsd)} more capex` : `does what ${other} does, at the same capex (one of the two is enough)`;
    }
  }
}

/**
 * When a hall's choice starts and, after its conversion downtime, runs: "Q1 2027, running from
 * Q1 2028" (a start alone read as the racks' first quarter, which the downtime puts later).
 */
export function describeStart(fleet: Pick<FleetMeta, 'periodMonths' | 'startMonth' | 'horizonPeriods'>, option: Pick<RetrofitOption, 'leadTimePeriods'> | undefined, startPeriod: number): string {
  const start = periodLabel(fleet, startPeriod);
  const lead = option?.leadTimePeriods ?? 0;
  if (lead === 0) return start;
  const runs = startPeriod + lead;
  return runs < fleet.horizonPeriods ? `${start}, running from ${periodLabel(fleet, runs)}` : `${start}, not running within the horizon`;
}

/**
 * The halls a plan has down for conversion, and when: from the period its option starts
 * until the one it runs in (the option's lead time), the last not included. Why a period's
 * mining falls with no AI in its place yet.
 */
export function conversions(plan: Pick<Plan, 'halls'>, halls: readonly (Pick<Hall, 'id' | 'name'> & { retrofitOptions: readonly Pick<RetrofitOption, 'id' | 'leadTimePeriods'>[] })[]): { hall: string; from: number; until: number }[] {
  const out: { hall: string; from: number; until: number }[] = [];
  for (const choice of plan.halls) {
    const hall = halls.find((h) => h.id === choice.hallId);
    const lead = hall?.retrofitOptions.find((o) => o.id === choice.optionId)?.leadTimePeriods ?? 0;
    if (hall && choice.startPeriod !== null && lead > 0) out.push({ hall: hall.name, from: choice.startPeriod, until: choice.startPeriod + lead });
  }
  return out;
}

/**
 * The caution a fleet carries once a plan has been applied to its layout, or null: the units
 * the plan placed stand there now, so the optimizer counts them as standing, bought and
 * converted. Run again, the plan's own capex reads as spent (the campus went from $412.70 M
 * to $652.40 M with nothing to invest). Units Apply plan places carry their plan's id.
 */
export function describeAppliedUnits(doc: Pick<FleetDoc, 'plans' | 'placements'>): string | null {
  if (!doc.plans.length) return null;
  const prefixes = doc.plans.map((p) => `${p.id}-`);
  const placed = doc.placements.filter((p) => prefixes.some((prefix) => p.id.startsWith(prefix))).length;
  if (!placed) return null;
  return `${countOf(placed, 'unit')} an applied plan placed stand in the layout: the optimizer counts them as standing, their capex as spent. To plan from the fleet before it, undo the apply.`;
}
