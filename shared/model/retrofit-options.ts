/**
 * A hall's retrofit options as the engineer adds them: each starts from figures that
 * make sense for the hall (its feed, cooling and PUE, its miners, a catalog GPU rack),
 * to be edited, and gets an id no other option of the hall has.
 */
import { idleOption, keepMiningOption, retrofitAiOption } from '../samples/economics';
import { usableCoolingKw } from './cooling';
import { copyName, freeId } from './copy-names';
import type { EquipmentModel, FleetDoc, Hall, OptionKind, RetrofitOption } from './schema';

export const OPTION_KIND_LABEL: Record<OptionKind, string> = {
  'keep-mining': 'Keep mining',
  repower: 'Repower with newer miners',
  'retrofit-ai': 'Retrofit to AI',
  idle: 'Idle',
};

/** As the schema allows. */
const OPTION_NAME_MAX_LENGTH = 200;

const isMiner = (m: EquipmentModel) => m.hashrateThs > 0;
const isGpu = (m: EquipmentModel) => m.gpuCount > 0;
/** The catalog's most efficient miner of a kind (racks replace racks, containers containers): what a repower buys. */
const bestMiner = (models: readonly EquipmentModel[], kind: EquipmentModel['kind']) =>
  models.filter((m) => isMiner(m) && m.kind === kind && m.powerKw > 0).sort((a, b) => b.hashrateThs / b.powerKw - a.hashrateThs / a.powerKw)[0];

/** The miner model the hall's layout holds most of, and how many; null when it holds none. */
function mostPlacedMiner(doc: FleetDoc, hall: Hall): { model: EquipmentModel; units: number } | null {
  const models = new Map(doc.models.map((m) => [m.id, m]));
  const counts = new Map<string, number>();
  for (const p of doc.placements) if (p.hallId === hall.id && models.get(p.modelId) && isMiner(models.get(p.modelId)!)) counts.set(p.modelId, (counts.get(p.modelId) ?? 0) + 1);
  const [id, units] = [...counts].sort((a, b) => b[1] - a[1])[0] ?? [];
  return id ? { model: models.get(id)!, units: units! } : null;
}

/**
 * A new option of `kind` for `hall`, or the reason there can be none (the catalog has no
 * model for it). Keeping mines with the miners the layout holds; repowering and the AI
 * retrofit fill the hall's feed with the catalog's best miner or its first GPU rack.
 */
export function newRetrofitOption(doc: FleetDoc, hall: Hall, kind: OptionKind): RetrofitOption | string {
  const made = ((): RetrofitOption | string => {
    if (kind === 'idle') return idleOption(hall);
    if (kind === 'keep-mining') {
      const placed = mostPlacedMiner(doc, hall);
      const model = placed?.model ?? doc.models.find(isMiner);
      return model ? keepMiningOption(hall, model, placed?.units ?? 0) : 'the catalog has no miner to keep';
    }
    if (kind === 'retrofit-ai') {
      const rack = doc.models.find((m) => m.id === 'nvl72-gb200') ?? doc.models.find(isGpu);
      return rack ? retrofitAiOption(hall, rack) : 'the catalog has no GPU rack to retrofit to';
    }
    const miner = bestMiner(doc.models, mostPlacedMiner(doc, hall)?.model.kind ?? 'miner-rack');
    if (!miner) return 'the catalog has no miner to repower with';
    return {
      ...keepMiningOption(hall, miner, Math.floor(Math.min(hall.feedKw, usableCoolingKw(hall)) / miner.powerKw)),
      kind: 'repower',
      name: `Repower with ${miner.name}`,
      // A quarter to swap racks; no building work, so capex is the units'.
      leadTimePeriods: 1,
    };
  })();
  if (typeof made === 'string') return made;
  const ids = new Set(hall.retrofitOptions.map((o) => o.id));
  const names = hall.retrofitOptions.map((o) => o.name);
  return { ...made, id: freeId(`${hall.id}-option`, ids), name: names.includes(made.name) ? copyName(made.name, names, OPTION_NAME_MAX_LENGTH) : made.name };
}
