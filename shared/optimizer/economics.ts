/**
 * The money side of the optimizer: what one unit of equipment earns and costs in a
 * period of a scenario, discount factors, and a plan's NPV, IRR and payback.
 */
import type { EquipmentModel, FleetMeta, PlanPeriod, Scenario } from '../model/schema';
import { HOURS_PER_YEAR, TH_PER_PH } from '../units';

export function hoursPerPeriod(fleet: Pick<FleetMeta, 'periodMonths'>): number {
  return (HOURS_PER_YEAR * fleet.periodMonths) / 12;
}

/** Discount factor for a cash flow at the end of period p (0-based). */
export function discountFactor(fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>, p: number, atStart = false): number {
  const years = ((atStart ? p : p + 1) * fleet.periodMonths) / 12;
  return (1 + fleet.discountRatePctPerYear / 100) ** -years;
}

const at = (path: number[], p: number): number => path[Math.min(p, path.length - 1)] ?? 0;

export interface UnitEconomics {
  revenueUsd: number;
  powerCostUsd: number;
}

/**
 * One unit running through period p: miners earn hashprice × PH/s × days; GPU systems
 * earn rate × GPUs × utilization × hours; both pay for IT power × PUE at the site price.
 */
export function unitEconomics(model: EquipmentModel, pue: number, sitePriceUsdPerMwh: number, scenario: Scenario, fleet: Pick<FleetMeta, 'periodMonths'>, p: number): UnitEconomics {
  const hours = hoursPerPeriod(fleet);
  const mining = (model.hashrateThs / TH_PER_PH) * at(scenario.hashpriceUsdPerPhDay, p) * (hours / 24);
  const ai = model.gpuCount * at(scenario.gpuRateUsdPerGpuHour, p) * at(scenario.gpuUtilizationFraction, p) * hours;
  const powerCostUsd = (model.powerKw / 1000) * pue * hours * sitePriceUsdPerMwh * at(scenario.powerPriceFactor, p);
  return { revenueUsd: mining + ai, powerCostUsd };
}

export function npv(cashFlows: number[], fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>): number {
  return cashFlows.reduce((t, c, p) => t + c * discountFactor(fleet, p), 0);
}

/** NPV of per-period economics, revenue scaled by the factors: production at the end of a period, capex at its start. */
export function periodsNpv(
  fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>,
  periods: readonly Pick<PlanPeriod, 'capexUsd' | 'miningRevenueUsd' | 'aiRevenueUsd' | 'powerCostUsd'>[],
  hashpriceFactor = 1,
  gpuRateFactor = 1,
): number {
  return periods.reduce((t, r, p) => t + (r.miningRevenueUsd * hashpriceFactor + r.aiRevenueUsd * gpuRateFactor - r.powerCostUsd) * discountFactor(fleet, p) - r.capexUsd * discountFactor(fleet, p, true), 0);
}

/** A cash flow and when it falls, in periods from now: a period's capex at its start, its earnings at its end. */
export interface DatedCashFlow {
  usd: number;
  atPeriods: number;
}

/**
 * A plan's cash flows dated as its NPV dates them (capex at the start of its period,
 * earnings less power at the end), so that its IRR is the rate at which that NPV is 0.
 */
export function datedCashFlows(periods: readonly { capexUsd: number; miningRevenueUsd: number; aiRevenueUsd: number; powerCostUsd: number }[]): DatedCashFlow[] {
  return periods.flatMap((r, p) => [
    { usd: -r.capexUsd, atPeriods: p },
    { usd: r.miningRevenueUsd + r.aiRevenueUsd - r.powerCostUsd, atPeriods: p + 1 },
  ]);
}

/** IRR per year of dated cash flows, by bisection; null when the flows never change sign. */
export function irr(flows: readonly DatedCashFlow[], periodMonths: number): number | null {
  if (!flows.some((f) => f.usd < 0) || !flows.some((f) => f.usd > 0)) return null;
  const value = (rate: number) => flows.reduce((t, f) => t + f.usd / (1 + rate) ** f.atPeriods, 0);
  let lo = -0.99;
  let hi = 10;
  if (value(lo) * value(hi) > 0) return null;
  for (let i = 0; i < 200; i++) {
    const mid = (lo + hi) / 2;
    if (value(lo) * value(mid) <= 0) hi = mid;
    else lo = mid;
  }
  const perPeriod = (lo + hi) / 2;
  return (1 + perPeriod) ** (12 / periodMonths) - 1;
}

/** First period (fractional) at which the cumulative cash flow turns non-negative after going negative. */
export function payback(cashFlows: number[]): number | null {
  let total = 0;
  let wasNegative = false;
  for (let p = 0; p < cashFlows.length; p++) {
    const before = total;
    total += cashFlows[p]!;
    if (total < 0) wasNegative = true;
    if (wasNegative && total >= 0) return p + (cashFlows[p]! === 0 ? 0 : -before / cashFlows[p]!);
  }
  return wasNegative ? null : 0;
}
