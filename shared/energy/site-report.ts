/**
 * A site's energy as its engineer reads it: the price duration curve with the price at
 * which the miners standing in each hall stop (and a repower's would), the halls that draw
 * whatever the price, and per period the mining uptime, demand-response
 * credits and the effective $/MWh mining and AI pay, in the most likely scenario.
 */
import { appendAll } from '../arrays';
import type { EquipmentModel, FleetDoc, Hall, Scenario } from '../model/schema';
import { at, hoursPerPeriod } from '../optimizer/economics';
import { HOURS_PER_DAY, KW_PER_MW, TH_PER_PH, type UsdPerMwh } from '../units';
import { peakChargePerMwUsd, siteEnergy } from './site-energy';

/** Points of the duration curve drawn: a year of 15-minute prices reduced to what a chart can show. */
export const CURVE_POINTS = 200;

export interface Breakeven {
  hall: string;
  /** What stops: the miners standing in the hall ("500 × Shelf rack, 20 × Antminer S21 XP"), or a repower option's name. */
  what: string;
  /** Miners that stand in the hall now, not an option the optimizer may take. */
  standing: boolean;
  /** The price above which these miners stop, $/MWh at the meter, as the series gives it (before the scenario's factor). */
  usdPerMwh: UsdPerMwh;
  /** Share of the series' intervals priced below it, where the miners may run. */
  belowFraction: number;
}

/** A hall where no miner stands: what stands there instead, which never stops for the price. */
export interface FirmHall {
  hall: string;
  /** "52 × GB200 NVL72 rack", or null when nothing that earns stands there. */
  what: string | null;
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
  /** Halls that stand without miners (AI, or nothing that earns): named, so none is read as mining. */
  firmHalls: FirmHall[];
  /** The miners the period table's mining columns follow ("Antminer S21 XP in Building A"); null without any. */
  miningBasis: string | null;
  periods: PeriodEnergy[];
}

/** Revenue per MWh of a miner's IT at the scenario's hashprice in period p. */
const miningRevenuePerMwh = (m: EquipmentModel, s: Scenario, p: number): number => ((m.hashrateThs / TH_PER_PH) * at(s.hashpriceUsdPerPhDay, p)) / HOURS_PER_DAY / (m.powerKw / KW_PER_MW);

function durationCurve(prices: readonly number[]): number[] {
  const sorted = [...prices].sort((a, b) => b - a);
  if (sorted.length <= CURVE_POINTS) return sorted;
  return Array.from({ length: CURVE_POINTS }, (_, i) => sorted[Math.round((i * (sorted.length - 1)) / (CURVE_POINTS - 1))]!);
}

/** Miners run where price × factor × PUE stays below their revenue: on the series' own scale, below revenue / (PUE × factor). */
function belowFraction(usdPerMwh: UsdPerMwh, prices: readonly number[]): number {
  return prices.reduce((n, price) => n + (price < usdPerMwh ? 1 : 0), 0) / prices.length;
}

/** Miners as they run in a hall: the model, how many, at which PUE, and whether they stand there or are an option. */
interface MiningUnits {
  hall: Hall;
  model: EquipmentModel;
  what: string;
  standing: boolean;
  pue: number;
}

const isMiner = (m: EquipmentModel | undefined): m is EquipmentModel => !!m && m.hashrateThs > 0 && m.powerKw > 0;

/**
 * What earns in each of the site's halls as it stands: its placed miners and GPU systems by
 * model; a hall with nothing laid out yet stands for its keep option's miners, as the
 * optimizer reads keeping it.
 */
export function standingUnits(doc: Pick<FleetDoc, 'halls' | 'placements' | 'models'>, siteId: string): Map<string, { modelId: string; count: number }[]> {
  const halls = new Map(doc.halls.filter((h) => h.siteId === siteId).map((h) => [h.id, new Map<string, number>()]));
  const placedIn = new Set<string>();
  const earning = new Set(doc.models.filter((m) => m.hashrateThs > 0 || m.gpuCount > 0).map((m) => m.id));
  for (const p of doc.placements) {
    const counts = halls.get(p.hallId);
    if (!counts) continue;
    placedIn.add(p.hallId);
    if (earning.has(p.modelId)) counts.set(p.modelId, (counts.get(p.modelId) ?? 0) + 1);
  }
  for (const h of doc.halls) {
    const keep = h.retrofitOptions.find((o) => o.kind === 'keep-mining');
    if (halls.has(h.id) && !placedIn.has(h.id) && keep?.modelId) halls.get(h.id)!.set(keep.modelId, keep.maxUnits);
  }
  return new Map([...halls].map(([id, counts]) => [id, [...counts].map(([modelId, count]) => ({ modelId, count }))]));
}

const unitsPhrase = (count: number, model: EquipmentModel): string => `${count.toLocaleString('en-US')} × ${model.name}`;

export function siteEnergyReport(doc: FleetDoc, siteId: string, standing = standingUnits(doc, siteId)): SiteEnergyReport | null {
  const site = doc.sites.find((s) => s.id === siteId);
  const scenario = [...doc.scenarios].sort((a, b) => b.probability - a.probability)[0];
  if (!site || !scenario) return null;
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const halls = doc.halls.filter((h) => h.siteId === siteId);
  const firmHalls: FirmHall[] = [];
  const stood: MiningUnits[] = [];
  for (const hall of halls) {
    const units = (standing.get(hall.id) ?? []).flatMap(({ modelId, count }) => (models.has(modelId) ? [{ model: models.get(modelId)!, count }] : []));
    const miners = units.filter((u) => isMiner(u.model));
    appendAll(stood, miners.map((u) => ({ hall, model: u.model, what: unitsPhrase(u.count, u.model), standing: true, pue: hall.pue })));
    if (!miners.length) firmHalls.push({ hall: hall.name, what: units.length ? units.map((u) => unitsPhrase(u.count, u.model)).join(', ') : null });
  }
  // A repower brings its own miners and PUE: what they would do, beside what stands.
  const options: MiningUnits[] = halls.flatMap((hall) =>
    hall.retrofitOptions.filter((o) => o.kind === 'repower').flatMap((o) => {
      const model = o.modelId ? models.get(o.modelId) : undefined;
      return isMiner(model) ? [{ hall, model, what: o.name, standing: false, pue: o.pue }] : [];
    }),
  );
  const mining = [...stood, ...options];
  const energy = siteEnergy(site, doc.fleet);
  const hours = hoursPerPeriod(doc.fleet);
  const first = mining[0];
  const aiPue = halls[0]?.pue ?? 1;
  const periods = Array.from({ length: doc.fleet.horizonPeriods }, (_, p): PeriodEnergy => {
    const factor = at(scenario.powerPriceFactor, p);
    const ai = energy.share(p, 0, aiPue, factor, false);
    const out: PeriodEnergy = { period: p, miningUptimeFraction: null, curtailmentCreditUsdPerMw: 0, miningUsdPerMwh: null, aiUsdPerMwh: (ai.powerCostUsd + peakChargePerMwUsd(energy, aiPue, doc.fleet) / hours) / aiPue };
    if (!first) return out;
    const s = energy.share(p, miningRevenuePerMwh(first.model, scenario, p), first.pue, factor, true);
    out.miningUptimeFraction = s.uptimeFraction;
    out.curtailmentCreditUsdPerMw = s.curtailmentCreditUsd * hours;
    out.miningUsdPerMwh = s.uptimeFraction > 0 ? (s.powerCostUsd - s.curtailmentCreditUsd) / (s.uptimeFraction * first.pue) : null;
    return out;
  });
  const prices = site.priceSeries?.pricesUsdPerMwh ?? [site.powerPriceUsdPerMwh];
  return {
    scenario: scenario.name,
    durationCurveUsdPerMwh: durationCurve(prices),
    breakevens: mining.map((x) => {
      const usdPerMwh = miningRevenuePerMwh(x.model, scenario, 0) / (x.pue * at(scenario.powerPriceFactor, 0));
      return { hall: x.hall.name, what: x.what, standing: x.standing, usdPerMwh, belowFraction: belowFraction(usdPerMwh, prices) };
    }),
    firmHalls,
    miningBasis: first ? `${first.model.name} in ${first.hall.name}${first.standing ? '' : ` (${first.what})`}` : null,
    periods,
  };
}
