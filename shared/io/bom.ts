/** Bill of materials: what stands in each hall, counted by model, with power and capex totals. */
import type { EquipmentKind, FleetDoc } from '../model/schema';
import { toCsv } from './csv';

export interface BomLine {
  siteId: string;
  site: string;
  hallId: string;
  hall: string;
  modelId: string;
  model: string;
  kind: EquipmentKind;
  vendor: string;
  quantity: number;
  unitPowerKw: number;
  totalPowerKw: number;
  unitCapexUsd: number;
  totalCapexUsd: number;
  totalHashrateThs: number;
  totalGpus: number;
}

/** Products of decimal inputs pick up float noise (72.9 × 3 = 218.70000000000002); a µ-unit is plenty. */
const tidy = (v: number): number => Math.round(v * 1e6) / 1e6;

/** One line per hall and model, in the document's site, hall and placement order. */
export function billOfMaterials(doc: FleetDoc): BomLine[] {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const halls = new Map(doc.halls.map((h) => [h.id, h]));
  const sites = new Map(doc.sites.map((s) => [s.id, s]));
  const counts = new Map<string, Map<string, number>>();
  for (const p of doc.placements) {
    const perHall = counts.get(p.hallId) ?? new Map<string, number>();
    perHall.set(p.modelId, (perHall.get(p.modelId) ?? 0) + 1);
    counts.set(p.hallId, perHall);
  }
  const lines: BomLine[] = [];
  const hallOrder = [...doc.halls].sort((a, b) => doc.sites.findIndex((s) => s.id === a.siteId) - doc.sites.findIndex((s) => s.id === b.siteId));
  for (const hall of hallOrder) {
    const site = sites.get(hall.siteId);
    for (const [modelId, quantity] of counts.get(hall.id) ?? []) {
      const m = models.get(modelId);
      if (!m) continue;
      lines.push({
        siteId: hall.siteId,
        site: site?.name ?? '',
        hallId: hall.id,
        hall: halls.get(hall.id)!.name,
        modelId,
        model: m.name,
        kind: m.kind,
        vendor: m.vendor,
        quantity,
        unitPowerKw: m.powerKw,
        totalPowerKw: tidy(quantity * m.powerKw),
        unitCapexUsd: m.capexUsd,
        totalCapexUsd: tidy(quantity * m.capexUsd),
        totalHashrateThs: tidy(quantity * m.hashrateThs),
        totalGpus: quantity * m.gpuCount,
      });
    }
  }
  return lines;
}

const BOM_COLUMNS: (keyof BomLine)[] = [
  'siteId', 'site', 'hallId', 'hall', 'modelId', 'model', 'kind', 'vendor', 'quantity', 'unitPowerKw', 'totalPowerKw',
  'unitCapexUsd', 'totalCapexUsd', 'totalHashrateThs', 'totalGpus',
];

export function bomCsv(doc: FleetDoc): string {
  return toCsv([BOM_COLUMNS, ...billOfMaterials(doc).map((line) => BOM_COLUMNS.map((c) => String(line[c])))]);
}
