/** Counts and totals of a fleet, for `fleetplan info` and summaries. */
import type { EquipmentKind, FleetDoc } from '../model/schema';
import { kwToMw, TH_PER_PH } from '../units';

/** Equipment whose draw is IT load; cooling and electrical gear are facility load. */
export const IT_KINDS: ReadonlySet<EquipmentKind> = new Set([
  'asic-miner', 'miner-rack', 'miner-container', 'gpu-server', 'gpu-rack', 'immersion-tank',
]);

export interface FleetSummary {
  name: string;
  counts: { sites: number; halls: number; zones: number; models: number; placements: number; scenarios: number; plans: number };
  totals: { itMw: number; hashratePhs: number; gpus: number; equipmentCapexUsd: number };
}

export function summarize(doc: FleetDoc): FleetSummary {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  let itKw = 0;
  let hashrateThs = 0;
  let gpus = 0;
  let capexUsd = 0;
  for (const p of doc.placements) {
    const m = models.get(p.modelId);
    if (!m) continue;
    if (IT_KINDS.has(m.kind)) itKw += m.powerKw;
    hashrateThs += m.hashrateThs;
    gpus += m.gpuCount;
    capexUsd += m.capexUsd;
  }
  const round = (v: number, digits: number): number => Number(v.toFixed(digits));
  return {
    name: doc.fleet.name,
    counts: {
      sites: doc.sites.length,
      halls: doc.halls.length,
      zones: doc.zones.length,
      models: doc.models.length,
      placements: doc.placements.length,
      scenarios: doc.scenarios.length,
      plans: doc.plans.length,
    },
    totals: { itMw: round(kwToMw(itKw), 4), hashratePhs: round(hashrateThs / TH_PER_PH, 3), gpus, equipmentCapexUsd: Math.round(capexUsd) },
  };
}
