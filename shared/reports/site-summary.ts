/**
 * The fleet summary per site: MW by use, hashrate, GPUs, the PUE the site runs at and
 * where its revenue comes from, at the first period's expected prices.
 */
import { itPowerKw } from '../model/load';
import type { FleetDoc } from '../model/schema';
import { unitEconomics } from '../optimizer/economics';
import { siteEnergy } from '../energy/site-energy';
import { kwToMw } from '../units';
import { byName } from '../model/order';

export interface SiteSummary {
  siteId: string;
  name: string;
  miningMw: number;
  aiMw: number;
  idleHalls: number;
  hashrateThs: number;
  gpus: number;
  /** Grid draw over IT load, weighted by each hall's IT; null where nothing runs. */
  pue: number | null;
  miningRevenueUsdPerPeriod: number;
  aiRevenueUsdPerPeriod: number;
}

type Tally = SiteSummary & { gridKw: number; itKw: number };

const withPue = ({ gridKw, itKw, ...s }: Tally): SiteSummary => ({ ...s, pue: itKw > 0 ? gridKw / itKw : null });

/**
 * How much each scenario counts in expected revenue: its probability, scaled so they add
 * up to 1 (equal when none is set). Probabilities adding up to 30 % showed 30 % of the
 * revenue, with nothing said; `probabilityTotal` lets the report say it.
 */
export function scenarioShares(doc: Pick<FleetDoc, 'scenarios'>): { shares: number[]; probabilityTotal: number } {
  const probabilityTotal = doc.scenarios.reduce((t, s) => t + s.probability, 0);
  const shares = doc.scenarios.map((s) => (probabilityTotal > 0 ? s.probability / probabilityTotal : 1 / doc.scenarios.length));
  return { shares, probabilityTotal };
}

/** Each site, in the fleet tree's order, and the fleet as a whole (its PUE weighted by IT like a site's). */
export function siteSummaries(doc: FleetDoc): { sites: SiteSummary[]; fleet: SiteSummary } {
  const { shares } = scenarioShares(doc);
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const halls = new Map(doc.halls.map((h) => [h.id, h]));
  const tally = (siteId: string, name: string): Tally => ({ siteId, name, miningMw: 0, aiMw: 0, idleHalls: 0, hashrateThs: 0, gpus: 0, pue: null, miningRevenueUsdPerPeriod: 0, aiRevenueUsdPerPeriod: 0, gridKw: 0, itKw: 0 });
  const out = new Map<string, Tally>([...doc.sites].sort(byName).map((s) => [s.id, tally(s.id, s.name)]));
  for (const h of doc.halls) if (h.currentUse === 'idle') out.get(h.siteId)!.idleHalls++;
  // Revenue as the optimizer counts it: miners earn only in the hours they run.
  const energy = new Map(doc.sites.map((site) => [site.id, siteEnergy(site, doc.fleet)]));
  for (const p of doc.placements) {
    const m = models.get(p.modelId);
    const hall = halls.get(p.hallId);
    const s = hall && out.get(hall.siteId);
    if (!m || !hall || !s) continue;
    const kw = itPowerKw(m);
    s.itKw += kw;
    s.gridKw += kw * hall.pue;
    if (m.gpuCount > 0) s.aiMw += kwToMw(kw);
    else s.miningMw += kwToMw(kw);
    s.hashrateThs += m.hashrateThs;
    s.gpus += m.gpuCount;
    doc.scenarios.forEach((sc, i) => {
      const e = unitEconomics(m, hall.pue, energy.get(hall.siteId)!, sc, doc.fleet, 0);
      if (m.gpuCount > 0) s.aiRevenueUsdPerPeriod += shares[i]! * e.revenueUsd;
      else s.miningRevenueUsdPerPeriod += shares[i]! * e.revenueUsd;
    });
  }
  const sites = [...out.values()];
  const fleet = tally('', 'Fleet');
  for (const s of sites) {
    for (const key of ['miningMw', 'aiMw', 'idleHalls', 'hashrateThs', 'gpus', 'miningRevenueUsdPerPeriod', 'aiRevenueUsdPerPeriod', 'gridKw', 'itKw'] as const) fleet[key] += s[key];
  }
  return { sites: sites.map(withPue), fleet: withPue(fleet) };
}
