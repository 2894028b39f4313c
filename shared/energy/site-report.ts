/**
 * A site's energy as its engineer reads it: the price duration curve with the price at
 * which each mining option stops, and per period the mining uptime, demand-response
 * credits and the effective $/MWh mining and AI pay, in the most likely scenario.
 */
import type { EquipmentModel, FleetDoc, Scenario } from '../model/schema';
import { at, hoursPerPeriod } from '../optimizer/economics';
import { HOURS_PER_DAY, KW_PER_MW, TH_PER_PH, type UsdPerMwh } from '../units';
import { peakChargePerMwUsd, siteEnergy } from './site-energy';

/** Points of the duration curve drawn: a year of 15-minute prices reduced to what a chart can show. */
export const CURVE_POINTS = 200;

export interface Breakeven {
  hall: string;
  option: string;
  /** The price above which the option's miners stop, $/MWh at the meter. */
  usdPerMwh: UsdPerMwh;
}

export interface PeriodEnergy {
  period: number;
  /** Share of the hours the site's first mining option runs; null without one. */
  miningUptimeFraction: number | null;
  /** Demand-response credits a MW of its IT earns in the period. */
  curtailmentCreditUsdPerMw: number;
  /** What mining pays per MWh it draws, its credits taken off; null without mining or when it never runs. */
  miningUsdPerMwh: UsdPerMwh | null;
  /** What firm AI pays per MWh it draws, the peak-demand charge included (at the hall's PUE). */
  aiUsdPerMwh: UsdPerMwh;
}

export interface SiteEnergyReport {
  scenario: string;
  /** Prices from the dearest interval to the cheapest, sampled evenly; one point for a flat price. */
  durationCurveUsdPerMwh: UsdPerMwh[];
  breakevens: Breakeven[];
  periods: PeriodEnergy[];
}

/** Revenue per MWh of a miner's IT at the scenario's hashprice in period p. */
const miningRevenuePerMwh = (m: EquipmentModel, s: Scenario, p: number): number => ((m.hashrateThs / TH_PER_PH) * at(s.hashpriceUsdPerPhDay, p)) / HOURS_PER_DAY / (m.powerKw / KW_PER_MW);

function durationCurve(prices: readonly number[]): number[] {
  const sorted = [...prices].sort((a, b) => b - a);
  if (sorted.length <= CURVE_POINTS) return sorted;
  return Array.from({ length: CURVE_POINTS }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (CURVE_POINTS - 1))]!);
}

export function siteEnergyReport(doc: FleetDoc, siteId: string): SiteEnergyReport | null {
  const site = doc.sites.find((s) => s.id === siteId);
  const scenario = [...doc.scenarios].sort((a, b) => b.probability - a.probability)[0];
  if (!site || !scenario) return null;
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const mining = doc.halls
    .filter((h) => h.siteId === siteId)
    .flatMap((h) => h.retrofitOptions.filter((o) => o.kind !== 'retrofit-ai').map((o) => ({ hall: h, option: o, model: o.modelId ? models.get(o.modelId) : undefined })))
    .filter((x): x is typeof x & { model: EquipmentModel } => !!x.model && x.model.hashrateThs > 0 && x.model.powerKw > 0);
  const energy = siteEnergy(site, doc.fleet);
  const hours = hoursPerPeriod(doc.fleet);
  // The kept option's PUE is the hall's own (what keeping means); a repower brings its own.
  const pueOf = (x: (typeof mining)[number]) => (x.option.kind === 'keep-mining' ? x.hall.pue : x.option.pue);
  const first = mining[0];
  const aiPue = doc.halls.find((h) => h.siteId === siteId)?.pue ?? 1;
  const periods = Array.from({ length: doc.fleet.horizonPeriods }, (_, p): PeriodEnergy => {
    const factor = at(scenario.powerPriceFactor, p);
    const ai = energy.share(p, 0, aiPue, factor, false);
    const out: PeriodEnergy = { period: p, miningUptimeFraction: null, curtailmentCreditUsdPerMw: 0, miningUsdPerMwh: null, aiUsdPerMwh: (ai.powerCostUsd + peakChargePerMwUsd(energy, aiPue, doc.fleet) / hours) / aiPue };
    if (!first) return out;
    const s = energy.share(p, miningRevenuePerMwh(first.model, scenario, p), pueOf(first), factor, true);
    out.miningUptimeFraction = s.uptimeFraction;
    out.curtailmentCreditUsdPerMw = s.curtailmentCreditUsd * hours;
    out.miningUsdPerMwh = s.uptimeFraction > 0 ? (s.powerCostUsd - s.curtailmentCreditUsd) / (s.uptimeFraction * pueOf(first)) : null;
    return out;
  });
  return {
    scenario: scenario.name,
    durationCurveUsdPerMwh: site.priceSeries ? durationCurve(site.priceSeries.pricesUsdPerMwh) : [site.powerPriceUsdPerMwh],
    breakevens: mining.map((x) => ({ hall: x.hall.name, option: x.option.name, usdPerMwh: miningRevenuePerMwh(x.model, scenario, 0) / pueOf(x) })),
    periods,
  };
}
