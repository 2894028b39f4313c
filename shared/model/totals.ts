import { airHeatKw } from './cooling';
import { itPowerKw } from './load';
import { apparentPowerKva } from './power-chain';
import type { EquipmentModel, FleetReading, Placement } from './schema';
import { kwToMw } from '../units';

export interface Totals {
  placements: number;
  itMw: number;
  hashrateThs: number;
  gpuCount: number;
  /** What the placed equipment cost, at catalog prices. */
  equipmentCapexUsd: number;
}

/** Totals over the placements of the fleet, or of one site or hall when a filter is given; placements of a missing model are left out. */
export function computeTotals(doc: FleetReading, filter: { siteId?: string; hallId?: string } = {}): Totals {
  const models = new Map<string, EquipmentModel>(doc.models.map((m) => [m.id, m]));
  const hallIds = filter.siteId
    ? new Set(doc.halls.filter((h) => h.siteId === filter.siteId).map((h) => h.id))
    : null;
  let itKw = 0;
  let hashrateThs = 0;
  let gpuCount = 0;
  let placements = 0;
  let equipmentCapexUsd = 0;
  for (const p of doc.placements) {
    if (filter.hallId && p.hallId !== filter.hallId) continue;
    if (hallIds && !hallIds.has(p.hallId)) continue;
    const model = models.get(p.modelId);
    if (!model) continue;
    placements++;
    itKw += itPowerKw(model);
    hashrateThs += model.hashrateThs;
    gpuCount += model.gpuCount;
    equipmentCapexUsd += model.capexUsd;
  }
  return { placements, itMw: kwToMw(itKw), hashrateThs, gpuCount, equipmentCapexUsd };
}

/** Hashrate for people: 1 EH/s = 1,000 PH/s = 1,000,000 TH/s. */
export function formatHashrate(ths: number): string {
  if (ths >= 1e6) return `${(ths / 1e6).toFixed(2)} EH/s`;
  if (ths >= 1e3) return `${(ths / 1e3).toFixed(1)} PH/s`;
  return `${ths.toFixed(0)} TH/s`;
}

/** What a selection of placed units adds up to, as the inspector shows it for several. */
export interface SelectionTotals {
  count: number;
  powerKw: number;
  /** Apparent power: each unit's kW over its power factor. */
  apparentKva: number;
  liquidHeatKw: number;
  airHeatKw: number;
  weightKg: number;
}

export function selectionTotals(placements: readonly Placement[], models: ReadonlyMap<string, EquipmentModel>): SelectionTotals {
  const t: SelectionTotals = { count: 0, powerKw: 0, apparentKva: 0, liquidHeatKw: 0, airHeatKw: 0, weightKg: 0 };
  for (const p of placements) {
    const m = models.get(p.modelId);
    if (!m) continue;
    t.count++;
    t.powerKw += m.powerKw;
    t.apparentKva += apparentPowerKva(m.powerKw, m.powerFactor);
    // All the power a unit draws leaves as heat, its liquid share through its loop or CDU.
    t.liquidHeatKw += m.powerKw * m.heatToLiquidFraction;
    t.airHeatKw += airHeatKw(m);
    t.weightKg += m.weightKg;
  }
  return t;
}
