/**
 * Feeding rows of units from overhead busways: consecutive units of one row share a busway
 * run while its derated rating carries their apparent power; a new row starts a new run.
 * Used by the samples and by Apply plan, so both build feeds the checks accept.
 */
import { apparentPowerKva } from './power-chain';
import type { EquipmentModel, Placement } from './schema';

export interface BuswayRuns {
  busway: EquipmentModel;
  /** The fleet's continuous-load derate: a run carries at most rating × derate. */
  derate: number;
  idPrefix: string;
  labelPrefix: string;
  /** The source above every run (a switchboard), or null. */
  feedFrom: string | null;
}

/** Units in one row stand at one y (facing north or south) or one x (facing east or west). */
const rowOf = (p: Placement): string => (p.rotationDeg % 180 === 0 ? `y${p.yM}:${p.rotationDeg}` : `x${p.xM}:${p.rotationDeg}`);

/**
 * Busway runs over `units` (of `model`, in row order), each unit set to be fed from its run.
 * Returns the runs, or throws when one unit alone draws more than a run may carry.
 */
export function buswayRuns(units: Placement[], model: EquipmentModel, runs: BuswayRuns): Placement[] {
  const unitKva = apparentPowerKva(model.powerKw, model.powerFactor);
  const capacityKva = runs.busway.ratingKva * runs.derate;
  if (unitKva > capacityKva + 1e-9) throw new Error(`${model.name} draws ${unitKva.toFixed(1)} kVA, more than one ${runs.busway.name} carries (${capacityKva.toFixed(1)} kVA)`);
  const perRun = Math.floor(capacityKva / unitKva + 1e-9);
  const out: Placement[] = [];
  let row = '';
  let inRun = perRun;
  for (const unit of units) {
    if (rowOf(unit) !== row || inRun === perRun) {
      row = rowOf(unit);
      inRun = 0;
      const alongX = unit.rotationDeg % 180 === 0;
      out.push({
        id: `${runs.idPrefix}${out.length + 1}`,
        hallId: unit.hallId,
        modelId: runs.busway.id,
        // In line with the row, starting at the first unit's edge.
        xM: alongX ? unit.xM - model.widthM / 2 + runs.busway.widthM / 2 : unit.xM,
        yM: alongX ? unit.yM : unit.yM - model.widthM / 2 + runs.busway.widthM / 2,
        rotationDeg: unit.rotationDeg,
        powerSourceId: runs.feedFrom,
        powerSourceBId: null,
        label: `${runs.labelPrefix}${out.length + 1}`,
      });
    }
    unit.powerSourceId = out[out.length - 1]!.id;
    inRun++;
  }
  return out;
}
