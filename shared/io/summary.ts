/** Counts and totals of a fleet, for `fleetplan info` and summaries. */
import type { FleetReading } from '../model/schema';
import { computeTotals } from '../model/totals';
import { TH_PER_PH } from '../units';

export interface FleetSummary {
  name: string;
  counts: { sites: number; halls: number; zones: number; models: number; placements: number; scenarios: number; plans: number };
  totals: { itMw: number; hashratePhs: number; gpus: number; equipmentCapexUsd: number };
}

/** Walks the placements once: a fleet read from a large file need not hold them. */
export function summarize(doc: FleetReading): FleetSummary {
  const t = computeTotals(doc);
  const round = (v: number, digits: number): number => Number(v.toFixed(digits));
  return {
    name: doc.fleet.name,
    counts: {
      sites: doc.sites.length,
      halls: doc.halls.length,
      zones: doc.zones.length,
      models: doc.models.length,
      // A checked fleet has no placement of a missing model, so every one is counted.
      placements: t.placements,
      scenarios: doc.scenarios.length,
      plans: doc.plans.length,
    },
    totals: { itMw: round(t.itMw, 4), hashratePhs: round(t.hashrateThs / TH_PER_PH, 3), gpus: t.gpuCount, equipmentCapexUsd: Math.round(t.equipmentCapexUsd) },
  };
}
