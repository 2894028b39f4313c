/**
 * A hall's retrofit options as the engineer adds them: each starts from figures that
 * make sense for the hall (its feed, cooling and PUE, its miners, a catalog GPU rack),
 * to be edited, and gets an id no other option of the hall has.
 */
import { idleOption, keepMiningOption, retrofitAiOption } from '../samples/economics';
import { usableCoolingKw } from './cooling';
import { copyName, freeId } from './copy-names';
import type { Command } from '../commands/schema';
import type { EquipmentModel, FleetDoc, Hall, OptionKind, Plan, RetrofitOption } from './schema';

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
      return rack ? sizedFor(hall, kind, rack) : 'the catalog has no GPU rack to retrofit to';
    }
    const miner = bestMiner(doc.models, mostPlacedMiner(doc, hall)?.model.kind ?? 'miner-rack');
    return miner ? sizedFor(hall, kind, miner) : 'the catalog has no miner to repower with';
  })();
  if (typeof made === 'string') return made;
  const ids = new Set(hall.retrofitOptions.map((o) => o.id));
  const names = hall.retrofitOptions.map((o) => o.name);
  return { ...made, id: freeId(`${hall.id}-option`, ids), name: names.includes(made.name) ? copyName(made.name, names, OPTION_NAME_MAX_LENGTH) : made.name };
}

/** A repower or AI retrofit of `hall` with `model`, sized from the hall as it is: its floor for AI, its feed and cooling for miners. */
function sizedFor(hall: Hall, kind: 'repower' | 'retrofit-ai', model: EquipmentModel): RetrofitOption {
  if (kind === 'retrofit-ai') return retrofitAiOption(hall, model);
  return {
    ...keepMiningOption(hall, model, model.powerKw > 0 ? Math.floor(Math.min(hall.feedKw, usableCoolingKw(hall)) / model.powerKw) : 0),
    kind: 'repower',
    name: `Repower with ${model.name}`,
    // A quarter to swap racks; no building work, so capex is the units'.
    leadTimePeriods: 1,
  };
}

/** Plans that chose `optionId` for a hall: a plan names its options, so the option cannot go without them. */
export function plansChoosing(doc: Pick<FleetDoc, 'plans'>, hallId: string, optionId: string): Plan[] {
  return doc.plans.filter((p) => p.halls.some((h) => h.hallId === hallId && h.optionId === optionId));
}

/** Deleting an option of a hall, with the plans that chose it (plansChoosing), as one edit that one undo brings back. */
export function deleteOptionCommand(doc: Pick<FleetDoc, 'plans'>, hall: Hall, optionId: string): Command {
  const remove: Command = { type: 'update', table: 'halls', id: hall.id, patch: { retrofitOptions: hall.retrofitOptions.filter((o) => o.id !== optionId) } };
  const plans = plansChoosing(doc, hall.id, optionId);
  if (!plans.length) return remove;
  return { type: 'batch', label: 'delete option', commands: [{ type: 'remove', table: 'plans', ids: plans.map((p) => p.id) }, remove] };
}

/** The figures an option's size comes down to. */
export type HallFigures = Pick<RetrofitOption, 'feedKw' | 'usableCoolingKw' | 'maxUnits'>;

/**
 * The figures a repower or AI retrofit with the option's model would start from for the hall
 * as it is now, where they differ from the option's: an option keeps the figures it was made
 * with as the hall is resized or refed (a hall grown from 40 × 20 to 60 × 30 m still offered
 * 13 racks where a new option offers 29). Null where they agree, and for keeping (which runs
 * the hall as it stands) and idling (which installs nothing).
 */
export function hallFiguresFor(doc: Pick<FleetDoc, 'models'>, hall: Hall, option: RetrofitOption): HallFigures | null {
  const model = doc.models.find((m) => m.id === option.modelId);
  if ((option.kind !== 'repower' && option.kind !== 'retrofit-ai') || !model) return null;
  const { feedKw, usableCoolingKw, maxUnits } = sizedFor(hall, option.kind, model);
  return feedKw === option.feedKw && usableCoolingKw === option.usableCoolingKw && maxUnits === option.maxUnits ? null : { feedKw, usableCoolingKw, maxUnits };
}
