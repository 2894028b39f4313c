/**
 * "Apply plan": turns the optimizer's answer into one undoable edit of the layout. In
 * every hall whose option changes, the IT equipment goes, the chosen units are laid out
 * in rows with their service aisles (facing alternately, so backs share hot aisles), and
 * the hall takes the option's feed, cooling and use. Infrastructure (PDUs, CDUs, CRAHs)
 * stays for the engineer to rework by hand.
 */
import type { BatchCommand, Command } from '../commands/schema';
import { placeRows } from '../geometry/rows';
import { usableUnits } from '../model/cooling';
import { isItEquipment } from '../model/load';
import type { FleetDoc, Hall, Plan } from '../model/schema';

/** Kept clear along the walls. */
const WALL_MARGIN_M = 1;
const SIDE_GAP_M = 0.05;

export interface AppliedPlan {
  command: BatchCommand;
  /** Halls where fewer units fit the floor than the plan asked for. */
  shortfalls: string[];
  /** The halls the edit changes (those the plan converts, repowers or idles). */
  hallIds: string[];
}

export function applyPlanCommand(doc: FleetDoc, plan: Plan): AppliedPlan {
  const commands: Command[] = [];
  const shortfalls: string[] = [];
  const hallIds: string[] = [];
  const models = new Map(doc.models.map((m) => [m.id, m]));
  for (const choice of plan.halls) {
    const hall = doc.halls.find((h) => h.id === choice.hallId);
    const option = hall?.retrofitOptions.find((o) => o.id === choice.optionId);
    if (!hall || !option || option.kind === 'keep-mining') continue;
    hallIds.push(hall.id);
    const it = doc.placements.filter((p) => p.hallId === hall.id && isItEquipment(models.get(p.modelId)?.kind ?? 'pdu')).map((p) => p.id);
    if (it.length) commands.push({ type: 'remove', table: 'placements', ids: it });
    const model = option.modelId ? models.get(option.modelId) : undefined;
    if (model && choice.units > 0) {
      const perRow = Math.max(1, Math.floor((hall.widthM - 2 * WALL_MARGIN_M + SIDE_GAP_M) / (model.widthM + SIDE_GAP_M)));
      const laid = placeRows({ idPrefix: `${plan.id}-${hall.id}-`, hallId: hall.id, model, rows: Math.ceil(choice.units / perRow), perRow, count: choice.units, x0M: WALL_MARGIN_M, y0M: WALL_MARGIN_M, gapXM: SIDE_GAP_M });
      const fitting = laid.placements.filter((p) => p.yM + model.depthM / 2 <= hall.depthM - WALL_MARGIN_M);
      if (fitting.length < choice.units) shortfalls.push(`${hall.name}: ${fitting.length} of ${choice.units} ${model.name} fit the floor`);
      if (fitting.length) commands.push({ type: 'insert', entities: { table: 'placements', items: fitting } });
    }
    commands.push({ type: 'update', table: 'halls', id: hall.id, patch: hallAfter(hall, option, model?.gpuCount ? 'ai' : model ? 'mining' : 'idle') });
  }
  return { command: { type: 'batch', label: `apply ${plan.name}`, commands }, shortfalls, hallIds };
}

function hallAfter(hall: Hall, option: Hall['retrofitOptions'][number], use: Hall['currentUse']): Partial<Hall> {
  const units = Math.max(1, usableUnits(hall.cooling.redundancy, hall.cooling.unitCount));
  return {
    currentUse: use,
    feedKw: option.feedKw,
    pue: option.pue,
    // The new class's own density default applies unless the plant stays the same.
    densityLimitKwPerRack: option.coolingMethod === hall.cooling.method ? hall.densityLimitKwPerRack : null,
    cooling: { ...hall.cooling, method: option.coolingMethod, unitCapacityKw: option.usableCoolingKw / units },
  };
}
