/**
 * The money side of the optimizer: what one unit of equipment earns and costs in a
 * period of a scenario, discount factors, and a plan's NPV, IRR and payback.
 */
import type { EquipmentModel, FleetMeta, PlanPeriod, Scenario } from '../model/schema';
import { HOURS_PER_DAY, HOURS_PER_YEAR, KW_PER_MW, TH_PER_PH } from '../units';
import { peakChargePerMwUsd, type SiteEnergy } from '../energy/site-energy';

export function hoursPerPeriod(fleet: Pick<FleetMeta, 'periodMonths'>): number {
  return (HOURS_PER_YEAR * fleet.periodMonths) / 12;
}

/** Discount factor for a cash flow at the end of period p (0-based). */
export function discountFactor(fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>, p: number, atStart = false): number {
  const years = ((atStart ? p : p + 1) * fleet.periodMonths) / 12;
  return (1 + fleet.discountRatePctPerYear / 100) ** -years;
}

/** A per-period path's value in period p; a path shorter than the horizon holds its last value. */
export const at = (path: readonly number[], p: number): number => path[Math.min(p, path.length - 1)] ?? 0;

export interface UnitEconomics {
  revenueUsd: number;
  powerCostUsd: number;
  /** Demand-response credits a curtailable unit earns while it is off. */
  curtailmentCreditUsd: number;
  /** The peak-demand charge a firm unit pays. */
  demandChargeUsd: number;
  /** Share of the period's hours the unit runs. */
  uptimeFraction: number;
}

/** What a unit adds to a period's cash flow. */
export const unitMarginUsd = (e: UnitEconomics): number => e.revenueUsd - e.powerCostUsd + e.curtailmentCreditUsd - e.demandChargeUsd;

/**
 * One unit through period p: miners earn hashprice × PH/s × hours / 24 in the hours they
 * run, GPU systems rate × GPUs × utilization × hours in every hour; power, demand-response
 * credits and the peak-demand charge come from the site's energy (shared/energy/site-energy.ts),
 * its prices scaled by the scenario's power-price factor.
 */
export function unitEconomics(model: EquipmentModel, pue: number, energy: SiteEnergy, scenario: Scenario, fleet: Pick<FleetMeta, 'periodMonths'>, p: number): UnitEconomics {
  const hours = hoursPerPeriod(fleet);
  const revenuePerHour = ((model.hashrateThs / TH_PER_PH) * at(scenario.hashpriceUsdPerPhDay, p)) / HOURS_PER_DAY + model.gpuCount * at(scenario.gpuRateUsdPerGpuHour, p) * at(scenario.gpuUtilizationFraction, p);
  const itMw = model.powerKw / KW_PER_MW;
  if (itMw <= 0) return { revenueUsd: revenuePerHour * hours, powerCostUsd: 0, curtailmentCreditUsd: 0, demandChargeUsd: 0, uptimeFraction: 1 };
  // Miners can stop in any hour; GPU systems serve a tenant and cannot.
  const curtailable = model.gpuCount === 0;
  const share = energy.share(p, revenuePerHour / itMw, pue, at(scenario.powerPriceFactor, p), curtailable);
  const mwHours = itMw * hours;
  return {
    revenueUsd: share.revenueUsd * mwHours,
    powerCostUsd: share.powerCostUsd * mwHours,
    curtailmentCreditUsd: share.curtailmentCreditUsd * mwHours,
    demandChargeUsd: curtailable ? 0 : peakChargePerMwUsd(energy, pue, fleet) * itMw,
    uptimeFraction: share.uptimeFraction,
  };
}

export function npv(cashFlows: number[], fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>): number {
  return cashFlows.reduce((t, c, p) => t + c * discountFactor(fleet, p), 0);
}

/** The economics of a period the NPV counts (plans saved before credits and charges were counted have neither). */
export type PeriodMoney = Pick<PlanPeriod, 'capexUsd' | 'miningRevenueUsd' | 'aiRevenueUsd' | 'powerCostUsd' | 'curtailmentCreditUsd' | 'demandChargeUsd' | 'hedgeSettlementUsd'>;

/** Demand-response credits less peak-demand charges, plus the hedges' settlement. */
export const energyNetUsd = (r: Pick<PlanPeriod, 'curtailmentCreditUsd' | 'demandChargeUsd' | 'hedgeSettlementUsd'>): number =>
  (r.curtailmentCreditUsd ?? 0) - (r.demandChargeUsd ?? 0) + (r.hedgeSettlementUsd ?? 0);

/** NPV of per-period economics: production at the end of a period, capex at its start. */
export function periodsNpv(
  fleet: Pick<FleetMeta, 'periodMonths' | 'discountRatePctPerYear'>,
  periods: readonly PeriodMoney[],
): number {
  return periods.reduce((t, r, p) => t + (r.miningRevenueUsd + r.aiRevenueUsd - r.powerCostUsd + energyNetUsd(r)) * discountFactor(fleet, p) - r.capexUsd * discountFactor(fleet, p, true), 0);
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
export function datedCashFlows(periods: readonly PeriodMoney[]): DatedCashFlow[] {
  return periods.flatMap((r, p) => [
    { usd: -r.capexUsd, atPeriods: p },
    { usd: r.miningRevenueUsd + r.aiRevenueUsd - r.powerCostUsd + energyNetUsd(r), atPeriods: p + 1 },
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

/**
 * Periods (fractional) until the cumulative cash turns non-negative after going negative: 0
 * if it never goes negative, null if it never turns back within the horizon. As IRR dates them, a period's capex goes out at its start and the rest
 * of its cash comes in over it: a retrofit whose first period's earnings cover its capex
 * still pays back within that period, not at once.
 */
export function payback(periods: readonly Pick<PlanPeriod, 'capexUsd' | 'cashFlowUsd'>[]): number | null {
  let total = 0;
  let wasNegative = false;
  for (let p = 0; p < periods.length; p++) {
    const { capexUsd, cashFlowUsd } = periods[p]!;
    // Right after the period's capex, then at its end.
    const start = total - capexUsd;
    total += cashFlowUsd;
    if (start < 0 || total < 0) wasNegative = true;
    if (wasNegative && total >= 0) return start >= 0 ? p : p + -start / (total - start);
  }
  return wasNegative ? null : 0;
}
